import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/lib/domain-error";
import { assertTransition, decide, type OrderAction, type OrderSnapshot } from "./order-state-machine";
import { expectOk, expectRefused, snapshot } from "./order-test-fixtures";

const cancel: OrderAction = { type: "CANCEL", reason: "customer asked" };
const reject: OrderAction = { type: "REJECT", reason: "stolen card" };

describe("payment side effects", () => {
  it.each([
    ["PENDING", "AUTHORIZED"],
    ["FAILED", "AUTHORIZED"],
    ["AUTHORIZED", "AUTHORIZED"],
    ["PAID", "PAID"],
  ] as const)("AUTHORIZE_PAYMENT: %s → %s", (from, to) => {
    const d = expectOk(decide(snapshot({ status: "RECEIVED", paymentStatus: from }), { type: "AUTHORIZE_PAYMENT" }));
    expect([d.to, d.paymentStatus]).toEqual(["PAYMENT_AUTHORIZED", to]);
  });

  it.each([
    ["AUTHORIZED", "VOIDED", undefined],
    ["PENDING", "PENDING", undefined],
    ["PAID", "PAID", true],
    ["PARTIALLY_PAID", "PARTIALLY_PAID", true],
  ] as const)("CANCEL: payment %s → %s, refundDue %s", (from, to, refundDue) => {
    const d = expectOk(decide(snapshot({ status: "APPROVED", paymentStatus: from }), cancel));
    expect(d.paymentStatus).toBe(to);
    expect(d.refundDue).toBe(refundDue);
  });

  it.each([
    ["AUTHORIZED", "VOIDED", undefined],
    ["PAID", "PAID", true],
  ] as const)("REJECT: payment %s → %s, refundDue %s", (from, to, refundDue) => {
    const d = expectOk(decide(snapshot({ status: "FRAUD_REVIEW", paymentStatus: from }), reject));
    expect([d.to, d.paymentStatus]).toEqual(["CANCELLED", to]);
    expect(d.refundDue).toBe(refundDue);
  });

  it.each(["SEND_TO_FRAUD_REVIEW", "APPROVE"] as const)("%s leaves the payment alone", (type) => {
    const d = expectOk(decide(snapshot({ status: "PAYMENT_AUTHORIZED", paymentStatus: "PAID" }), { type }));
    expect(d.paymentStatus).toBe("PAID");
    expect(d.refundDue).toBeUndefined();
  });
});

describe("fulfilment side effects", () => {
  const cases: [OrderSnapshot, OrderAction, string][] = [
    [snapshot({ status: "APPROVED" }), { type: "BACKORDER" }, "BACKORDERED"],
    [snapshot({ status: "ALLOCATED", fulfillmentStatus: "ALLOCATED" }), { type: "BACKORDER" }, "BACKORDERED"],
    [snapshot({ status: "ALLOCATED", fulfillmentStatus: "ALLOCATED" }), { type: "START_PICKING" }, "PICKING"],
    [snapshot({ status: "PACKED", fulfillmentStatus: "PACKED" }), { type: "INVOICE", invoiceNumber: "1" }, "PACKED"],
    [snapshot({ status: "SHIPPED", fulfillmentStatus: "SHIPPED" }), { type: "DELIVER" }, "DELIVERED"],
    [snapshot({ status: "DELIVERED", fulfillmentStatus: "DELIVERED" }), { type: "REQUEST_RETURN" }, "DELIVERED"],
    [snapshot({ status: "RETURN_REQUESTED", fulfillmentStatus: "DELIVERED" }), { type: "COMPLETE_RETURN" }, "RETURNED"],
    [snapshot({ status: "PACKED", fulfillmentStatus: "PACKED" }), cancel, "UNFULFILLED"],
    [snapshot({ status: "ALLOCATED", fulfillmentStatus: "ALLOCATED" }), cancel, "UNFULFILLED"],
  ];
  it.each(cases)("%o + %o → fulfilment %s", (order, action, fulfillment) => {
    expect(expectOk(decide(order, action)).fulfillmentStatus).toBe(fulfillment);
  });
});

describe("timeline events", () => {
  it("APPROVE writes order.approved with no data", () => {
    const d = expectOk(decide(snapshot({ status: "FRAUD_REVIEW" }), { type: "APPROVE" }));
    expect(d.event).toEqual({ type: "order.approved", from: "FRAUD_REVIEW", to: "APPROVED" });
  });

  it("CANCEL records the reason, the payment change and released holds", () => {
    const order = snapshot({ status: "PICKING", fulfillmentStatus: "PICKING", activeHolds: ["INCORRECT_ADDRESS"] });
    const d = expectOk(decide(order, { type: "CANCEL", reason: "  customer asked  " }));
    expect(d.event).toEqual({
      type: "order.cancelled",
      from: "PICKING",
      to: "CANCELLED",
      reason: "customer asked",
      data: {
        holdsReleased: ["INCORRECT_ADDRESS"],
        payment: { from: "AUTHORIZED", to: "VOIDED" },
        fulfillment: { from: "PICKING", to: "UNFULFILLED" },
      },
    });
  });

  it("CANCEL of a paid order flags the refund in the event", () => {
    const d = expectOk(decide(snapshot({ status: "APPROVED", paymentStatus: "PAID" }), cancel));
    expect(d.event.data).toEqual({ refundDue: true });
  });

  it("INVOICE records the trimmed invoice number", () => {
    const d = expectOk(decide(snapshot({ status: "PACKED", fulfillmentStatus: "PACKED" }), { type: "INVOICE", invoiceNumber: " 4521 " }));
    expect(d.event).toEqual({ type: "order.invoiced", from: "PACKED", to: "INVOICED", data: { invoiceNumber: "4521" } });
  });

  it.each([
    ["000004521", undefined, { invoiceNumber: "4521" }],
    ["999999999", undefined, { invoiceNumber: "999999999" }],
    ["1", "001", { invoiceNumber: "1", invoiceSeries: "1" }],
    ["123", " 0 ", { invoiceNumber: "123", invoiceSeries: "0" }],
    ["123", "890", { invoiceNumber: "123", invoiceSeries: "890" }],
  ] as const)("INVOICE %j series %j records the NF-e without leading zeros", (invoiceNumber, invoiceSeries, data) => {
    const action: OrderAction = { type: "INVOICE", invoiceNumber, ...(invoiceSeries !== undefined ? { invoiceSeries } : {}) };
    expect(expectOk(decide(snapshot({ status: "PACKED", fulfillmentStatus: "PACKED" }), action)).event.data).toEqual(data);
  });

  it("REJECT and REQUEST_RETURN carry their optional reason", () => {
    expect(expectOk(decide(snapshot({ status: "FRAUD_REVIEW" }), reject)).event.reason).toBe("stolen card");
    expect(expectOk(decide(snapshot({ status: "FRAUD_REVIEW" }), { type: "REJECT" })).event.reason).toBeUndefined();
    const ret = expectOk(decide(snapshot({ status: "DELIVERED" }), { type: "REQUEST_RETURN", reason: "wrong size" }));
    expect(ret.event).toEqual({ type: "order.return_requested", from: "DELIVERED", to: "RETURN_REQUESTED", reason: "wrong size" });
  });

  it("WITHDRAW_RETURN needs a reason, delivers the order again and lets go of the hold that waited for the goods", () => {
    const waiting = snapshot({ status: "RETURN_REQUESTED", fulfillmentStatus: "DELIVERED", activeHolds: ["AWAITING_RETURN_ITEMS", "OTHER"] });
    const d = expectOk(decide(waiting, { type: "WITHDRAW_RETURN", reason: " customer kept it " }));
    expect([d.to, d.fulfillmentStatus, d.holdsReleased, d.holdsAdded]).toEqual(["DELIVERED", "DELIVERED", ["AWAITING_RETURN_ITEMS"], []]);
    expect(d.event).toEqual({
      type: "order.return_withdrawn", from: "RETURN_REQUESTED", to: "DELIVERED", reason: "customer kept it", data: { holdsReleased: ["AWAITING_RETURN_ITEMS"] },
    });
    expect(expectOk(decide(snapshot({ status: "RETURN_REQUESTED" }), { type: "WITHDRAW_RETURN", reason: "late" })).holdsReleased).toEqual([]);
    expectRefused(decide(waiting, { type: "WITHDRAW_RETURN", reason: "  " }), "VALIDATION");
    expectRefused(decide(snapshot({ status: "DELIVERED" }), { type: "WITHDRAW_RETURN", reason: "late" }), "INVALID_TRANSITION");
  });

  it.each([
    ["AUTHORIZE_PAYMENT", "RECEIVED", "order.payment_authorized"],
    ["SEND_TO_FRAUD_REVIEW", "PAYMENT_AUTHORIZED", "order.fraud_review"],
    ["ALLOCATE", "APPROVED", "order.allocated"],
    ["BACKORDER", "APPROVED", "order.backordered"],
    ["START_PICKING", "ALLOCATED", "order.picking_started"],
    ["PACK", "PICKING", "order.packed"],
    ["DELIVER", "SHIPPED", "order.delivered"],
    ["COMPLETE_RETURN", "RETURN_REQUESTED", "order.returned"],
  ] as const)("%s from %s writes %s", (type, status, eventType) => {
    expect(expectOk(decide(snapshot({ status }), { type })).event.type).toBe(eventType);
  });
});

describe("payload validation", () => {
  it.each(["", "   ", "x", "12a", "-5", "1.5", "12 34", "4.521", "0", "000000000", "1234567890", "0000000001", "１２３"])(
    "INVOICE refuses invoiceNumber %j",
    (invoiceNumber) => {
      const r = expectRefused(decide(snapshot({ status: "PACKED" }), { type: "INVOICE", invoiceNumber }), "VALIDATION");
      expect(r.message).toBe("Cannot INVOICE an order that is PACKED: invoiceNumber must be an NF-e number: 1 to 9 digits, not all zeros");
      expect(r.params).toEqual({ current: "PACKED", action: "INVOICE", field: "invoiceNumber" });
    },
  );

  it.each(["", "1234", "A1", "-1", "1.0"])("INVOICE refuses invoiceSeries %j", (invoiceSeries) => {
    const r = expectRefused(decide(snapshot({ status: "PACKED" }), { type: "INVOICE", invoiceNumber: "4521", invoiceSeries }), "VALIDATION");
    expect(r.params).toEqual({ current: "PACKED", action: "INVOICE", field: "invoiceSeries" });
  });

  it.each(["", "  "])("CANCEL refuses reason %j", (reason) => {
    const r = expectRefused(decide(snapshot({ status: "APPROVED" }), { type: "CANCEL", reason }), "VALIDATION");
    expect(r.params.field).toBe("reason");
    expect(r.message).toContain("that is APPROVED");
  });

  it("refuses malformed payloads arriving untyped", () => {
    const untyped = (value: unknown) => value as OrderAction;
    const hold = decide(snapshot({ status: "APPROVED" }), untyped({ type: "HOLD", reason: "BORED" }));
    expect(expectRefused(hold, "VALIDATION").params.field).toBe("reason");
    const shortPick = decide(snapshot({ status: "PICKING" }), untyped({ type: "SHORT_PICK", reallocated: "yes" }));
    expect(expectRefused(shortPick, "VALIDATION").params.field).toBe("reallocated");
    const invoice = decide(snapshot({ status: "PACKED" }), untyped({ type: "INVOICE", invoiceNumber: 42 }));
    expect(expectRefused(invoice, "VALIDATION").params.field).toBe("invoiceNumber");
    const unknown = expectRefused(decide(snapshot({ status: "PACKED" }), untyped({ type: "TELEPORT" })), "VALIDATION");
    expect(unknown.message).toBe("Cannot apply unknown action TELEPORT: order is PACKED");
    expect(unknown.params).toEqual({ current: "PACKED", action: "TELEPORT" });
  });
});

describe("assertTransition", () => {
  it("returns the allowed decision", () => {
    expect(assertTransition(snapshot({ status: "PICKING" }), { type: "PACK" }).to).toBe("PACKED");
  });

  it("throws a DomainError with the code, message and params", () => {
    let thrown: unknown;
    try {
      assertTransition(snapshot({ status: "CANCELLED" }), { type: "APPROVE" });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const error = thrown as DomainError;
    expect(error.code).toBe("INVALID_TRANSITION");
    expect(error.message).toBe("Cannot APPROVE: order is CANCELLED");
    expect(error.params).toEqual({ current: "CANCELLED", action: "APPROVE" });
  });

  it("throws ORDER_ON_HOLD for a held order", () => {
    expect(() => assertTransition(snapshot({ status: "ALLOCATED", activeHolds: ["OUT_OF_STOCK"] }), { type: "START_PICKING" })).toThrow(
      expect.objectContaining({ code: "ORDER_ON_HOLD", params: { current: "ALLOCATED", action: "START_PICKING", holds: "OUT_OF_STOCK" } }),
    );
  });
});

describe("purity", () => {
  it("never mutates the snapshot", () => {
    const order = Object.freeze(snapshot({ status: "PICKING", activeHolds: Object.freeze(["OTHER"]) as OrderSnapshot["activeHolds"] }));
    const copy = structuredClone(order);
    expectOk(decide(order, cancel));
    expectOk(decide(order, { type: "HOLD", reason: "HIGH_FRAUD_RISK" }));
    expectOk(decide(order, { type: "RELEASE", reason: "OTHER" }));
    expect(order).toEqual(copy);
  });
});
