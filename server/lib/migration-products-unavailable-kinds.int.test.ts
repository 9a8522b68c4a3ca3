/**
 * Migration 20261129032632_products_unavailable_kinds on data written before
 * it (PGlite): every SKU becomes a product of its own, and units already set
 * aside become damaged units — in the bins and in the (append-only) ledger —
 * so the stock reconciliation still finds no drift.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { migrateOverOldRows } from "@/server/test/migration-harness";

const MIGRATION = "20261129032632_products_unavailable_kinds";

const WH = "00000000-0000-4000-8000-0000000000a1";
const BIN = "00000000-0000-4000-8000-0000000000a9";
const SKU_A = "00000000-0000-4000-8000-0000000000b1";
const SKU_B = "00000000-0000-4000-8000-0000000000b2";

let pg: PGlite;

beforeAll(async () => {
  pg = await migrateOverOldRows(MIGRATION, `
    INSERT INTO "Warehouse" (id, code, name, city, state) VALUES ('${WH}', 'SP1', 'São Paulo', 'São Paulo', 'SP');
    INSERT INTO "Bin" (id, "warehouseId", code, zone, aisle, shelf, position, "pickSequence") VALUES ('${BIN}', '${WH}', 'A-01', 'A', '01', '1', '1', 1);
    INSERT INTO "Sku" (id, code, name) VALUES ('${SKU_A}', 'A', 'Camiseta Azul M'), ('${SKU_B}', 'B', 'Caneca');
    INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "binId", "onHandDelta", "unavailableDelta", reason) VALUES
      ('RECEIPT', '${SKU_A}', '${WH}', '${BIN}', 10, 0, 'opening'),
      ('TO_UNAVAILABLE', '${SKU_A}', '${WH}', '${BIN}', 0, 3, 'box crushed'),
      ('FROM_UNAVAILABLE', '${SKU_A}', '${WH}', '${BIN}', 0, -1, 'repaired');
    INSERT INTO "BinStock" ("skuId", "binId", "onHand", unavailable) VALUES ('${SKU_A}', '${BIN}', 10, 2);
    INSERT INTO "StockBalance" ("skuId", "warehouseId", "onHand", unavailable) VALUES ('${SKU_A}', '${WH}', 10, 2);
  `);
});

afterAll(async () => {
  await pg.close();
});

describe(MIGRATION, () => {
  it("gives every SKU a product of the same name", async () => {
    const { rows } = await pg.query<{ code: string; product: string; variant: string | null }>(
      `SELECT s.code, p.name AS product, s.variant FROM "Sku" s JOIN "Product" p ON p.id = s."productId" ORDER BY s.code`);
    expect(rows).toEqual([{ code: "A", product: "Camiseta Azul M", variant: null }, { code: "B", product: "Caneca", variant: null }]);
  });

  it("counts units set aside before kinds existed as damaged, in the bin and in the ledger", async () => {
    const bin = await pg.query(`SELECT "onHand", unavailable, damaged, quarantine, qc FROM "BinStock" WHERE "skuId" = '${SKU_A}'`);
    expect(bin.rows).toEqual([{ onHand: 10, unavailable: 2, damaged: 2, quarantine: 0, qc: 0 }]);
    const moves = await pg.query(`SELECT type, "unavailableDelta", "unavailableKind" FROM "StockMovement" ORDER BY id`);
    expect(moves.rows).toEqual([
      { type: "RECEIPT", unavailableDelta: 0, unavailableKind: null },
      { type: "TO_UNAVAILABLE", unavailableDelta: 3, unavailableKind: "DAMAGED" },
      { type: "FROM_UNAVAILABLE", unavailableDelta: -1, unavailableKind: "DAMAGED" },
    ]);
  });

  it("leaves the ledger append-only once it is done", async () => {
    await expect(pg.query(`UPDATE "StockMovement" SET "unavailableKind" = 'QC' WHERE "unavailableDelta" <> 0`)).rejects.toThrow(/append-only/);
  });

  it("refuses a product-less SKU and unavailable units of no kind", async () => {
    await expect(pg.query(`INSERT INTO "Sku" (code, name) VALUES ('C', 'no product')`)).rejects.toThrow(/productId/);
    await expect(pg.query(`UPDATE "BinStock" SET unavailable = 3 WHERE "skuId" = '${SKU_A}'`)).rejects.toThrow(/BinStock_unavailable_kinds/);
  });
});
