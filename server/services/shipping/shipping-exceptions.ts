/**
 * Delivery trouble as Exception rows (the one list of things that need a
 * person) plus a "shipment.exception" event on the order's timeline. At most
 * one OPEN exception per shipment and type: callers hold the shipment's row
 * lock, and this check runs in its own statement (it sees what committed
 * before the lock was granted). Exception has no shipment column; the
 * shipment id lives in data.shipmentId.
 */
import type { DbTx } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";

export const SHIPPING_EXCEPTION_TYPES = ["DELIVERY_FAILED", "RETURNED_TO_SENDER", "SHIPMENT_STALLED", "SHIPMENT_LATE"] as const;
export type ShippingExceptionType = (typeof SHIPPING_EXCEPTION_TYPES)[number];

export interface ExceptionShipment {
  id: string;
  orderId: string;
  trackingNumber: string;
  carrierName: string;
}

export async function openShipmentException(
  tx: DbTx,
  opts: {
    shipment: ExceptionShipment;
    type: ShippingExceptionType;
    message: string;
    data?: Record<string, Prisma.InputJsonValue | null>;
    actor: { actorId: string | null; actorLabel: string };
  },
): Promise<boolean> {
  const { shipment, type } = opts;
  const open = await tx.exception.findFirst({
    where: { orderId: shipment.orderId, type, status: "OPEN", data: { path: ["shipmentId"], equals: shipment.id } },
    select: { id: true },
  });
  if (open) return false;
  const data = { shipmentId: shipment.id, trackingNumber: shipment.trackingNumber, carrier: shipment.carrierName, ...opts.data };
  const row = await tx.exception.create({ data: { type, orderId: shipment.orderId, message: opts.message, data }, select: { id: true } });
  await tx.orderEvent.create({
    data: {
      orderId: shipment.orderId,
      type: "shipment.exception",
      ...opts.actor,
      reason: opts.message,
      data: { ...data, exceptionId: row.id, exceptionType: type, message: opts.message },
    },
  });
  return true;
}

/** Closes the shipment's open exceptions of these types (the trouble is over). */
export async function resolveShipmentExceptions(tx: DbTx, shipment: { id: string; orderId: string }, types: readonly ShippingExceptionType[]): Promise<number> {
  const r = await tx.exception.updateMany({
    where: { orderId: shipment.orderId, status: "OPEN", type: { in: [...types] }, data: { path: ["shipmentId"], equals: shipment.id } },
    data: { status: "RESOLVED", resolvedAt: new Date() },
  });
  return r.count;
}
