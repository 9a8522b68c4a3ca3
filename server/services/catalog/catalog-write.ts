/**
 * What every catalogue change shares: the transaction (a unique index that
 * wins a race still reads as the right DUPLICATE error), the uniqueness
 * checks of SKU codes and EANs against the database, turning typed SKU fields
 * into a row, and the AuditLog row (who, what, before → after: audit/audit-log.ts).
 */
import type { z } from "zod";
import { db, type DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { sqlState } from "@/server/services/stock/stock-tx";
import type { skuFieldsInput } from "@/server/services/catalog/catalog-inputs";
import { catalogError, checkEan, checkNcm, cleanText, defaultSkuName, gtinForms } from "@/server/services/catalog/sku-rules";

export { audit, auditEntry, diff, type AuditValue } from "@/server/services/audit/audit-log";

/** A unique index refused the row: which of the SKU's unique fields, or null for any other error. */
function uniqueViolation(e: unknown): "code" | "ean" | null {
  // P2002 outside a transaction; inside one the driver adapter's error (SQLSTATE 23505) comes through as it is.
  const cause = (e as { cause?: { code?: unknown; originalCode?: unknown } } | null)?.cause;
  const unique =
    (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") || sqlState(e) === "23505" || cause?.code === "23505" || cause?.originalCode === "23505";
  if (!unique) return null;
  return /ean/i.test(`${String((e as Error).message)} ${JSON.stringify(e)}`) ? "ean" : "code";
}

/** A catalogue transaction; a unique violation that slipped past the checks (two people at once) becomes a DUPLICATE error. */
export async function inCatalogTx<T>(fn: (tx: DbTx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(fn);
  } catch (e) {
    const field = uniqueViolation(e);
    if (field) throw new DomainError("DUPLICATE", `Another SKU took this ${field} at the same time.`, { detail: field, field });
    throw e;
  }
}

/** A product's text fields as stored: name and brand on one line, the description's own lines kept; empty is null. */
export function productText(input: { name: string; brand?: string | null | undefined; description?: string | null | undefined }) {
  const description = (input.description ?? "").trim();
  return { name: cleanText(input.name) ?? input.name, brand: cleanText(input.brand), description: description === "" ? null : description };
}

/** The SKU row for typed fields, every field checked (EAN check digit, NCM, text cleaned, name defaulted). */
export function skuRow(productName: string, input: z.output<typeof skuFieldsInput>) {
  const variant = cleanText(input.variant);
  return {
    name: cleanText(input.name) ?? defaultSkuName(productName, variant),
    variant,
    ean: checkEan(input.ean),
    ncm: checkNcm(input.ncm),
    weightGrams: input.weightGrams,
    lengthMm: input.lengthMm,
    widthMm: input.widthMm,
    heightMm: input.heightMm,
    priceCents: input.priceCents,
    active: input.active,
  };
}

/**
 * Refuses codes (case aside) and EANs (in any GTIN length) that another SKU
 * already has, naming that SKU and its product. One query, each condition an
 * index probe: lower(code) and the unique EAN index. An item's `id` is the SKU
 * being changed: its own row is no conflict (several SKUs checked at once).
 */
export async function assertSkusFree(tx: DbTx, skus: readonly { code?: string; ean: string | null; id?: string }[], exceptSkuId?: string): Promise<void> {
  const codes = skus.flatMap((s) => (s.code ? [s.code.toLowerCase()] : []));
  const eans = skus.flatMap((s) => (s.ean ? gtinForms(s.ean) : []));
  if (codes.length === 0 && eans.length === 0) return;
  const taken = await tx.$queryRaw<{ id: string; code: string; ean: string | null; product: string }[]>`
    SELECT s.id, s.code, s.ean, p.name AS product FROM "Sku" s JOIN "Product" p ON p.id = s."productId"
    WHERE (lower(s.code) = ANY(${codes}::text[]) OR s.ean = ANY(${eans}::text[])) AND s.id IS DISTINCT FROM ${exceptSkuId ?? null}::uuid`;
  for (const s of skus) {
    const others = s.id ? taken.filter((t) => t.id !== s.id) : taken;
    const byCode = s.code ? others.find((t) => t.code.toLowerCase() === s.code!.toLowerCase()) : undefined;
    if (byCode) {
      throw catalogError("SKU_CODE_TAKEN", "code", `SKU code ${s.code} is already taken by ${byCode.code} (${byCode.product}).`, { code: byCode.code, product: byCode.product });
    }
    const forms = s.ean ? gtinForms(s.ean) : [];
    const byEan = others.find((t) => t.ean !== null && forms.includes(t.ean));
    if (byEan) {
      throw catalogError("EAN_TAKEN", "ean", `EAN ${s.ean} is already used by SKU ${byEan.code} (${byEan.product}).`, { ean: s.ean ?? "", code: byEan.code, product: byEan.product });
    }
  }
}
