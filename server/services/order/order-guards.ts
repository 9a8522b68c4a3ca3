/**
 * Building blocks of the transition table: guards, payload checks and the
 * side effects several rules share.
 */
import { HOLD_REASONS, ORDER_STATUSES, isHoldReason, type FulfillmentStatus, type OrderSnapshot, type OrderStatus, type PaymentStatus } from "./order-dimensions";
import type { RuleFailure, StateGuard, TransitionEffects } from "./order-rules";

export function allStagesExcept(...excluded: OrderStatus[]): readonly OrderStatus[] {
  return ORDER_STATUSES.filter((s) => !excluded.includes(s));
}

export function fulfillment(status: FulfillmentStatus): () => TransitionEffects {
  return () => ({ fulfillmentStatus: status });
}

/** Payment statuses in which we hold captured money. */
const FUNDS_CAPTURED: readonly PaymentStatus[] = ["PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED"];

/**
 * Stopping an order before it ships: an open authorization is voided; captured
 * money stays as it is and refundDue flags the refund (a separate step); the
 * fulfilment goes back to UNFULFILLED (reservations are released) and every
 * active hold is lifted.
 */
export function stopOrder(snapshot: OrderSnapshot): TransitionEffects {
  const effects: TransitionEffects = {
    paymentStatus: snapshot.paymentStatus === "AUTHORIZED" ? "VOIDED" : snapshot.paymentStatus,
    fulfillmentStatus: "UNFULFILLED",
    holdsReleased: [...snapshot.activeHolds],
  };
  if (FUNDS_CAPTURED.includes(snapshot.paymentStatus)) effects.refundDue = true;
  return effects;
}

export function optionalText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export function requiredText(field: string, value: unknown): { field: string; message: string } | null {
  return optionalText(value) === undefined ? { field, message: `${field} must be a non-empty string` } : null;
}

export function optionalTextField(field: string, value: unknown): { field: string; message: string } | null {
  return value === undefined || typeof value === "string" ? null : { field, message: `${field} must be a string` };
}

export function holdReasonField(value: unknown): { field: string; message: string } | null {
  return isHoldReason(value) ? null : { field: "reason", message: `reason must be one of ${HOLD_REASONS.join(", ")}` };
}

/** SHIP's package payload: a positive package number and, per order line, a positive whole number of units (each line once). */
export function shipPackageFields(packageNumber: unknown, units: unknown): { field: string; message: string } | null {
  if (packageNumber !== undefined && !(Number.isInteger(packageNumber) && (packageNumber as number) > 0)) {
    return { field: "packageNumber", message: "packageNumber must be a whole number above zero" };
  }
  if (units === undefined) return null;
  const bad = { field: "units", message: "units must list order lines once each, with a whole number of units above zero" };
  if (!Array.isArray(units) || units.length === 0) return bad;
  const seen = new Set<string>();
  for (const u of units as unknown[]) {
    if (typeof u !== "object" || u === null) return bad;
    const { orderLineId, quantity } = u as Record<string, unknown>;
    if (typeof orderLineId !== "string" || orderLineId === "" || seen.has(orderLineId)) return bad;
    if (!Number.isInteger(quantity) || (quantity as number) <= 0) return bad;
    seen.add(orderLineId);
  }
  return null;
}

export const PAYMENT_COVERS_TOTAL: StateGuard = {
  id: "PAYMENT_COVERS_TOTAL",
  test: (s) => s.paymentStatus === "AUTHORIZED" || s.paymentStatus === "PAID",
  message: (s) => `payment is ${s.paymentStatus}; it must be AUTHORIZED or PAID to cover the order total`,
};

export const PAYMENT_OUTSTANDING: StateGuard = {
  id: "PAYMENT_OUTSTANDING",
  test: (s) => ["PENDING", "AUTHORIZED", "PARTIALLY_PAID"].includes(s.paymentStatus),
  message: (s) => `payment is ${s.paymentStatus}; only PENDING, AUTHORIZED or PARTIALLY_PAID payments can be marked paid`,
};

/** No money yet: the payment is still pending, or it failed. */
export const PAYMENT_NOT_RECEIVED: StateGuard = {
  id: "PAYMENT_NOT_RECEIVED",
  test: (s) => s.paymentStatus === "PENDING" || s.paymentStatus === "FAILED",
  message: (s) => `payment is ${s.paymentStatus}; only an order whose payment is PENDING or FAILED gives its stock back`,
};

export const HOLDS_STOCK: StateGuard = {
  id: "HOLDS_STOCK",
  test: (s) => s.holdsStock === true,
  message: () => "the order holds no reserved stock",
};

export const STOCK_ALLOCATED: StateGuard = {
  id: "STOCK_ALLOCATED",
  test: (s) => s.allLinesAllocated === true,
  message: () => "not every line has its stock allocated",
};

/** Nothing is approved for fulfilment that a carrier could not deliver: street, city, UF and CEP (Brazil). */
export const SHIPPING_ADDRESS_COMPLETE: StateGuard = {
  id: "SHIPPING_ADDRESS_COMPLETE",
  test: (s) => s.shippingAddressComplete === true,
  message: () => "the delivery address is missing or incomplete (a carrier needs the street line, city, state and postal code)",
};

export const PACK_COMPLETE: StateGuard = {
  id: "PACK_COMPLETE",
  test: (s) => s.packComplete === true,
  message: () => "the package is incomplete: every unit must be scanned at the pack station",
};

export const INVOICE_CANCELLABLE: StateGuard = {
  id: "INVOICE_CANCELLABLE",
  test: (s) => s.invoiceCancellable === true,
  message: () => "the NF-e can no longer be cancelled (more than 24 h since authorization, or the goods have left)",
};

/** Payment statuses of a cancelled order that hold no money: what a stopped unpaid order is left with (an authorization is voided). */
const NOTHING_CAPTURED: readonly PaymentStatus[] = ["PENDING", "AUTHORIZED", "VOIDED", "FAILED"];

/**
 * Whether money reported on a cancelled order is news: something arrived where nothing had, or a partial payment
 * became whole. Anything else (already paid, refunds under way) is no change.
 */
export function isPaymentAfterCancel(current: PaymentStatus, reported: PaymentStatus): reported is "PAID" | "PARTIALLY_PAID" {
  if (reported === "PARTIALLY_PAID") return NOTHING_CAPTURED.includes(current);
  return reported === "PAID" && (NOTHING_CAPTURED.includes(current) || current === "PARTIALLY_PAID");
}

/**
 * A cancelled order that can still take money: nothing captured yet, or only part of it. Once it is paid in full (or
 * refunded) no payment can be news, so nobody is offered to record one (the second click finds it here).
 */
export const PAYMENT_NOT_COMPLETE: StateGuard = {
  id: "PAYMENT_NOT_COMPLETE",
  test: (s) => NOTHING_CAPTURED.includes(s.paymentStatus) || s.paymentStatus === "PARTIALLY_PAID",
  message: (s) => `payment is ${s.paymentStatus}; the money was already received in full (or refunded)`,
};

/** Money on an order that is not cancelled is a plain payment (MARK_PAID), not one after the cancellation. */
export const NOT_CANCELLED: RuleFailure = { rule: "NOT_CANCELLED", message: "the order is not cancelled; record its payment with MARK_PAID" };

export const GOODS_LEFT: RuleFailure = { rule: "GOODS_LEFT", message: "the goods have already left; request a return instead" };

/** The payment status once `refundedCents` of `totalCents` are refunded; never back from REFUNDED. */
export function paymentStatusAfterRefunds<S extends string>(current: S, refundedCents: number, totalCents: number): S | "PARTIALLY_REFUNDED" | "REFUNDED" {
  if (current === "REFUNDED" || refundedCents <= 0) return current;
  return refundedCents >= totalCents ? "REFUNDED" : "PARTIALLY_REFUNDED";
}
