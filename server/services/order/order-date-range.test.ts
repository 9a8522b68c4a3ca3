import { describe, expect, it } from "vitest";
import { isInvertedDateRange, parseOrderQuery } from "@/server/services/order/order-filters";

describe("isInvertedDateRange", () => {
  it("is true only when both days are given and the first comes after the last", () => {
    expect(isInvertedDateRange(parseOrderQuery({ from: "2026-11-30", to: "2026-11-01" }).filter)).toBe(true);
    expect(isInvertedDateRange({ from: "2026-01-10", to: "2025-12-31" })).toBe(true);
    expect(isInvertedDateRange({ from: "2026-11-01", to: "2026-11-30" })).toBe(false);
    expect(isInvertedDateRange({ from: "2026-11-01", to: "2026-11-01" })).toBe(false);
    expect(isInvertedDateRange({ from: "2026-11-30" })).toBe(false);
    expect(isInvertedDateRange({ to: "2026-11-01" })).toBe(false);
  });
});
