import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import type { SessionUser } from "@/server/auth/options";
import { systemActor } from "@/server/services/order/actor";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { createPickList } from "@/server/services/picking/create-pick-list";
import { capture } from "@/server/services/stock/stock-test-fixtures";
import { allocatedOrder, buildPickWorld, makeUser, orderStatus, type PickWorld } from "@/server/services/picking/picking-test-fixtures";

withTestDb();
let picker: SessionUser;
beforeEach(async () => {
  picker = await makeUser("WAREHOUSE");
});

const day = (d: number) => new Date(Date.UTC(2026, 1, d, 15));
const placed = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m));

async function world(): Promise<PickWorld> {
  return buildPickWorld({
    skus: ["X", "Y", "Z"],
    // X: 3 in A-01-1-1 (seq 10), 4 in B-01-1-1 (seq 20), 10 in C-01-1-1 (seq 30); Y: 20 in C; Z: 20 in A-01-2-1 (seq 15).
    stock: [["X", "A-01-1-1", 3], ["X", "B-01-1-1", 4], ["X", "C-01-1-1", 10], ["Y", "C-01-1-1", 20], ["Z", "A-01-2-1", 20]],
  });
}

/** The lines by tote, then along the walking path (the bins' codes sort in walking order in this world). */
async function linesOf(pickListId: string, w: PickWorld) {
  const code = new Map(Object.entries(w.bin).map(([c, id]) => [id, c]));
  const lines = await db.pickListLine.findMany({
    where: { pickListId },
    select: { orderId: true, tote: true, quantity: true, status: true, binId: true, skuId: true },
  });
  return lines.sort((a, b) => a.tote - b.tote || (code.get(a.binId) ?? "").localeCompare(code.get(b.binId) ?? ""));
}

describe("createPickList: wave", () => {
  it("claims ALLOCATED orders by ship-by (undated last) then placement, one tote each, and moves them to PICKING with a timeline event", async () => {
    const w = await world();
    const late = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }], { shipBy: day(5), placedAt: placed(1) });
    const undated = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }], { shipBy: null, placedAt: placed(0) });
    const early = await allocatedOrder(w, [{ sku: "Y", quantity: 2 }], { shipBy: day(3), placedAt: placed(2) });
    const before = await db.order.findUniqueOrThrow({ where: { id: early }, select: { version: true } });

    const r = await createPickList({ actor: picker, input: { mode: "wave", warehouseId: w.whId } });

    expect(r).toMatchObject({ orders: 3, units: 4, lines: 3, skippedCount: 0 });
    const totes = await db.pickListOrder.findMany({ where: { pickListId: r.pickListId }, orderBy: { tote: "asc" } });
    expect(totes.map((x) => [x.orderId, x.tote, x.open])).toEqual([
      [early, 1, true],
      [late, 2, true],
      [undated, 3, true],
    ]);
    for (const id of [early, late, undated]) expect(await orderStatus(id)).toBe("PICKING");
    const after = await db.order.findUniqueOrThrow({ where: { id: early }, select: { version: true, fulfillmentStatus: true } });
    expect(after).toEqual({ version: before.version + 1, fulfillmentStatus: "PICKING" });
    const ev = await db.orderEvent.findFirstOrThrow({ where: { orderId: early }, orderBy: { id: "desc" } });
    expect(ev).toMatchObject({ type: "order.picking_started", fromStatus: "ALLOCATED", toStatus: "PICKING", actorId: picker.id, actorLabel: picker.name });
    expect(ev.data).toMatchObject({ fulfillment: { from: "ALLOCATED", to: "PICKING" }, pickList: { id: r.pickListId, number: r.number, tote: 1 } });
    const list = await db.pickList.findUniqueOrThrow({ where: { id: r.pickListId } });
    expect(list).toMatchObject({ status: "OPEN", warehouseId: w.whId, createdById: picker.id });
    expect(list.rule).toMatchObject({ kind: "wave", maxOrders: null });
  });

  it("takes units from bins along the walking path, splitting an order line across bins", async () => {
    const w = await world();
    const first = await allocatedOrder(w, [{ sku: "X", quantity: 5 }], { placedAt: placed(1) });
    const second = await allocatedOrder(w, [{ sku: "X", quantity: 3 }], { placedAt: placed(2) });
    const r = await createPickList({ actor: picker, input: { mode: "wave", warehouseId: w.whId } });
    const lines = await linesOf(r.pickListId, w);
    expect(lines.map((l) => [l.orderId, l.binId, l.quantity])).toEqual([
      [first, w.bin["A-01-1-1"], 3],
      [first, w.bin["B-01-1-1"], 2],
      [second, w.bin["B-01-1-1"], 2],
      [second, w.bin["C-01-1-1"], 1],
    ]);
    expect(r.units).toBe(8);
  });

  it("respects maxOrders and maxUnits (first fit: a big order waits, a smaller later one fills the room)", async () => {
    const w = await world();
    const a = await allocatedOrder(w, [{ sku: "Y", quantity: 2 }], { placedAt: placed(1) });
    const big = await allocatedOrder(w, [{ sku: "Y", quantity: 4 }], { placedAt: placed(2) });
    const c = await allocatedOrder(w, [{ sku: "Z", quantity: 1 }], { placedAt: placed(3) });
    const d = await allocatedOrder(w, [{ sku: "Z", quantity: 1 }], { placedAt: placed(4) });

    const r = await createPickList({ actor: picker, input: { mode: "wave", warehouseId: w.whId, maxUnits: 5, maxOrders: 2 } });
    expect(r).toMatchObject({ orders: 2, units: 3 });
    expect(r.skipped).toEqual([{ orderId: big, reason: "NO_ROOM" }]);
    expect(await orderStatus(a)).toBe("PICKING");
    expect(await orderStatus(c)).toBe("PICKING");
    expect(await orderStatus(big)).toBe("ALLOCATED");
    expect(await orderStatus(d)).toBe("ALLOCATED");
  });

  it("takes only orders due before dueBefore", async () => {
    const w = await world();
    const due = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }], { shipBy: day(2) });
    const later = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }], { shipBy: day(9) });
    const undated = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }], { shipBy: null });
    const r = await createPickList({ actor: picker, input: { mode: "wave", warehouseId: w.whId, dueBefore: day(5) } });
    expect(r.orders).toBe(1);
    expect(await orderStatus(due)).toBe("PICKING");
    expect(await orderStatus(later)).toBe("ALLOCATED");
    expect(await orderStatus(undated)).toBe("ALLOCATED");
  });

  it("groups by channel: only the channel of the most urgent order", async () => {
    const w = await world();
    const other = (await db.channel.create({ data: { platform: "MANUAL", name: "Outra", secret: "s" } })).id;
    const urgentOther = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }], { shipBy: day(1), channelId: other });
    const mine = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }], { shipBy: day(2) });
    const otherLater = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }], { shipBy: day(3), channelId: other });
    const r = await createPickList({ actor: picker, input: { mode: "wave", warehouseId: w.whId, groupBy: "channel" } });
    expect(r.groupKey).toBe(other);
    expect(r.orders).toBe(2);
    expect(await orderStatus(urgentOther)).toBe("PICKING");
    expect(await orderStatus(otherLater)).toBe("PICKING");
    expect(await orderStatus(mine)).toBe("ALLOCATED");
  });

  it("a second wave does not take claimed orders, and plans around the units the first one will pick", async () => {
    const w = await world();
    const first = await allocatedOrder(w, [{ sku: "X", quantity: 2 }], { placedAt: placed(1) });
    const r1 = await createPickList({ actor: picker, input: { mode: "wave", warehouseId: w.whId } });
    const second = await allocatedOrder(w, [{ sku: "X", quantity: 2 }], { placedAt: placed(2) });
    const r2 = await createPickList({ actor: picker, input: { mode: "wave", warehouseId: w.whId } });
    expect(r2.orders).toBe(1);
    const l1 = await linesOf(r1.pickListId, w);
    const l2 = await linesOf(r2.pickListId, w);
    expect(l1.map((l) => [l.orderId, l.binId, l.quantity])).toEqual([[first, w.bin["A-01-1-1"], 2]]);
    // A-01-1-1 holds 3, 2 of which wave 1 will pick: wave 2 takes the last one there, then goes on to B.
    expect(l2.map((l) => [l.orderId, l.binId, l.quantity])).toEqual([
      [second, w.bin["A-01-1-1"], 1],
      [second, w.bin["B-01-1-1"], 1],
    ]);
    await expect(createPickList({ actor: picker, input: { mode: "wave", warehouseId: w.whId } })).rejects.toMatchObject({ code: "GUARD_FAILED" });
  });

  it("skips held orders and leaves out orders the bins cannot cover", async () => {
    const w = await world();
    const held = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }], { placedAt: placed(1) });
    await applyOrderAction({ orderId: held, action: { type: "HOLD", reason: "INCORRECT_ADDRESS" }, actor: systemActor("test") });
    const uncovered = await allocatedOrder(w, [{ sku: "Z", quantity: 2 }], { placedAt: placed(2) });
    const fine = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }], { placedAt: placed(3) });
    // The bin count was wrong: Z's bin holds one unit although two are reserved.
    await db.binStock.update({ where: { skuId_binId: { skuId: w.sku.Z as string, binId: w.bin["A-01-2-1"] as string } }, data: { onHand: 1 } });

    const r = await createPickList({ actor: picker, input: { mode: "wave", warehouseId: w.whId } });
    expect(r.orders).toBe(1);
    expect(r.skipped).toEqual([{ orderId: uncovered, reason: "NO_BIN_STOCK" }]);
    expect(await orderStatus(fine)).toBe("PICKING");
    expect(await orderStatus(uncovered)).toBe("ALLOCATED");
    expect(await orderStatus(held)).toBe("ALLOCATED");
    expect(await db.pickListOrder.findMany({ where: { orderId: uncovered } })).toEqual([]);
    expect((await db.pickListOrder.findFirstOrThrow({ where: { orderId: fine } })).tote).toBe(1);
  });
});

describe("createPickList: chosen orders", () => {
  it("makes a list for one order and refuses it a second time, naming the list", async () => {
    const w = await world();
    const id = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }, { sku: "Z", quantity: 2 }]);
    const r = await createPickList({ actor: picker, input: { mode: "orders", orderIds: [id] } });
    expect(r).toMatchObject({ orders: 1, lines: 2, units: 3 });
    await expect(createPickList({ actor: picker, input: { mode: "orders", orderIds: [id] } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`pick list #${r.number}`),
      params: { rule: "ORDER_IN_LIST", pickList: r.number },
    });
  });

  it("refuses an order that is not allocated or on hold, and reports skipped ones in a selection", async () => {
    const w = await world();
    const pending = w.channelId; // a channel id is not an order
    const captured = await capture(w, { lines: [{ sku: "Y", quantity: 1 }] });
    await expect(createPickList({ actor: picker, input: { mode: "orders", orderIds: [captured] } })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      params: { current: "PAYMENT_AUTHORIZED", action: "START_PICKING" },
    });
    const ok = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }]);
    const held = await allocatedOrder(w, [{ sku: "Y", quantity: 1 }]);
    await applyOrderAction({ orderId: held, action: { type: "HOLD", reason: "OTHER" }, actor: systemActor("test") });
    await expect(createPickList({ actor: picker, input: { mode: "orders", orderIds: [held] } })).rejects.toMatchObject({ code: "ORDER_ON_HOLD" });
    const r = await createPickList({ actor: picker, input: { mode: "orders", orderIds: [ok, held, pending] } });
    expect(r.orders).toBe(1);
    expect(r.skipped).toEqual(expect.arrayContaining([{ orderId: held, reason: "ON_HOLD" }, { orderId: pending, reason: "NOT_FOUND" }]));
  });

  it("refuses roles that may not start picking", async () => {
    const op = await makeUser("OPERATOR");
    await expect(createPickList({ actor: op, input: { mode: "orders", orderIds: [crypto.randomUUID()] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
