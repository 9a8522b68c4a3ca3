import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, type FulfillmentStatus } from "@/server/services/order/order-dimensions";
import { isPartiallyShipped, mayOpenPackage, mayPack } from "./packable-order";

const order = (status: (typeof ORDER_STATUSES)[number], fulfillmentStatus: FulfillmentStatus = "PICKING") => ({ status, fulfillmentStatus });

describe("packable orders", () => {
  it("packs orders in PICKING and resumes PACKED ones, opening new packages only in PICKING", () => {
    expect([mayPack(order("PICKING")), mayOpenPackage(order("PICKING"))]).toEqual([true, true]);
    expect([mayPack(order("PACKED", "PACKED")), mayOpenPackage(order("PACKED", "PACKED"))]).toEqual([true, false]);
  });

  it("packs the rest of a partially shipped order, which stays INVOICED", () => {
    const partial = order("INVOICED", "PARTIALLY_SHIPPED");
    expect([isPartiallyShipped(partial), mayPack(partial), mayOpenPackage(partial)]).toEqual([true, true, true]);
  });

  it("refuses every other stage, including an INVOICED order nothing has left from", () => {
    const others = ORDER_STATUSES.filter((s) => s !== "PICKING" && s !== "PACKED");
    for (const s of others) {
      expect(mayPack(order(s, "PACKED"))).toBe(false);
      expect(mayOpenPackage(order(s, "PACKED"))).toBe(false);
    }
    expect(mayPack(order("SHIPPED", "PARTIALLY_SHIPPED"))).toBe(false);
  });
});
