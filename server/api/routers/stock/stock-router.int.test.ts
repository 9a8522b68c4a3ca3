import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { systemActor, userActor } from "@/server/services/order/actor";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { buildWorld, capture, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
let w: World;
let manager: SessionUser;
let operator: SessionUser;
let clerk: SessionUser;

beforeEach(async () => {
  w = await buildWorld({
    warehouses: [{ code: "SP1", state: "SP", bins: 2 }, { code: "RJ1", state: "RJ", bins: 1 }],
    skus: ["CAM-001", "CAM-002", "MESA-01", "XIC-9"],
    stock: [
      { sku: "CAM-001", wh: "SP1", onHand: 20 },
      { sku: "CAM-001", wh: "RJ1", onHand: 5 },
      { sku: "CAM-002", wh: "SP1", onHand: 3 },
      { sku: "MESA-01", wh: "RJ1", onHand: 50 },
    ],
  });
  await db.sku.update({ where: { id: w.sku["MESA-01"] }, data: { ean: "7891234567895", name: "Mesa de jantar" } });
  manager = await makeUser("MANAGER");
  operator = await makeUser("OPERATOR");
  clerk = await makeUser("WAREHOUSE");
});

const as = (user: SessionUser) => createCaller({ user });
const bin = (wh: string, i = 0) => w.wh[wh]?.bins[i] as string;

async function forbidden(p: Promise<unknown>) {
  await expect(p).rejects.toBeInstanceOf(TRPCError);
  await expect(p).rejects.toMatchObject({ code: "FORBIDDEN" });
}

describe("stock router access", () => {
  it("refuses a MANAGER's adjustment and changes nothing", async () => {
    await forbidden(as(manager).stock.adjust({ mode: "DELTA", skuId: w.sku["CAM-001"] as string, binId: bin("SP1"), delta: -5, reason: "count" }));
    expect(await db.stockMovement.count({ where: { type: "ADJUSTMENT" } })).toBe(0);
    expect((await db.stockBalance.findFirstOrThrow({ where: { skuId: w.sku["CAM-001"], warehouseId: w.wh.SP1?.id } })).onHand).toBe(20);
  });

  it("refuses transfers, damage and purchase orders to OPERATOR and MANAGER", async () => {
    for (const user of [operator, manager]) {
      await forbidden(as(user).stock.transfer({ skuId: w.sku["CAM-001"] as string, fromBinId: bin("SP1"), toBinId: bin("RJ1"), quantity: 1, reason: "move it" }));
      await forbidden(as(user).stock.setUnavailable({ skuId: w.sku["CAM-001"] as string, binId: bin("SP1"), quantity: 1, direction: "TO_UNAVAILABLE", kind: "DAMAGED", reason: "broken" }));
      await forbidden(as(user).stock.createPurchaseOrder({ warehouseId: w.wh.SP1?.id as string, supplier: "X", lines: [{ skuId: w.sku["CAM-001"] as string, quantity: 1 }] }));
    }
  });

  it("lets every role read and the warehouse team adjust", async () => {
    for (const user of [manager, operator, clerk]) expect((await as(user).stock.grid({})).rows.length).toBe(4);
    const r = await as(clerk).stock.adjust({ mode: "SET", skuId: w.sku["CAM-001"] as string, binId: bin("SP1"), counted: 18, reason: "cycle count" });
    expect(r.changes[0]).toMatchObject({ type: "ADJUSTMENT", onHandDelta: -2, sku: "CAM-001", warehouse: "SP1" });
  });

  it("maps a refused adjustment to CONFLICT with the numbers", async () => {
    const id = await capture(w, { lines: [{ sku: "CAM-002", quantity: 3 }] });
    await reserveOrderStock({ orderId: id, actor: systemActor("channel:Loja") });
    const p = as(clerk).stock.adjust({ mode: "DELTA", skuId: w.sku["CAM-002"] as string, binId: bin("SP1"), delta: -1, reason: "broken" });
    await expect(p).rejects.toMatchObject({ code: "CONFLICT", cause: { code: "INSUFFICIENT_STOCK", params: { rule: "WAREHOUSE_PROMISED", reserved: 3, onHand: 3, newOnHand: 2, held: 3 } } });
  });
});

describe("stock grid", () => {
  it("shows levels per warehouse and in total, incoming and sold in 30 days", async () => {
    const po = await as(clerk).stock.createPurchaseOrder({ warehouseId: w.wh.SP1?.id as string, supplier: "Malharia", lines: [{ skuId: w.sku["CAM-002"] as string, quantity: 12 }] });
    await as(clerk).stock.receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id as string, binId: bin("SP1"), quantity: 2 }] });
    const shipped = await capture(w, { lines: [{ sku: "CAM-001", quantity: 4 }] });
    await reserveOrderStock({ orderId: shipped, actor: systemActor("channel:Loja") });
    await applyOrderAction({ orderId: shipped, action: { type: "APPROVE" }, actor: userActor(operator) });
    await db.order.update({ where: { id: shipped }, data: { status: "INVOICED" } });
    await applyOrderAction({ orderId: shipped, action: { type: "SHIP" }, actor: userActor(clerk) });
    const open = await capture(w, { lines: [{ sku: "CAM-001", quantity: 2 }] });
    await reserveOrderStock({ orderId: open, actor: systemActor("channel:Loja") });

    const grid = await as(operator).stock.grid({});
    const cam1 = grid.rows.find((r) => r.code === "CAM-001");
    expect(cam1?.total).toEqual({ onHand: 21, reserved: 2, unavailable: 0, safety: 0, available: 19, incoming: 0, sold30d: 4 });
    expect(cam1?.warehouses.find((x) => x.warehouseId === w.wh.SP1?.id)).toMatchObject({ onHand: 16, reserved: 2, available: 14, sold30d: 4 });
    const cam2 = grid.rows.find((r) => r.code === "CAM-002");
    expect(cam2?.total).toMatchObject({ onHand: 5, incoming: 10 });
    expect(grid.warehouses.map((x) => x.code)).toEqual(["RJ1", "SP1"]);
  });

  it("filters low, out of stock and backordered, searches and pages by code", async () => {
    const waiting = await capture(w, { lines: [{ sku: "XIC-9", quantity: 1 }] });
    await reserveOrderStock({ orderId: waiting, actor: systemActor("channel:Loja") });
    const api = as(operator).stock;
    expect((await api.grid({ filter: "OUT" })).rows.map((r) => r.code)).toEqual(["XIC-9"]);
    expect((await api.grid({ filter: "LOW" })).rows.map((r) => r.code)).toEqual(["CAM-002", "XIC-9"]);
    expect((await api.grid({ filter: "BACKORDERED" })).rows).toEqual([expect.objectContaining({ code: "XIC-9", backorderedUnits: 1, health: "OUT" })]);
    expect((await api.grid({ search: "cam" })).rows.map((r) => r.code)).toEqual(["CAM-001", "CAM-002"]);
    expect((await api.grid({ search: "mesa de" })).rows.map((r) => r.code)).toEqual(["MESA-01"]);
    expect((await api.grid({ search: "7891234567895" })).rows.map((r) => r.code)).toEqual(["MESA-01"]);
    expect((await api.grid({ filter: "OUT", warehouseId: w.wh.RJ1?.id })).rows.map((r) => r.code)).toEqual(["CAM-002", "XIC-9"]);
    const p1 = await api.grid({ limit: 3 });
    expect(p1.rows.map((r) => r.code)).toEqual(["CAM-001", "CAM-002", "MESA-01"]);
    const p2 = await api.grid({ limit: 3, after: p1.nextCursor as string });
    expect(p2.rows.map((r) => r.code)).toEqual(["XIC-9"]);
    expect(p2.nextCursor).toBeNull();
  });

  it("the backordered filter lists every SKU with waiting lines once, in code order, and pages", async () => {
    for (const [sku, quantity] of [["XIC-9", 1], ["XIC-9", 2], ["CAM-002", 500], ["MESA-01", 900], ["CAM-002", 3]] as const) {
      const id = await capture(w, { lines: [{ sku, quantity }] });
      await reserveOrderStock({ orderId: id, actor: systemActor("channel:Loja") });
    }
    const api = as(operator).stock;
    const all = await api.grid({ filter: "BACKORDERED" });
    expect(all.rows.map((r) => [r.code, r.backorderedUnits])).toEqual([["CAM-002", 500], ["MESA-01", expect.any(Number)], ["XIC-9", 3]]);
    const first = await api.grid({ filter: "BACKORDERED", limit: 2 });
    expect(first.rows.map((r) => r.code)).toEqual(["CAM-002", "MESA-01"]);
    expect((await api.grid({ filter: "BACKORDERED", limit: 2, after: first.nextCursor as string })).rows.map((r) => r.code)).toEqual(["XIC-9"]);
  });
});

describe("SKU detail and dry run", () => {
  it("shows bins, reservations with orders, backorders, incoming, a paged ledger and the on-hand series", async () => {
    await as(clerk).stock.transfer({ skuId: w.sku["CAM-001"] as string, fromBinId: bin("SP1", 0), toBinId: bin("SP1", 1), quantity: 5, reason: "re-slot" });
    const id = await capture(w, { lines: [{ sku: "CAM-001", quantity: 26 }] });
    await reserveOrderStock({ orderId: id, actor: systemActor("channel:Loja") });
    await as(clerk).stock.createPurchaseOrder({ warehouseId: w.wh.RJ1?.id as string, supplier: "Têxtil", lines: [{ skuId: w.sku["CAM-001"] as string, quantity: 24 }] });

    const d = await as(manager).stock.sku({ skuId: w.sku["CAM-001"] as string });
    expect(d.bins.map((b) => [b.code, b.onHand])).toEqual([["RJ1-A-01", 5], ["SP1-A-01", 15], ["SP1-A-02", 5]]);
    expect(d.reservations).toEqual([expect.objectContaining({ orderId: id, quantity: 20, warehouseCode: "SP1" })]);
    expect(d.backorders).toEqual([expect.objectContaining({ orderId: id, quantity: 6 })]);
    expect(d.incoming).toEqual([expect.objectContaining({ supplier: "Têxtil", open: 24, warehouseCode: "RJ1" })]);
    expect(d.levels.total).toMatchObject({ onHand: 25, reserved: 20, available: 5, incoming: 24 });
    expect(d.series).toHaveLength(90);
    expect(d.series[89]?.onHand).toBe(25);
    expect(d.ledger.rows.map((r) => r.type)).toEqual(["RESERVATION", "TRANSFER_IN", "TRANSFER_OUT", "RECEIPT", "RECEIPT"]);

    const first = await as(manager).stock.ledger({ skuId: w.sku["CAM-001"] as string, limit: 2 });
    const second = await as(manager).stock.ledger({ skuId: w.sku["CAM-001"] as string, limit: 2, before: first.nextCursor as string });
    expect([...first.rows, ...second.rows].map((r) => r.type)).toEqual(["RESERVATION", "TRANSFER_IN", "TRANSFER_OUT", "RECEIPT"]);
  });

  it("explains where a hypothetical order would ship from, without writing", async () => {
    const before = await db.stockMovement.count();
    const r = await as(operator).stock.dryRunAllocation({ destinationState: "rj", lines: [{ sku: "CAM-001", quantity: 2 }, { sku: "NOPE", quantity: 1 }] });
    expect(r.shipments).toEqual([{ warehouseId: w.wh.RJ1?.id, lines: [{ lineId: "1", sku: "CAM-001", quantity: 2 }] }]);
    expect(r.reasons.map((x) => x.code)).toContain("SAME_STATE");
    expect(r.unknownSkus).toEqual(["NOPE"]);
    expect(await db.stockMovement.count()).toBe(before);
    expect(await db.stockBalance.aggregate({ _sum: { reserved: true } })).toEqual({ _sum: { reserved: 0 } });
  });

  it("reports reconciliation through the router", async () => {
    const r = await as(clerk).stock.reconcile();
    expect(r.ok).toBe(true);
    expect(r.scanned.balances).toBe(4);
  });
});
