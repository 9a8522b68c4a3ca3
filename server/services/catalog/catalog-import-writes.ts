/**
 * A catalogue import chunk's writes, one set-based statement each (unnest of
 * one array per column). On the embedded PGlite a statement costs a few
 * milliseconds whatever its size, and Prisma's createMany / update one by one
 * made a 5,000-row import take a minute; these take seconds. The rows written
 * are the catalogue services' own (skuRow, productText, auditEntry in
 * catalog-write.ts).
 */
import type { DbTx } from "@/server/db";
import type { Product, Sku } from "@/server/generated/prisma/client";
import type { SkuCsvFields } from "@/server/services/catalog/catalog-csv-columns";
import type { auditEntry } from "@/server/services/catalog/catalog-write";

export type AuditRow = ReturnType<typeof auditEntry>;

export type NewProductRow = Pick<Product, "id" | "name" | "brand" | "description">;

/** A SKU's stored fields besides its id and code: what skuRow makes, and what an update sets. */
export type SkuFieldsRow = SkuCsvFields & Pick<Sku, "name">;

export async function insertProducts(tx: DbTx, rows: readonly NewProductRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "Product" (id, name, brand, description)
    SELECT * FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.brand)}::text[], ${rows.map((r) => r.description)}::text[])`;
}

export async function insertSkus(tx: DbTx, rows: readonly (SkuFieldsRow & { id: string; productId: string; code: string })[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await tx.$executeRaw`
    INSERT INTO "Sku" (id, "productId", code, name, variant, ean, ncm, "weightGrams", "lengthMm", "widthMm", "heightMm", "priceCents", active)
    SELECT * FROM unnest(
      ${col("id")}::uuid[], ${col("productId")}::uuid[], ${col("code")}::text[], ${col("name")}::text[], ${col("variant")}::text[], ${col("ean")}::text[],
      ${col("ncm")}::text[], ${col("weightGrams")}::int[], ${col("lengthMm")}::int[], ${col("widthMm")}::int[], ${col("heightMm")}::int[],
      ${col("priceCents")}::int[], ${col("active")}::boolean[])`;
}

/** Takes the barcode off these SKUs (in their chunk's transaction), so another SKU of the chunk can take it before they get their new one. */
export async function clearEans(tx: DbTx, skuIds: readonly string[]): Promise<void> {
  if (skuIds.length === 0) return;
  await tx.$executeRaw`UPDATE "Sku" SET ean = NULL WHERE id = ANY(${skuIds as string[]}::uuid[])`;
}

/** Sets every field of each SKU to the row given (its locked value where the file changes nothing). */
export async function updateSkus(tx: DbTx, rows: readonly (SkuFieldsRow & { id: string })[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await tx.$executeRaw`
    UPDATE "Sku" s SET name = u.name, variant = u.variant, ean = u.ean, ncm = u.ncm, "weightGrams" = u.weight, "lengthMm" = u.length,
      "widthMm" = u.width, "heightMm" = u.height, "priceCents" = u.price, active = u.active
    FROM unnest(
      ${col("id")}::uuid[], ${col("name")}::text[], ${col("variant")}::text[], ${col("ean")}::text[], ${col("ncm")}::text[], ${col("weightGrams")}::int[],
      ${col("lengthMm")}::int[], ${col("widthMm")}::int[], ${col("heightMm")}::int[], ${col("priceCents")}::int[], ${col("active")}::boolean[]
    ) AS u(id, name, variant, ean, ncm, weight, length, width, height, price, active)
    WHERE s.id = u.id`;
}

/** The audit rows in the order given (their ids follow it). */
export async function insertAudits(tx: DbTx, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "AuditLog" ("actorId", action, entity, "entityId", data)
    SELECT a, b, c, d, e::jsonb FROM unnest(
      ${rows.map((r) => r.actorId)}::uuid[], ${rows.map((r) => r.action)}::text[], ${rows.map((r) => r.entity)}::text[],
      ${rows.map((r) => r.entityId)}::text[], ${rows.map((r) => JSON.stringify(r.data))}::text[]
    ) WITH ORDINALITY AS x(a, b, c, d, e, n) ORDER BY n`;
}
