/**
 * Delivery trouble as Exception rows (the one list of things that need a
 * person) plus a "shipment.exception" event on the order's timeline. At most
 * one OPEN exception per shipment and type: callers hold the shipment's row
 * lock, and this check runs in its own statement (it sees what committed
 * before the lock was granted). The shipment is Exception.shipmentId (and,
 * for readers of the raw data, data.shipmentId too).
 */
import type { ExceptionType } from "@/server/services/exceptions/exception-types";
import type { DbTx } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";

export const SHIPPING_EXCEPTION_TYPES = ["DELIVERY_FAILED", "RETURNED_TO_SENDER", "SHIPMENT_STALLED", "SHIPMENT_LATE"] as const satisfies readonly ExceptionType[];
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
    where: { shipmentId: shipment.id, type, status: "OPEN" },
    select: { id: true },
  });
  if (open) return false;
  const data = { shipmentId: shipment.id, trackingNumber: shipment.trackingNumber, carrier: shipment.carrierName, ...opts.data };
  const row = await tx.exception.create({
    data: { type, orderId: shipment.orderId, shipmentId: shipment.id, message: opts.message, data },
    select: { id: true },
  });
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

/** Closes the shipment's open exceptions of these types (the trouble is over); `note` says why (no person: resolvedById stays null). */
export async function resolveShipmentExceptions(
  tx: DbTx,
  shipment: { id: string; orderId: string },
  types: readonly ShippingExceptionType[],
  note = "Resolved by a newer tracking event.",
): Promise<number> {
  const r = await tx.exception.updateMany({
    where: { shipmentId: shipment.id, status: "OPEN", type: { in: [...types] } },
    data: { status: "RESOLVED", resolvedAt: new Date(), resolutionNote: note },
  });
  return r.count;
}
