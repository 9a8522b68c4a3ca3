/** Session helpers for server components and route handlers. */
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { loginHref, REQUEST_PATH_HEADER } from "@/server/auth/callback-url";
import { authOptions, type SessionUser } from "@/server/auth/options";
import type { Role } from "@/server/lib/roles";

export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user ?? null;
}

/** Pages: signed-in users only; others go to the login page, which brings them back here (the proxy names the path). */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(loginHref((await headers()).get(REQUEST_PATH_HEADER)));
  return user;
}

/** Pages: the user's role must be one of `roles`, else a 403 page (deny by default). */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
