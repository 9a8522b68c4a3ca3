/**
 * Reservations that arrive together share one read and one statement
 * (reserve-order-stock.ts batcher, runReserveStatements). Whatever the batch,
 * each order must end exactly as if it had been reserved alone: the running
 * sum per balance row serves orders in arrival order, an order that does not
 * fit retries on fresh numbers, and the same order twice is reserved once.
 */
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/server/test/with-test-db";
import { db } from "@/server/db";
import { systemActor } from "@/server/services/order/actor";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { runReserveStatements } from "@/server/services/stock/reserve-statement";
import { balance, buildWorld, capture, lines } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
const actor = systemActor("channel:Loja");

describe("reservations in one batch", () => {
  it("hand a scarce SKU to the orders that fit and backorder the rest, with one ledger row per reserved line", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A", "B"], stock: [{ sku: "A", wh: "SP1", onHand: 5 }, { sku: "B", wh: "SP1", onHand: 100 }] });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await capture(w, { lines: [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }] }));
    const results = await Promise.all(ids.map((orderId) => reserveOrderStock({ orderId, actor })));

    // 5 units of A: two orders get 2, one order gets the last unit (its line waits for 1), the others wait for 2.
    expect((await balance(w, "A", "SP1")).reserved).toBe(5);
    expect((await balance(w, "B", "SP1")).reserved).toBe(6);
    expect(results.reduce((n, r) => n + r.backorderedUnits, 0)).toBe(7);
    const all = await Promise.all(ids.map((id) => lines(id)));
    for (const ls of all) for (const l of ls) expect(l.reservedQty + l.backorderedQty).toBe(l.quantity);
    expect(all.map((ls) => ls[0]?.reservedQty).filter((q) => q === 2)).toHaveLength(2);
    const active = await db.reservation.aggregate({ where: { status: "ACTIVE" }, _sum: { quantity: true } });
    expect(active._sum.quantity).toBe(11);
    const moves = await db.stockMovement.aggregate({ where: { type: "RESERVATION" }, _sum: { reservedDelta: true } });
    expect(moves._sum.reservedDelta).toBe(11);
    const backordered = await db.exception.count({ where: { type: "ORDER_BACKORDERED", status: "OPEN" } });
    expect(backordered).toBe(4);
    expect(await db.orderEvent.count({ where: { type: { in: ["stock.reserved", "stock.backordered"] } } })).toBe(6);
  });

  it("reserves an order asked for twice at once only once", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 10 }] });
    const orderId = await capture(w, { lines: [{ sku: "A", quantity: 3 }] });
    const [a, b] = await Promise.all([reserveOrderStock({ orderId, actor }), reserveOrderStock({ orderId, actor })]);
    expect([a.skipped, b.skipped].sort()).toEqual(["NOTHING_PENDING", undefined]);
    expect((await balance(w, "A", "SP1")).reserved).toBe(3);
    expect(await lines(orderId)).toEqual([expect.objectContaining({ reservedQty: 3, backorderedQty: 0 })]);
  });

  it("the statement serves a balance row in input order and leaves an order that does not fit unfinalized", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 4 }] });
    const o1 = await capture(w, { lines: [{ sku: "A", quantity: 3 }] });
    const o2 = await capture(w, { lines: [{ sku: "A", quantity: 3 }] });
    const l1 = await db.orderLine.findFirstOrThrow({ where: { orderId: o1 } });
    const l2 = await db.orderLine.findFirstOrThrow({ where: { orderId: o2 } });
    const base = {
      plannedBackorders: [], final: false, actor: { actorId: null, actorLabel: "test" }, movementReason: "test", warehouseId: w.wh.SP1?.id as string,
      allocation: {}, summary: "test", backorderException: null, unknownSkuException: null, checkPairs: [],
    };
    const req = (orderId: string, lineId: string) => ({ ...base, orderId, requests: [{ lineId, skuId: w.sku.A as string, warehouseId: w.wh.SP1?.id as string, quantity: 3 }] });
    const [r1, r2] = await runReserveStatements(undefined, [req(o1, l1.id), req(o2, l2.id)]);
    expect(r1).toMatchObject({ orderOk: true, finalized: true, succeeded: [{ skuId: w.sku.A, warehouseId: w.wh.SP1?.id }] });
    expect(r2).toMatchObject({ orderOk: true, finalized: false, succeeded: [] });
    expect((await balance(w, "A", "SP1")).reserved).toBe(3);
    await expect(runReserveStatements(undefined, [req(o1, l1.id), req(o1, l1.id)])).rejects.toThrow("an order appears twice");
  });
});
