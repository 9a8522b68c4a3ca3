/**
 * One tracking event on a shipment, from the carrier's webhook or typed by a
 * person. Idempotent on (shipment, externalId): a repeat changes nothing.
 * Out of order is fine: every event is stored, but only news moves the
 * shipment (shipment-status.ts). Every event goes on the order's timeline
 * ("shipment.tracking"). When an event moves the shipment:
 *  - DELIVERY_FAILED / RETURNED_TO_SENDER open an exception;
 *  - any movement closes a "no movement" exception; DELIVERED closes them all;
 *  - DELIVERED delivers the order (DELIVER, actor "carrier:<code>") once every
 *    shipment of a fully shipped order is delivered.
 *
 * Locks: the order row (FOR NO KEY UPDATE, so deliveries of two packages of
 * one order see each other), then the shipment row.
 */
import { db, type DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import { actorFields, systemActor, type Actor } from "@/server/services/order/actor";
import { applyTrackingEvent, EXCEPTION_STATUSES, type ShipmentStatus, type TrackingStatus } from "./shipment-status";
import { openShipmentException, resolveShipmentExceptions, SHIPPING_EXCEPTION_TYPES, type ShippingExceptionType } from "./shipping-exceptions";

export interface TrackingEventInput {
  externalId: string;
  status: TrackingStatus;
  occurredAt: Date;
  description?: string | null;
  location?: string | null;
}

export interface TrackingResult {
  result: "stored" | "duplicate";
  shipmentId: string;
  /** The shipment's status after the event. */
  status: ShipmentStatus;
  /** The event moved the shipment (false: history only, or a repeat). */
  applied: boolean;
  orderDelivered: boolean;
}

/** How much earlier than the order's placement a tracking event may say it happened (clocks differ). */
export const TRACKING_CLOCK_SKEW_MS = 3600_000;

interface LockedShipment {
  id: string;
  orderId: string;
  status: ShipmentStatus;
  lastEventAt: Date | null;
  trackingNumber: string;
  carrierCode: string;
  carrierName: string;
}

export async function recordTrackingEvent(opts: { shipmentId: string; event: TrackingEventInput; source: "carrier" | "manual"; actor: Actor }): Promise<TrackingResult> {
  return db.$transaction((tx) => recordTrackingEventTx(tx, opts), { maxWait: 30_000, timeout: 30_000 });
}

export async function recordTrackingEventTx(
  tx: DbTx,
  opts: { shipmentId: string; event: TrackingEventInput; source: "carrier" | "manual"; actor: Actor },
): Promise<TrackingResult> {
  const { event } = opts;
  const head = await tx.shipment.findUnique({ where: { id: opts.shipmentId }, select: { orderId: true } });
  if (!head) throw new DomainError("NOT_FOUND", `Shipment ${opts.shipmentId} not found.`);
  const [order] = await tx.$queryRaw<{ number: number; placedAt: Date }[]>(
    Prisma.sql`SELECT number, "placedAt" FROM "Order" WHERE id = ${head.orderId}::uuid FOR NO KEY UPDATE`,
  );
  if (order && event.occurredAt.getTime() < order.placedAt.getTime() - TRACKING_CLOCK_SKEW_MS) {
    // A parcel cannot move before its order exists: a typed year or a carrier's wrong clock, not news.
    throw new DomainError("VALIDATION", `The event's time ${event.occurredAt.toISOString()} is before order #${order.number} was placed (${order.placedAt.toISOString()}).`, {
      rule: "TRACKING_BEFORE_ORDER",
      field: "occurredAt",
      order: order.number,
    });
  }
  const [s] = await tx.$queryRaw<LockedShipment[]>(Prisma.sql`
    SELECT s.id, s."orderId", s.status::text AS status, s."lastEventAt", s."trackingNumber", c.code AS "carrierCode", c.name AS "carrierName"
    FROM "Shipment" s JOIN "Carrier" c ON c.id = s."carrierId" WHERE s.id = ${opts.shipmentId}::uuid FOR UPDATE OF s`);
  if (!s) throw new DomainError("NOT_FOUND", `Shipment ${opts.shipmentId} not found.`);

  const inserted = await tx.$queryRaw<{ id: bigint }[]>(Prisma.sql`
    INSERT INTO "TrackingEvent" ("shipmentId", "externalId", status, description, location, "occurredAt", source)
    VALUES (${s.id}::uuid, ${event.externalId}, ${event.status}::"ShipmentStatus", ${event.description ?? null}, ${event.location ?? null},
            ${event.occurredAt}, ${opts.source})
    ON CONFLICT ("shipmentId", "externalId") DO NOTHING RETURNING id`);
  if (inserted.length === 0) return { result: "duplicate", shipmentId: s.id, status: s.status, applied: false, orderDelivered: false };

  const outcome = applyTrackingEvent({ status: s.status, lastEventAt: s.lastEventAt }, event);
  if (outcome.applied) {
    await tx.shipment.update({
      where: { id: s.id },
      data: { status: outcome.status, lastEventAt: outcome.lastEventAt, ...(outcome.status === "DELIVERED" ? { deliveredAt: event.occurredAt } : {}) },
    });
  }
  const who = actorFields(opts.actor);
  await tx.orderEvent.create({
    data: {
      orderId: s.orderId,
      type: "shipment.tracking",
      ...who,
      // The carrier's own words; the status is in data.
      reason: event.description ?? null,
      data: {
        shipmentId: s.id,
        trackingNumber: s.trackingNumber,
        carrier: s.carrierName,
        status: event.status,
        location: event.location ?? null,
        description: event.description ?? null,
        occurredAt: event.occurredAt.toISOString(),
        applied: outcome.applied,
        source: opts.source,
      },
    },
  });
  let orderDelivered = false;
  if (outcome.applied) {
    const ref = { id: s.id, orderId: s.orderId, trackingNumber: s.trackingNumber, carrierName: s.carrierName };
    const resolve: ShippingExceptionType[] = outcome.status === "DELIVERED" ? [...SHIPPING_EXCEPTION_TYPES] : ["SHIPMENT_STALLED"];
    await resolveShipmentExceptions(tx, ref, resolve, `${s.carrierName} reported ${outcome.status} (${event.occurredAt.toISOString()}).`);
    if (EXCEPTION_STATUSES.includes(outcome.status)) {
      const what = outcome.status === "DELIVERY_FAILED" ? "delivery attempt failed" : "returned to sender";
      await openShipmentException(tx, {
        shipment: ref,
        type: outcome.status as ShippingExceptionType,
        message: `${s.carrierName} ${s.trackingNumber}: ${what}${event.description ? ` (${event.description})` : ""}.`,
        data: { occurredAt: event.occurredAt.toISOString(), location: event.location ?? null, description: event.description ?? null },
        actor: who,
      });
    }
    if (outcome.status === "DELIVERED") orderDelivered = await deliverOrderWhenComplete(tx, s);
  }
  return { result: "stored", shipmentId: s.id, status: outcome.status, applied: outcome.applied, orderDelivered };
}

/** DELIVER once the order has shipped everything and every shipment of it is delivered. */
async function deliverOrderWhenComplete(tx: DbTx, s: LockedShipment): Promise<boolean> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: s.orderId }, select: { status: true } });
  if (order.status !== "SHIPPED") return false;
  const undelivered = await tx.shipment.count({ where: { orderId: s.orderId, status: { not: "DELIVERED" } } });
  if (undelivered > 0) return false;
  await applyOrderActionTx(tx, { orderId: s.orderId, action: { type: "DELIVER" }, actor: systemActor(`carrier:${s.carrierCode}`) });
  return true;
}
