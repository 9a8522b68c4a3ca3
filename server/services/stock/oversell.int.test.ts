/**
 * Real concurrency on PostgreSQL (skipped on PGlite, which has one
 * connection): many orders captured and reserved at the same time through a
 * pool of 40 connections must never oversell, and the levels must stay
 * reconcilable with the ledger.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/server/generated/prisma/client";
import { postgresClient, setDb } from "@/server/db";
import { createTestDb, testDatabaseUrl, type TestDb } from "@/server/test/test-db";
import { systemActor } from "@/server/services/order/actor";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import { reconcileStock } from "@/server/services/stock/reconcile-stock";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { buildWorld, capture, type World } from "@/server/services/stock/stock-test-fixtures";

const channel = systemActor("channel:Loja");
/** Thousands of transactions on a shared CI machine: generous, so only a real hang fails. */
const SLOW = 600_000;

describe.skipIf(!testDatabaseUrl())("oversell under real concurrency (PostgreSQL)", () => {
  let t: TestDb;
  let pool: PrismaClient;

  beforeAll(async () => {
    t = await createTestDb();
    pool = postgresClient(t.url as string, 40);
  });
  afterAll(async () => {
    await pool.$disconnect();
    setDb(t.db);
    await t.close();
  });
  beforeEach(async () => {
    setDb(t.db);
    await t.truncate();
  });

  /**
   * Runs every job through the big pool, at most `width` at a time (a real
   * server has a bounded number of workers; the order-action transaction waits
   * at most 2 s for a connection). Waits for all of them before reporting.
   */
  async function concurrently<T>(jobs: (() => Promise<T>)[], width = jobs.length): Promise<T[]> {
    setDb(pool);
    const results: PromiseSettledResult<T>[] = new Array(jobs.length);
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await (jobs[i] as () => Promise<T>)().then(
          (value) => ({ status: "fulfilled" as const, value }),
          (reason: unknown) => ({ status: "rejected" as const, reason }),
        );
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
    } finally {
      setDb(t.db);
    }
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return results.map((r) => (r as PromiseFulfilledResult<T>).value);
  }

  async function invariants(w: World, sku: string) {
    const [row] = await t.db.$queryRawUnsafe<{ on_hand: number; reserved: number; active: number; line_reserved: number; negative: number; broken_lines: number }[]>(`
      SELECT (SELECT sum("onHand")::int FROM "StockBalance" WHERE "skuId" = $1::uuid) AS on_hand,
             (SELECT sum(reserved)::int FROM "StockBalance" WHERE "skuId" = $1::uuid) AS reserved,
             (SELECT COALESCE(sum(quantity), 0)::int FROM "Reservation" WHERE "skuId" = $1::uuid AND status = 'ACTIVE') AS active,
             (SELECT COALESCE(sum(l."reservedQty"), 0)::int FROM "OrderLine" l WHERE l."skuId" = $1::uuid) AS line_reserved,
             (SELECT count(*)::int FROM "StockBalance" WHERE "onHand" - reserved - unavailable < 0) AS negative,
             (SELECT count(*)::int FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId"
               WHERE o.status <> 'CANCELLED' AND l."reservedQty" + l."backorderedQty" <> l.quantity) AS broken_lines`, w.sku[sku]);
    return row as NonNullable<typeof row>;
  }

  it.each([1, 2, 3])("1,000 concurrent orders for a SKU with 100 units reserve exactly 100 (run %i)", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["HOT"], stock: [{ sku: "HOT", wh: "SP1", onHand: 100 }] });
    const results = await concurrently(
      Array.from({ length: 1000 }, () => async () => {
        const orderId = await capture(w, { lines: [{ sku: "HOT", quantity: 1 }] });
        return reserveOrderStock({ orderId, actor: channel });
      }),
    );
    const inv = await invariants(w, "HOT");
    expect(inv).toEqual({ on_hand: 100, reserved: 100, active: 100, line_reserved: 100, negative: 0, broken_lines: 0 });
    expect(results.filter((r) => r.reserved.length > 0)).toHaveLength(100);
    expect(results.reduce((n, r) => n + r.backorderedUnits, 0)).toBe(900);
    expect(await t.db.orderLine.aggregate({ _sum: { backorderedQty: true } })).toEqual({ _sum: { backorderedQty: 900 } });
    expect((await reconcileStock()).ok).toBe(true);
  }, SLOW);

  it("orders whose lines share the SKU are aggregated and never oversell", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }, { code: "RJ1", state: "RJ" }], skus: ["HOT"], stock: [{ sku: "HOT", wh: "SP1", onHand: 60 }, { sku: "HOT", wh: "RJ1", onHand: 40 }] });
    await concurrently(
      Array.from({ length: 400 }, (_, i) => async () => {
        const orderId = await capture(w, { lines: [{ sku: "HOT", quantity: 1 }, { sku: "HOT", quantity: 1 }], shipState: i % 2 ? "SP" : "RJ" });
        return reserveOrderStock({ orderId, actor: channel });
      }),
    );
    const inv = await invariants(w, "HOT");
    expect(inv).toEqual({ on_hand: 100, reserved: 100, active: 100, line_reserved: 100, negative: 0, broken_lines: 0 });
    // Every order got both units or none: each wants 2 of an even supply, so no order is split in half.
    const partial = await t.db.$queryRawUnsafe<{ n: number }[]>(`
      SELECT count(*)::int AS n FROM (SELECT "orderId", sum("reservedQty") AS r FROM "OrderLine" GROUP BY 1) x WHERE r = 1`);
    expect(partial[0]?.n).toBe(0);
    expect((await reconcileStock()).ok).toBe(true);
  }, SLOW);

  it("concurrent cancels mixed with new orders leave zero drift and no idle stock while orders wait", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["HOT"], stock: [{ sku: "HOT", wh: "SP1", onHand: 150 }] });
    const first: string[] = [];
    for (let i = 0; i < 150; i++) {
      const id = await capture(w, { lines: [{ sku: "HOT", quantity: 1 }] });
      await reserveOrderStock({ orderId: id, actor: channel });
      first.push(id);
    }
    // applyOrderAction waits 2 s for a connection; on a loaded CI box the pool can be busier than that.
    const cancels = first.slice(0, 100).map((orderId) => () =>
      pool.$transaction((tx) => applyOrderActionTx(tx, { orderId, action: { type: "CANCEL", reason: "customer gave up" }, actor: channel }), { maxWait: 60_000, timeout: 60_000 }));
    const news = Array.from({ length: 300 }, () => async () => {
      const orderId = await capture(w, { lines: [{ sku: "HOT", quantity: 1 }] });
      return reserveOrderStock({ orderId, actor: channel });
    });
    const jobs: (() => Promise<unknown>)[] = [];
    for (let i = 0; i < 300; i++) {
      jobs.push(news[i] as () => Promise<unknown>);
      if (i % 3 === 0 && cancels[i / 3]) jobs.push(cancels[i / 3] as () => Promise<unknown>);
    }
    await concurrently(jobs, 40);

    const inv = await invariants(w, "HOT");
    expect(inv).toMatchObject({ on_hand: 150, reserved: 150, active: 150, line_reserved: 150, negative: 0, broken_lines: 0 });
    expect(await t.db.order.count({ where: { status: "CANCELLED" } })).toBe(100);
    const waiting = await t.db.orderLine.aggregate({ _sum: { backorderedQty: true }, where: { order: { status: { not: "CANCELLED" } } } });
    expect(waiting._sum.backorderedQty).toBe(150 + 300 - 100 - 150);
    const report = await reconcileStock();
    expect(report.drift).toEqual([]);
  }, SLOW);
});
