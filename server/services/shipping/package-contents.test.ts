import { describe, expect, it } from "vitest";
import { packageContents, planShipment, type ShipLine } from "./package-contents";

const line = (id: string, quantity: number, reservedQty: number, shippedQty = 0): ShipLine => ({ id, lineNo: Number(id.slice(1)), sku: `SKU-${id}`, quantity, reservedQty, shippedQty });

describe("packageContents", () => {
  it("counts accepted scans per line", () => {
    const lines = [line("l1", 2, 2), line("l2", 1, 1)];
    const c = packageContents(lines, [{ orderLineId: "l1" }, { orderLineId: "l1" }, { orderLineId: null }, { orderLineId: "l2" }]);
    expect([...c]).toEqual([["l1", 2], ["l2", 1]]);
  });

  it("takes the reserved units when the package has no scan", () => {
    const c = packageContents([line("l1", 2, 2), line("l2", 3, 0)], []);
    expect([...c]).toEqual([["l1", 2]]);
  });
});

describe("planShipment", () => {
  it("ships everything: allLinesShipped", () => {
    const lines = [line("l1", 2, 2), line("l2", 1, 1)];
    const plan = planShipment(lines, new Map([["l1", 2], ["l2", 1]]));
    expect(plan.problems).toEqual([]);
    expect(plan.allLinesShipped).toBe(true);
    expect(plan.items.map((i) => [i.sku, i.quantity])).toEqual([["SKU-l1", 2], ["SKU-l2", 1]]);
  });

  it("a backordered line left behind makes a partial shipment", () => {
    const plan = planShipment([line("l1", 2, 2), line("l2", 1, 0)], new Map([["l1", 2]]));
    expect(plan.problems).toEqual([]);
    expect(plan.allLinesShipped).toBe(false);
  });

  it("counts what earlier packages shipped", () => {
    const plan = planShipment([line("l1", 2, 0, 2), line("l2", 1, 1)], new Map([["l2", 1]]));
    expect(plan).toMatchObject({ problems: [], allLinesShipped: true });
  });

  it("ships part of a line's reserved units: the rest stays for a later package", () => {
    const plan = planShipment([line("l1", 3, 3), line("l2", 1, 1)], new Map([["l1", 2], ["l2", 1]]));
    expect(plan.problems).toEqual([]);
    expect(plan.allLinesShipped).toBe(false);
    expect(plan.items.map((i) => [i.sku, i.quantity])).toEqual([["SKU-l1", 2], ["SKU-l2", 1]]);
    // The second package: one unit left reserved, two shipped before.
    expect(planShipment([line("l1", 3, 1, 2), line("l2", 1, 0, 1)], new Map([["l1", 1]]))).toMatchObject({ problems: [], allLinesShipped: true });
  });

  it("refuses units that are not reserved, too many units and empty boxes", () => {
    expect(planShipment([line("l1", 2, 1)], new Map([["l1", 2]])).problems).toEqual([{ rule: "PACKAGE_UNRESERVED_UNITS", sku: "SKU-l1", packed: 2, reserved: 1 }]);
    expect(planShipment([line("l1", 1, 1, 0)], new Map([["l1", 3]])).problems[0]).toMatchObject({ rule: "PACKAGE_OVER_ORDER", left: 1 });
    expect(planShipment([line("l1", 1, 0)], new Map()).problems).toEqual([{ rule: "PACKAGE_EMPTY" }]);
    expect(planShipment([line("l1", 1, 1)], new Map([["l1", 1], ["x9", 2]])).problems).toEqual([{ rule: "PACKAGE_FOREIGN_UNITS", units: 2 }]);
  });
});
