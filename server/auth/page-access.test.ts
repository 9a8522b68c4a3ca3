import { describe, expect, it } from "vitest";
import { AREAS, areasFor } from "@/server/auth/page-access";

const WORK_ORDER = ["dashboard", "orders", "customers", "exceptions", "deliveries", "products", "stock", "picking", "packing", "shipments"];

/** `areas` with only the ones in `among`, keeping their order. */
const only = (areas: string[], among: string[]) => areas.filter((a) => among.includes(a));

describe("sidebar order", () => {
  it("follows the work: dashboard and orders first, picking before packing, settings last", () => {
    const all = Object.keys(AREAS);
    expect(only(all, WORK_ORDER)).toEqual(WORK_ORDER);
    expect(all.at(-1)).toBe("settings");
  });

  it("is the same order for each role, with only the areas the role may open (roles unchanged)", () => {
    expect(areasFor("ADMIN").map((a) => a.area).at(-1)).toBe("settings");
    expect(only(areasFor("WAREHOUSE").map((a) => a.area), WORK_ORDER)).toEqual(["dashboard", "exceptions", "products", "stock", "picking", "packing", "shipments"]);
    expect(only(areasFor("OPERATOR").map((a) => a.area), WORK_ORDER)).toEqual(["dashboard", "orders", "customers", "exceptions", "deliveries", "products", "stock", "shipments"]);
    expect(areasFor("MANAGER").some((a) => a.area === "settings")).toBe(false);
  });
});
