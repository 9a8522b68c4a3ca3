import { describe, expect, it } from "vitest";
import { enteredDimensions, enteredWeight, orNotEntered } from "@/components/ui/sku-measures";

describe("SKU measures", () => {
  it("0 g and 0 × 0 × 0 are measures never entered (shown as —), not values", () => {
    const blank = { weightGrams: 0, lengthMm: 0, widthMm: 0, heightMm: 0 };
    expect(enteredWeight(blank)).toBeNull();
    expect(enteredDimensions(blank)).toBeNull();
    expect(orNotEntered(enteredWeight(blank), String)).toBe("—");
    expect(orNotEntered(enteredDimensions(blank), (d) => `${d.l} × ${d.w} × ${d.h}`)).toBe("—");
  });

  it("entered measures show as they are, a half-measured box too", () => {
    expect(enteredWeight({ weightGrams: 190 })).toBe(190);
    expect(enteredDimensions({ lengthMm: 310, widthMm: 260, heightMm: 30 })).toEqual({ l: 310, w: 260, h: 30 });
    expect(enteredDimensions({ lengthMm: 310, widthMm: 0, heightMm: 0 })).toEqual({ l: 310, w: 0, h: 0 });
  });
});
