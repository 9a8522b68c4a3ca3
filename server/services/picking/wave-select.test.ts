import { describe, expect, it } from "vitest";
import { selectWaveOrders } from "./wave-select";

const c = (id: string, units: number) => ({ id, units });

describe("selectWaveOrders", () => {
  it("keeps the priority order and stops at maxOrders", () => {
    const r = selectWaveOrders([c("a", 1), c("b", 2), c("c", 3)], { maxOrders: 2 });
    expect(r.selected).toEqual(["a", "b"]);
    expect(r.units).toBe(3);
    expect(r.skipped).toEqual([]);
  });

  it("fills maxUnits first-fit: a too-big order is skipped and a later smaller one still fits", () => {
    const r = selectWaveOrders([c("a", 4), c("b", 5), c("c", 2), c("d", 9)], { maxUnits: 6 });
    expect(r.selected).toEqual(["a", "c"]);
    expect(r.units).toBe(6);
    expect(r.skipped).toEqual([
      { orderId: "b", reason: "NO_ROOM" },
      { orderId: "d", reason: "LARGER_THAN_MAX_UNITS" },
    ]);
  });

  it("exactly reaching maxUnits fits; orders with nothing to pick are skipped", () => {
    const r = selectWaveOrders([c("z", 0), c("a", 3), c("b", 3)], { maxUnits: 6 });
    expect(r.selected).toEqual(["a", "b"]);
    expect(r.skipped).toEqual([{ orderId: "z", reason: "NO_UNITS" }]);
  });

  it("takes orders whose units were not read when no unit limit applies", () => {
    expect(selectWaveOrders([{ id: "a", units: null }, { id: "b", units: null }, { id: "c", units: null }], { maxOrders: 2 }).selected).toEqual(["a", "b"]);
    expect(() => selectWaveOrders([{ id: "a", units: null }], { maxUnits: 3 })).toThrow();
  });

  it("without limits takes every order with units", () => {
    expect(selectWaveOrders([c("a", 1), c("b", 1)], {}).selected).toEqual(["a", "b"]);
  });
});
