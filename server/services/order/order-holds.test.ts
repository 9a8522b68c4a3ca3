import { describe, expect, it } from "vitest";
import { HOLD_REASONS, decide, type OrderActionType, type OrderStatus } from "./order-state-machine";
import { expectOk, expectRefused, sampleAction, snapshot } from "./order-test-fixtures";

/** For each action blocked by holds, a stage it is otherwise legal from (written by hand). */
const BLOCKED: [OrderActionType, OrderStatus][] = [
  ["AUTHORIZE_PAYMENT", "RECEIVED"],
  ["SEND_TO_FRAUD_REVIEW", "PAYMENT_AUTHORIZED"],
  ["APPROVE", "FRAUD_REVIEW"],
  ["REJECT", "FRAUD_REVIEW"],
  ["ALLOCATE", "BACKORDERED"],
  ["BACKORDER", "ALLOCATED"],
  ["START_PICKING", "ALLOCATED"],
  ["SHORT_PICK", "PICKING"],
  ["PACK", "PICKING"],
  ["INVOICE", "PACKED"],
  ["SHIP", "INVOICED"],
  ["DELIVER", "SHIPPED"],
  ["REQUEST_RETURN", "DELIVERED"],
  ["COMPLETE_RETURN", "RETURN_REQUESTED"],
];

describe("an order on hold", () => {
  it("blocks 14 of the 18 actions", () => {
    expect(BLOCKED).toHaveLength(14);
  });

  it.each(BLOCKED)("refuses %s from %s with ORDER_ON_HOLD naming the holds", (action, status) => {
    // Sanity: legal without the hold.
    expectOk(decide(snapshot({ status }), sampleAction(action)));
    const held = snapshot({ status, activeHolds: ["HIGH_FRAUD_RISK", "INCORRECT_ADDRESS"] });
    const r = expectRefused(decide(held, sampleAction(action)), "ORDER_ON_HOLD");
    expect(r.message).toBe(`Cannot ${action}: order is ${status} and on hold (HIGH_FRAUD_RISK, INCORRECT_ADDRESS)`);
    expect(r.params).toEqual({ current: status, action, holds: "HIGH_FRAUD_RISK,INCORRECT_ADDRESS" });
  });

  it("still reports INVALID_TRANSITION when the stage is wrong anyway", () => {
    const r = expectRefused(decide(snapshot({ status: "RECEIVED", activeHolds: ["OTHER"] }), { type: "SHIP" }), "INVALID_TRANSITION");
    expect(r.message).toBe("Cannot SHIP: order is RECEIVED");
  });

  describe("the four exceptions", () => {
    const held = snapshot({ status: "APPROVED", paymentStatus: "PENDING", activeHolds: ["AWAITING_PAYMENT"] });

    it("HOLD adds another reason", () => {
      const d = expectOk(decide(held, { type: "HOLD", reason: "INCORRECT_ADDRESS", note: "no street number" }));
      expect([d.to, d.holdsAdded, d.holdsReleased]).toEqual(["APPROVED", ["INCORRECT_ADDRESS"], []]);
      expect(d.event).toEqual({
        type: "order.held",
        from: "APPROVED",
        to: "APPROVED",
        reason: "INCORRECT_ADDRESS",
        data: { note: "no street number" },
      });
    });

    it("RELEASE lifts the active hold", () => {
      const d = expectOk(decide(held, { type: "RELEASE", reason: "AWAITING_PAYMENT" }));
      expect([d.to, d.holdsAdded, d.holdsReleased]).toEqual(["APPROVED", [], ["AWAITING_PAYMENT"]]);
      expect(d.event).toEqual({ type: "order.released", from: "APPROVED", to: "APPROVED", reason: "AWAITING_PAYMENT" });
    });

    it("CANCEL cancels and releases every hold", () => {
      const twice = snapshot({ status: "APPROVED", activeHolds: ["AWAITING_PAYMENT", "OTHER"] });
      const d = expectOk(decide(twice, { type: "CANCEL", reason: "never paid" }));
      expect([d.to, d.holdsReleased]).toEqual(["CANCELLED", ["AWAITING_PAYMENT", "OTHER"]]);
    });

    it("MARK_PAID records the payment but keeps the stage", () => {
      const d = expectOk(decide(held, { type: "MARK_PAID" }));
      expect([d.to, d.paymentStatus, d.holdsReleased]).toEqual(["APPROVED", "PAID", []]);
    });
  });
});

describe("HOLD", () => {
  it("is refused when that reason is already active", () => {
    const order = snapshot({ status: "PACKED", activeHolds: ["OUT_OF_STOCK"] });
    const r = expectRefused(decide(order, { type: "HOLD", reason: "OUT_OF_STOCK" }), "GUARD_FAILED");
    expect(r.message).toBe("Cannot HOLD an order that is PACKED: hold OUT_OF_STOCK is already active");
    expect(r.params).toEqual({ current: "PACKED", action: "HOLD", rule: "HOLD_ALREADY_ACTIVE" });
  });

  it("is refused when every reason is already active", () => {
    const order = snapshot({ status: "PACKED", activeHolds: [...HOLD_REASONS] });
    const r = expectRefused(decide(order, { type: "HOLD", reason: "OTHER" }), "GUARD_FAILED");
    expect(r.params.rule).toBe("HOLD_REASON_AVAILABLE");
  });

  it.each(["SHIPPED", "DELIVERED", "RETURNED", "CANCELLED"] as const)("is not allowed once the order is %s", (status) => {
    const r = expectRefused(decide(snapshot({ status }), { type: "HOLD", reason: "OTHER" }), "INVALID_TRANSITION");
    expect(r.message).toBe(`Cannot HOLD: order is ${status}`);
  });

  it("is allowed on a return in progress (awaiting the items)", () => {
    const d = expectOk(decide(snapshot({ status: "RETURN_REQUESTED" }), { type: "HOLD", reason: "AWAITING_RETURN_ITEMS" }));
    expect([d.to, d.holdsAdded]).toEqual(["RETURN_REQUESTED", ["AWAITING_RETURN_ITEMS"]]);
    expect(d.event.data).toBeUndefined();
  });

  it("leaves payment and fulfilment alone", () => {
    const order = snapshot({ status: "PICKING", paymentStatus: "PAID", fulfillmentStatus: "PICKING" });
    const d = expectOk(decide(order, { type: "HOLD", reason: "HIGH_FRAUD_RISK" }));
    expect([d.paymentStatus, d.fulfillmentStatus, d.refundDue]).toEqual(["PAID", "PICKING", undefined]);
  });
});

describe("RELEASE", () => {
  it("is refused when the order has no hold", () => {
    const r = expectRefused(decide(snapshot({ status: "APPROVED" }), { type: "RELEASE", reason: "OTHER" }), "GUARD_FAILED");
    expect(r.message).toBe("Cannot RELEASE an order that is APPROVED: the order has no active hold");
    expect(r.params).toEqual({ current: "APPROVED", action: "RELEASE", rule: "NO_ACTIVE_HOLD" });
  });

  it("is refused for a reason that is not active", () => {
    const order = snapshot({ status: "APPROVED", activeHolds: ["OTHER", "OUT_OF_STOCK"] });
    const r = expectRefused(decide(order, { type: "RELEASE", reason: "HIGH_FRAUD_RISK" }), "GUARD_FAILED");
    expect(r.message).toBe("Cannot RELEASE an order that is APPROVED: hold HIGH_FRAUD_RISK is not active (active: OTHER, OUT_OF_STOCK)");
    expect(r.params.rule).toBe("HOLD_NOT_ACTIVE");
  });

  it("releases one reason of several; the order stays held by the others", () => {
    const order = snapshot({ status: "ALLOCATED", activeHolds: ["OTHER", "OUT_OF_STOCK"] });
    const d = expectOk(decide(order, { type: "RELEASE", reason: "OUT_OF_STOCK" }));
    expect(d.holdsReleased).toEqual(["OUT_OF_STOCK"]);
    const after = { ...order, activeHolds: ["OTHER" as const] };
    expectRefused(decide(after, { type: "START_PICKING" }), "ORDER_ON_HOLD");
    expect(expectOk(decide({ ...after, activeHolds: [] }, { type: "START_PICKING" })).to).toBe("PICKING");
  });
});
