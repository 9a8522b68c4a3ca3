import { describe, expect, it } from "vitest";
import type { OrderLineInput } from "@/server/channels/types";
import { affectsStock, changeSignature, describeDiff, diffChannelLines, hasChanges, type HeldLine, type Totals } from "./channel-line-diff";

const held: HeldLine[] = [
  { id: "l1", lineNo: 1, externalId: "901", sku: "A", name: "Alpha", quantity: 2, unitPriceCents: 1000, discountCents: 0, taxCents: 0 },
  { id: "l2", lineNo: 2, externalId: null, sku: "B", name: "Beta", quantity: 1, unitPriceCents: 500, discountCents: 0, taxCents: 0 },
];
const totals: Totals = { subtotalCents: 2500, discountCents: 0, shippingCents: 300, taxCents: 0, totalCents: 2800 };
const line = (o: Partial<OrderLineInput> & { sku: string; quantity: number }): OrderLineInput => ({
  name: o.sku, unitPriceCents: o.sku === "A" ? 1000 : 500, discountCents: 0, taxCents: 0, ...o,
});
const same = [line({ externalId: "901", sku: "A", quantity: 2, name: "Alpha" }), line({ sku: "B", quantity: 1 })];

describe("diffChannelLines", () => {
  it("the same lines and totals (a renamed product included) are no change", () => {
    const d = diffChannelLines(held, totals, { lines: same, ...totals });
    expect(hasChanges(d)).toBe(false);
    expect(d.unchanged.map((u) => u.line.id)).toEqual(["l1", "l2"]);
  });

  it("matches by external id first, then SKU; a quantity change affects stock and moves the totals", () => {
    const lines = [line({ sku: "B", quantity: 1 }), line({ externalId: "901", sku: "A", quantity: 3 })];
    const after = { ...totals, subtotalCents: 3500, totalCents: 3800 };
    const d = diffChannelLines(held, totals, { lines, ...after });
    expect(d.changed).toEqual([
      { lineId: "l1", lineNo: 1, externalId: "901", name: "A", before: { sku: "A", quantity: 2, unitPriceCents: 1000, discountCents: 0, taxCents: 0 }, after: { sku: "A", quantity: 3, unitPriceCents: 1000, discountCents: 0, taxCents: 0 } },
    ]);
    expect([d.added, d.removed]).toEqual([[], []]);
    expect(d.totals).toEqual({ before: totals, after });
    expect(affectsStock(d)).toBe(true);
    expect(describeDiff(d)).toEqual(["line 1 (A): quantity 2 → 3", "totals: subtotal 25.00 → 35.00, total 28.00 → 38.00"]);
  });

  it("a price-only change does not affect stock; added and removed lines do", () => {
    const priced = diffChannelLines(held, totals, { lines: [same[0] as OrderLineInput, line({ sku: "B", quantity: 1, unitPriceCents: 450 })], ...totals });
    expect(priced.changed.map((c) => c.lineId)).toEqual(["l2"]);
    expect(affectsStock(priced)).toBe(false);
    const swapped = diffChannelLines(held, totals, { lines: [same[0] as OrderLineInput, line({ sku: "C", quantity: 4 })], ...totals });
    expect(swapped.added.map((l) => l.sku)).toEqual(["C"]);
    expect(swapped.removed.map((l) => l.id)).toEqual(["l2"]);
    expect(affectsStock(swapped)).toBe(true);
  });

  it("two channel lines of one SKU never match the same held line", () => {
    const d = diffChannelLines(held, totals, { lines: [...same, line({ sku: "B", quantity: 1 })], ...totals });
    expect(d.added).toHaveLength(1);
    expect(d.unchanged).toHaveLength(2);
  });

  it("the signature follows what the channel asks for, not what is held", () => {
    expect(changeSignature({ lines: same, ...totals })).toBe(changeSignature({ lines: same.map((l) => ({ ...l, name: "x" })), ...totals }));
    expect(changeSignature({ lines: same, ...totals })).not.toBe(changeSignature({ lines: same, ...totals, totalCents: 1 }));
  });
});
