import { describe, expect, it } from "vitest";
import { centsToInput, emptySkuDraft, NUMBER_FIELDS, readSkuDraft, skuDraftFrom, skuIssuePath } from "./sku-draft";

const draft = (patch: Partial<ReturnType<typeof emptySkuDraft>>) => ({ ...emptySkuDraft(), code: "CAM-1", ...patch });

describe("readSkuDraft", () => {
  it("turns the price as typed in either language into exact cents", () => {
    for (const [typed, cents] of [["49,90", 4990], ["49.90", 4990], ["1.234,56", 123456], ["1,234.56", 123456], ["R$ 0,10", 10], ["100", 10000]] as const) {
      const read = readSkuDraft(draft({ price: typed }));
      expect(read.ok && read.fields.priceCents, typed).toBe(cents);
    }
  });

  it("refuses a missing, negative or ambiguous price and names the field", () => {
    for (const typed of ["", "-1,00", "abc", "1.234", "49,9,0"]) expect(readSkuDraft(draft({ price: typed })), typed).toEqual({ ok: false, field: "price" });
  });

  it("takes weights and sizes as whole numbers (empty is 0) and names the first bad one", () => {
    expect(readSkuDraft(draft({ price: "10", weight: "180", length: " 300 ", width: "", height: "30" }))).toEqual({
      ok: true,
      fields: { variant: null, ean: null, ncm: null, priceCents: 1000, weightGrams: 180, lengthMm: 300, widthMm: 0, heightMm: 30, active: true },
    });
    expect(readSkuDraft(draft({ price: "10", weight: "1,5" }))).toEqual({ ok: false, field: "weight" });
    expect(readSkuDraft(draft({ price: "10", height: "-3" }))).toEqual({ ok: false, field: "height" });
  });

  it("passes text fields trimmed, empty as none; the name only when typed", () => {
    const read = readSkuDraft(draft({ price: "1", variant: " Azul / M ", ean: " 7891000315507", ncm: "6109.10.00", name: "  " }));
    expect(read.ok && read.fields).toMatchObject({ variant: "Azul / M", ean: "7891000315507", ncm: "6109.10.00" });
    expect(read.ok && "name" in read.fields).toBe(false);
  });
});

describe("centsToInput / skuDraftFrom", () => {
  it("writes the price the way the user's language reads it back", () => {
    expect(centsToInput(4990, "pt-BR")).toBe("49,90");
    expect(centsToInput(123456, "pt-BR")).toBe("1234,56");
    expect(centsToInput(4990, "en")).toBe("49.90");
    expect(centsToInput(0, "en")).toBe("0.00");
    for (const locale of ["pt-BR", "en"]) {
      const sku = { code: "A", variant: null, name: "A", ean: null, ncm: null, priceCents: 123456, weightGrams: 1, lengthMm: 2, widthMm: 3, heightMm: 4, active: false };
      const read = readSkuDraft(skuDraftFrom(sku, locale));
      expect(read.ok && read.fields.priceCents, locale).toBe(123456);
    }
  });
});

describe("skuIssuePath", () => {
  it("names a draft field as the server does, so editing it clears the server's error about it", () => {
    expect(skuIssuePath("price")).toBe("priceCents");
    expect(skuIssuePath("ean")).toBe("ean");
    expect(skuIssuePath("weight", "skus.1.")).toBe("skus.1.weightGrams");
    // Every field readSkuDraft can refuse maps to a field of its output.
    const fields = readSkuDraft({ ...emptySkuDraft(), price: "1" });
    for (const f of ["price", ...NUMBER_FIELDS] as const) expect(fields.ok && skuIssuePath(f) in fields.fields, f).toBe(true);
  });
});
