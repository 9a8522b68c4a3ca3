/**
 * Who may run a job over HTTP (app/api/jobs/*): a scheduler presenting
 * `Authorization: Bearer $FLUXO_JOB_TOKEN` (at least 16 characters; compared
 * in constant time), or a signed-in ADMIN.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { SessionUser } from "@/server/auth/options";
import { currentUser } from "@/server/auth/session";

function jobTokenMatches(authorization: string | null): boolean {
  const expected = process.env.FLUXO_JOB_TOKEN ?? "";
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (expected.length < 16 || !given) return false;
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The job may run: `user` is the admin who asked, or null for the scheduler. Otherwise the 401/403 answer. */
export async function authorizeJob(req: Request): Promise<{ ok: true; user: SessionUser | null } | { ok: false; response: Response }> {
  if (jobTokenMatches(req.headers.get("authorization"))) return { ok: true, user: null };
  const user = await currentUser();
  if (!user) return { ok: false, response: Response.json({ error: "UNAUTHORIZED", message: "Use the job token (Authorization: Bearer …) or sign in as an admin." }, { status: 401 }) };
  if (user.role !== "ADMIN") return { ok: false, response: Response.json({ error: "FORBIDDEN", message: `Your role (${user.role}) may not run jobs.` }, { status: 403 }) };
  return { ok: true, user };
}
