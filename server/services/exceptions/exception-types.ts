/**
 * The exception types the system raises, and who may see and resolve them.
 * Pure and client-safe (the /exceptions page labels types with it).
 *
 *  ORDER_BACKORDERED         an order waits for stock (reserve-statement.ts)
 *  UNKNOWN_SKU               an order line names a SKU Fluxo does not know
 *  STOCK_RESERVATION_FAILED  reservation at capture failed (reserve-captured-order.ts)
 *  LOW_STOCK / OUT_OF_STOCK  a SKU at or below its reorder point / with nothing available
 *  SHORT_PICK                a picker did not find units (complete-pick-list.ts)
 *  CHANNEL_CANCEL_REFUSED    the channel cancelled an order Fluxo cannot cancel
 *  CHANNEL_ORDER_CHANGED     the channel changed an order's lines after approval (follow-channel-lines.ts)
 *  DELIVERY_FAILED, RETURNED_TO_SENDER, SHIPMENT_STALLED, SHIPMENT_LATE
 *                            delivery trouble (shipping-exceptions.ts, detect-delivery-exceptions.ts)
 *  REFUND_DUE                a paid order was cancelled, or money arrived on a cancelled one: the money goes back
 *                            (order/refund-due.ts)
 *  ADDRESS_INCOMPLETE        an order's delivery address cannot be used by a carrier (order/address-exception.ts)
 */
import type { Role } from "@/server/lib/roles";

export const EXCEPTION_TYPES = [
  "ORDER_BACKORDERED",
  "UNKNOWN_SKU",
  "STOCK_RESERVATION_FAILED",
  "LOW_STOCK",
  "OUT_OF_STOCK",
  "SHORT_PICK",
  "CHANNEL_CANCEL_REFUSED",
  "CHANNEL_ORDER_CHANGED",
  "DELIVERY_FAILED",
  "RETURNED_TO_SENDER",
  "SHIPMENT_STALLED",
  "SHIPMENT_LATE",
  "REFUND_DUE",
  "ADDRESS_INCOMPLETE",
] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

export const EXCEPTION_STATUSES = ["OPEN", "RESOLVED"] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

export const EXCEPTION_VIEW_ROLES = ["OPERATOR", "WAREHOUSE", "MANAGER", "ADMIN"] as const satisfies readonly Role[];
export const EXCEPTION_RESOLVE_ROLES = ["OPERATOR", "WAREHOUSE", "ADMIN"] as const satisfies readonly Role[];

export const MAX_RESOLUTION_NOTE = 500;

export function isExceptionType(value: string): value is ExceptionType {
  return (EXCEPTION_TYPES as readonly string[]).includes(value);
}

export function mayResolveExceptions(role: Role): boolean {
  return (EXCEPTION_RESOLVE_ROLES as readonly Role[]).includes(role);
}
