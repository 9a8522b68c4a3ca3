/**
 * POST /api/jobs/unpaid-reservations — unpaid orders older than the merchant's
 * limit give their reserved stock back (expire-unpaid-reservations.ts). For a
 * scheduler with `Authorization: Bearer $FLUXO_JOB_TOKEN`, or an ADMIN's session.
 * Answers { hours, orders, units, skipped, more }; hours null: the setting is off.
 */
import { authorizeJob } from "@/server/http/job-auth";
import { expireUnpaidReservations } from "@/server/services/order/expire-unpaid-reservations";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  const auth = await authorizeJob(req);
  if (!auth.ok) return auth.response;
  const result = await expireUnpaidReservations(auth.user ? { actor: auth.user } : {});
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}
