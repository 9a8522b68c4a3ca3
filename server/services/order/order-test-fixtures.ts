/** Shared fixtures for the order state machine tests (not a test file itself). */
import { expect } from "vitest";
import type {
  AllowedDecision,
  Decision,
  DecisionErrorCode,
  OrderAction,
  OrderActionOf,
  OrderActionType,
  OrderSnapshot,
  RefusedDecision,
} from "./order-state-machine";

/**
 * An order on which every guard passes: payment authorized, stock allocated and held, pack complete, all shipped,
 * NF-e cancellable, delivery address complete. EXPIRE_RESERVATION needs an unpaid order as well (GUARDS_PASS).
 */
export function snapshot(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    status: "RECEIVED",
    paymentStatus: "AUTHORIZED",
    fulfillmentStatus: "UNFULFILLED",
    activeHolds: [],
    allLinesAllocated: true,
    holdsStock: true,
    packComplete: true,
    allLinesShipped: true,
    invoiceCancellable: true,
    shippingAddressComplete: true,
    ...overrides,
  };
}

/** What an action needs on top of snapshot() for its guards to pass. */
export const GUARDS_PASS: Partial<Record<OrderActionType, Partial<OrderSnapshot>>> = {
  EXPIRE_RESERVATION: { paymentStatus: "PENDING" },
};

/** A well-formed payload for every action. */
export const SAMPLE_ACTIONS: { [K in OrderActionType]: OrderActionOf<K> } = {
  AUTHORIZE_PAYMENT: { type: "AUTHORIZE_PAYMENT" },
  MARK_PAID: { type: "MARK_PAID" },
  SEND_TO_FRAUD_REVIEW: { type: "SEND_TO_FRAUD_REVIEW" },
  APPROVE: { type: "APPROVE" },
  REJECT: { type: "REJECT", reason: "stolen card" },
  ALLOCATE: { type: "ALLOCATE" },
  BACKORDER: { type: "BACKORDER" },
  REALLOCATE: { type: "REALLOCATE", reason: "warehouse flooded" },
  EXPIRE_RESERVATION: { type: "EXPIRE_RESERVATION", reason: "boleto expired" },
  START_PICKING: { type: "START_PICKING" },
  SHORT_PICK: { type: "SHORT_PICK", reallocated: true },
  PACK: { type: "PACK" },
  INVOICE: { type: "INVOICE", invoiceNumber: "000123" },
  SHIP: { type: "SHIP" },
  DELIVER: { type: "DELIVER" },
  REQUEST_RETURN: { type: "REQUEST_RETURN", reason: "wrong size" },
  COMPLETE_RETURN: { type: "COMPLETE_RETURN" },
  WITHDRAW_RETURN: { type: "WITHDRAW_RETURN", reason: "customer kept it" },
  CANCEL: { type: "CANCEL", reason: "customer asked" },
  HOLD: { type: "HOLD", reason: "OTHER" },
  RELEASE: { type: "RELEASE", reason: "OTHER" },
  RECORD_REFUND: { type: "RECORD_REFUND", externalRefundId: "r-1", amountCents: 1000, refundedTotalCents: 1000, orderTotalCents: 5000, reason: "damaged" },
  CHANNEL_PAYMENT_STATUS: { type: "CHANNEL_PAYMENT_STATUS", paymentStatus: "REFUNDED" },
  PAID_AFTER_CANCEL: { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID" },
};

export function sampleAction(type: OrderActionType): OrderAction {
  return SAMPLE_ACTIONS[type];
}

export function expectOk(decision: Decision): AllowedDecision {
  if (!decision.ok) throw new Error(`expected an allowed decision, got ${decision.code}: ${decision.message}`);
  return decision;
}

export function expectRefused(decision: Decision, code: DecisionErrorCode): RefusedDecision {
  if (decision.ok) throw new Error(`expected ${code}, got an allowed decision to ${decision.to}`);
  expect(decision.code).toBe(code);
  return decision;
}
