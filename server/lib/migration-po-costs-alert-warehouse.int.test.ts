/**
 * Migration 20261128160327_po_line_costs_stock_alert_warehouse on data written
 * before it (PGlite): the schema up to the previous migration gets rows in the
 * old shapes, then the rest is applied and the backfills are checked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { migrateOverOldRows } from "@/server/test/migration-harness";

const MIGRATION = "20261128160327_po_line_costs_stock_alert_warehouse";

const WH_SP = "00000000-0000-4000-8000-0000000000a1";
const WH_RJ = "00000000-0000-4000-8000-0000000000a2";
const SKU_A = "00000000-0000-4000-8000-0000000000b1";
const SKU_B = "00000000-0000-4000-8000-0000000000b2";
const PO_1 = "00000000-0000-4000-8000-0000000000c1";
const PO_2 = "00000000-0000-4000-8000-0000000000c2";
const LINE_1A = "00000000-0000-4000-8000-0000000000d1";
const LINE_1B = "00000000-0000-4000-8000-0000000000d2";
const LINE_2A = "00000000-0000-4000-8000-0000000000d3";

let pg: PGlite;

beforeAll(async () => {
  pg = await migrateOverOldRows(MIGRATION, `
    INSERT INTO "Warehouse" (id, code, name, city, state) VALUES ('${WH_SP}', 'SP1', 'São Paulo', 'São Paulo', 'SP'), ('${WH_RJ}', 'RJ1', 'Rio', 'Rio de Janeiro', 'RJ');
    INSERT INTO "Sku" (id, code, name) VALUES ('${SKU_A}', 'A', 'Shirt'), ('${SKU_B}', 'B', 'Mug');
    INSERT INTO "PurchaseOrder" (id, "warehouseId", supplier) VALUES ('${PO_1}', '${WH_SP}', 'Malharia'), ('${PO_2}', '${WH_SP}', 'Cerâmica');
    INSERT INTO "PurchaseOrderLine" (id, "purchaseOrderId", "skuId", "quantityOrdered") VALUES
      ('${LINE_1A}', '${PO_1}', '${SKU_A}', 12), ('${LINE_1B}', '${PO_1}', '${SKU_B}', 3), ('${LINE_2A}', '${PO_2}', '${SKU_A}', 1);
    -- PO 1: A has a cost, B was entered without one. A later entry of the same action does not override the first.
    INSERT INTO "AuditLog" (action, entity, "entityId", data) VALUES
      ('purchaseOrder.created', 'PurchaseOrder', '${PO_1}', '{"number": 1, "unitCosts": [{"lineId": "${LINE_1A}", "skuId": "${SKU_A}", "unitCostCents": 1999}, {"lineId": "${LINE_1B}", "skuId": "${SKU_B}", "unitCostCents": null}]}'),
      ('purchaseOrder.created', 'PurchaseOrder', '${PO_1}', '{"unitCosts": [{"lineId": "${LINE_1A}", "unitCostCents": 1}]}'),
      -- PO 2: malformed costs are skipped, not a reason to fail the migration.
      ('purchaseOrder.created', 'PurchaseOrder', '${PO_2}', '{"unitCosts": "oops"}'),
      ('purchaseOrder.created', 'PurchaseOrder', '${PO_2}', '{"unitCosts": [{"lineId": "${LINE_2A}", "unitCostCents": -5}, {"lineId": "${LINE_2A}", "unitCostCents": 1.5}, 7]}'),
      -- Another entity's entry naming the line must not count.
      ('purchaseOrder.created', 'Other', '${PO_2}', '{"unitCosts": [{"lineId": "${LINE_2A}", "unitCostCents": 300}]}');
    INSERT INTO "Exception" (id, type, "skuId", message, data, "createdAt") VALUES
      ('00000000-0000-4000-8000-0000000000e1', 'LOW_STOCK', '${SKU_A}', 'service shape', '{"warehouse": "SP1", "warehouseId": "${WH_SP}"}', '2026-11-01T10:00:00Z'),
      ('00000000-0000-4000-8000-0000000000e2', 'LOW_STOCK', '${SKU_A}', 'duplicate, newer', '{"warehouse": "SP1", "warehouseId": "${WH_SP}"}', '2026-11-02T10:00:00Z'),
      ('00000000-0000-4000-8000-0000000000e3', 'OUT_OF_STOCK', '${SKU_B}', 'seed shape', '{"warehouse": "RJ1"}', '2026-11-01T10:00:00Z'),
      ('00000000-0000-4000-8000-0000000000e4', 'OUT_OF_STOCK', '${SKU_B}', 'unknown warehouse', '{"warehouse": "XX9"}', '2026-11-01T10:00:00Z'),
      ('00000000-0000-4000-8000-0000000000e5', 'ORDER_BACKORDERED', '${SKU_A}', 'not an alert', '{"warehouse": "SP1"}', '2026-11-01T10:00:00Z');
  `);
});

afterAll(async () => {
  await pg.close();
});

describe(MIGRATION, () => {
  it("moves unit costs from the creation audit entry to the lines (first entry wins, bad values left out)", async () => {
    const rows = (await pg.query<{ id: string; unitCostCents: number | null }>(`SELECT id, "unitCostCents" FROM "PurchaseOrderLine" ORDER BY id`)).rows;
    expect(rows).toEqual([
      { id: LINE_1A, unitCostCents: 1999 },
      { id: LINE_1B, unitCostCents: null },
      { id: LINE_2A, unitCostCents: null },
    ]);
    await expect(pg.query(`UPDATE "PurchaseOrderLine" SET "unitCostCents" = -1 WHERE id = '${LINE_1A}'`)).rejects.toThrow(/unitCostCents_nonneg/);
  });

  it("fills Exception.warehouseId of stock alerts from data.warehouseId or the warehouse code, and closes duplicates", async () => {
    const rows = (await pg.query<{ message: string; warehouseId: string | null; status: string; resolvedAt: Date | null }>(
      `SELECT message, "warehouseId", status, "resolvedAt" FROM "Exception" ORDER BY id`,
    )).rows;
    expect(rows.map((r) => [r.message, r.warehouseId, r.status])).toEqual([
      ["service shape", WH_SP, "RESOLVED"],
      ["duplicate, newer", WH_SP, "OPEN"],
      ["seed shape", WH_RJ, "OPEN"],
      ["unknown warehouse", null, "OPEN"],
      ["not an alert", null, "OPEN"],
    ]);
    expect(rows[0]?.resolvedAt).toBeInstanceOf(Date);
  });

  it("refuses a second OPEN alert for the same type × SKU × warehouse", async () => {
    await expect(pg.query(`INSERT INTO "Exception" (type, "skuId", "warehouseId", message) VALUES ('LOW_STOCK', '${SKU_A}', '${WH_SP}', 'again')`))
      .rejects.toThrow(/Exception_one_open_stock_alert/);
    await pg.query(`INSERT INTO "Exception" (type, "skuId", "warehouseId", message) VALUES ('LOW_STOCK', '${SKU_A}', '${WH_RJ}', 'other warehouse')`);
    await pg.query(`INSERT INTO "Exception" (type, "skuId", "warehouseId", message) VALUES ('SHORT_PICK', '${SKU_A}', '${WH_SP}', 'not an alert')`);
    await pg.query(`INSERT INTO "Exception" (type, "skuId", "warehouseId", message) VALUES ('SHORT_PICK', '${SKU_A}', '${WH_SP}', 'not an alert')`);
  });

  it("the order-entry SKU code prefix lookup can use Sku_code_lower_idx", async () => {
    await pg.exec(`SET enable_seqscan = off`);
    try {
      // Same predicate as skuCodePrefixQuery (order-entry-lookups.ts), bound as a parameter (unnamed statement: planned with its value).
      const plan = (await pg.query<{ "QUERY PLAN": string }>(
        `EXPLAIN SELECT id FROM "Sku" WHERE active AND lower(code) LIKE lower($1) || '%' ORDER BY code LIMIT 20`, ["CAM\\_"],
      )).rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toMatch(/Sku_code_lower_idx/);
    } finally {
      await pg.exec(`RESET enable_seqscan`);
    }
  });
});
