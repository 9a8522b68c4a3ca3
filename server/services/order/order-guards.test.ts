import { describe, expect, it } from "vitest";
import { availableActions, decide, type OrderAction } from "./order-state-machine";
import { expectOk, expectRefused, snapshot } from "./order-test-fixtures";

describe("APPROVE guard: payment covers the total", () => {
  it.each(["AUTHORIZED", "PAID"] as const)("approves when payment is %s", (paymentStatus) => {
    for (const status of ["PAYMENT_AUTHORIZED", "FRAUD_REVIEW"] as const) {
      expect(expectOk(decide(snapshot({ status, paymentStatus }), { type: "APPROVE" })).to).toBe("APPROVED");
    }
  });

  it.each(["PENDING", "PARTIALLY_PAID", "PARTIALLY_REFUNDED", "REFUNDED", "FAILED", "VOIDED"] as const)(
    "refuses when payment is %s",
    (paymentStatus) => {
      const r = expectRefused(decide(snapshot({ status: "FRAUD_REVIEW", paymentStatus }), { type: "APPROVE" }), "GUARD_FAILED");
      expect(r.message).toBe(
        `Cannot APPROVE an order that is FRAUD_REVIEW: payment is ${paymentStatus}; it must be AUTHORIZED or PAID to cover the order total`,
      );
      expect(r.params).toEqual({ current: "FRAUD_REVIEW", action: "APPROVE", rule: "PAYMENT_COVERS_TOTAL" });
    },
  );
});

describe("APPROVE guard: a delivery address a carrier can use", () => {
  it.each([false, undefined])("refuses when shippingAddressComplete is %s, naming the rule", (shippingAddressComplete) => {
    for (const status of ["PAYMENT_AUTHORIZED", "FRAUD_REVIEW"] as const) {
      const r = expectRefused(decide(snapshot({ status, shippingAddressComplete }), { type: "APPROVE" }), "GUARD_FAILED");
      expect(r.params).toEqual({ current: status, action: "APPROVE", rule: "SHIPPING_ADDRESS_COMPLETE" });
      expect(r.message).toContain("delivery address is missing or incomplete");
    }
  });

  it("checks the payment first, and leaves other actions alone", () => {
    const r = expectRefused(decide(snapshot({ status: "PAYMENT_AUTHORIZED", paymentStatus: "PENDING", shippingAddressComplete: false }), { type: "APPROVE" }), "GUARD_FAILED");
    expect(r.params.rule).toBe("PAYMENT_COVERS_TOTAL");
    expectOk(decide(snapshot({ status: "PAYMENT_AUTHORIZED", shippingAddressComplete: false }), { type: "SEND_TO_FRAUD_REVIEW" }));
    expectOk(decide(snapshot({ status: "FRAUD_REVIEW", shippingAddressComplete: false }), { type: "REJECT" }));
    expectOk(decide(snapshot({ status: "BACKORDERED", shippingAddressComplete: false }), { type: "ALLOCATE" }));
  });

  it("is not offered while the address is incomplete", () => {
    expect(availableActions(snapshot({ status: "PAYMENT_AUTHORIZED", shippingAddressComplete: false }), "OPERATOR")).not.toContain("APPROVE");
    expect(availableActions(snapshot({ status: "PAYMENT_AUTHORIZED", shippingAddressComplete: true }), "OPERATOR")).toContain("APPROVE");
  });
});

describe("ALLOCATE guard: every line allocated", () => {
  it.each(["APPROVED", "BACKORDERED"] as const)("allocates from %s when allLinesAllocated is true", (status) => {
    const d = expectOk(decide(snapshot({ status, allLinesAllocated: true }), { type: "ALLOCATE" }));
    expect([d.to, d.fulfillmentStatus]).toEqual(["ALLOCATED", "ALLOCATED"]);
  });

  it.each([false, undefined])("refuses when allLinesAllocated is %s", (allLinesAllocated) => {
    const r = expectRefused(decide(snapshot({ status: "APPROVED", allLinesAllocated }), { type: "ALLOCATE" }), "GUARD_FAILED");
    expect(r.message).toBe("Cannot ALLOCATE an order that is APPROVED: not every line has its stock allocated");
    expect(r.params.rule).toBe("STOCK_ALLOCATED");
  });
});

describe("PACK guard: the package is complete", () => {
  it("packs when packComplete is true", () => {
    const d = expectOk(decide(snapshot({ status: "PICKING", packComplete: true }), { type: "PACK" }));
    expect([d.to, d.fulfillmentStatus]).toEqual(["PACKED", "PACKED"]);
  });

  it.each([false, undefined])("refuses when packComplete is %s", (packComplete) => {
    const r = expectRefused(decide(snapshot({ status: "PICKING", packComplete }), { type: "PACK" }), "GUARD_FAILED");
    expect(r.current).toBe("PICKING");
    expect(r.params).toEqual({ current: "PICKING", action: "PACK", rule: "PACK_COMPLETE" });
    expect(r.message).toContain("every unit must be scanned");
  });
});

describe("SHIP: the NF-e comes first; partial shipments", () => {
  it("refuses SHIP from PACKED saying the invoice is missing", () => {
    const r = expectRefused(decide(snapshot({ status: "PACKED" }), { type: "SHIP" }), "INVALID_TRANSITION");
    expect(r.message).toBe("Cannot SHIP an order that is PACKED: the NF-e invoice must be issued first");
    expect(r.params).toEqual({ current: "PACKED", action: "SHIP", rule: "INVOICE_REQUIRED" });
  });

  it("refuses SHIP from PICKING with the generic message", () => {
    const r = expectRefused(decide(snapshot({ status: "PICKING" }), { type: "SHIP" }), "INVALID_TRANSITION");
    expect(r.message).toBe("Cannot SHIP: order is PICKING");
  });

  it("ships the whole order when allLinesShipped is true", () => {
    const d = expectOk(decide(snapshot({ status: "INVOICED", fulfillmentStatus: "PACKED", allLinesShipped: true }), { type: "SHIP" }));
    expect([d.to, d.fulfillmentStatus, d.event.type]).toEqual(["SHIPPED", "SHIPPED", "order.shipped"]);
  });

  it.each([false, undefined])("stays INVOICED and PARTIALLY_SHIPPED when allLinesShipped is %s", (allLinesShipped) => {
    const order = snapshot({ status: "INVOICED", fulfillmentStatus: "PACKED", allLinesShipped });
    const d = expectOk(decide(order, { type: "SHIP" }));
    expect([d.to, d.fulfillmentStatus, d.event.type]).toEqual(["INVOICED", "PARTIALLY_SHIPPED", "order.partially_shipped"]);
  });

  it("ships the rest after a partial shipment", () => {
    const order = snapshot({ status: "INVOICED", fulfillmentStatus: "PARTIALLY_SHIPPED", allLinesShipped: true });
    expect(expectOk(decide(order, { type: "SHIP" })).to).toBe("SHIPPED");
  });

  it("a second partial package keeps the order INVOICED and PARTIALLY_SHIPPED, with its package on the timeline", () => {
    const order = snapshot({ status: "INVOICED", fulfillmentStatus: "PARTIALLY_SHIPPED", allLinesShipped: false });
    const d = expectOk(decide(order, { type: "SHIP", packageNumber: 7, units: [{ orderLineId: "l1", quantity: 2 }, { orderLineId: "l2", quantity: 1 }] }));
    expect([d.from, d.to, d.fulfillmentStatus, d.event.type]).toEqual(["INVOICED", "INVOICED", "PARTIALLY_SHIPPED", "order.partially_shipped"]);
    // The fulfilment did not change, so the event carries only the package.
    expect(d.event.data).toEqual({ package: 7, units: 3 });
  });

  it("records the package and its units on the order.shipped event", () => {
    const order = snapshot({ status: "INVOICED", fulfillmentStatus: "PARTIALLY_SHIPPED", allLinesShipped: true });
    const d = expectOk(decide(order, { type: "SHIP", packageNumber: 8, units: [{ orderLineId: "l1", quantity: 1 }] }));
    expect(d.event.data).toEqual({ package: 8, units: 1, fulfillment: { from: "PARTIALLY_SHIPPED", to: "SHIPPED" } });
  });

  it.each([
    ["packageNumber", { packageNumber: 0 }],
    ["units", { units: [] }],
    ["units", { units: [{ orderLineId: "l1", quantity: 0 }] }],
    ["units", { units: [{ orderLineId: "l1", quantity: 1.5 }] }],
    ["units", { units: [{ orderLineId: "l1", quantity: 1 }, { orderLineId: "l1", quantity: 1 }] }],
    ["units", { units: [{ orderLineId: "", quantity: 1 }] }],
  ])("refuses a malformed package payload (%s)", (field, payload) => {
    const r = expectRefused(decide(snapshot({ status: "INVOICED", allLinesShipped: true }), { type: "SHIP", ...payload } as OrderAction), "VALIDATION");
    expect(r.params).toMatchObject({ action: "SHIP", field });
  });
});

describe("CANCEL from INVOICED needs a cancellable NF-e", () => {
  it("cancels when invoiceCancellable is true", () => {
    const d = expectOk(decide(snapshot({ status: "INVOICED", invoiceCancellable: true }), { type: "CANCEL", reason: "customer asked" }));
    expect(d.to).toBe("CANCELLED");
  });

  it.each([false, undefined])("refuses when invoiceCancellable is %s", (invoiceCancellable) => {
    const r = expectRefused(
      decide(snapshot({ status: "INVOICED", invoiceCancellable }), { type: "CANCEL", reason: "customer asked" }),
      "GUARD_FAILED",
    );
    expect(r.message).toBe(
      "Cannot CANCEL an order that is INVOICED: the NF-e can no longer be cancelled (more than 24 h since authorization, or the goods have left)",
    );
    expect(r.params).toEqual({ current: "INVOICED", action: "CANCEL", rule: "INVOICE_CANCELLABLE" });
  });

  it("refuses once a package has left (PARTIALLY_SHIPPED), even with a cancellable NF-e", () => {
    const order = snapshot({ status: "INVOICED", fulfillmentStatus: "PARTIALLY_SHIPPED", invoiceCancellable: true });
    const r = expectRefused(decide(order, { type: "CANCEL", reason: "customer asked" }), "GUARD_FAILED");
    expect(r.params).toEqual({ current: "INVOICED", action: "CANCEL", rule: "INVOICE_CANCELLABLE" });
  });

  it("does not need the flag before the invoice exists", () => {
    const d = decide(snapshot({ status: "PACKED", invoiceCancellable: false }), { type: "CANCEL", reason: "customer asked" });
    expect(expectOk(d).to).toBe("CANCELLED");
  });

  it.each(["SHIPPED", "DELIVERED"] as const)("refuses from %s: the goods have left", (status) => {
    const r = expectRefused(decide(snapshot({ status }), { type: "CANCEL", reason: "too late" }), "INVALID_TRANSITION");
    expect(r.message).toBe(`Cannot CANCEL an order that is ${status}: the goods have already left; request a return instead`);
    expect(r.params.rule).toBe("GOODS_LEFT");
  });

  it("refuses from CANCELLED naming the state", () => {
    const r = expectRefused(decide(snapshot({ status: "CANCELLED" }), { type: "CANCEL", reason: "again" }), "INVALID_TRANSITION");
    expect(r.message).toBe("Cannot CANCEL: order is CANCELLED");
  });
});

describe("MARK_PAID guard: payment outstanding", () => {
  it.each(["PENDING", "AUTHORIZED", "PARTIALLY_PAID"] as const)("marks a %s payment PAID", (paymentStatus) => {
    const d = expectOk(decide(snapshot({ status: "PICKING", paymentStatus }), { type: "MARK_PAID" }));
    expect([d.to, d.paymentStatus, d.event.type]).toEqual(["PICKING", "PAID", "order.paid"]);
  });

  it.each(["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "FAILED", "VOIDED"] as const)("refuses a %s payment", (paymentStatus) => {
    const r = expectRefused(decide(snapshot({ status: "APPROVED", paymentStatus }), { type: "MARK_PAID" }), "GUARD_FAILED");
    expect(r.params).toEqual({ current: "APPROVED", action: "MARK_PAID", rule: "PAYMENT_OUTSTANDING" });
    expect(r.message).toBe(
      `Cannot MARK_PAID an order that is APPROVED: payment is ${paymentStatus}; only PENDING, AUTHORIZED or PARTIALLY_PAID payments can be marked paid`,
    );
  });

  it("advances a RECEIVED order to PAYMENT_AUTHORIZED", () => {
    const d = expectOk(decide(snapshot({ status: "RECEIVED", paymentStatus: "PENDING" }), { type: "MARK_PAID" }));
    expect([d.from, d.to, d.paymentStatus]).toEqual(["RECEIVED", "PAYMENT_AUTHORIZED", "PAID"]);
  });

  it("is refused on a cancelled order", () => {
    const r = expectRefused(decide(snapshot({ status: "CANCELLED", paymentStatus: "PENDING" }), { type: "MARK_PAID" }), "INVALID_TRANSITION");
    expect(r.message).toBe("Cannot MARK_PAID: order is CANCELLED");
  });
});

describe("SHORT_PICK: re-allocated or back-ordered", () => {
  it.each([
    [true, "ALLOCATED"],
    [false, "BACKORDERED"],
  ] as const)("reallocated=%s goes to %s", (reallocated, to) => {
    const d = expectOk(decide(snapshot({ status: "PICKING", fulfillmentStatus: "PICKING" }), { type: "SHORT_PICK", reallocated }));
    expect([d.to, d.fulfillmentStatus]).toEqual([to, to]);
    expect(d.event).toEqual({
      type: "order.short_picked",
      from: "PICKING",
      to,
      data: { reallocated, fulfillment: { from: "PICKING", to } },
    });
  });
});

describe("guards are checked after the stage", () => {
  it("reports INVALID_TRANSITION, not GUARD_FAILED, when both the stage and a guard are wrong", () => {
    const order = snapshot({ status: "RECEIVED", paymentStatus: "PENDING" });
    expectRefused(decide(order, { type: "APPROVE" }), "INVALID_TRANSITION");
  });
});
