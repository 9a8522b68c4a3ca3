import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/exceptions.en.json";
import pt from "@/server/i18n/messages/exceptions.pt-BR.json";
import { EXCEPTION_TEXT_KEYS, exceptionText } from "@/server/services/exceptions/exception-text";

describe("exceptionText", () => {
  it("builds stock alert sentences from the alert data", () => {
    const data = { sku: "CAM-01", warehouse: "SP1", warehouseId: "w", available: 3, reorderPoint: 5, onHand: 10, reserved: 7 };
    expect(exceptionText("LOW_STOCK", data, null)).toEqual({ key: "LOW_STOCK", params: { sku: "CAM-01", warehouse: "SP1", available: 3, reorderPoint: 5 } });
    expect(exceptionText("OUT_OF_STOCK", { ...data, available: 0 }, null)?.key).toBe("OUT_OF_STOCK");
  });

  it("lists the waiting lines of a backordered order and the unknown SKUs of an order", () => {
    const lines = [{ lineId: "a", lineNo: 1, sku: "CAM-01", quantity: 2 }, { lineId: "b", lineNo: 2, sku: "BONE-9", quantity: 1 }];
    expect(exceptionText("ORDER_BACKORDERED", { lines }, 1042)).toEqual({ key: "ORDER_BACKORDERED", params: { order: 1042, lines: "CAM-01 × 2, BONE-9 × 1" } });
    expect(exceptionText("UNKNOWN_SKU", { lines: [{ lineId: "a", sku: "X-1", quantity: 4 }] }, 7)).toEqual({ key: "UNKNOWN_SKU", params: { order: 7, lines: "X-1 × 4" } });
  });

  it("falls back (null) when the data lacks what the sentence needs, or the type has no template", () => {
    expect(exceptionText("LOW_STOCK", { sku: "A" }, null)).toBeNull();
    expect(exceptionText("ORDER_BACKORDERED", { lines: [] }, 1)).toBeNull();
    expect(exceptionText("ORDER_BACKORDERED", { lines: [{ sku: "A", quantity: 1 }] }, null)).toBeNull();
    expect(exceptionText("SHORT_PICK", { anything: 1 }, 1)).toBeNull();
    expect(exceptionText("LOW_STOCK", null, null)).toBeNull();
  });

  it("has a sentence in both languages for every key, with the same placeholders", () => {
    for (const key of EXCEPTION_TEXT_KEYS) {
      const a = en.exceptions.messages[key];
      const b = pt.exceptions.messages[key];
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(b), key).toEqual(holes(a));
      expect(holes(a).length, key).toBeGreaterThan(0);
    }
  });
});
