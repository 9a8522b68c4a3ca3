import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/lib/domain-error";
import { deriveFulfillmentStatus, type FulfillmentLine } from "./fulfillment-status";

const ZERO = { allocated: 0, picked: 0, packed: 0, shipped: 0, delivered: 0, backordered: 0, returned: 0 };
const line = (quantity: number, counters: Partial<Omit<FulfillmentLine, "quantity">> = {}): FulfillmentLine => ({
  quantity,
  ...ZERO,
  ...counters,
});
/** A line whose every unit went through the pipeline up to `stage` (cumulative counters). */
const upTo = (quantity: number, stage: "allocated" | "picked" | "packed" | "shipped" | "delivered"): FulfillmentLine => {
  const order = ["allocated", "picked", "packed", "shipped", "delivered"] as const;
  const reached = order.slice(0, order.indexOf(stage) + 1);
  return line(quantity, Object.fromEntries(reached.map((k) => [k, quantity])));
};

describe("deriveFulfillmentStatus", () => {
  it("is UNFULFILLED with no lines, or only zero-quantity lines", () => {
    expect(deriveFulfillmentStatus([])).toBe("UNFULFILLED");
    expect(deriveFulfillmentStatus([line(0, { backordered: 3 })])).toBe("UNFULFILLED");
  });

  it("is UNFULFILLED when nothing or only part is allocated and nothing is backordered", () => {
    expect(deriveFulfillmentStatus([line(2), line(1)])).toBe("UNFULFILLED");
    expect(deriveFulfillmentStatus([line(2, { allocated: 1 }), upTo(1, "allocated")])).toBe("UNFULFILLED");
  });

  it("is ALLOCATED when every line is fully allocated", () => {
    expect(deriveFulfillmentStatus([upTo(2, "allocated"), upTo(5, "allocated")])).toBe("ALLOCATED");
  });

  it("is BACKORDERED when a line waits for stock, even if others are allocated or being picked", () => {
    expect(deriveFulfillmentStatus([line(2, { backordered: 2 })])).toBe("BACKORDERED");
    expect(deriveFulfillmentStatus([upTo(1, "allocated"), line(3, { allocated: 1, backordered: 2 })])).toBe("BACKORDERED");
    expect(deriveFulfillmentStatus([upTo(1, "packed"), line(3, { backordered: 3 })])).toBe("BACKORDERED");
  });

  it("ignores a stale backorder count once the line is fully allocated", () => {
    expect(deriveFulfillmentStatus([line(2, { allocated: 2, backordered: 2 })])).toBe("ALLOCATED");
  });

  it("is PICKING while some units are picked and not all", () => {
    expect(deriveFulfillmentStatus([upTo(2, "picked"), upTo(1, "allocated")])).toBe("PICKING");
    expect(deriveFulfillmentStatus([line(3, { allocated: 3, picked: 1 })])).toBe("PICKING");
  });

  it("is PICKED when everything is picked and not all packed", () => {
    expect(deriveFulfillmentStatus([upTo(2, "picked"), upTo(1, "packed")])).toBe("PICKED");
  });

  it("is PACKED when everything is packed", () => {
    expect(deriveFulfillmentStatus([upTo(2, "packed"), upTo(1, "packed")])).toBe("PACKED");
  });

  it("is PARTIALLY_SHIPPED when some line is not fully shipped while something shipped", () => {
    expect(deriveFulfillmentStatus([upTo(2, "shipped"), upTo(1, "packed")])).toBe("PARTIALLY_SHIPPED");
    expect(deriveFulfillmentStatus([line(4, { allocated: 4, picked: 4, packed: 4, shipped: 1 })])).toBe("PARTIALLY_SHIPPED");
    // Partial shipment wins over a backordered remainder.
    expect(deriveFulfillmentStatus([upTo(1, "shipped"), line(2, { backordered: 2 })])).toBe("PARTIALLY_SHIPPED");
    // A delivered line next to an unshipped one is still a partial shipment.
    expect(deriveFulfillmentStatus([upTo(1, "delivered"), upTo(1, "allocated")])).toBe("PARTIALLY_SHIPPED");
  });

  it("is SHIPPED when everything shipped and not all delivered", () => {
    expect(deriveFulfillmentStatus([upTo(2, "shipped"), upTo(1, "shipped")])).toBe("SHIPPED");
    expect(deriveFulfillmentStatus([upTo(2, "delivered"), upTo(1, "shipped")])).toBe("SHIPPED");
  });

  it("is DELIVERED when every line is delivered, also after a partial return", () => {
    expect(deriveFulfillmentStatus([upTo(2, "delivered"), upTo(1, "delivered")])).toBe("DELIVERED");
    expect(deriveFulfillmentStatus([{ ...upTo(2, "delivered"), returned: 1 }, upTo(1, "delivered")])).toBe("DELIVERED");
  });

  it("is RETURNED only when every unit came back", () => {
    expect(deriveFulfillmentStatus([{ ...upTo(2, "delivered"), returned: 2 }, { ...upTo(1, "delivered"), returned: 1 }])).toBe(
      "RETURNED",
    );
    expect(deriveFulfillmentStatus([{ ...upTo(2, "delivered"), returned: 2 }, upTo(1, "delivered")])).toBe("DELIVERED");
  });

  it("reads later stages as having passed the earlier ones when earlier counters were consumed", () => {
    // Reservation consumed at dispatch: allocated/picked/packed back to 0, shipped kept.
    expect(deriveFulfillmentStatus([line(2, { shipped: 2 })])).toBe("SHIPPED");
    expect(deriveFulfillmentStatus([line(2, { packed: 2 })])).toBe("PACKED");
    expect(deriveFulfillmentStatus([line(2, { delivered: 2 })])).toBe("DELIVERED");
    // Returned to sender without delivery: all units came back.
    expect(deriveFulfillmentStatus([line(1, { shipped: 1, returned: 1 })])).toBe("RETURNED");
  });

  it("skips zero-quantity lines when aggregating", () => {
    expect(deriveFulfillmentStatus([upTo(2, "delivered"), line(0)])).toBe("DELIVERED");
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects a counter of %s", (bad) => {
    expect(() => deriveFulfillmentStatus([line(2, { shipped: bad })])).toThrow(DomainError);
    expect(() => deriveFulfillmentStatus([line(bad)])).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });
});
