/**
 * Tops a database up to `target` SKUs for the stock benchmarks (the demo seed
 * has a few hundred): BENCH-GRID-nnnnn SKUs, each stocked in every active
 * warehouse's first bin, with 60 days of history written set-based — an
 * opening RECEIPT, then RESERVATION + SHIPMENT pairs — so the ledger still
 * reconciles to zero drift. A few are left out of stock, some under their
 * reorder point, some with open purchase orders.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";

export async function ensureGridSkus(db: PrismaClient, target = 10_000, log: (s: string) => void = () => {}): Promise<number> {
  const have = await db.sku.count();
  const missing = target - have;
  if (missing <= 0) return 0;
  const warehouses = await db.warehouse.findMany({ where: { active: true }, select: { id: true, code: true }, orderBy: { code: "asc" } });
  if (warehouses.length === 0) throw new Error("ensureGridSkus needs at least one active warehouse (seed the database first)");
  for (const w of warehouses) {
    await db.bin.upsert({
      where: { warehouseId_code: { warehouseId: w.id, code: "GRID-01" } },
      create: { warehouseId: w.id, code: "GRID-01", zone: "G", aisle: "01", shelf: "1", position: "1", pickSequence: 900_000 },
      update: {},
    });
  }
  const start = (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "Sku" WHERE code LIKE 'BENCH-GRID-%'`))[0]?.n ?? 0;
  log(`adding ${missing.toLocaleString("en")} SKUs with 60 days of stock history…`);
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`
      WITH p AS (
        INSERT INTO "Product" (name) SELECT 'Produto de teste ' || g FROM generate_series(${start + 1}, ${start + missing}) g RETURNING id, name
      )
      INSERT INTO "Sku" ("productId", code, name, ean, "reorderPoint", "priceCents", "weightGrams")
      SELECT p.id, 'BENCH-GRID-' || lpad(g::text, 5, '0'), p.name, NULL, 10 + g % 20, 1990 + g % 5000, 200
      FROM p CROSS JOIN LATERAL (SELECT substr(p.name, 18)::int AS g) n`);
    // Closing on hand per SKU × warehouse; every 50th SKU out of stock, every 7th below its reorder point.
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE grid_levels ON COMMIT DROP AS
      SELECT s.id AS sku_id, w.id AS wh_id, b.id AS bin_id,
        CASE WHEN n % 50 = 0 THEN 0 WHEN n % 7 = 0 THEN 3 ELSE 40 + (n * 13 + w.rn * 7) % 400 END AS closing,
        (n * 3 + w.rn) % 12 AS shipments
      FROM (SELECT id, substr(code, 12)::int AS n FROM "Sku" WHERE code LIKE 'BENCH-GRID-%' AND NOT EXISTS (SELECT 1 FROM "StockBalance" sb WHERE sb."skuId" = "Sku".id)) s
      CROSS JOIN (SELECT id, row_number() OVER (ORDER BY code) AS rn FROM "Warehouse" WHERE active) w
      JOIN "Bin" b ON b."warehouseId" = w.id AND b.code = 'GRID-01'`);
    await tx.$executeRawUnsafe(`
      INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "binId", "onHandDelta", reason, "actorLabel", "createdAt")
      SELECT 'RECEIPT', sku_id, wh_id, bin_id, closing + shipments * 2, 'Bench opening stock', 'bench', now() - interval '60 days' FROM grid_levels`);
    await tx.$executeRawUnsafe(`
      INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "binId", "onHandDelta", "reservedDelta", reason, "actorLabel", "createdAt")
      SELECT t.type::"MovementType", l.sku_id, l.wh_id, CASE WHEN t.type = 'SHIPMENT' THEN l.bin_id END,
        CASE WHEN t.type = 'SHIPMENT' THEN -2 ELSE 0 END, CASE WHEN t.type = 'SHIPMENT' THEN -2 ELSE 2 END, 'Bench order', 'bench',
        now() - make_interval(days => (59 - (k * 5) % 59)::int, hours => t.h)
      FROM grid_levels l CROSS JOIN generate_series(1, l.shipments) k CROSS JOIN (VALUES ('RESERVATION', 2), ('SHIPMENT', 1)) t(type, h)`);
    await tx.$executeRawUnsafe(`INSERT INTO "StockBalance" ("skuId", "warehouseId", "onHand") SELECT sku_id, wh_id, closing FROM grid_levels`);
    await tx.$executeRawUnsafe(`INSERT INTO "BinStock" ("skuId", "binId", "onHand") SELECT sku_id, bin_id, closing FROM grid_levels`);
    const wh = warehouses[0]?.id as string;
    await tx.$executeRawUnsafe(`
      WITH po AS (INSERT INTO "PurchaseOrder" ("warehouseId", supplier, "expectedAt") VALUES ('${wh}'::uuid, 'Bench supplier', now() + interval '10 days') RETURNING id)
      INSERT INTO "PurchaseOrderLine" ("purchaseOrderId", "skuId", "quantityOrdered")
      SELECT po.id, s.id, 48 FROM po, "Sku" s WHERE s.code LIKE 'BENCH-GRID-%' AND substr(s.code, 12)::int % 50 IN (0, 7) AND substr(s.code, 12)::int > ${start}`);
  }, { timeout: 600_000, maxWait: 60_000 });
  for (const table of ["Sku", "StockBalance", "StockMovement", "BinStock"]) await db.$executeRawUnsafe(`ANALYZE "${table}"`);
  return missing;
}
