/**
 * POST /api/carriers/<code>/tracking: a carrier reports tracking events, one
 * object or an array. Authenticated by `Authorization: Bearer <token>` against
 * the carrier's tracking token, compared in constant time (401 otherwise, the
 * same answer for an unknown carrier). Each event is recorded in its own short
 * transaction (record-tracking-event.ts); repeats answer "duplicate".
 * An unknown tracking number is 404 (for an array: that item's result, and
 * 404 only when no event matched).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "@/server/db";
import { isDomainError } from "@/server/lib/domain-error";
import { systemActor } from "@/server/services/order/actor";
import { recordTrackingEvent } from "./record-tracking-event";
import { carrierTrackingBatch, carrierTrackingEvent, type CarrierTrackingEvent } from "./tracking-input";

export interface HttpAnswer {
  httpStatus: number;
  body: Record<string, unknown>;
}

type ItemResult =
  | { trackingNumber: string; eventId: string; result: "stored" | "duplicate"; status: string; applied: boolean }
  | { trackingNumber: string; eventId: string; result: "not_found" | "failed"; message: string };

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Constant-time comparison (hashing first makes the lengths equal). */
export function tokensMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerToken(authorization: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return m ? (m[1] as string) : null;
}

const UNAUTHORIZED: HttpAnswer = { httpStatus: 401, body: { error: "UNAUTHORIZED", message: "Missing or wrong carrier token (Authorization: Bearer <tracking token>)." } };

export async function receiveCarrierTracking(opts: { carrierCode: string; authorization: string | null; rawBody: string }): Promise<HttpAnswer> {
  const token = bearerToken(opts.authorization);
  const carrier = await db.carrier.findUnique({
    where: { code: opts.carrierCode.toLowerCase() },
    select: { id: true, code: true, name: true, active: true, trackingToken: true },
  });
  // Compare even when the carrier is unknown, so the answer time does not reveal which codes exist.
  const ok = tokensMatch(token ?? "", carrier?.trackingToken ?? "\u0000unknown-carrier");
  if (!carrier || !token || !ok) return UNAUTHORIZED;
  if (!carrier.active) return { httpStatus: 403, body: { error: "CARRIER_INACTIVE", message: `Carrier ${carrier.name} is inactive in Fluxo.` } };

  let json: unknown;
  try {
    json = JSON.parse(opts.rawBody);
  } catch {
    return { httpStatus: 400, body: { error: "VALIDATION", message: "The body is not JSON." } };
  }
  // One schema or the other (not a union), so the issues name the fields.
  const parsed = Array.isArray(json) ? carrierTrackingBatch.safeParse(json) : carrierTrackingEvent.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return { httpStatus: 400, body: { error: "VALIDATION", message: "Some fields are not valid.", issues } };
  }
  const single = !Array.isArray(parsed.data);
  const events: CarrierTrackingEvent[] = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const numbers = [...new Set(events.map((e) => e.trackingNumber))];
  const shipments = await db.shipment.findMany({ where: { carrierId: carrier.id, trackingNumber: { in: numbers } }, select: { id: true, trackingNumber: true } });
  const idOf = new Map(shipments.map((s) => [s.trackingNumber, s.id]));
  const actor = systemActor(`carrier:${carrier.code}`);

  const results: ItemResult[] = [];
  for (const e of events) {
    const shipmentId = idOf.get(e.trackingNumber);
    const ref = { trackingNumber: e.trackingNumber, eventId: e.eventId };
    if (!shipmentId) {
      results.push({ ...ref, result: "not_found", message: `No ${carrier.name} shipment has tracking number ${e.trackingNumber}.` });
      continue;
    }
    try {
      const r = await recordTrackingEvent({
        shipmentId,
        source: "carrier",
        actor,
        event: { externalId: e.eventId, status: e.status, occurredAt: e.occurredAt, description: e.description ?? null, location: e.location ?? null },
      });
      results.push({ ...ref, result: r.result, status: r.status, applied: r.applied });
    } catch (err) {
      // One bad event must not lose the others; the carrier may resend it.
      if (single) throw err;
      results.push({ ...ref, result: "failed", message: isDomainError(err) ? err.message : "Internal error; send this event again." });
    }
  }
  const found = results.filter((r) => r.result !== "not_found").length;
  if (single) {
    const only = results[0] as ItemResult;
    if (only.result === "not_found") return { httpStatus: 404, body: { error: "UNKNOWN_TRACKING_NUMBER", ...only } };
    return { httpStatus: 200, body: { ...only } };
  }
  return { httpStatus: found === 0 ? 404 : 200, body: { ...(found === 0 ? { error: "UNKNOWN_TRACKING_NUMBER" } : {}), results } };
}
