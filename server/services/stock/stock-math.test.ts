import { describe, it, expect } from "vitest";
import { availableQuantity, isLowStock, rollUp, stockHealth } from "./stock-math";

describe("availableQuantity", () => {
  it("subtracts reserved, unavailable and safety from on hand", () => {
    expect(availableQuantity({ onHand: 100, reserved: 20, unavailable: 5, safety: 10 })).toBe(65);
  });

  it("is exactly 0 when everything is spoken for", () => {
    expect(availableQuantity({ onHand: 10, reserved: 6, unavailable: 2, safety: 2 })).toBe(0);
  });

  it("never goes below 0", () => {
    expect(availableQuantity({ onHand: 5, reserved: 8, unavailable: 0, safety: 0 })).toBe(0);
    expect(availableQuantity({ onHand: 0, reserved: 0, unavailable: 0, safety: 3 })).toBe(0);
  });

  it("returns on hand when nothing is held back", () => {
    expect(availableQuantity({ onHand: 7, reserved: 0, unavailable: 0, safety: 0 })).toBe(7);
  });
});

describe("rollUp", () => {
  it("computes per-warehouse and total figures", () => {
    const result = rollUp(
      [
        { warehouseId: "w1", onHand: 50, reserved: 10, unavailable: 2 },
        { warehouseId: "w2", onHand: 30, reserved: 5, unavailable: 0 },
      ],
      { w1: 3, w2: 5 },
    );
    expect(result.warehouses).toEqual([
      { warehouseId: "w1", onHand: 50, reserved: 10, unavailable: 2, safety: 3, available: 35 },
      { warehouseId: "w2", onHand: 30, reserved: 5, unavailable: 0, safety: 5, available: 20 },
    ]);
    expect(result.total).toEqual({ onHand: 80, reserved: 15, unavailable: 2, safety: 8, available: 55 });
  });

  it("does not let an over-reserved warehouse hide stock in another", () => {
    const result = rollUp(
      [
        { warehouseId: "a", onHand: 10, reserved: 0, unavailable: 0 },
        { warehouseId: "b", onHand: 0, reserved: 5, unavailable: 0 },
      ],
      {},
    );
    expect(result.total.available).toBe(10); // totals formula would say 5
    expect(result.total.reserved).toBe(5);
    expect(result.warehouses.map((w) => w.available)).toEqual([10, 0]);
  });

  it("applies safety stock per warehouse, not to the pooled total", () => {
    // A: 2 on hand, safety 5 → 0; B: 10 on hand, safety 0 → 10. Pooled would give 7.
    const result = rollUp(
      [
        { warehouseId: "a", onHand: 2, reserved: 0, unavailable: 0 },
        { warehouseId: "b", onHand: 10, reserved: 0, unavailable: 0 },
      ],
      { a: 5 },
    );
    expect(result.total.available).toBe(10);
    expect(result.total.safety).toBe(5);
  });

  it("sums several rows (bins) of one warehouse and applies its safety once", () => {
    const result = rollUp(
      [
        { warehouseId: "w1", onHand: 4, reserved: 1, unavailable: 0 },
        { warehouseId: "w1", onHand: 6, reserved: 1, unavailable: 1 },
      ],
      { w1: 2 },
    );
    expect(result.warehouses).toEqual([
      { warehouseId: "w1", onHand: 10, reserved: 2, unavailable: 1, safety: 2, available: 5 },
    ]);
    expect(result.total.available).toBe(5);
  });

  it("keeps first-appearance order and defaults missing safety to 0", () => {
    const result = rollUp(
      [
        { warehouseId: "z", onHand: 1, reserved: 0, unavailable: 0 },
        { warehouseId: "a", onHand: 2, reserved: 0, unavailable: 0 },
        { warehouseId: "z", onHand: 1, reserved: 0, unavailable: 0 },
      ],
      { unknown: 99 },
    );
    expect(result.warehouses.map((w) => [w.warehouseId, w.safety, w.available])).toEqual([
      ["z", 0, 2],
      ["a", 0, 2],
    ]);
    expect(result.total.safety).toBe(0);
  });

  it("returns zeros for no levels", () => {
    expect(rollUp([], { w1: 5 })).toEqual({
      warehouses: [],
      total: { onHand: 0, reserved: 0, unavailable: 0, safety: 0, available: 0 },
    });
  });
});

describe("isLowStock", () => {
  it("is true at and below the reorder point", () => {
    expect(isLowStock(5, 5)).toBe(true);
    expect(isLowStock(4, 5)).toBe(true);
    expect(isLowStock(0, 5)).toBe(true);
  });

  it("is false above the reorder point", () => {
    expect(isLowStock(6, 5)).toBe(false);
  });

  it("is false without a reorder point", () => {
    expect(isLowStock(0, null)).toBe(false);
    expect(isLowStock(1, undefined)).toBe(false);
  });
});

describe("stockHealth", () => {
  it("is OUT at 0 whatever the reorder point", () => {
    expect(stockHealth(0, 10)).toBe("OUT");
    expect(stockHealth(0, null)).toBe("OUT");
    expect(stockHealth(0, 0)).toBe("OUT");
  });

  it("is LOW at or below the reorder point", () => {
    expect(stockHealth(10, 10)).toBe("LOW");
    expect(stockHealth(1, 10)).toBe("LOW");
  });

  it("is OK above the reorder point or without one", () => {
    expect(stockHealth(11, 10)).toBe("OK");
    expect(stockHealth(1, null)).toBe("OK");
    expect(stockHealth(1, 0)).toBe("OK");
  });
});
