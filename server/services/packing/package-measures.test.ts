import { describe, expect, it } from "vitest";
import { defaultBoxMeasures, missingSummary } from "./package-measures";

describe("defaultBoxMeasures", () => {
  it("sums every unit's weight and fits the largest side of each item", () => {
    const box = defaultBoxMeasures([
      { quantity: 2, weightGrams: 180, lengthMm: 300, widthMm: 250, heightMm: 20 },
      // A tall bottle lying down: its 330 mm side is the box's length.
      { quantity: 1, weightGrams: 700, lengthMm: 80, widthMm: 80, heightMm: 330 },
    ]);
    expect(box).toEqual({ weightGrams: 2 * 180 + 700, lengthMm: 330, widthMm: 250, heightMm: 80 });
  });

  it("is all zeros when nothing is known", () => {
    expect(defaultBoxMeasures([])).toEqual({ weightGrams: 0, lengthMm: 0, widthMm: 0, heightMm: 0 });
  });
});

describe("missingSummary", () => {
  it("lists the units still to scan per SKU, lines sharing a SKU together", () => {
    const line = (lineId: string, sku: string, remaining: number) => ({
      lineId,
      sku,
      ean: null,
      productName: sku,
      quantity: 5,
      scanned: 5 - remaining,
      remaining,
    });
    expect(missingSummary([line("a", "CAM-AZ-M", 2), line("b", "MEIA-01", 1), line("c", "CAM-AZ-M", 1)])).toBe("3 × CAM-AZ-M, 1 × MEIA-01");
    expect(missingSummary([])).toBe("");
  });
});
