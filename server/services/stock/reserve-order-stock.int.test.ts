import { describe, expect, it } from "vitest";
import { withTestDb } from "@/server/test/with-test-db";
import { db } from "@/server/db";
import { systemActor } from "@/server/services/order/actor";
import type { OrderAllocationRecord } from "@/server/services/stock/allocation-record";
import { reserveCapturedOrder } from "@/server/services/stock/reserve-captured-order";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { balance, buildWorld, capture, lines, type World } from "@/server/services/stock/stock-test-fixtures";

const testDb = withTestDb();
const actor = systemActor("channel:Loja");

async function twoWarehouses(stock: { sku: string; wh: string; onHand: number; safety?: number }[], settings?: { backorderPolicy?: "BACKORDER" | "HOLD"; allowSplitShipments?: boolean }): Promise<World> {
  return buildWorld({ warehouses: [{ code: "SP1", state: "SP" }, { code: "PE1", state: "PE" }], skus: ["A", "B", "C"], stock, settings });
}

describe("reserveOrderStock", () => {
  it("reserves from the warehouse in the customer's state and records why, with ledger rows", async () => {
    const w = await twoWarehouses([{ sku: "A", wh: "SP1", onHand: 10 }, { sku: "A", wh: "PE1", onHand: 50 }]);
    const orderId = await capture(w, { lines: [{ sku: "A", quantity: 3 }], shipState: "SP" });
    const r = await reserveOrderStock({ orderId, actor });

    expect(r.attempts).toBe(1);
    expect(r.backorderedUnits).toBe(0);
    expect((await balance(w, "A", "SP1")).reserved).toBe(3);
    expect((await balance(w, "A", "PE1")).reserved).toBe(0);
    expect(await lines(orderId)).toEqual([expect.objectContaining({ reservedQty: 3, backorderedQty: 0 })]);
    const res = await db.reservation.findMany({ where: { orderId } });
    expect(res).toEqual([expect.objectContaining({ status: "ACTIVE", quantity: 3, warehouseId: w.wh.SP1?.id })]);
    const moves = await db.stockMovement.findMany({ where: { orderId } });
    expect(moves).toEqual([expect.objectContaining({ type: "RESERVATION", reservedDelta: 3, onHandDelta: 0, actorLabel: "channel:Loja" })]);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.warehouseId).toBe(w.wh.SP1?.id);
    const allocation = order.allocation as unknown as OrderAllocationRecord;
    expect(allocation.reasons.map((x) => x.code)).toContain("SAME_STATE");
    expect(allocation.shipments[0]?.warehouseCode).toBe("SP1");
    const events = await db.orderEvent.findMany({ where: { orderId, type: { startsWith: "stock." } } });
    expect(events).toEqual([expect.objectContaining({ type: "stock.reserved" })]);
    // The timeline shows the reasons by code, in the reader's language.
    expect((events[0]?.data as { reasons?: unknown }).reasons).toEqual(JSON.parse(JSON.stringify(allocation.reasons)));
  });

  it("aggregates lines that share a SKU and backorders only what is missing", async () => {
    const w = await twoWarehouses([{ sku: "A", wh: "SP1", onHand: 4 }]);
    const orderId = await capture(w, { lines: [{ sku: "A", quantity: 2 }, { sku: "A", quantity: 3 }] });
    const r = await reserveOrderStock({ orderId, actor });
    expect(r.backorderedUnits).toBe(1);
    const b = await balance(w, "A", "SP1");
    expect(b.reserved).toBe(4);
    const ls = await lines(orderId);
    expect(ls.reduce((n, l) => n + l.reservedQty, 0)).toBe(4);
    expect(ls.reduce((n, l) => n + l.backorderedQty, 0)).toBe(1);
    const exc = await db.exception.findMany({ where: { orderId } });
    expect(exc).toEqual([expect.objectContaining({ type: "ORDER_BACKORDERED", status: "OPEN" })]);
  });

  it("never touches safety stock", async () => {
    const w = await twoWarehouses([{ sku: "A", wh: "SP1", onHand: 10, safety: 8 }]);
    const orderId = await capture(w, { lines: [{ sku: "A", quantity: 3 }] });
    await reserveOrderStock({ orderId, actor });
    expect((await balance(w, "A", "SP1")).reserved).toBe(2);
    expect((await lines(orderId))[0]).toMatchObject({ reservedQty: 2, backorderedQty: 1 });
  });

  it("splits across warehouses only when the merchant allows it", async () => {
    const stock = [{ sku: "A", wh: "SP1", onHand: 2 }, { sku: "B", wh: "PE1", onHand: 2 }];
    const noSplit = await twoWarehouses(stock);
    const o1 = await capture(noSplit, { lines: [{ sku: "A", quantity: 1 }, { sku: "B", quantity: 1 }] });
    const r1 = await reserveOrderStock({ orderId: o1, actor });
    expect(r1.reserved).toHaveLength(1);
    expect(r1.backorderedUnits).toBe(1);

    await testDb().truncate();
    const split = await twoWarehouses(stock, { allowSplitShipments: true });
    const o2 = await capture(split, { lines: [{ sku: "A", quantity: 1 }, { sku: "B", quantity: 1 }] });
    const r2 = await reserveOrderStock({ orderId: o2, actor });
    expect(r2.backorderedUnits).toBe(0);
    expect(new Set(r2.reserved.map((x) => x.warehouseId))).toEqual(new Set([split.wh.SP1?.id, split.wh.PE1?.id]));
    const allocation = (await db.order.findUniqueOrThrow({ where: { id: o2 } })).allocation as unknown as OrderAllocationRecord;
    expect(allocation.reasons.map((x) => x.code)).toContain("SPLIT_REQUIRED");
  });

  it("puts the order on an OUT_OF_STOCK hold under the HOLD policy", async () => {
    const w = await twoWarehouses([], { backorderPolicy: "HOLD" });
    const orderId = await capture(w, { lines: [{ sku: "A", quantity: 1 }] });
    const r = await reserveOrderStock({ orderId, actor });
    expect(r.held).toBe(true);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { holds: true } });
    expect(order.onHold).toBe(true);
    expect(order.holds.map((h) => h.reason)).toEqual(["OUT_OF_STOCK"]);
    expect(await db.exception.count({ where: { orderId, type: "ORDER_BACKORDERED" } })).toBe(0);
    expect((await lines(orderId))[0]).toMatchObject({ backorderedQty: 1 });
  });

  it("backorders a line whose SKU is not in the catalogue and raises UNKNOWN_SKU", async () => {
    const w = await twoWarehouses([{ sku: "A", wh: "SP1", onHand: 5 }]);
    const orderId = await capture(w, { lines: [{ sku: "A", quantity: 1 }, { sku: "NOPE-1", quantity: 2 }] });
    const r = await reserveOrderStock({ orderId, actor });
    expect(r.reserved).toHaveLength(1);
    expect(await lines(orderId)).toEqual([
      expect.objectContaining({ sku: "A", reservedQty: 1, backorderedQty: 0 }),
      expect.objectContaining({ sku: "NOPE-1", reservedQty: 0, backorderedQty: 2 }),
    ]);
    const exc = await db.exception.findMany({ where: { orderId }, orderBy: { type: "asc" } });
    expect(exc.map((e) => e.type)).toEqual(["UNKNOWN_SKU"]);
  });

  it("is idempotent: a second call reserves nothing more", async () => {
    const w = await twoWarehouses([{ sku: "A", wh: "SP1", onHand: 10 }]);
    const orderId = await capture(w, { lines: [{ sku: "A", quantity: 3 }] });
    await reserveOrderStock({ orderId, actor });
    const again = await reserveOrderStock({ orderId, actor });
    expect(again.skipped).toBe("NOTHING_PENDING");
    expect((await balance(w, "A", "SP1")).reserved).toBe(3);
    expect(await db.reservation.count({ where: { orderId } })).toBe(1);
  });

  it("does not reserve for an order captured as cancelled", async () => {
    const w = await twoWarehouses([{ sku: "A", wh: "SP1", onHand: 10 }]);
    const orderId = await capture(w, { lines: [{ sku: "A", quantity: 3 }] });
    await db.order.update({ where: { id: orderId }, data: { status: "CANCELLED" } });
    const r = await reserveOrderStock({ orderId, actor });
    expect(r.skipped).toBe("NOT_RESERVABLE");
    expect((await balance(w, "A", "SP1")).reserved).toBe(0);
  });

  it("after capture, a failed reservation becomes an exception instead of failing the capture", async () => {
    await twoWarehouses([]);
    const missing = "00000000-0000-4000-8000-000000000001";
    expect(await reserveCapturedOrder({ orderId: missing, actor })).toBeNull();
    expect(await db.exception.findMany({ where: { orderId: missing } })).toEqual([
      expect.objectContaining({ type: "STOCK_RESERVATION_FAILED", data: { error: `Order ${missing} not found.` } }),
    ]);
  });
});
