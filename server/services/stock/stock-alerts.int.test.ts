import { beforeEach, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { testDatabaseUrl } from "@/server/test/test-db";
import { withTestDb } from "@/server/test/with-test-db";
import { db } from "@/server/db";
import { systemActor, userActor, type Actor } from "@/server/services/order/actor";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { adjustStock } from "@/server/services/stock/adjust-stock";
import { createPurchaseOrder } from "@/server/services/stock/create-purchase-order";
import { receivePurchaseOrder } from "@/server/services/stock/receive-purchase-order";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { refreshStockAlerts, stockAlertFor } from "@/server/services/stock/stock-alerts";
import { setUnavailable } from "@/server/services/stock/set-unavailable";
import { transferStock } from "@/server/services/stock/transfer-stock";
import { buildWorld, capture, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";

const testDb = withTestDb();
let clerk: Actor;
beforeEach(async () => {
  clerk = userActor(await makeUser("WAREHOUSE"));
});

// Every fixture SKU has reorder point 5.
const site = (onHand = 20) =>
  buildWorld({ warehouses: [{ code: "SP1", state: "SP", bins: 2 }, { code: "RJ1", state: "RJ", bins: 1 }], skus: ["A", "B"], stock: [{ sku: "A", wh: "SP1", onHand }] });

const bin = (w: World, wh: string, i = 0) => w.wh[wh]?.bins[i] as string;

async function alerts(w: World, status?: "OPEN" | "RESOLVED") {
  const rows = await db.exception.findMany({
    where: { skuId: w.sku.A, type: { in: ["LOW_STOCK", "OUT_OF_STOCK"] }, ...(status ? { status } : {}) },
    orderBy: { createdAt: "asc" },
    select: { type: true, status: true, message: true, data: true, resolvedAt: true, warehouseId: true },
  });
  return rows.map((r) => ({ ...r, data: r.data as Record<string, unknown> }));
}

const count = (w: World, counted: number) =>
  adjustStock({ actor: clerk, input: { mode: "SET", skuId: w.sku.A as string, binId: bin(w, "SP1"), counted, reason: "cycle count" } });

describe("stockAlertFor", () => {
  it("is OUT at 0, LOW up to the reorder point, nothing above it or when inactive", () => {
    expect(stockAlertFor(0, 5)).toBe("OUT_OF_STOCK");
    expect(stockAlertFor(1, 5)).toBe("LOW_STOCK");
    expect(stockAlertFor(5, 5)).toBe("LOW_STOCK");
    expect(stockAlertFor(6, 5)).toBeNull();
    expect(stockAlertFor(0, 5, false)).toBeNull();
  });
});

describe("stock alerts from the ledger operations", () => {
  it("a count below the reorder point opens one LOW_STOCK; repeated counts do not duplicate it", async () => {
    const w = await site();
    await count(w, 4);
    await count(w, 3);
    const open = await alerts(w, "OPEN");
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ type: "LOW_STOCK", warehouseId: w.wh.SP1?.id, message: "A is low at Warehouse SP1: 4 available (reorder point 5)" });
    expect(open[0]?.data).toMatchObject({ sku: "A", warehouse: "SP1", warehouseId: w.wh.SP1?.id, available: 4, reorderPoint: 5 });
  });

  it("counting to zero replaces LOW_STOCK with OUT_OF_STOCK, and receiving a purchase order resolves it", async () => {
    const w = await site();
    await count(w, 4);
    await count(w, 0);
    await count(w, 0);
    expect((await alerts(w)).map((a) => [a.type, a.status])).toEqual([["LOW_STOCK", "RESOLVED"], ["OUT_OF_STOCK", "OPEN"]]);

    const po = await createPurchaseOrder({ actor: clerk, input: { warehouseId: w.wh.SP1?.id as string, supplier: "Malharia", lines: [{ skuId: w.sku.A as string, quantity: 12 }] } });
    await receivePurchaseOrder({ actor: clerk, input: { purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id as string, binId: bin(w, "SP1"), quantity: 12 }] } });
    const all = await alerts(w);
    expect(all.map((a) => [a.type, a.status])).toEqual([["LOW_STOCK", "RESOLVED"], ["OUT_OF_STOCK", "RESOLVED"]]);
    expect(all[1]?.resolvedAt).toBeInstanceOf(Date);
  });

  it("transfers and damaged units raise the alert in the warehouse they leave; clearing them resolves it", async () => {
    const w = await site(8);
    await transferStock({ actor: clerk, input: { skuId: w.sku.A as string, fromBinId: bin(w, "SP1"), toBinId: bin(w, "RJ1"), quantity: 2, reason: "rebalance" } });
    expect((await alerts(w, "OPEN")).map((a) => [a.type, a.data.warehouse, a.data.available])).toEqual([["LOW_STOCK", "RJ1", 2]]);
    await setUnavailable({ actor: clerk, input: { skuId: w.sku.A as string, binId: bin(w, "SP1"), quantity: 6, direction: "TO_UNAVAILABLE", kind: "DAMAGED", reason: "water damage" } });
    expect((await alerts(w, "OPEN")).map((a) => [a.type, a.data.warehouse, a.warehouseId])).toEqual([["LOW_STOCK", "RJ1", w.wh.RJ1?.id], ["OUT_OF_STOCK", "SP1", w.wh.SP1?.id]]);
    await setUnavailable({ actor: clerk, input: { skuId: w.sku.A as string, binId: bin(w, "SP1"), quantity: 6, direction: "FROM_UNAVAILABLE", kind: "DAMAGED", reason: "dried out" } });
    expect((await alerts(w, "OPEN")).map((a) => a.data.warehouse)).toEqual(["RJ1"]);
  });

  it("resolves a seeded alert (warehouseId column, warehouse code in data) instead of opening a second one", async () => {
    const w = await site(20);
    await db.exception.create({ data: { type: "OUT_OF_STOCK", skuId: w.sku.A as string, warehouseId: w.wh.SP1?.id as string, message: "A is out of stock", data: { sku: "A", warehouse: "SP1" } } });
    const r = await db.$transaction((tx) => refreshStockAlerts(tx, [w.sku.A as string]));
    expect(r).toEqual({ opened: 0, resolved: 1 });
    expect(await alerts(w, "OPEN")).toEqual([]);
  });

  it("the partial unique index refuses a second OPEN alert of the same type × SKU × warehouse, not a resolved one or another warehouse", async () => {
    const w = await site(20);
    const alert = (warehouse: string, status: "OPEN" | "RESOLVED" = "OPEN") => db.exception.create({
      data: { type: "LOW_STOCK", skuId: w.sku.A as string, warehouseId: w.wh[warehouse]?.id as string, message: "low", status, resolvedAt: status === "RESOLVED" ? new Date() : null },
    });
    await alert("SP1");
    await expect(alert("SP1")).rejects.toThrow(/Unique constraint|Exception_one_open_stock_alert|unique/i);
    await alert("SP1", "RESOLVED");
    await alert("RJ1");
    await db.exception.create({ data: { type: "OUT_OF_STOCK", skuId: w.sku.A as string, warehouseId: w.wh.SP1?.id as string, message: "out" } });
    expect((await alerts(w, "OPEN")).map((a) => a.type)).toEqual(["LOW_STOCK", "LOW_STOCK", "OUT_OF_STOCK"]);
  });

  it("refreshing over an alert that is already open neither fails nor duplicates it", async () => {
    const w = await site(3);
    expect(await db.$transaction((tx) => refreshStockAlerts(tx, [w.sku.A as string]))).toEqual({ opened: 1, resolved: 0 });
    expect(await db.$transaction((tx) => refreshStockAlerts(tx, [{ skuId: w.sku.A as string, warehouseId: w.wh.SP1?.id as string }]))).toEqual({ opened: 0, resolved: 0 });
    expect((await alerts(w, "OPEN")).map((a) => [a.type, a.warehouseId])).toEqual([["LOW_STOCK", w.wh.SP1?.id]]);
  });
});

describe.skipIf(!testDatabaseUrl())("stock alerts under concurrency (PostgreSQL)", () => {
  it("a refresh that cannot see an alert another transaction is committing waits for it and skips, instead of failing", async () => {
    const w = await site(3);
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDb().url as string, max: 2 }) });
    try {
      let second: Promise<unknown> | undefined;
      // No balance locks held (bare SKU ids, as a job would): only the unique index orders the two inserts.
      await db.$transaction(async (tx) => {
        expect(await refreshStockAlerts(tx, [w.sku.A as string])).toEqual({ opened: 1, resolved: 0 });
        second = other.$transaction((tx2) => refreshStockAlerts(tx2, [w.sku.A as string]));
        await new Promise((r) => setTimeout(r, 300)); // the second insert is now blocked on the uncommitted row
      });
      await expect(second).resolves.toEqual({ opened: 0, resolved: 0 });
      expect(await alerts(w, "OPEN")).toHaveLength(1);
    } finally {
      await other.$disconnect();
    }
  });
});

describe("stock alerts on the reservation hot path", () => {
  const order = async (w: World, quantity: number) => {
    const id = await capture(w, { lines: [{ sku: "A", quantity }] });
    await reserveOrderStock({ orderId: id, actor: systemActor("channel:Loja") });
    return id;
  };

  it("opens LOW_STOCK when a reservation crosses the reorder point and OUT_OF_STOCK when it takes the last unit", async () => {
    const w = await site(10);
    await order(w, 3);
    expect(await alerts(w)).toEqual([]);
    await order(w, 3);
    await order(w, 1);
    expect((await alerts(w)).map((a) => [a.type, a.status, a.data.available])).toEqual([["LOW_STOCK", "OPEN", 4]]);
    const last = await order(w, 3);
    await order(w, 2); // backordered: nothing left, no second alert
    expect((await alerts(w)).map((a) => [a.type, a.status])).toEqual([["LOW_STOCK", "RESOLVED"], ["OUT_OF_STOCK", "OPEN"]]);

    // Cancelling gives 3 units back (release): OUT is resolved, LOW reopened — unless the backorder takes them.
    await applyOrderAction({ orderId: last, action: { type: "CANCEL", reason: "customer" }, actor: userActor(await makeUser("OPERATOR")) });
    const open = await alerts(w, "OPEN");
    expect(open.map((a) => [a.type, a.data.available])).toEqual([["LOW_STOCK", 1]]);
  });
});
