/**
 * The box's defaults at the pack station and the "what is missing" text. Pure.
 *
 * Weight: the sum of every unit's SKU weight. Dimensions: the smallest box that
 * fits each item on its own — every SKU's sides sorted longest first, then the
 * largest of each position (so a long thin item and a wide flat one both fit,
 * whichever way they lie). The packer edits them when the real box differs.
 */
import type { RemainingLine } from "@/server/services/packing/scan-match";

export interface SkuMeasures {
  quantity: number;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface BoxMeasures {
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export function defaultBoxMeasures(lines: readonly SkuMeasures[]): BoxMeasures {
  let weightGrams = 0;
  const sides = [0, 0, 0];
  for (const l of lines) {
    weightGrams += Math.max(0, l.weightGrams) * Math.max(0, l.quantity);
    const sorted = [l.lengthMm, l.widthMm, l.heightMm].map((n) => Math.max(0, n)).sort((a, b) => b - a);
    sorted.forEach((n, i) => (sides[i] = Math.max(sides[i] ?? 0, n)));
  }
  return { weightGrams, lengthMm: sides[0] ?? 0, widthMm: sides[1] ?? 0, heightMm: sides[2] ?? 0 };
}

/** "2 × CAM-AZ-M, 1 × MEIA-01": the units still to scan, per SKU, in line order. */
export function missingSummary(stillExpected: readonly RemainingLine[]): string {
  const bySku = new Map<string, number>();
  for (const l of stillExpected) bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.remaining);
  return [...bySku].map(([sku, n]) => `${n} × ${sku}`).join(", ");
}
