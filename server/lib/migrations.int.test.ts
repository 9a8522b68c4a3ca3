/**
 * The checked-in migrations, applied from scratch (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): the hand-written parts Prisma cannot express exist and
 * do their job, and applying again is a no-op.
 */
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/server/test/with-test-db";
import { createChannel, insertOrder } from "@/server/services/order/order-test-factory";
import { foldSql } from "@/server/lib/text-fold";

const testDb = withTestDb();

async function indexDef(name: string): Promise<string | null> {
  const rows = await testDb().db.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname = ${name}`;
  return rows[0]?.indexdef ?? null;
}

async function fails(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected the statement to fail");
}

describe("migrations", () => {
  it("creates the stock search and ledger indexes and drops the unused Sku name index", async () => {
    expect(await indexDef("Sku_code_lower_idx")).toMatch(/lower\(code\) text_pattern_ops/);
    // The name is searched folded (case and accents aside, text-fold.ts): the lower(name) index was replaced.
    expect(await indexDef("Sku_name_lower_idx")).toBeNull();
    expect(await indexDef("Sku_name_fold_idx")).toMatch(/translate\(lower\(name\), .*\) text_pattern_ops/);
    // The on-hand chart's index holds only the movements that change on hand (not reservations and releases).
    expect(await indexDef("StockMovement_skuId_createdAt_idx")).toBeNull();
    expect(await indexDef("StockMovement_onHand_skuId_createdAt_idx")).toMatch(
      /\("skuId", "createdAt"\) INCLUDE \(type, "warehouseId", "onHandDelta"\) WHERE \("onHandDelta" <> 0\)/,
    );
    expect(await indexDef("Sku_name_idx")).toBeNull();
    // E-mail search uses the lower() index; the plain one was dropped.
    expect(await indexDef("Order_customerEmail_lower_idx")).toMatch(/lower\("customerEmail"\)/);
    expect(await indexDef("Order_customerEmail_idx")).toBeNull();
    expect(await indexDef("Shipment_createdAt_id_idx")).toMatch(/"createdAt" DESC, id DESC/);
    expect(await indexDef("Shipment_carrierId_createdAt_id_idx")).toMatch(/"carrierId", "createdAt" DESC, id DESC/);
    expect(await indexDef("Exception_status_type_createdAt_id_idx")).toMatch(/status, type, "createdAt" DESC, id DESC/);
    expect(await indexDef("Exception_shipmentId_idx")).not.toBeNull();
  });

  it("lets the reservation update an order without touching its indexes (HOT): no index names warehouseId, pages keep room", async () => {
    const withWarehouse = await testDb().db.$queryRawUnsafe<{ indexname: string }[]>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'Order' AND indexdef LIKE '%warehouseId%'`,
    );
    expect(withWarehouse).toEqual([]);
    expect(await indexDef("Order_pickable_queue_idx")).toMatch(/\("shipBy", "placedAt", id\) WHERE \(status = 'ALLOCATED'/);
    const options = await testDb().db.$queryRawUnsafe<{ relname: string; reloptions: string[] | null }[]>(
      `SELECT relname, reloptions FROM pg_class WHERE relname IN ('Order', 'OrderLine') ORDER BY relname`,
    );
    expect(options).toEqual([
      { relname: "Order", reloptions: ["fillfactor=80"] },
      { relname: "OrderLine", reloptions: ["fillfactor=90"] },
    ]);
  });

  it("allows one OPEN package per order, any number of closed ones", async () => {
    const channelId = await createChannel(testDb().db);
    const order = await insertOrder(testDb().db, { channelId, status: "PICKING" });
    await testDb().db.package.create({ data: { orderId: order.id, status: "CLOSED" } });
    await testDb().db.package.create({ data: { orderId: order.id, status: "SHIPPED" } });
    await testDb().db.package.create({ data: { orderId: order.id } });
    expect(await fails(testDb().db.package.create({ data: { orderId: order.id } }))).toMatch(/Unique constraint|Package_one_open_per_order|unique/i);
    expect(await testDb().db.package.count({ where: { orderId: order.id, status: "OPEN" } })).toBe(1);
  });

  it("refuses a package of an order that does not exist", async () => {
    expect(await fails(testDb().db.package.create({ data: { orderId: "00000000-0000-4000-8000-000000000001" } }))).toMatch(/foreign key|Package_orderId_fkey/i);
  });

  it("keeps an exception's resolution time consistent with its status", async () => {
    await expect(testDb().db.exception.create({ data: { type: "SHORT_PICK", message: "x", status: "RESOLVED" } })).rejects.toThrow();
    await expect(testDb().db.exception.create({ data: { type: "SHORT_PICK", message: "x", resolvedAt: new Date() } })).rejects.toThrow();
    const ok = await testDb().db.exception.create({ data: { type: "SHORT_PICK", message: "x", status: "RESOLVED", resolvedAt: new Date() } });
    expect(ok.status).toBe("RESOLVED");
  });

  it("the stock grid's prefix predicates can use the expression indexes", async () => {
    await testDb().db.$executeRawUnsafe(`SET enable_seqscan = off`);
    try {
      const plan = await testDb().db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM "Sku" s WHERE lower(s.code) LIKE 'abc%' OR ${foldSql("s.name").sql} LIKE 'abc%'`,
      );
      const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
      expect(text).toMatch(/Sku_code_lower_idx/);
      expect(text).toMatch(/Sku_name_fold_idx/);
    } finally {
      await testDb().db.$executeRawUnsafe(`RESET enable_seqscan`);
    }
  });
});
