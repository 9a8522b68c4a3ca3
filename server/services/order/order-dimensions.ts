/**
 * The separate dimensions of an order's status (see /work/shared/DOMAIN.md,
 * "Order status: separate dimensions"): the pipeline stage, the payment status,
 * the order-level fulfilment status and the active holds.
 */
import { PAYMENT_STATUSES, type PaymentStatus } from "@/server/channels/types";

export { PAYMENT_STATUSES, type PaymentStatus };

/** The pipeline stage — what we call the "order status". */
export const ORDER_STATUSES = [
  "RECEIVED",
  "PAYMENT_AUTHORIZED",
  "FRAUD_REVIEW",
  "APPROVED",
  "BACKORDERED",
  "ALLOCATED",
  "PICKING",
  "PACKED",
  "INVOICED",
  "SHIPPED",
  "DELIVERED",
  "RETURN_REQUESTED",
  "RETURNED",
  "CANCELLED",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Stages the pipeline never leaves. Only bookkeeping actions that keep the
 * stage (MARK_PAID on a returned order, RELEASE of a stale hold) apply there.
 */
export const TERMINAL_STATUSES = ["RETURNED", "CANCELLED"] as const satisfies readonly OrderStatus[];

export const FULFILLMENT_STATUSES = [
  "UNFULFILLED",
  "BACKORDERED",
  "ALLOCATED",
  "PICKING",
  "PICKED",
  "PACKED",
  "PARTIALLY_SHIPPED",
  "SHIPPED",
  "DELIVERED",
  "RETURNED",
] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

/** Shopify's hold reasons, a good start (DOMAIN.md). */
export const HOLD_REASONS = [
  "AWAITING_PAYMENT",
  "HIGH_FRAUD_RISK",
  "INCORRECT_ADDRESS",
  "OUT_OF_STOCK",
  "AWAITING_RETURN_ITEMS",
  "OTHER",
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/**
 * What the state machine needs to know about an order. The optional flags are
 * facts computed by the caller from lines, packages and invoices; a missing
 * flag counts as "not true" (the guard that needs it fails safe).
 */
export interface OrderSnapshot {
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  fulfillmentStatus: FulfillmentStatus;
  activeHolds: HoldReason[];
  /** Every line has its full quantity reserved (required by ALLOCATE). */
  allLinesAllocated?: boolean;
  /** Some line holds reserved units (EXPIRE_RESERVATION has something to give back). */
  holdsStock?: boolean;
  /** The dispatch validation scanned every unit into the package (required by PACK). */
  packComplete?: boolean;
  /** After this shipment nothing is left to ship (SHIP → SHIPPED rather than a partial shipment). */
  allLinesShipped?: boolean;
  /** The NF-e is within 24 h of authorization and the goods have not left (required by CANCEL from INVOICED). */
  invoiceCancellable?: boolean;
  /** The delivery address has what a carrier needs (shipping-address.ts missingAddressFields; required by APPROVE). */
  shippingAddressComplete?: boolean;
}

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === "string" && (ORDER_STATUSES as readonly string[]).includes(value);
}

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return typeof value === "string" && (PAYMENT_STATUSES as readonly string[]).includes(value);
}

export function isHoldReason(value: unknown): value is HoldReason {
  return typeof value === "string" && (HOLD_REASONS as readonly string[]).includes(value);
}

export function isTerminalStatus(status: OrderStatus): boolean {
  return (TERMINAL_STATUSES as readonly OrderStatus[]).includes(status);
}
