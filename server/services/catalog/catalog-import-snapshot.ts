/**
 * What the catalogue holds for a file's rows, in a few queries of up to 1,000
 * keys each, every condition an index probe (lower(code), the folded name,
 * the unique EAN index, productId): the SKUs the file names, their products and
 * the products it names, every SKU of those products, and whoever holds one of
 * its barcodes in any GTIN length.
 */
import { db } from "@/server/db";
import { foldSql, foldText } from "@/server/lib/text-fold";
import type { CatalogCsvRow } from "@/server/services/catalog/catalog-csv-rows";
import type { CatalogSnapshot, SnapProduct, SnapSku } from "@/server/services/catalog/catalog-import-plan";
import { gtinForms } from "@/server/services/catalog/sku-rules";

const CHUNK = 1000;

async function inChunks<T>(keys: readonly string[], query: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) out.push(...(await query(keys.slice(i, i + CHUNK))));
  return out;
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

export async function loadCatalogSnapshot(rows: readonly CatalogCsvRow[]): Promise<CatalogSnapshot> {
  const valid = rows.filter((r) => r.issues.length === 0);
  const codes = unique(valid.map((r) => r.sku.toLowerCase()));
  const names = unique(valid.flatMap((r) => (r.fields.product ? [foldText(r.fields.product)] : [])));
  const eans = unique(valid.flatMap((r) => (r.fields.ean ? gtinForms(r.fields.ean) : [])));

  const skus = await inChunks(codes, (part) => db.$queryRaw<SnapSku[]>`
    SELECT id, "productId", code, name, variant, ean, ncm, "weightGrams", "lengthMm", "widthMm", "heightMm", "priceCents", active
    FROM "Sku" WHERE lower(code) = ANY(${part}::text[])`);
  // The folded-name index finds them: the same name, case and accents aside ("Cafe Especial" is "Café Especial").
  const named = await inChunks(names, (part) => db.$queryRaw<SnapProduct[]>`
    SELECT p.id, p.name, p.brand, p.description FROM "Product" p WHERE ${foldSql("p.name")} = ANY(${part}::text[])`);
  const products = new Map(named.map((p) => [p.id, p]));
  const owners = unique(skus.map((s) => s.productId)).filter((id) => !products.has(id));
  for (const p of await inChunks(owners, (part) => db.$queryRaw<SnapProduct[]>`
    SELECT id, name, brand, description FROM "Product" WHERE id = ANY(${part}::uuid[])`)) products.set(p.id, p);
  const siblingRows = await inChunks([...products.keys()], (part) => db.$queryRaw<{ productId: string; code: string; variant: string | null }[]>`
    SELECT "productId", code, variant FROM "Sku" WHERE "productId" = ANY(${part}::uuid[]) ORDER BY code`);
  const holders = await inChunks(eans, (part) => db.$queryRaw<{ id: string; code: string; ean: string; product: string }[]>`
    SELECT s.id, s.code, s.ean, p.name AS product FROM "Sku" s JOIN "Product" p ON p.id = s."productId" WHERE s.ean = ANY(${part}::text[])`);

  const snap: CatalogSnapshot = { skus: new Map(), products, siblings: new Map(), byName: new Map(), eans: new Map() };
  for (const s of skus) snap.skus.set(s.code.toLowerCase(), [...(snap.skus.get(s.code.toLowerCase()) ?? []), s]);
  for (const p of named) snap.byName.set(foldText(p.name), [...(snap.byName.get(foldText(p.name)) ?? []), p.id]);
  for (const s of siblingRows) {
    const list = snap.siblings.get(s.productId);
    if (list) list.push({ code: s.code, variant: s.variant });
    else snap.siblings.set(s.productId, [{ code: s.code, variant: s.variant }]);
  }
  for (const h of holders) snap.eans.set(h.ean, { skuId: h.id, code: h.code, product: h.product });
  return snap;
}
