import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import type { SessionUser } from "@/server/auth/options";
import { systemActor, userActor } from "@/server/services/order/actor";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { completePickList } from "@/server/services/picking/complete-pick-list";
import { confirmPick } from "@/server/services/picking/confirm-pick";
import { createPickList } from "@/server/services/picking/create-pick-list";
import { getPickList } from "@/server/services/picking/get-pick-list";
import { allocatedOrder, buildPickWorld, makeUser, orderStatus, type PickWorld } from "@/server/services/picking/picking-test-fixtures";
import { consumeOrderStock } from "@/server/services/stock/consume-order-stock";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";

withTestDb();
let picker: SessionUser;
beforeEach(async () => {
  picker = await makeUser("WAREHOUSE");
});

const placed = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m));

async function pickAll(pickListId: string, except: string[] = []) {
  const lines = await db.pickListLine.findMany({ where: { pickListId }, select: { id: true } });
  for (const l of lines) if (!except.includes(l.id)) await confirmPick({ actor: picker, input: { lineId: l.id, result: "PICKED" } });
}

async function balance(w: PickWorld, sku: string) {
  return db.stockBalance.findUniqueOrThrow({ where: { skuId_warehouseId: { skuId: w.sku[sku] as string, warehouseId: w.whId } } });
}

describe("getPickList", () => {
  it("lists lines along the walking path and aggregates the printable view per SKU per bin with per-tote quantities", async () => {
    const w = await buildPickWorld({
      skus: ["X", "Y", "Z"],
      stock: [["X", "C-01-1-1", 10], ["Y", "A-01-1-1", 10], ["Z", "A-01-2-1", 10], ["Z", "B-01-1-1", 10]],
      eans: { X: "7891000315507" },
    });
    const o1 = await allocatedOrder(w, [{ sku: "X", quantity: 1 }, { sku: "Y", quantity: 2 }], { placedAt: placed(1) });
    const o2 = await allocatedOrder(w, [{ sku: "X", quantity: 3 }, { sku: "Z", quantity: 1 }], { placedAt: placed(2) });
    const r = await createPickList({ actor: picker, input: { mode: "wave", warehouseId: w.whId } });
    const view = await getPickList({ pickListId: r.pickListId });

    // Walking path: A-01-1-1 (10), A-01-2-1 (15), C-01-1-1 (30) — not the order the bins were created in.
    expect(view.lines.map((l) => [l.binCode, l.sku, l.tote, l.quantity])).toEqual([
      ["A-01-1-1", "Y", 1, 2],
      ["A-01-2-1", "Z", 2, 1],
      ["C-01-1-1", "X", 1, 1],
      ["C-01-1-1", "X", 2, 3],
    ]);
    expect(view.printLines).toEqual([
      { binId: w.bin["A-01-1-1"], binCode: "A-01-1-1", pickSequence: 10, sku: "Y", productName: "Product Y", ean: null, totalQuantity: 2, perTote: [{ tote: 1, orderNumber: expect.any(Number), quantity: 2 }] },
      { binId: w.bin["A-01-2-1"], binCode: "A-01-2-1", pickSequence: 15, sku: "Z", productName: "Product Z", ean: null, totalQuantity: 1, perTote: [{ tote: 2, orderNumber: expect.any(Number), quantity: 1 }] },
      {
        binId: w.bin["C-01-1-1"], binCode: "C-01-1-1", pickSequence: 30, sku: "X", productName: "Product X", ean: "7891000315507", totalQuantity: 4,
        perTote: [{ tote: 1, orderNumber: expect.any(Number), quantity: 1 }, { tote: 2, orderNumber: expect.any(Number), quantity: 3 }],
      },
    ]);
    expect(view.orders.map((o) => [o.orderId, o.tote, o.status])).toEqual([[o1, 1, "PICKING"], [o2, 2, "PICKING"]]);
    expect(view.totals).toEqual({ orders: 2, lines: 4, units: 7, pickedUnits: 0, pendingLines: 4, shortLines: 0 });
  });
});

describe("completePickList", () => {
  it("refuses while lines are pending, then writes one PICK movement per picked line and closes the list", async () => {
    const w = await buildPickWorld({ skus: ["X"], stock: [["X", "A-01-1-1", 2], ["X", "B-01-1-1", 5]] });
    const id = await allocatedOrder(w, [{ sku: "X", quantity: 4 }]);
    const r = await createPickList({ actor: picker, input: { mode: "orders", orderIds: [id] } });
    await expect(completePickList({ actor: picker, pickListId: r.pickListId })).rejects.toMatchObject({ code: "GUARD_FAILED", params: { rule: "LINES_PENDING", pending: 2 } });
    const before = await balance(w, "X");
    await pickAll(r.pickListId);

    const done = await completePickList({ actor: picker, pickListId: r.pickListId });
    expect(done).toMatchObject({ orders: 1, pickedUnits: 4, shortOrders: [] });
    const moves = await db.stockMovement.findMany({ where: { type: "PICK", orderId: id } });
    const row = (m: (typeof moves)[number]) => [m.binId, m.quantity, m.onHandDelta, m.reservedDelta, m.actorId];
    expect(moves.map(row).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual(
      [
        [w.bin["A-01-1-1"], 2, 0, 0, picker.id],
        [w.bin["B-01-1-1"], 2, 0, 0, picker.id],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(await balance(w, "X")).toEqual(before); // levels change at SHIP, not at pick
    expect(await db.pickList.findUniqueOrThrow({ where: { id: r.pickListId } })).toMatchObject({ status: "COMPLETED", completedAt: expect.any(Date), assignedToId: picker.id });
    expect(await db.pickListOrder.findFirstOrThrow({ where: { orderId: id } })).toMatchObject({ open: false });
    expect(await orderStatus(id)).toBe("PICKING");
    const ev = await db.orderEvent.findFirstOrThrow({ where: { orderId: id }, orderBy: { id: "desc" } });
    expect(ev).toMatchObject({ type: "pick_list.completed", data: { pickedUnits: 4, missingUnits: 0, pickList: { number: r.number, tote: 1 } } });
    await expect(completePickList({ actor: picker, pickListId: r.pickListId })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(confirmPick({ actor: picker, input: { lineId: (await db.pickListLine.findFirstOrThrow({ where: { pickListId: r.pickListId } })).id, result: "PICKED" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("short pick covered by another bin: units set aside, SHORT_PICK reallocated → ALLOCATED, exception with the reason", async () => {
    const w = await buildPickWorld({ skus: ["X"], stock: [["X", "A-01-1-1", 3], ["X", "C-01-1-1", 5]] });
    const id = await allocatedOrder(w, [{ sku: "X", quantity: 3 }]);
    const r = await createPickList({ actor: picker, input: { mode: "orders", orderIds: [id] } });
    const [line] = await db.pickListLine.findMany({ where: { pickListId: r.pickListId } });
    expect(line?.binId).toBe(w.bin["A-01-1-1"]);
    await confirmPick({ actor: picker, input: { lineId: line?.id as string, result: "SHORT", pickedQty: 1, reason: "bin nearly empty" } });

    const done = await completePickList({ actor: picker, pickListId: r.pickListId });
    expect(done.shortOrders).toEqual([{ orderId: id, number: expect.any(Number), to: "ALLOCATED", missingUnits: 2 }]);
    expect(await orderStatus(id)).toBe("ALLOCATED");
    const ev = await db.orderEvent.findFirstOrThrow({ where: { orderId: id, type: "order.short_picked" } });
    expect(ev).toMatchObject({ fromStatus: "PICKING", toStatus: "ALLOCATED", data: { reallocated: true } });
    const exc = await db.exception.findFirstOrThrow({ where: { orderId: id, type: "SHORT_PICK" } });
    expect(exc).toMatchObject({ status: "OPEN", skuId: w.sku.X });
    expect(exc.message).toContain("bin nearly empty");
    expect(exc.message).toContain("A-01-1-1");
    // The 2 missing units are set aside in their bin; the reservation stays whole.
    expect(await db.binStock.findUniqueOrThrow({ where: { skuId_binId: { skuId: w.sku.X as string, binId: w.bin["A-01-1-1"] as string } } })).toMatchObject({ onHand: 3, unavailable: 2 });
    expect(await balance(w, "X")).toMatchObject({ onHand: 8, reserved: 3, unavailable: 2 });
    expect(await db.stockMovement.findMany({ where: { type: "PICK", orderId: id } })).toEqual([expect.objectContaining({ quantity: 1 })]);

    // The next list for that order takes the units from the other bin.
    const again = await createPickList({ actor: picker, input: { mode: "orders", orderIds: [id] } });
    const lines = await db.pickListLine.findMany({ where: { pickListId: again.pickListId }, orderBy: [{ quantity: "asc" }, { binId: "asc" }] });
    expect(lines.map((l) => [l.binId, l.quantity])).toEqual([
      [w.bin["A-01-1-1"], 1],
      [w.bin["C-01-1-1"], 2],
    ]);
  });

  it("short pick nobody can cover: part of the reservation is released, SHORT_PICK → BACKORDERED, and the order waits for stock", async () => {
    const w = await buildPickWorld({ skus: ["X"], stock: [["X", "A-01-1-1", 3]] });
    const id = await allocatedOrder(w, [{ sku: "X", quantity: 3 }]);
    const r = await createPickList({ actor: picker, input: { mode: "orders", orderIds: [id] } });
    const [line] = await db.pickListLine.findMany({ where: { pickListId: r.pickListId } });
    await confirmPick({ actor: picker, input: { lineId: line?.id as string, result: "SHORT", pickedQty: 1, reason: "damaged packaging" } });

    const done = await completePickList({ actor: picker, pickListId: r.pickListId });
    expect(done.shortOrders).toEqual([expect.objectContaining({ orderId: id, to: "BACKORDERED", missingUnits: 2 })]);
    expect(await orderStatus(id)).toBe("BACKORDERED");
    const ev = await db.orderEvent.findFirstOrThrow({ where: { orderId: id, type: "order.short_picked" } });
    expect(ev).toMatchObject({ toStatus: "BACKORDERED", data: { reallocated: false } });
    expect(await balance(w, "X")).toMatchObject({ onHand: 3, reserved: 1, unavailable: 2 });
    expect(await db.orderLine.findFirstOrThrow({ where: { orderId: id } })).toMatchObject({ reservedQty: 1, backorderedQty: 2 });
    const reserved = await db.reservation.aggregate({ where: { orderId: id, status: "ACTIVE" }, _sum: { quantity: true } });
    expect(reserved._sum.quantity).toBe(1);
    expect(await db.exception.count({ where: { orderId: id, type: "SHORT_PICK" } })).toBe(1);

    // Stock arrives: the engine reserves it for the waiting order and allocates it again.
    await db.$transaction((tx) =>
      applyBinChanges(tx, { actor: systemActor("test"), changes: [{ type: "RECEIPT", skuId: w.sku.X as string, binId: w.bin["B-01-1-1"] as string, onHandDelta: 5, reason: "PO" }] }),
    );
    const { autoReserveBackorders } = await import("@/server/services/stock/auto-reserve-backorders");
    await autoReserveBackorders({ pairs: [{ skuId: w.sku.X as string, warehouseId: w.whId }], trigger: "test receipt" });
    expect(await orderStatus(id)).toBe("ALLOCATED");
  });

  it("an order cancelled while on the list just leaves it", async () => {
    const w = await buildPickWorld({ skus: ["X"], stock: [["X", "A-01-1-1", 5]] });
    const id = await allocatedOrder(w, [{ sku: "X", quantity: 2 }]);
    const r = await createPickList({ actor: picker, input: { mode: "orders", orderIds: [id] } });
    await applyOrderAction({ orderId: id, action: { type: "CANCEL", reason: "customer" }, actor: userActor(await makeUser("OPERATOR")) });
    const [line] = await db.pickListLine.findMany({ where: { pickListId: r.pickListId } });
    await confirmPick({ actor: picker, input: { lineId: line?.id as string, result: "SHORT", pickedQty: 0, reason: "order cancelled" } });
    const done = await completePickList({ actor: picker, pickListId: r.pickListId });
    expect(done.shortOrders).toEqual([]);
    expect(await orderStatus(id)).toBe("CANCELLED");
    expect(await db.exception.count({ where: { type: "SHORT_PICK" } })).toBe(0);
  });
});

describe("shipping after picking", () => {
  it("takes the shipped units out of the bins they were picked from, not the first bins on the path", async () => {
    const w = await buildPickWorld({ skus: ["X"], stock: [["X", "B-01-1-1", 5]] });
    const id = await allocatedOrder(w, [{ sku: "X", quantity: 2 }]);
    const r = await createPickList({ actor: picker, input: { mode: "orders", orderIds: [id] } });
    await pickAll(r.pickListId);
    await completePickList({ actor: picker, pickListId: r.pickListId });
    // Stock arrives in a bin earlier on the path after the pick: walking order alone would ship from it.
    await db.$transaction((tx) =>
      applyBinChanges(tx, { actor: systemActor("test"), changes: [{ type: "RECEIPT", skuId: w.sku.X as string, binId: w.bin["A-01-1-1"] as string, onHandDelta: 4, reason: "PO" }] }),
    );

    const shipped = await consumeOrderStock({ orderId: id, actor: systemActor("test") });
    expect(shipped.draws.map((d) => [d.binId, d.quantity])).toEqual([[w.bin["B-01-1-1"], 2]]);
    const bin = (code: string) => db.binStock.findUniqueOrThrow({ where: { skuId_binId: { skuId: w.sku.X as string, binId: w.bin[code] as string } } });
    expect((await bin("B-01-1-1")).onHand).toBe(3);
    expect((await bin("A-01-1-1")).onHand).toBe(4);
  });
});
