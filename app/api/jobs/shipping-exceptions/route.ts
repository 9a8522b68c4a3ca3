/**
 * POST /api/jobs/shipping-exceptions[?stalledDays=3&transitDays=7] — flags
 * stalled and late shipments (detect-delivery-exceptions.ts). For a scheduler
 * with `Authorization: Bearer $FLUXO_JOB_TOKEN` (at least 16 characters), or
 * an ADMIN's session.
 */
import { authorizeJob } from "@/server/http/job-auth";
import { detectDeliveryExceptions } from "@/server/services/shipping/detect-delivery-exceptions";

export const dynamic = "force-dynamic";

function intParam(params: URLSearchParams, name: string, min: number, max: number): number | undefined | null {
  const raw = params.get(name);
  if (raw === null || raw === "") return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

export async function POST(req: Request): Promise<Response> {
  const auth = await authorizeJob(req);
  if (!auth.ok) return auth.response;
  const user = auth.user;
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
