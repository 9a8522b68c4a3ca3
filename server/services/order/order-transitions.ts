/**
 * The transition table that drives the order state machine. One rule per
 * action: the stages it may start from, where it goes, what must be true
 * (guards), what it changes besides the stage (payment, fulfilment, holds),
 * and what it writes to the timeline. decide() (order-state-machine.ts) only
 * interprets this table, so a later feature plugs in by editing its rule.
 */
import { HOLD_REASONS, ORDER_STATUSES } from "./order-dimensions";
import { ORDER_ACTIONS } from "./order-actions";
import type { AnyTransitionRule, TransitionTable } from "./order-rules";
import { invoiceFields, normalizeNfeNumber, normalizeNfeSeries } from "./nfe-number";
import {
  GOODS_LEFT,
  HOLDS_STOCK,
  INVOICE_CANCELLABLE,
  PACK_COMPLETE,
  PAYMENT_COVERS_TOTAL,
  PAYMENT_NOT_RECEIVED,
  PAYMENT_OUTSTANDING,
  SHIPPING_ADDRESS_COMPLETE,
  STOCK_ALLOCATED,
  allStagesExcept,
  fulfillment,
  isPaymentAfterCancel,
  holdReasonField,
  NOT_CANCELLED,
  PAYMENT_NOT_COMPLETE,
  optionalText,
  optionalTextField,
  paymentStatusAfterRefunds,
  requiredText,
  shipPackageFields,
  stopOrder,
} from "./order-guards";

export type * from "./order-rules";

export const TRANSITION_TABLE: TransitionTable = {
  AUTHORIZE_PAYMENT: {
    action: "AUTHORIZE_PAYMENT",
    from: ["RECEIVED"],
    to: "PAYMENT_AUTHORIZED",
    event: "order.payment_authorized",
    effects: (s) => ({ paymentStatus: s.paymentStatus === "PAID" ? "PAID" : "AUTHORIZED" }),
  },
  MARK_PAID: {
    action: "MARK_PAID",
    from: allStagesExcept("CANCELLED"),
    allowedOnHold: true,
    to: (s) => (s.status === "RECEIVED" ? "PAYMENT_AUTHORIZED" : s.status),
    event: "order.paid",
    guards: [PAYMENT_OUTSTANDING],
    effects: () => ({ paymentStatus: "PAID" }),
  },
  SEND_TO_FRAUD_REVIEW: {
    action: "SEND_TO_FRAUD_REVIEW",
    from: ["PAYMENT_AUTHORIZED"],
    to: "FRAUD_REVIEW",
    event: "order.fraud_review",
  },
  APPROVE: {
    action: "APPROVE",
    from: ["PAYMENT_AUTHORIZED", "FRAUD_REVIEW"],
    to: "APPROVED",
    event: "order.approved",
    guards: [PAYMENT_COVERS_TOTAL, SHIPPING_ADDRESS_COMPLETE],
  },
  REJECT: {
    action: "REJECT",
    from: ["FRAUD_REVIEW"],
    to: "CANCELLED",
    event: "order.rejected",
    validate: (a) => optionalTextField("reason", a.reason),
    effects: stopOrder,
    eventReason: (a) => optionalText(a.reason),
  },
  ALLOCATE: {
    action: "ALLOCATE",
    from: ["APPROVED", "BACKORDERED"],
    to: "ALLOCATED",
    event: "order.allocated",
    guards: [STOCK_ALLOCATED],
    effects: fulfillment("ALLOCATED"),
  },
  BACKORDER: {
    action: "BACKORDER",
    from: ["APPROVED", "ALLOCATED"],
    to: "BACKORDERED",
    event: "order.backordered",
    effects: fulfillment("BACKORDERED"),
  },
  REALLOCATE: {
    action: "REALLOCATE",
    from: ["ALLOCATED", "BACKORDERED"],
    // Back to APPROVED for a moment: the stock hook (order-stock-hooks.ts) releases the order's reservations,
    // allocates again without the excluded warehouses and moves it on to ALLOCATED or BACKORDERED, in the same transaction.
    to: "APPROVED",
    event: "order.reallocated",
    validate: (a) =>
      requiredText("reason", a.reason) ??
      (a.excludeWarehouseIds === undefined || (Array.isArray(a.excludeWarehouseIds) && a.excludeWarehouseIds.every((id) => typeof id === "string"))
        ? null
        : { field: "excludeWarehouseIds", message: "excludeWarehouseIds must be a list of warehouse ids" }),
    effects: fulfillment("UNFULFILLED"),
    eventReason: (a) => optionalText(a.reason),
    eventData: (_s, a) => (a.excludeWarehouseIds?.length ? { excludedWarehouseIds: [...a.excludeWarehouseIds] } : {}),
  },
  EXPIRE_RESERVATION: {
    action: "EXPIRE_RESERVATION",
    // Before the payment is authorized only: from then on the stock is the customer's.
    from: ["RECEIVED"],
    allowedOnHold: true,
    to: "RECEIVED",
    event: "order.reservation_expired",
    guards: [PAYMENT_NOT_RECEIVED, HOLDS_STOCK],
    validate: (a) => requiredText("reason", a.reason),
    // The stock hook (order-stock-hooks.ts) releases every reservation and clears the backorders.
    effects: fulfillment("UNFULFILLED"),
    eventReason: (a) => optionalText(a.reason),
  },
  START_PICKING: {
    action: "START_PICKING",
    from: ["ALLOCATED"],
    to: "PICKING",
    event: "order.picking_started",
    effects: fulfillment("PICKING"),
  },
  SHORT_PICK: {
    action: "SHORT_PICK",
    from: ["PICKING"],
    to: (_s, a) => (a.reallocated ? "ALLOCATED" : "BACKORDERED"),
    event: "order.short_picked",
    validate: (a) => (typeof a.reallocated === "boolean" ? null : { field: "reallocated", message: "reallocated must be a boolean" }),
    effects: (_s, a) => ({ fulfillmentStatus: a.reallocated ? "ALLOCATED" : "BACKORDERED" }),
    eventData: (_s, a) => ({ reallocated: a.reallocated }),
  },
  PACK: {
    action: "PACK",
    from: ["PICKING"],
    to: "PACKED",
    event: "order.packed",
    guards: [PACK_COMPLETE],
    effects: fulfillment("PACKED"),
  },
  INVOICE: {
    action: "INVOICE",
    from: ["PACKED"],
    to: "INVOICED",
    event: "order.invoiced",
    validate: (a) => invoiceFields(a.invoiceNumber, a.invoiceSeries),
    // Stored normalised ("000123" → "123"); validate() has refused anything else.
    eventData: (_s, a) => {
      const series = a.invoiceSeries === undefined ? null : normalizeNfeSeries(a.invoiceSeries);
      return { invoiceNumber: normalizeNfeNumber(a.invoiceNumber) ?? a.invoiceNumber.trim(), ...(series !== null ? { invoiceSeries: series } : {}) };
    },
  },
  SHIP: {
    action: "SHIP",
    from: ["INVOICED"],
    // A missing allLinesShipped counts as a partial shipment: never claim more than we know left.
    refusals: { PACKED: { rule: "INVOICE_REQUIRED", message: "the NF-e invoice must be issued first" } },
    // A partial shipment keeps the order INVOICED (fulfilment PARTIALLY_SHIPPED): the units left stay
    // reserved, the pack station opens a new package for them, and it ships under the same NF-e.
    to: (s) => (s.allLinesShipped === true ? "SHIPPED" : "INVOICED"),
    event: (s) => (s.allLinesShipped === true ? "order.shipped" : "order.partially_shipped"),
    validate: (a) => shipPackageFields(a.packageNumber, a.units),
    effects: (s) => ({ fulfillmentStatus: s.allLinesShipped === true ? "SHIPPED" : "PARTIALLY_SHIPPED" }),
    eventData: (_s, a) => ({
      ...(a.packageNumber === undefined ? {} : { package: a.packageNumber }),
      ...(a.units === undefined ? {} : { units: a.units.reduce((n, u) => n + u.quantity, 0) }),
    }),
  },
  DELIVER: {
    action: "DELIVER",
    from: ["SHIPPED"],
    to: "DELIVERED",
    event: "order.delivered",
    effects: fulfillment("DELIVERED"),
  },
  REQUEST_RETURN: {
    action: "REQUEST_RETURN",
    from: ["DELIVERED"],
    to: "RETURN_REQUESTED",
    event: "order.return_requested",
    validate: (a) => optionalTextField("reason", a.reason),
    eventReason: (a) => optionalText(a.reason),
  },
  COMPLETE_RETURN: {
    action: "COMPLETE_RETURN",
    from: ["RETURN_REQUESTED"],
    to: "RETURNED",
    event: "order.returned",
    effects: fulfillment("RETURNED"),
  },
  WITHDRAW_RETURN: {
    // The return request ends without goods coming back: the order is delivered again. Its AWAITING_RETURN_ITEMS
    // hold has nothing left to wait for and goes with it; any other hold stays (allowedOnHold for that reason).
    action: "WITHDRAW_RETURN",
    from: ["RETURN_REQUESTED"],
    allowedOnHold: true,
    to: "DELIVERED",
    event: "order.return_withdrawn",
    validate: (a) => requiredText("reason", a.reason),
    effects: (s) => (s.activeHolds.includes("AWAITING_RETURN_ITEMS") ? { holdsReleased: ["AWAITING_RETURN_ITEMS"] } : {}),
    eventReason: (a) => optionalText(a.reason),
    eventData: (s) => (s.activeHolds.includes("AWAITING_RETURN_ITEMS") ? { holdsReleased: ["AWAITING_RETURN_ITEMS"] } : {}),
  },
  CANCEL: {
    action: "CANCEL",
    from: ["RECEIVED", "PAYMENT_AUTHORIZED", "FRAUD_REVIEW", "APPROVED", "BACKORDERED", "ALLOCATED", "PICKING", "PACKED", "INVOICED"],
    allowedOnHold: true,
    refusals: {
      SHIPPED: GOODS_LEFT,
      DELIVERED: GOODS_LEFT,
      RETURN_REQUESTED: { rule: "RETURN_IN_PROGRESS", message: "a return is already in progress" },
    },
    to: "CANCELLED",
    event: "order.cancelled",
    guards: [
      // Only INVOICED needs the NF-e to be cancellable; earlier stages have no invoice yet. Once a
      // package has left (PARTIALLY_SHIPPED) the NF-e covers goods on their way: never cancellable.
      {
        ...INVOICE_CANCELLABLE,
        test: (s) => s.status !== "INVOICED" || (s.fulfillmentStatus !== "PARTIALLY_SHIPPED" && INVOICE_CANCELLABLE.test(s)),
      },
    ],
    validate: (a) => requiredText("reason", a.reason),
    effects: stopOrder,
    eventReason: (a) => optionalText(a.reason),
    eventData: (s) => (s.activeHolds.length > 0 ? { holdsReleased: [...s.activeHolds] } : {}),
  },
  HOLD: {
    action: "HOLD",
    from: allStagesExcept("SHIPPED", "DELIVERED", "RETURNED", "CANCELLED"),
    allowedOnHold: true,
    to: (s) => s.status,
    event: "order.held",
    guards: [
      {
        id: "HOLD_REASON_AVAILABLE",
        test: (s) => HOLD_REASONS.some((r) => !s.activeHolds.includes(r)),
        message: () => "every hold reason is already active",
      },
    ],
    validate: (a) => holdReasonField(a.reason) ?? optionalTextField("note", a.note),
    actionGuards: [
      {
        id: "HOLD_ALREADY_ACTIVE",
        test: (s, a) => !s.activeHolds.includes(a.reason),
        message: (_s, a) => `hold ${a.reason} is already active`,
      },
    ],
    effects: (_s, a) => ({ holdsAdded: [a.reason] }),
    eventReason: (a) => a.reason,
    eventData: (_s, a) => (optionalText(a.note) === undefined ? {} : { note: optionalText(a.note) }),
  },
  RELEASE: {
    action: "RELEASE",
    from: ORDER_STATUSES,
    allowedOnHold: true,
    to: (s) => s.status,
    event: "order.released",
    guards: [
      {
        id: "NO_ACTIVE_HOLD",
        test: (s) => s.activeHolds.length > 0,
        message: () => "the order has no active hold",
      },
    ],
    validate: (a) => holdReasonField(a.reason),
    actionGuards: [
      {
        id: "HOLD_NOT_ACTIVE",
        test: (s, a) => s.activeHolds.includes(a.reason),
        message: (s, a) => `hold ${a.reason} is not active (active: ${s.activeHolds.join(", ")})`,
      },
    ],
    effects: (_s, a) => ({ holdsReleased: [a.reason] }),
    eventReason: (a) => a.reason,
  },
  RECORD_REFUND: {
    action: "RECORD_REFUND",
    from: ORDER_STATUSES,
    allowedOnHold: true,
    to: (s) => s.status,
    event: "payment.refunded",
    validate: (a) =>
      requiredText("externalRefundId", a.externalRefundId) ??
      (!Number.isInteger(a.amountCents) || a.amountCents <= 0 ? { field: "amountCents", message: "amountCents must be a positive integer (cents)" } : null) ??
      (!Number.isInteger(a.refundedTotalCents) || a.refundedTotalCents < a.amountCents
        ? { field: "refundedTotalCents", message: "refundedTotalCents must be an integer that includes this refund" }
        : null) ??
      (!Number.isInteger(a.orderTotalCents) || a.orderTotalCents < 0 ? { field: "orderTotalCents", message: "orderTotalCents must be a non-negative integer" } : null),
    effects: (s, a) => ({ paymentStatus: paymentStatusAfterRefunds(s.paymentStatus, a.refundedTotalCents, a.orderTotalCents) }),
    eventReason: (a) => optionalText(a.reason),
    eventData: (s, a) => ({
      externalRefundId: a.externalRefundId,
      amountCents: a.amountCents,
      refundedTotalCents: a.refundedTotalCents,
      currency: a.currency ?? null,
      refundedAt: a.refundedAt ?? null,
      lines: (a.lines ?? []).map((l) => ({ ...l })),
      payment: { from: s.paymentStatus, to: paymentStatusAfterRefunds(s.paymentStatus, a.refundedTotalCents, a.orderTotalCents) },
    }),
  },
  CHANNEL_PAYMENT_STATUS: {
    action: "CHANNEL_PAYMENT_STATUS",
    from: ORDER_STATUSES,
    allowedOnHold: true,
    to: (s) => s.status,
    event: "payment.channel_status",
    validate: (a) =>
      a.paymentStatus === "PARTIALLY_REFUNDED" || a.paymentStatus === "REFUNDED"
        ? null
        : { field: "paymentStatus", message: "paymentStatus must be PARTIALLY_REFUNDED or REFUNDED" },
    effects: (_s, a) => ({ paymentStatus: a.paymentStatus }),
  },
  PAID_AFTER_CANCEL: {
    // The channel reporting it (update-channel-order.ts) or a person recording it (ADMIN, OPERATOR: the order page).
    action: "PAID_AFTER_CANCEL",
    from: ["CANCELLED"],
    allowedOnHold: true,
    refusals: Object.fromEntries(allStagesExcept("CANCELLED").map((s) => [s, NOT_CANCELLED])),
    to: "CANCELLED",
    event: "order.paid_after_cancel",
    guards: [PAYMENT_NOT_COMPLETE],
    validate: (a) =>
      (a.paymentStatus === "PAID" || a.paymentStatus === "PARTIALLY_PAID" ? null : { field: "paymentStatus", message: "paymentStatus must be PAID or PARTIALLY_PAID" }) ??
      optionalTextField("note", a.note),
    actionGuards: [
      {
        id: "PAYMENT_ARRIVED",
        test: (s, a) => isPaymentAfterCancel(s.paymentStatus, a.paymentStatus),
        message: (s, a) => `payment is ${s.paymentStatus}; ${a.paymentStatus} brings no new money`,
      },
    ],
    // The money stays with the merchant for an order that will never ship: refund-due.ts opens REFUND_DUE.
    effects: (_s, a) => ({ paymentStatus: a.paymentStatus, refundDue: true }),
    eventReason: (a) => optionalText(a.note),
  },
};

/** The table as a list, in ORDER_ACTIONS order (for enumeration: diagrams, docs, tests). */
export const TRANSITIONS: readonly AnyTransitionRule[] = ORDER_ACTIONS.map((action) => TRANSITION_TABLE[action]);
