/**
 * The whole catalogue as a CSV in the import's columns (catalog-csv-columns.ts):
 * one row per SKU, inactive ones included, products A–Z and each product's
 * SKUs by code, so that a file exported and imported again changes nothing.
 * Streamed: products are read a page at a time, keyset on (folded name, id)
 * (the product list's index), so a large catalogue never sits in memory.
 */
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { Locale } from "@/server/i18n/locales";
import { toCsv } from "@/server/lib/csv";
import { DomainError } from "@/server/lib/domain-error";
import { foldSql } from "@/server/lib/text-fold";
import type { Role } from "@/server/lib/roles";
import { catalogCsvCells, catalogCsvDelimiter, catalogCsvHeader } from "@/server/services/catalog/catalog-csv-columns";
import { CATALOG_READ_ROLES } from "@/server/services/catalog/catalog-roles";

const PAGE = 500;
/** The product list's order (case and accents aside), served by its index. */
const NAME = foldSql("p.name");

/** Yields the file in chunks: a UTF-8 BOM and the header first, then one chunk per page of products. */
export async function* exportCatalogCsv(opts: { actor: SessionUser; locale: Locale; pageSize?: number }): AsyncGenerator<string> {
  if (!(CATALOG_READ_ROLES as readonly Role[]).includes(opts.actor.role)) throw new DomainError("FORBIDDEN", `Your role (${opts.actor.role}) may not export the catalogue.`);
  const { locale } = opts;
  const delimiter = catalogCsvDelimiter(locale);
  const limit = opts.pageSize ?? PAGE;
  yield toCsv([catalogCsvHeader(locale)], { delimiter, bom: true });
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const products: { id: string; name: string; brand: string | null; description: string | null; key: string }[] = await db.$queryRaw`
      SELECT p.id, p.name, p.brand, p.description, ${NAME} AS key FROM "Product" p
      ${after ? Prisma.sql`WHERE (${NAME}, p.id) > (${after.key}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY ${NAME}, p.id LIMIT ${limit}`;
    if (products.length === 0) return;
    const skus = await db.sku.findMany({
      where: { productId: { in: products.map((p) => p.id) } },
      orderBy: { code: "asc" },
      select: {
        productId: true, code: true, variant: true, ean: true, ncm: true, priceCents: true,
        weightGrams: true, lengthMm: true, widthMm: true, heightMm: true, active: true,
      },
    });
    const byProduct = new Map<string, typeof skus>();
    for (const s of skus) byProduct.set(s.productId, [...(byProduct.get(s.productId) ?? []), s]);
    const rows = products.flatMap((p) =>
      (byProduct.get(p.id) ?? []).map((s) => catalogCsvCells({ ...s, product: p.name, brand: p.brand, description: p.description }, locale)),
    );
    yield toCsv(rows, { delimiter, guardFormulas: true });
    const last = products[products.length - 1];
    if (products.length < limit || !last) return;
    after = { key: last.key, id: last.id };
  }
}
