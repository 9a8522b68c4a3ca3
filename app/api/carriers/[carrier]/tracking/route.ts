/**
 * POST /api/carriers/<code>/tracking — carriers report tracking events (one
 * JSON object or an array) with `Authorization: Bearer <carrier tracking token>`.
 * See server/services/shipping/receive-carrier-tracking.ts.
 */
import { receiveCarrierTracking } from "@/server/services/shipping/receive-carrier-tracking";

export const dynamic = "force-dynamic";

/** A carrier batch of MAX_EVENTS_PER_POST events stays far below this. */
const MAX_BODY_BYTES = 1_000_000;

export async function POST(req: Request, ctx: { params: Promise<{ carrier: string }> }): Promise<Response> {
  const { carrier } = await ctx.params;
  const rawBody = await req.text();
  if (rawBody.length > MAX_BODY_BYTES) return Response.json({ error: "TOO_LARGE", message: "Send at most 500 events per request." }, { status: 413 });
  const res = await receiveCarrierTracking({ carrierCode: carrier, authorization: req.headers.get("authorization"), rawBody });
  return Response.json(res.body, { status: res.httpStatus, headers: { "Cache-Control": "no-store" } });
}
