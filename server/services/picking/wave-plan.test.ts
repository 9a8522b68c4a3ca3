import { describe, it, expect } from "vitest";
import { DomainError } from "@/server/lib/domain-error";
import type { Bin } from "./pick-path";
import { planWave, type WaveOrder, type WaveRule } from "./wave-plan";

const BINS: Bin[] = [
  { binId: "b3", code: "B-01-01-01", zone: "B", aisle: "01", shelf: "01", position: "01", pickSequence: 3 },
  { binId: "b1", code: "A-01-01-01", zone: "A", aisle: "01", shelf: "01", position: "01", pickSequence: 1 },
  { binId: "b2", code: "A-01-02-01", zone: "A", aisle: "01", shelf: "02", position: "01", pickSequence: 2 },
];

const line = (lineId: string, sku: string, binId: string, quantity: number) => ({
  lineId,
  sku,
  productName: `Product ${sku}`,
  ean: `ean-${sku}`,
  quantity,
  binId,
});

const at = (hhmm: string) => new Date(`2024-05-10T${hhmm}:00Z`);

// o2 (4 units) is due first, then o1 (3 units); o3 (2 units) has no due date.
const O1: WaveOrder = {
  orderId: "o1",
  orderNumber: "1001",
  dueAt: at("10:00"),
  carrier: "correios",
  channelId: "shop",
  lines: [line("o1-a", "X", "b3", 1), line("o1-b", "Y", "b1", 2)],
};
const O2: WaveOrder = {
  orderId: "o2",
  orderNumber: "1002",
  dueAt: at("09:00"),
  carrier: "jadlog",
  lines: [line("o2-a", "Y", "b1", 1), line("o2-b", "Z", "b2", 3)],
};
const O3: WaveOrder = {
  orderId: "o3",
  orderNumber: "1003",
  carrier: "correios",
  lines: [line("o3-a", "X", "b3", 2)],
};
const ORDERS = [O1, O2, O3];

const plan = (rule: WaveRule, orders: WaveOrder[] = ORDERS) => planWave({ orders, bins: BINS, rule });

describe("planWave: selection order and totes", () => {
  it("takes the oldest due first, orders without a due date last, one tote each", () => {
    const p = plan({});
    expect(p.orderIds).toEqual(["o2", "o1", "o3"]);
    expect(p.totes).toEqual([
      { orderId: "o2", tote: 1 },
      { orderId: "o1", tote: 2 },
      { orderId: "o3", tote: 3 },
    ]);
    expect(p.totalUnits).toBe(9);
    expect(p.skipped).toEqual([]);
    expect(p.groupKey).toBeUndefined();
  });

  it("aggregates per SKU per bin across orders, sorted by walking path", () => {
    const p = plan({});
    expect(p.lines).toEqual([
      {
        binId: "b1",
        binCode: "A-01-01-01",
        sku: "Y",
        productName: "Product Y",
        ean: "ean-Y",
        totalQuantity: 3,
        perTote: [
          { tote: 1, orderId: "o2", quantity: 1 },
          { tote: 2, orderId: "o1", quantity: 2 },
        ],
      },
      {
        binId: "b2",
        binCode: "A-01-02-01",
        sku: "Z",
        productName: "Product Z",
        ean: "ean-Z",
        totalQuantity: 3,
        perTote: [{ tote: 1, orderId: "o2", quantity: 3 }],
      },
      {
        binId: "b3",
        binCode: "B-01-01-01",
        sku: "X",
        productName: "Product X",
        ean: "ean-X",
        totalQuantity: 3,
        perTote: [
          { tote: 2, orderId: "o1", quantity: 1 },
          { tote: 3, orderId: "o3", quantity: 2 },
        ],
      },
    ]);
  });

  it("merges two lines of the same SKU and bin within one order and sorts SKUs within a bin", () => {
    const order: WaveOrder = {
      orderId: "o9",
      orderNumber: "9",
      lines: [line("a", "Y", "b1", 1), line("b", "W", "b1", 1), { ...line("c", "Y", "b1", 4), ean: null }],
    };
    const p = plan({}, [order]);
    expect(p.lines.map((l) => [l.sku, l.totalQuantity, l.perTote])).toEqual([
      ["W", 1, [{ tote: 1, orderId: "o9", quantity: 1 }]],
      ["Y", 5, [{ tote: 1, orderId: "o9", quantity: 5 }]],
    ]);
  });

  it("takes the first non-empty EAN for a pick line", () => {
    const a: WaveOrder = { orderId: "a", orderNumber: "1", lines: [{ ...line("a1", "Q", "b1", 1), ean: null }] };
    const b: WaveOrder = { orderId: "b", orderNumber: "2", lines: [line("b1", "Q", "b1", 1)] };
    expect(plan({}, [a, b]).lines[0]?.ean).toBe("ean-Q");
  });

  it("orders equal due dates by order number naturally, then id", () => {
    const mk = (orderId: string, orderNumber: string): WaveOrder => ({
      orderId,
      orderNumber,
      dueAt: at("08:00"),
      lines: [line(`${orderId}-l`, "X", "b1", 1)],
    });
    const p = plan({}, [mk("c", "A-10"), mk("b", "A-9"), mk("a", "A-10")]);
    expect(p.orderIds).toEqual(["b", "a", "c"]);
  });

  it("returns an empty plan when nothing is eligible", () => {
    expect(plan({}, [])).toEqual({ orderIds: [], totes: [], lines: [], totalUnits: 0, skipped: [] });
  });
});

describe("planWave: limits", () => {
  it("maxOrders caps the number of orders; the rest are not reported", () => {
    const p = plan({ maxOrders: 1 });
    expect(p.orderIds).toEqual(["o2"]);
    expect(p.skipped).toEqual([]);
    expect(plan({ maxOrders: 0 }).orderIds).toEqual([]);
  });

  it("maxUnits: exactly reaching the limit fits", () => {
    const p = plan({ maxUnits: 7 });
    expect(p.orderIds).toEqual(["o2", "o1"]);
    expect(p.totalUnits).toBe(7);
    expect(p.skipped).toEqual([{ orderId: "o3", reason: "NO_ROOM" }]);
  });

  it("maxUnits: an order that would exceed is skipped and a later smaller one may fit", () => {
    const p = plan({ maxUnits: 6 });
    expect(p.orderIds).toEqual(["o2", "o3"]);
    expect(p.totes).toEqual([
      { orderId: "o2", tote: 1 },
      { orderId: "o3", tote: 2 },
    ]);
    expect(p.totalUnits).toBe(6);
    expect(p.skipped).toEqual([{ orderId: "o1", reason: "NO_ROOM" }]);
  });

  it("maxUnits: an order bigger than the limit on its own is reported and never split", () => {
    const p = plan({ maxUnits: 3 });
    expect(p.orderIds).toEqual(["o1"]);
    expect(p.skipped).toEqual([
      { orderId: "o2", reason: "LARGER_THAN_MAX_UNITS" },
      { orderId: "o3", reason: "NO_ROOM" },
    ]);
  });

  it("dueBefore is strict and excludes orders without a due date", () => {
    expect(plan({ dueBefore: at("09:30") }).orderIds).toEqual(["o2"]);
    expect(plan({ dueBefore: at("09:00") }).orderIds).toEqual([]);
    expect(plan({ dueBefore: at("10:00") }).orderIds).toEqual(["o2"]);
    expect(plan({ dueBefore: at("11:00") }).orderIds).toEqual(["o2", "o1"]);
  });
});

describe("planWave: grouping", () => {
  it("takes only the carrier of the first eligible order", () => {
    const p = plan({ groupBy: "carrier" });
    expect(p.orderIds).toEqual(["o2"]);
    expect(p.groupKey).toBe("jadlog");
  });

  it("the group comes from the first order that can actually be picked", () => {
    // o2 (jadlog, 4 units) can never fit 3 units, so o1 (correios) sets the group.
    const p = plan({ groupBy: "carrier", maxUnits: 3 });
    expect(p.groupKey).toBe("correios");
    expect(p.orderIds).toEqual(["o1"]);
    expect(p.skipped).toEqual([
      { orderId: "o2", reason: "LARGER_THAN_MAX_UNITS" },
      { orderId: "o3", reason: "NO_ROOM" },
    ]);
    expect(plan({ groupBy: "carrier", maxUnits: 5 }, [O1, O3]).orderIds).toEqual(["o1", "o3"]);
  });

  it("orders without a channel form their own group", () => {
    const p = plan({ groupBy: "channel" });
    expect(p.groupKey).toBeNull();
    expect(p.orderIds).toEqual(["o2", "o3"]);
  });

  it("groupBy null behaves like no grouping", () => {
    expect(plan({ groupBy: null }).orderIds).toEqual(["o2", "o1", "o3"]);
  });
});

describe("planWave: invalid orders", () => {
  it("skips orders with an unknown bin or no units", () => {
    const ghost: WaveOrder = { orderId: "g", orderNumber: "1", lines: [line("g1", "X", "nope", 1)] };
    const empty: WaveOrder = { orderId: "e", orderNumber: "2", lines: [line("e1", "X", "b1", 0)] };
    const p = plan({}, [ghost, empty, O3]);
    expect(p.orderIds).toEqual(["o3"]);
    expect(p.skipped).toEqual([
      { orderId: "g", reason: "UNKNOWN_BIN", binId: "nope" },
      { orderId: "e", reason: "NO_UNITS" },
    ]);
  });

  it("rejects negative or fractional quantities", () => {
    const bad: WaveOrder = { orderId: "x", orderNumber: "1", lines: [line("x1", "X", "b1", -1)] };
    expect(() => plan({}, [bad])).toThrow(DomainError);
  });

  it("does not reorder the caller's array", () => {
    const orders = [O1, O2, O3];
    plan({}, orders);
    expect(orders.map((o) => o.orderId)).toEqual(["o1", "o2", "o3"]);
  });
});
