/**
 * Tells the pages which path was asked for (REQUEST_PATH_HEADER), so that a signed-out visitor sent to the
 * login page comes back to it after signing in (server/auth/session.ts requireUser). No auth decision here:
 * the pages and the tRPC procedures check the session themselves.
 */
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/server/auth/callback-url";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, Next's own files or static assets.
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|svg|ico|webp|css|js|map|txt)$).*)"],
};
