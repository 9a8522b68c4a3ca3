/**
 * The catalogue's field rules, pure (no database) so the services and their
 * unit tests share them: SKU code shape, EAN / GTIN (length and GS1 check
 * digit), NCM, variants within one product. A broken rule is a
 * DomainError("VALIDATION") whose params.rule names it, so the UI can say
 * exactly what is wrong in the user's language (products.errors.<rule>).
 */
import { DomainError } from "@/server/lib/domain-error";
import { GTIN_LENGTHS, gtinCheckDigit, isValidGtin, normalizeGtin } from "@/server/lib/ean";
import { foldText } from "@/server/lib/fold-letters";

export type CatalogRule =
  | "SKU_CODE_FORMAT"
  | "SKU_CODE_TAKEN"
  | "SKU_CODE_REPEATED"
  | "EAN_FORMAT"
  | "EAN_CHECK_DIGIT"
  | "EAN_TAKEN"
  | "EAN_REPEATED"
  | "NCM_FORMAT"
  | "VARIANT_REQUIRED"
  | "VARIANT_TAKEN";

/** A rule broken by one field: DUPLICATE for values already in use, VALIDATION for the rest. */
export function catalogError(rule: CatalogRule, field: string, message: string, params: Record<string, string | number> = {}): DomainError {
  const code = rule.endsWith("_TAKEN") || rule.endsWith("_REPEATED") ? "DUPLICATE" : "VALIDATION";
  return new DomainError(code, message, { rule, field, detail: message, ...params });
}

/** Letters, digits and . _ - / ; no spaces; what channels and labels print. */
const SKU_CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,59}$/;

export function checkSkuCode(code: string): string {
  const trimmed = code.trim();
  if (!SKU_CODE.test(trimmed)) {
    throw catalogError("SKU_CODE_FORMAT", "code", `SKU code "${trimmed}" is not valid: use 1–60 letters, digits, ".", "_", "-" or "/" with no spaces.`, { code: trimmed });
  }
  return trimmed;
}

/**
 * The EAN as stored (spaces removed), or null for none. It must be a GTIN-8,
 * -12, -13 or -14 with the right GS1 check digit: a mistyped digit is caught
 * here rather than at the packing station's scanner.
 */
export function checkEan(raw: string | null | undefined): string | null {
  const ean = (raw ?? "").replace(/\s+/g, "");
  if (ean === "") return null;
  if (!/^\d+$/.test(ean) || !GTIN_LENGTHS.includes(ean.length)) {
    throw catalogError("EAN_FORMAT", "ean", `EAN "${ean}" must be 8, 12, 13 or 14 digits.`, { ean });
  }
  if (!isValidGtin(ean)) {
    const expected = gtinCheckDigit(ean.slice(0, -1));
    throw catalogError("EAN_CHECK_DIGIT", "ean", `EAN ${ean} has a wrong check digit: the last digit should be ${expected}.`, { ean, expected });
  }
  return ean;
}

/**
 * Every way the same trade item number can be written in a GTIN length:
 * "7891000315507" is also "07891000315507" (GTIN-14); "036000291452" (UPC-A)
 * is also "0036000291452" and "00036000291452". Uniqueness is checked against
 * all of them, each an exact match on the unique EAN index.
 */
export function gtinForms(ean: string): string[] {
  const padded = normalizeGtin(ean);
  if (!padded) return [ean];
  return [...GTIN_LENGTHS].sort((a, b) => b - a).filter((len) => /^0*$/.test(padded.slice(0, 14 - len))).map((len) => padded.slice(14 - len));
}

/** The NCM (Mercosur nomenclature, on every NF-e line) as 8 digits; dots and spaces as in "6109.10.00" are dropped. Null for none. */
export function checkNcm(raw: string | null | undefined): string | null {
  const ncm = (raw ?? "").replace(/[\s.]/g, "");
  if (ncm === "") return null;
  if (!/^\d{8}$/.test(ncm)) throw catalogError("NCM_FORMAT", "ncm", `NCM "${raw?.trim()}" must be exactly 8 digits (e.g. 6109.10.00).`, { ncm: raw?.trim() ?? "" });
  return ncm;
}

/** An NCM as people write it: "61091000" → "6109.10.00" (anything not 8 digits as stored). */
export function formatNcm(ncm: string): string {
  return /^\d{8}$/.test(ncm) ? `${ncm.slice(0, 4)}.${ncm.slice(4, 6)}.${ncm.slice(6)}` : ncm;
}

/** Trimmed, inner runs of spaces folded; null for empty. */
export function cleanText(raw: string | null | undefined): string | null {
  const text = (raw ?? "").trim().replace(/\s+/g, " ");
  return text === "" ? null : text;
}

/** A SKU's printed name when none is typed: the product's name and the variant's parts ("Camiseta Básica" + "Azul / M" → "Camiseta Básica Azul M"). */
export function defaultSkuName(productName: string, variant: string | null): string {
  const parts = (variant ?? "").split("/").map((p) => p.trim()).filter(Boolean);
  return [productName.trim(), ...parts].join(" ");
}

/** A variant as people tell it apart: case, accents and the spaces around "/" aside ("Médio/Azul" is "medio / azul"). */
export const variantKey = (v: string) => foldText(v).split("/").map((p) => p.trim().replace(/\s+/g, " ")).join(" / ");

/**
 * Variants of one product: when it has more than one SKU, every SKU needs one
 * (that is how a picker or a customer tells them apart) and no two may be the
 * same (case, accents and spacing aside). `skus` are the product's SKUs after the change.
 */
export function checkVariants(skus: readonly { code: string; variant: string | null; changed: boolean }[]): void {
  for (const s of skus) {
    if (!s.changed) continue;
    if (s.variant === null) {
      if (skus.length > 1) throw catalogError("VARIANT_REQUIRED", "variant", `SKU ${s.code} needs a variant (e.g. "Azul / M"): the product has several SKUs.`, { code: s.code });
      continue;
    }
    const key = variantKey(s.variant);
    const other = skus.find((x) => x !== s && x.variant !== null && variantKey(x.variant) === key);
    if (other) {
      throw catalogError("VARIANT_TAKEN", "variant", `Variant "${s.variant}" is already used by SKU ${other.code} of this product (as "${other.variant}").`, {
        variant: s.variant, code: other.code, existing: other.variant ?? "",
      });
    }
  }
}

/** The same SKU code or EAN twice in one request. */
export function checkRepeats(skus: readonly { code: string; ean: string | null }[]): void {
  const codes = new Set<string>();
  const eans = new Map<string, string>();
  for (const s of skus) {
    const key = s.code.toLowerCase();
    if (codes.has(key)) throw catalogError("SKU_CODE_REPEATED", "code", `SKU code ${s.code} appears twice in the form.`, { code: s.code });
    codes.add(key);
    if (s.ean === null) continue;
    for (const form of gtinForms(s.ean)) {
      const other = eans.get(form);
      if (other !== undefined) throw catalogError("EAN_REPEATED", "ean", `EAN ${s.ean} is given to both ${other} and ${s.code}.`, { ean: s.ean, code: other });
    }
    for (const form of gtinForms(s.ean)) eans.set(form, s.code);
  }
}
