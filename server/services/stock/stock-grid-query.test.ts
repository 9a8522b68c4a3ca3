import { describe, expect, it } from "vitest";
import { parseStockGridQuery, stockGridHref, stockGridQueryString } from "@/server/services/stock/stock-grid-query";

const WH = "0b8f8a4e-3a9e-4c5b-9a43-1f6f3f7f2b10";

describe("stock grid URL", () => {
  it("round-trips filters, search and cursor", () => {
    const query = { warehouseId: WH, filter: "LOW" as const, search: "cam bas", after: "CAM-BAS-M-AZU" };
    const qs = stockGridQueryString(query);
    expect(parseStockGridQuery(new URLSearchParams(qs))).toEqual({ query, invalid: [] });
  });

  it("omits defaults and keeps the bare path", () => {
    expect(stockGridHref({ filter: "ALL" })).toBe("/stock");
    expect(stockGridHref({ filter: "OUT" })).toBe("/stock?filter=OUT");
  });

  it("drops and names values that do not parse", () => {
    const r = parseStockGridQuery({ warehouseId: "nope", filter: "EVERYTHING", search: ["  abc  ", "x"] });
    expect(r.query).toEqual({ filter: "ALL", search: "abc" });
    expect(r.invalid).toEqual(["warehouseId", "filter"]);
  });
});
