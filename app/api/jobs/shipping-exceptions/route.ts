/**
 * POST /api/jobs/shipping-exceptions[?stalledDays=3&transitDays=7] — flags
 * stalled and late shipments (detect-delivery-exceptions.ts). For a scheduler
 * with `Authorization: Bearer $FLUXO_JOB_TOKEN` (at least 16 characters), or
 * an ADMIN's session.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { currentUser } from "@/server/auth/session";
import { detectDeliveryExceptions } from "@/server/services/shipping/detect-delivery-exceptions";

export const dynamic = "force-dynamic";

function jobTokenMatches(authorization: string | null): boolean {
  const expected = process.env.FLUXO_JOB_TOKEN ?? "";
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (expected.length < 16 || !given) return false;
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function intParam(params: URLSearchParams, name: string, min: number, max: number): number | undefined | null {
  const raw = params.get(name);
  if (raw === null || raw === "") return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

export async function POST(req: Request): Promise<Response> {
  const byJob = jobTokenMatches(req.headers.get("authorization"));
  const user = byJob ? null : await currentUser();
  if (!byJob && !user) return Response.json({ error: "UNAUTHORIZED", message: "Use the job token (Authorization: Bearer …) or sign in as an admin." }, { status: 401 });
  if (user && user.role !== "ADMIN") return Response.json({ error: "FORBIDDEN", message: `Your role (${user.role}) may not run jobs.` }, { status: 403 });
  const params = new URL(req.url).searchParams;
  const stalledDays = intParam(params, "stalledDays", 1, 60);
  const transitDays = intParam(params, "transitDays", 0, 90);
  if (stalledDays === null || transitDays === null) {
    return Response.json({ error: "VALIDATION", message: "stalledDays must be 1–60 and transitDays 0–90 (whole days)." }, { status: 400 });
  }
  const result = await detectDeliveryExceptions({
    ...(user ? { actor: user } : {}),
    ...(stalledDays !== undefined ? { stalledDays } : {}),
    ...(transitDays !== undefined ? { transitDays } : {}),
  });
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}
