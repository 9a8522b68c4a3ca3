/**
 * A SKU's fields as typed in the product forms, and their conversion to the
 * catalog router's input: prices as people write them ("49,90", "49.90",
 * "1.234,56") to exact integer cents (parseAmount), weights and sizes as whole
 * numbers. Pure; the EAN, NCM and code rules are the server's (sku-rules.ts).
 */
import { parseAmount } from "@/components/forms/manual-order-draft";

export interface SkuDraft {
  code: string;
  variant: string;
  name: string;
  ean: string;
  ncm: string;
  price: string;
  weight: string;
  length: string;
  width: string;
  height: string;
  active: boolean;
}

export const NUMBER_FIELDS = ["weight", "length", "width", "height"] as const;
export type DraftField = "price" | (typeof NUMBER_FIELDS)[number];

export function emptySkuDraft(): SkuDraft {
  return { code: "", variant: "", name: "", ean: "", ncm: "", price: "", weight: "", length: "", width: "", height: "", active: true };
}

/** An amount in cents as the user's language writes it in a field, without grouping: 4990 → "49,90" (pt-BR) or "49.90" (en). */
export function centsToInput(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);
}

export function skuDraftFrom(
  sku: { code: string; variant: string | null; name: string; ean: string | null; ncm: string | null; priceCents: number; weightGrams: number; lengthMm: number; widthMm: number; heightMm: number; active: boolean },
  locale: string,
): SkuDraft {
  return {
    code: sku.code, variant: sku.variant ?? "", name: sku.name, ean: sku.ean ?? "", ncm: sku.ncm ?? "", price: centsToInput(sku.priceCents, locale),
    weight: String(sku.weightGrams), length: String(sku.lengthMm), width: String(sku.widthMm), height: String(sku.heightMm), active: sku.active,
  };
}

export interface SkuFields {
  variant: string | null;
  name?: string;
  ean: string | null;
  ncm: string | null;
  priceCents: number;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  active: boolean;
}

/** Whole number ≥ 0; empty counts as 0 (not measured yet). */
function wholeNumber(text: string): number | null {
  const t = text.trim();
  if (t === "") return 0;
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

/** The router's fields, or the first field that is not a valid number. */
export function readSkuDraft(d: SkuDraft): { ok: true; fields: SkuFields } | { ok: false; field: DraftField } {
  const price = parseAmount(d.price);
  if (typeof price !== "number" || price < 0) return { ok: false, field: "price" };
  const n = { weight: wholeNumber(d.weight), length: wholeNumber(d.length), width: wholeNumber(d.width), height: wholeNumber(d.height) };
  const bad = NUMBER_FIELDS.find((f) => n[f] === null);
  if (bad) return { ok: false, field: bad };
  const text = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    ok: true,
    fields: {
      variant: text(d.variant), ...(text(d.name) ? { name: d.name.trim() } : {}), ean: text(d.ean), ncm: text(d.ncm), priceCents: price,
      weightGrams: n.weight ?? 0, lengthMm: n.length ?? 0, widthMm: n.width ?? 0, heightMm: n.height ?? 0, active: d.active,
    },
  };
}

/** The server's name of each draft field, where it differs (its issue paths and params.field). */
const SERVER_FIELD: Partial<Record<keyof SkuDraft, string>> = { price: "priceCents", weight: "weightGrams", length: "lengthMm", width: "widthMm", height: "heightMm" };

/** The server's path of a draft field (`prefix` "skus.1." in a form of several SKUs): editing it clears its error. */
export function skuIssuePath(field: keyof SkuDraft, prefix = ""): string {
  return `${prefix}${SERVER_FIELD[field] ?? field}`;
}
