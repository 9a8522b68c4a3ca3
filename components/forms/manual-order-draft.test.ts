import { describe, expect, it } from "vitest";
import { draftTotals, editedIssuePaths, emptyDraft, lineFigures, parseAmount, previewIssues, toOrderInput, type DraftLine } from "@/components/forms/manual-order-draft";

const line = (patch: Partial<DraftLine> = {}): DraftLine => ({ sku: "A", name: "A", catalogPriceCents: 4990, quantity: "1", unitPrice: "", discount: "", ...patch });

describe("manual order draft", () => {
  it("reads amounts typed the Brazilian or the dot-decimal way", () => {
    expect(parseAmount("1.234,56")).toBe(123456);
    expect(parseAmount("1234.56")).toBe(123456);
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("12,3,4")).toBe("amountFormat");
  });

  it("uses the catalogue price unless one is typed, and adds up exactly", () => {
    expect(lineFigures(line({ quantity: "3" }))).toEqual({ unitPriceCents: 4990, quantity: 3, discountCents: 0, totalCents: 14970 });
    expect(lineFigures(line({ quantity: "3", unitPrice: "0,10", discount: "0,05" })).totalCents).toBe(25);
    const draft = { ...emptyDraft("c"), lines: [line({ quantity: "2" }), line({ unitPrice: "0,1", quantity: "3", discount: "0,2" })], shipping: "15,90" };
    // 2 × 49,90 + 3 × 0,10 = 100,10; − 0,20 + 15,90 = 115,80 (float math would give 115.80000000000001).
    expect(draftTotals(draft)).toEqual({ subtotalCents: 10010, discountCents: 20, shippingCents: 1590, totalCents: 11580 });
  });

  it("never previews a negative total: an invalid part shows its field problem and no total", () => {
    // An unreadable quantity with a price and no discount used to read "-R$ 0,00".
    expect(lineFigures(line({ quantity: "abc", unitPrice: "-5" })).totalCents).toBeNull();
    expect(lineFigures(line({ quantity: "0" })).totalCents).toBeNull();
    expect(lineFigures(line({ quantity: "1", discount: "60" })).totalCents).toBeNull();
    // Shipping −10 and a 500 discount on a 49,90 line used to read "Total -R$ 510,00".
    const draft = { ...emptyDraft("c"), lines: [line({ quantity: "1", discount: "500" })], shipping: "-10" };
    expect(previewIssues(draft)).toEqual({ "lines.0.discountCents": "discountExceedsLine", shippingCents: "amountRange" });
    expect(draftTotals(draft)).toEqual({ subtotalCents: 0, discountCents: 0, shippingCents: 0, totalCents: null });
    const mixed = { ...emptyDraft("c"), lines: [line({ quantity: "2" }), line({ quantity: "x", unitPrice: "1,2,3", discount: "-1" })], shipping: "abc" };
    expect(previewIssues(mixed)).toEqual({
      "lines.1.quantity": "quantityRange",
      "lines.1.unitPriceCents": "amountFormat",
      "lines.1.discountCents": "amountRange",
      shippingCents: "amountFormat",
    });
    expect(draftTotals(mixed)).toEqual({ subtotalCents: 9980, discountCents: 0, shippingCents: 0, totalCents: null });
    // Valid again: the total is back, exact.
    expect(draftTotals({ ...draft, lines: [line({ quantity: "1", discount: "9,90" })], shipping: "10" }).totalCents).toBe(5000);
    expect(previewIssues({ ...emptyDraft("c"), lines: [line()] })).toEqual({});
  });

  it("builds the API input in cents and names the fields that cannot be read", () => {
    const ok = toOrderInput({ ...emptyDraft("c"), lines: [line({ quantity: "2", unitPrice: "39,90", discount: "1" })], shipping: "" });
    expect(ok.errors).toEqual({});
    expect(ok.input.lines).toEqual([{ sku: "A", quantity: 2, unitPriceCents: 3990, discountCents: 100 }]);
    expect(ok.input.shippingCents).toBe(0);
    const bad = toOrderInput({ ...emptyDraft("c"), lines: [line({ quantity: "dois", unitPrice: "1,2,3" })], shipping: "abc" });
    expect(bad.errors).toEqual({ "lines.0.quantity": "quantityRange", "lines.0.unitPriceCents": "amountFormat", shippingCents: "amountFormat" });
  });

  it("names the issue paths an edit touches, as the server and toOrderInput key them", () => {
    expect(editedIssuePaths("customer", { name: "Ana" })).toEqual(["customer.name"]);
    expect(editedIssuePaths("address", { line1: "Rua A, 1", postalCode: "01310-100" })).toEqual(["shippingAddress.line1", "shippingAddress.postalCode"]);
    expect(editedIssuePaths(0, { unitPrice: "abc" })).toEqual(["lines.0.unitPriceCents"]);
    expect(editedIssuePaths(2, { quantity: "3", discount: "1" })).toEqual(["lines.2.quantity", "lines.2.discountCents"]);
    expect(editedIssuePaths("draft", { shipping: "10", lines: [], channelId: "c" })).toEqual(["shippingCents", "lines", "channelId"]);
    // Every path toOrderInput can report is one an edit of that field clears.
    const bad = toOrderInput({ ...emptyDraft("c"), lines: [line({ quantity: "dois", unitPrice: "1,2,3", discount: "x" })], shipping: "abc" });
    const touched = [...editedIssuePaths(0, { quantity: "", unitPrice: "", discount: "" }), ...editedIssuePaths("draft", { shipping: "" })];
    expect(Object.keys(bad.errors).sort()).toEqual(touched.sort());
  });
});
