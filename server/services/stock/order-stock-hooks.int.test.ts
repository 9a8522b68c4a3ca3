import { describe, expect, it } from "vitest";
import { withTestDb } from "@/server/test/with-test-db";
import { db } from "@/server/db";
import { systemActor, userActor } from "@/server/services/order/actor";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { sweepAllBackorders } from "@/server/services/stock/auto-reserve-backorders";
import { consumeOrderStock } from "@/server/services/stock/consume-order-stock";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { balance, buildWorld, capture, lines, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
const channel = systemActor("channel:Loja");

async function world(onHand: number, bin = 0): Promise<World> {
  return buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"], stock: onHand ? [{ sku: "A", wh: "SP1", onHand, bin }] : [] });
}

async function order(w: World, quantity: number, placedAt?: Date): Promise<string> {
  const id = await capture(w, { lines: [{ sku: "A", quantity }], placedAt });
  await reserveOrderStock({ orderId: id, actor: channel });
  return id;
}

const status = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("CANCEL releases stock", () => {
  it("releases every active reservation with a RELEASE movement and clears the lines", async () => {
    const w = await world(5);
    const op = userActor(await makeUser("OPERATOR"));
    const id = await order(w, 3);
    await applyOrderAction({ orderId: id, action: { type: "CANCEL", reason: "customer asked" }, actor: op });

    expect((await balance(w, "A", "SP1")).reserved).toBe(0);
    expect(await db.reservation.findMany({ where: { orderId: id } })).toEqual([expect.objectContaining({ status: "RELEASED", closedAt: expect.any(Date) })]);
    const release = await db.stockMovement.findMany({ where: { orderId: id, type: "RELEASE" } });
    expect(release).toEqual([expect.objectContaining({ reservedDelta: -3, actorLabel: op.kind === "user" ? op.user.name : "" })]);
    expect(release[0]?.reason).toContain("customer asked");
    expect((await lines(id))[0]).toMatchObject({ reservedQty: 0, backorderedQty: 0 });
  });

  it("gives the freed units to the oldest waiting order first and allocates it", async () => {
    const w = await world(2);
    const op = userActor(await makeUser("OPERATOR"));
    const first = await order(w, 2, new Date("2026-01-01T10:00:00Z"));
    const younger = await order(w, 1, new Date("2026-01-01T12:00:00Z"));
    const older = await order(w, 2, new Date("2026-01-01T11:00:00Z")); // captured last, placed earlier
    for (const id of [younger, older]) await applyOrderAction({ orderId: id, action: { type: "APPROVE" }, actor: op });
    expect(await status(older)).toBe("BACKORDERED");

    await applyOrderAction({ orderId: first, action: { type: "CANCEL", reason: "fraud" }, actor: op });

    expect((await lines(older))[0]).toMatchObject({ reservedQty: 2, backorderedQty: 0 });
    expect((await lines(younger))[0]).toMatchObject({ reservedQty: 0, backorderedQty: 1 });
    expect(await status(older)).toBe("ALLOCATED");
    expect(await status(younger)).toBe("BACKORDERED");
    expect((await balance(w, "A", "SP1")).reserved).toBe(2);
    const events = await db.orderEvent.findMany({ where: { orderId: older }, orderBy: { id: "asc" }, select: { type: true } });
    expect(events.map((e) => e.type).slice(-2)).toEqual(["stock.reserved", "order.allocated"]);
    expect(await db.exception.findFirst({ where: { orderId: older, type: "ORDER_BACKORDERED" } })).toMatchObject({ status: "RESOLVED" });
  });
});

describe("APPROVE allocates or backorders", () => {
  it("chains ALLOCATE when every line is reserved", async () => {
    const w = await world(5);
    const id = await order(w, 2);
    const r = await applyOrderAction({ orderId: id, action: { type: "APPROVE" }, actor: userActor(await makeUser("MANAGER")) });
    expect(r.to).toBe("ALLOCATED");
    const o = await db.order.findUniqueOrThrow({ where: { id } });
    expect(o.fulfillmentStatus).toBe("ALLOCATED");
  });

  it("chains BACKORDER when a line is short", async () => {
    const w = await world(1);
    const id = await order(w, 2);
    const r = await applyOrderAction({ orderId: id, action: { type: "APPROVE" }, actor: userActor(await makeUser("OPERATOR")) });
    expect(r.to).toBe("BACKORDERED");
  });

  it("reserves an order whose capture-time reservation never ran", async () => {
    const w = await world(5);
    const id = await capture(w, { lines: [{ sku: "A", quantity: 2 }] });
    const r = await applyOrderAction({ orderId: id, action: { type: "APPROVE" }, actor: userActor(await makeUser("OPERATOR")) });
    expect(r.to).toBe("ALLOCATED");
    expect((await balance(w, "A", "SP1")).reserved).toBe(2);
  });
});

describe("SHIP consumes stock exactly once", () => {
  async function invoiced(w: World, qty: number): Promise<string> {
    const id = await order(w, qty);
    await applyOrderAction({ orderId: id, action: { type: "APPROVE" }, actor: userActor(await makeUser("OPERATOR")) });
    // Picking, packing and the NF-e are other features; jump to INVOICED for this test.
    await db.order.update({ where: { id }, data: { status: "INVOICED", fulfillmentStatus: "PACKED" } });
    return id;
  }

  it("takes units from the bins along the walking path, writes SHIPMENT movements and ships the order", async () => {
    const w = await buildWorld({
      warehouses: [{ code: "SP1", state: "SP", bins: 2 }],
      skus: ["A"],
      stock: [{ sku: "A", wh: "SP1", onHand: 2, bin: 0 }, { sku: "A", wh: "SP1", onHand: 5, bin: 1 }],
    });
    const id = await invoiced(w, 3);
    const wh = userActor(await makeUser("WAREHOUSE"));
    const r = await applyOrderAction({ orderId: id, action: { type: "SHIP" }, actor: wh });

    expect(r.to).toBe("SHIPPED");
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 4, reserved: 0 });
    const bins = await db.binStock.findMany({ where: { skuId: w.sku.A }, include: { bin: true }, orderBy: { bin: { pickSequence: "asc" } } });
    expect(bins.map((b) => b.onHand)).toEqual([0, 4]);
    const moves = await db.stockMovement.findMany({ where: { orderId: id, type: "SHIPMENT" }, orderBy: { id: "asc" } });
    expect(moves.map((m) => [m.binId, m.onHandDelta, m.reservedDelta])).toEqual([
      [w.wh.SP1?.bins[0], -2, -2],
      [w.wh.SP1?.bins[1], -1, -1],
    ]);
    expect(await db.reservation.findMany({ where: { orderId: id } })).toEqual([expect.objectContaining({ status: "CONSUMED" })]);
    expect((await lines(id))[0]).toMatchObject({ shippedQty: 3, reservedQty: 0 });
  });

  it("a second consumption of the same order consumes nothing", async () => {
    const w = await world(5);
    const id = await invoiced(w, 2);
    const wh = userActor(await makeUser("WAREHOUSE"));
    await applyOrderAction({ orderId: id, action: { type: "SHIP" }, actor: wh });
    const again = await consumeOrderStock({ orderId: id, actor: wh });
    expect(again.consumed).toEqual([]);
    await expect(applyOrderAction({ orderId: id, action: { type: "SHIP" }, actor: wh })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 3, reserved: 0 });
    expect((await lines(id))[0]).toMatchObject({ shippedQty: 2 });
    expect(await db.stockMovement.count({ where: { orderId: id, type: "SHIPMENT" } })).toBe(1);
  });
});

describe("backorder sweep", () => {
  it("fills waiting lines when stock is there but no arrival handed it out", async () => {
    const w = await world(0);
    const id = await order(w, 2);
    // A level change that does not refill on its own (the ledger primitive, as a migration script would use it).
    await db.$transaction((tx) => applyBinChanges(tx, { changes: [{ type: "RECEIPT", skuId: w.sku.A as string, binId: w.wh.SP1?.bins[0] as string, onHandDelta: 5, reason: "import" }], actor: channel }));
    expect((await lines(id))[0]).toMatchObject({ reservedQty: 0, backorderedQty: 2 });
    const r = await sweepAllBackorders();
    expect(r.filled).toEqual([expect.objectContaining({ orderId: id, quantity: 2 })]);
    expect((await lines(id))[0]).toMatchObject({ reservedQty: 2, backorderedQty: 0 });
    expect((await sweepAllBackorders()).filled).toEqual([]);
  });
});
