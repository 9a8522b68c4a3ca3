import { describe, expect, it } from "vitest";
import {
  ORDER_ACTIONS,
  ORDER_STATUSES,
  TERMINAL_STATUSES,
  TRANSITIONS,
  decide,
  type OrderActionType,
  type OrderStatus,
} from "./order-state-machine";
import { GUARDS_PASS, expectOk, expectRefused, sampleAction, snapshot } from "./order-test-fixtures";

type Edges = Partial<Record<OrderStatus, OrderStatus>>;
const stay = (...statuses: OrderStatus[]): Edges => Object.fromEntries(statuses.map((s) => [s, s]));

/**
 * The expected pipeline, written out by hand (independently of TRANSITION_TABLE):
 * for each action, the stages it is legal from and where it leads, with every
 * guard satisfied and the sample payloads (SHORT_PICK reallocated, SHIP of the
 * last lines, HOLD/RELEASE of OTHER).
 */
const EXPECTED: Record<OrderActionType, Edges> = {
  AUTHORIZE_PAYMENT: { RECEIVED: "PAYMENT_AUTHORIZED" },
  MARK_PAID: {
    ...stay("PAYMENT_AUTHORIZED", "FRAUD_REVIEW", "APPROVED", "BACKORDERED", "ALLOCATED", "PICKING", "PACKED"),
    ...stay("INVOICED", "SHIPPED", "DELIVERED", "RETURN_REQUESTED", "RETURNED"),
    RECEIVED: "PAYMENT_AUTHORIZED",
  },
  SEND_TO_FRAUD_REVIEW: { PAYMENT_AUTHORIZED: "FRAUD_REVIEW" },
  APPROVE: { PAYMENT_AUTHORIZED: "APPROVED", FRAUD_REVIEW: "APPROVED" },
  REJECT: { FRAUD_REVIEW: "CANCELLED" },
  ALLOCATE: { APPROVED: "ALLOCATED", BACKORDERED: "ALLOCATED" },
  BACKORDER: { APPROVED: "BACKORDERED", ALLOCATED: "BACKORDERED" },
  REALLOCATE: { ALLOCATED: "APPROVED", BACKORDERED: "APPROVED" },
  EXPIRE_RESERVATION: { RECEIVED: "RECEIVED" },
  START_PICKING: { ALLOCATED: "PICKING" },
  SHORT_PICK: { PICKING: "ALLOCATED" },
  PACK: { PICKING: "PACKED" },
  INVOICE: { PACKED: "INVOICED" },
  SHIP: { INVOICED: "SHIPPED" },
  DELIVER: { SHIPPED: "DELIVERED" },
  REQUEST_RETURN: { DELIVERED: "RETURN_REQUESTED" },
  COMPLETE_RETURN: { RETURN_REQUESTED: "RETURNED" },
  WITHDRAW_RETURN: { RETURN_REQUESTED: "DELIVERED" },
  CANCEL: {
    RECEIVED: "CANCELLED",
    PAYMENT_AUTHORIZED: "CANCELLED",
    FRAUD_REVIEW: "CANCELLED",
    APPROVED: "CANCELLED",
    BACKORDERED: "CANCELLED",
    ALLOCATED: "CANCELLED",
    PICKING: "CANCELLED",
    PACKED: "CANCELLED",
    INVOICED: "CANCELLED",
  },
  HOLD: stay(
    "RECEIVED",
    "PAYMENT_AUTHORIZED",
    "FRAUD_REVIEW",
    "APPROVED",
    "BACKORDERED",
    "ALLOCATED",
    "PICKING",
    "PACKED",
    "INVOICED",
    "RETURN_REQUESTED",
  ),
  RELEASE: stay(
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
  ),
  RECORD_REFUND: stay(...ORDER_STATUSES),
  CHANNEL_PAYMENT_STATUS: stay(...ORDER_STATUSES),
  PAID_AFTER_CANCEL: stay("CANCELLED"),
};

const PAIRS = ORDER_ACTIONS.flatMap((action) => ORDER_STATUSES.map((status) => ({ action, status })));

describe("the dimensions", () => {
  it("lists the 14 pipeline stages, 24 actions, and RETURNED/CANCELLED as terminal", () => {
    expect(ORDER_STATUSES).toHaveLength(14);
    expect(ORDER_ACTIONS).toHaveLength(24);
    expect([...TERMINAL_STATUSES].sort()).toEqual(["CANCELLED", "RETURNED"]);
  });
});

describe("every (status × action) pair", () => {
  it("covers all 336 pairs", () => {
    expect(PAIRS).toHaveLength(336);
  });

  it.each(PAIRS)("$action from $status", ({ action, status }) => {
    // RELEASE needs the hold it releases; no other action may run on a held order.
    const order = snapshot({ ...GUARDS_PASS[action], status, activeHolds: action === "RELEASE" ? ["OTHER"] : [] });
    const decision = decide(order, sampleAction(action));
    const expectedTo = EXPECTED[action][status];

    if (expectedTo !== undefined) {
      const ok = expectOk(decision);
      expect(ok.from).toBe(status);
      expect(ok.to).toBe(expectedTo);
      expect(ok.event.from).toBe(status);
      expect(ok.event.to).toBe(expectedTo);
    } else {
      const refused = expectRefused(decision, "INVALID_TRANSITION");
      expect(refused.current).toBe(status);
      expect(refused.params.current).toBe(status);
      expect(refused.params.action).toBe(action);
      expect(refused.message.startsWith(`Cannot ${action}`)).toBe(true);
      expect(refused.message).toMatch(new RegExp(`\\bis ${status}\\b`));
    }
  });
});

describe("TRANSITIONS (the table decide() is driven by)", () => {
  it("has exactly one rule per action, in ORDER_ACTIONS order", () => {
    expect(TRANSITIONS.map((t) => t.action)).toEqual([...ORDER_ACTIONS]);
  });

  it.each([...ORDER_ACTIONS])("%s: its from-stages are exactly the expected ones", (action) => {
    const rule = TRANSITIONS.find((t) => t.action === action);
    expect([...(rule?.from ?? [])].sort()).toEqual(Object.keys(EXPECTED[action]).sort());
  });

  it("has fixed targets where the target does not depend on the order or payload", () => {
    const fixed = Object.fromEntries(TRANSITIONS.filter((t) => typeof t.to === "string").map((t) => [t.action, t.to]));
    expect(fixed).toEqual({
      AUTHORIZE_PAYMENT: "PAYMENT_AUTHORIZED",
      SEND_TO_FRAUD_REVIEW: "FRAUD_REVIEW",
      APPROVE: "APPROVED",
      REJECT: "CANCELLED",
      ALLOCATE: "ALLOCATED",
      BACKORDER: "BACKORDERED",
      REALLOCATE: "APPROVED",
      EXPIRE_RESERVATION: "RECEIVED",
      START_PICKING: "PICKING",
      PACK: "PACKED",
      INVOICE: "INVOICED",
      DELIVER: "DELIVERED",
      REQUEST_RETURN: "RETURN_REQUESTED",
      COMPLETE_RETURN: "RETURNED",
      WITHDRAW_RETURN: "DELIVERED",
      CANCEL: "CANCELLED",
      PAID_AFTER_CANCEL: "CANCELLED",
    });
  });

  it("only exempts HOLD, RELEASE, CANCEL, MARK_PAID, giving back an unpaid order's stock, withdrawing a return and the channel's refunds from holds", () => {
    expect(TRANSITIONS.filter((t) => t.allowedOnHold === true).map((t) => t.action).sort()).toEqual([
      "CANCEL",
      "CHANNEL_PAYMENT_STATUS",
      "EXPIRE_RESERVATION",
      "HOLD",
      "MARK_PAID",
      "PAID_AFTER_CANCEL",
      "RECORD_REFUND",
      "RELEASE",
      "WITHDRAW_RETURN",
    ]);
  });

  it("RECORD_REFUND moves the payment status by the refunded total, never back from REFUNDED, and refuses a malformed refund", () => {
    const paid = snapshot({ status: "DELIVERED", paymentStatus: "PAID" });
    const refund = (refundedTotalCents: number, amountCents = 1000) =>
      decide(paid, { type: "RECORD_REFUND", externalRefundId: "r", amountCents, refundedTotalCents, orderTotalCents: 5000 });
    expect(expectOk(refund(1000))).toMatchObject({ to: "DELIVERED", paymentStatus: "PARTIALLY_REFUNDED", event: { type: "payment.refunded" } });
    expect(expectOk(refund(5000))).toMatchObject({ paymentStatus: "REFUNDED", event: { data: expect.objectContaining({ payment: { from: "PAID", to: "REFUNDED" } }) } });
    expect(expectOk(decide({ ...paid, paymentStatus: "REFUNDED" }, sampleAction("RECORD_REFUND"))).paymentStatus).toBe("REFUNDED");
    expect(expectRefused(refund(500), "VALIDATION").params.field).toBe("refundedTotalCents");
    expect(expectRefused(refund(1000, 0), "VALIDATION").params.field).toBe("amountCents");
    expect(expectRefused(decide(paid, { type: "CHANNEL_PAYMENT_STATUS", paymentStatus: "PAID" as "REFUNDED" }), "VALIDATION").params.field).toBe("paymentStatus");
  });
});

describe("PAID_AFTER_CANCEL (money received on a cancelled order: reported by its channel or recorded by a person)", () => {
  const cancelled = snapshot({ status: "CANCELLED", paymentStatus: "PENDING", fulfillmentStatus: "UNFULFILLED" });
  const paid = { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID" } as const;

  it.each(["PENDING", "AUTHORIZED", "VOIDED", "FAILED", "PARTIALLY_PAID"] as const)("records PAID over %s, keeps the order CANCELLED and flags the refund", (paymentStatus) => {
    expect(expectOk(decide({ ...cancelled, paymentStatus }, paid))).toMatchObject({
      to: "CANCELLED",
      paymentStatus: "PAID",
      refundDue: true,
      event: { type: "order.paid_after_cancel", data: { payment: { from: paymentStatus, to: "PAID" }, refundDue: true } },
    });
  });

  it("records a partial payment where nothing was paid, and is allowed on hold", () => {
    const partly = { type: "PAID_AFTER_CANCEL", paymentStatus: "PARTIALLY_PAID" } as const;
    expect(expectOk(decide({ ...cancelled, paymentStatus: "VOIDED", activeHolds: ["OTHER"] }, partly))).toMatchObject({ paymentStatus: "PARTIALLY_PAID", refundDue: true });
  });

  it("puts a person's note on how the money arrived on the timeline event, and refuses a note that is not text", () => {
    expect(expectOk(decide(cancelled, { ...paid, note: "  PIX recebido em 12/03 " })).event.reason).toBe("PIX recebido em 12/03");
    expect(expectOk(decide(cancelled, { ...paid, note: "  " })).event.reason).toBeUndefined();
    expect(expectOk(decide(cancelled, paid)).event.reason).toBeUndefined();
    expect(expectRefused(decide(cancelled, { ...paid, note: 42 as unknown as string }), "VALIDATION").params.field).toBe("note");
  });

  it.each(["PAID", "PARTIALLY_REFUNDED", "REFUNDED"] as const)("is refused whatever is reported once the payment is %s (nothing more can arrive)", (paymentStatus) => {
    for (const reported of ["PAID", "PARTIALLY_PAID"] as const) {
      const refused = expectRefused(decide({ ...cancelled, paymentStatus }, { type: "PAID_AFTER_CANCEL", paymentStatus: reported }), "GUARD_FAILED");
      expect(refused.params.rule).toBe("PAYMENT_NOT_COMPLETE");
      expect(refused.message).toBe(`Cannot PAID_AFTER_CANCEL an order that is CANCELLED: payment is ${paymentStatus}; the money was already received in full (or refunded)`);
    }
  });

  it("is refused when a partial payment is reported again (no new money)", () => {
    const refused = expectRefused(decide({ ...cancelled, paymentStatus: "PARTIALLY_PAID" }, { type: "PAID_AFTER_CANCEL", paymentStatus: "PARTIALLY_PAID" }), "GUARD_FAILED");
    expect(refused.params.rule).toBe("PAYMENT_ARRIVED");
  });

  it("refuses any other reported status", () => {
    expect(expectRefused(decide(cancelled, { type: "PAID_AFTER_CANCEL", paymentStatus: "REFUNDED" as "PAID" }), "VALIDATION").params.field).toBe("paymentStatus");
  });

  it.each(ORDER_STATUSES.filter((s) => s !== "CANCELLED"))("refuses an order that is %s, saying it is not cancelled", (status) => {
    const refused = expectRefused(decide({ ...cancelled, status, paymentStatus: "PENDING" }, paid), "INVALID_TRANSITION");
    expect(refused.params).toEqual({ current: status, action: "PAID_AFTER_CANCEL", rule: "NOT_CANCELLED" });
    expect(refused.message).toBe(`Cannot PAID_AFTER_CANCEL an order that is ${status}: the order is not cancelled; record its payment with MARK_PAID`);
  });
});

describe("EXPIRE_RESERVATION (an unpaid order gives its stock back)", () => {
  const unpaid = snapshot({ status: "RECEIVED", paymentStatus: "PENDING", fulfillmentStatus: "BACKORDERED" });
  const expire = { type: "EXPIRE_RESERVATION", reason: "Unpaid for more than 72 h" } as const;

  it("keeps the order RECEIVED, its fulfilment UNFULFILLED, and records why", () => {
    expect(expectOk(decide(unpaid, expire))).toMatchObject({
      to: "RECEIVED",
      paymentStatus: "PENDING",
      fulfillmentStatus: "UNFULFILLED",
      event: { type: "order.reservation_expired", reason: "Unpaid for more than 72 h" },
    });
    expect(expectOk(decide({ ...unpaid, paymentStatus: "FAILED" }, expire)).paymentStatus).toBe("FAILED");
  });

  it.each(["AUTHORIZED", "PAID", "PARTIALLY_PAID", "REFUNDED"] as const)("is refused once the payment is %s", (paymentStatus) => {
    const refused = expectRefused(decide({ ...unpaid, paymentStatus }, expire), "GUARD_FAILED");
    expect(refused.params.rule).toBe("PAYMENT_NOT_RECEIVED");
    expect(refused.message).toBe(`Cannot EXPIRE_RESERVATION an order that is RECEIVED: payment is ${paymentStatus}; only an order whose payment is PENDING or FAILED gives its stock back`);
  });

  it("is refused when the order holds no stock, and without a reason", () => {
    expect(expectRefused(decide({ ...unpaid, holdsStock: false }, expire), "GUARD_FAILED").params.rule).toBe("HOLDS_STOCK");
    expect(expectRefused(decide(unpaid, { ...expire, reason: "  " }), "VALIDATION").params.field).toBe("reason");
  });

  it("works on an order on hold and leaves its holds alone", () => {
    const ok = expectOk(decide({ ...unpaid, activeHolds: ["AWAITING_PAYMENT"] }, expire));
    expect(ok.holdsAdded).toEqual([]);
    expect(ok.holdsReleased).toEqual([]);
  });
});

describe("terminal stages", () => {
  it.each(["RETURNED", "CANCELLED"] as const)("no action moves an order out of %s", (status) => {
    for (const action of ORDER_ACTIONS) {
      const decision = decide(snapshot({ status, activeHolds: action === "RELEASE" ? ["OTHER"] : [] }), sampleAction(action));
      if (decision.ok) expect(decision.to).toBe(status);
    }
  });
});

describe("the happy path", () => {
  it("walks an order from RECEIVED to RETURNED, each step feeding the next", () => {
    const steps: [OrderActionType, OrderStatus, string][] = [
      ["AUTHORIZE_PAYMENT", "PAYMENT_AUTHORIZED", "UNFULFILLED"],
      ["SEND_TO_FRAUD_REVIEW", "FRAUD_REVIEW", "UNFULFILLED"],
      ["APPROVE", "APPROVED", "UNFULFILLED"],
      ["BACKORDER", "BACKORDERED", "BACKORDERED"],
      ["ALLOCATE", "ALLOCATED", "ALLOCATED"],
      ["START_PICKING", "PICKING", "PICKING"],
      ["PACK", "PACKED", "PACKED"],
      ["INVOICE", "INVOICED", "PACKED"],
      ["SHIP", "SHIPPED", "SHIPPED"],
      ["DELIVER", "DELIVERED", "DELIVERED"],
      ["REQUEST_RETURN", "RETURN_REQUESTED", "DELIVERED"],
      ["COMPLETE_RETURN", "RETURNED", "RETURNED"],
    ];
    let order = snapshot({ paymentStatus: "PENDING" });
    for (const [action, to, fulfillment] of steps) {
      const d = expectOk(decide(order, sampleAction(action)));
      expect([action, d.to, d.fulfillmentStatus]).toEqual([action, to, fulfillment]);
      order = { ...order, status: d.to, paymentStatus: d.paymentStatus, fulfillmentStatus: d.fulfillmentStatus };
    }
    expect(order.paymentStatus).toBe("AUTHORIZED");
  });
});
