/**
 * REALLOCATE: an ALLOCATED or BACKORDERED order gives its stock back and is
 * allocated again, without the warehouses it must not ship from — through the
 * state machine, in one transaction, with the ledger and the timeline.
 */
import { describe, expect, it } from "vitest";
import { readDecision } from "@/components/ui/allocation-decision";
import { withTestDb } from "@/server/test/with-test-db";
import { db } from "@/server/db";
import { systemActor, userActor } from "@/server/services/order/actor";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { reconcileStock } from "@/server/services/stock/reconcile-stock";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { balance, buildWorld, capture, lines, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
const channel = systemActor("channel:Loja");

const sites = (stock: { sku: string; wh: string; onHand: number }[]) =>
  buildWorld({ warehouses: [{ code: "SP1", state: "SP" }, { code: "RJ1", state: "RJ" }], skus: ["A", "B"], stock });

async function approved(w: World, qty: number, placedAt?: Date): Promise<string> {
  const id = await capture(w, { lines: [{ sku: "A", quantity: qty }], shipState: "SP", placedAt });
  await reserveOrderStock({ orderId: id, actor: channel });
  await applyOrderAction({ orderId: id, action: { type: "APPROVE" }, actor: channel });
  return id;
}

const order = (id: string) => db.order.findUniqueOrThrow({ where: { id }, select: { status: true, fulfillmentStatus: true, warehouseId: true, allocation: true } });

describe("REALLOCATE", () => {
  it("moves an allocated order away from a warehouse that cannot fulfil it, and says why", async () => {
    const w = await sites([{ sku: "A", wh: "SP1", onHand: 5 }, { sku: "A", wh: "RJ1", onHand: 5 }]);
    const id = await approved(w, 2);
    expect(await order(id)).toMatchObject({ status: "ALLOCATED", warehouseId: w.wh.SP1?.id });
    const operator = userActor(await makeUser("OPERATOR"));

    const r = await applyOrderAction({ orderId: id, action: { type: "REALLOCATE", reason: "SP1 flooded", excludeWarehouseIds: [w.wh.SP1?.id as string] }, actor: operator });

    expect(r.to).toBe("ALLOCATED");
    expect(await order(id)).toMatchObject({ status: "ALLOCATED", fulfillmentStatus: "ALLOCATED", warehouseId: w.wh.RJ1?.id });
    expect(await balance(w, "A", "SP1")).toMatchObject({ reserved: 0 });
    expect(await balance(w, "A", "RJ1")).toMatchObject({ reserved: 2 });
    expect(await db.reservation.findMany({ where: { orderId: id }, orderBy: { createdAt: "asc" }, select: { status: true, warehouseId: true } })).toEqual([
      { status: "RELEASED", warehouseId: w.wh.SP1?.id },
      { status: "ACTIVE", warehouseId: w.wh.RJ1?.id },
    ]);
    const moves = await db.stockMovement.findMany({ where: { orderId: id }, orderBy: { id: "asc" }, select: { type: true, reservedDelta: true, reason: true } });
    expect(moves.slice(-2)).toEqual([
      { type: "RELEASE", reservedDelta: -2, reason: `Order #${(await db.order.findUniqueOrThrow({ where: { id } })).number} allocated again: SP1 flooded` },
      expect.objectContaining({ type: "RESERVATION", reservedDelta: 2 }),
    ]);
    const decision = readDecision((await order(id)).allocation);
    expect(decision?.reasons.map((x) => x.code)).toContain("EXCLUDED");
    const events = await db.orderEvent.findMany({ where: { orderId: id }, orderBy: { id: "asc" }, select: { type: true, reason: true, fromStatus: true, toStatus: true, data: true } });
    expect(events.slice(-4).map((e) => e.type)).toEqual(["order.reallocated", "stock.released", "stock.reserved", "order.allocated"]);
    expect(events.at(-4)).toMatchObject({ reason: "SP1 flooded", fromStatus: "ALLOCATED", toStatus: "APPROVED", data: { excludedWarehouseIds: [w.wh.SP1?.id] } });
    expect((await reconcileStock()).ok).toBe(true);
  });

  it("backorders what no other warehouse has, and hands the released units to the orders waiting for them", async () => {
    const w = await sites([{ sku: "A", wh: "SP1", onHand: 2 }]);
    const id = await approved(w, 2, new Date("2026-01-01T10:00:00Z"));
    const waiting = await approved(w, 1, new Date("2026-01-01T11:00:00Z"));
    expect(await order(waiting)).toMatchObject({ status: "BACKORDERED" });

    await applyOrderAction({
      orderId: id, action: { type: "REALLOCATE", reason: "SP1 closed for inventory", excludeWarehouseIds: [w.wh.SP1?.id as string] },
      actor: userActor(await makeUser("OPERATOR")),
    });

    expect(await order(id)).toMatchObject({ status: "BACKORDERED", warehouseId: null });
    expect((await lines(id))[0]).toMatchObject({ reservedQty: 0, backorderedQty: 2 });
    // The units it gave back went to the order that was waiting in SP1.
    expect(await order(waiting)).toMatchObject({ status: "ALLOCATED", warehouseId: w.wh.SP1?.id });
    expect(await balance(w, "A", "SP1")).toMatchObject({ reserved: 1 });
    expect(await db.exception.findFirst({ where: { orderId: id, type: "ORDER_BACKORDERED", status: "OPEN" } })).not.toBeNull();
    expect((await reconcileStock()).ok).toBe(true);
  });

  it("re-runs the rules for a backordered order: stock that arrived elsewhere is taken", async () => {
    const w = await sites([{ sku: "A", wh: "SP1", onHand: 1 }]);
    const id = await approved(w, 3);
    expect(await order(id)).toMatchObject({ status: "BACKORDERED" });
    await db.$transaction((tx) => applyBinChanges(tx, { actor: channel, changes: [{ type: "RECEIPT", skuId: w.sku.A as string, binId: w.wh.RJ1?.bins[0] as string, onHandDelta: 5, reason: "transfer in" }] }));

    await applyOrderAction({ orderId: id, action: { type: "REALLOCATE", reason: "RJ1 has it all" }, actor: userActor(await makeUser("ADMIN")) });

    expect(await order(id)).toMatchObject({ status: "ALLOCATED", warehouseId: w.wh.RJ1?.id });
    expect(await balance(w, "A", "SP1")).toMatchObject({ reserved: 0 });
    expect(await balance(w, "A", "RJ1")).toMatchObject({ reserved: 3 });
    expect((await reconcileStock()).ok).toBe(true);
  });

  it("is refused once picking started, without a reason, and to roles that may not", async () => {
    const w = await sites([{ sku: "A", wh: "SP1", onHand: 5 }]);
    const id = await approved(w, 1);
    const warehouse = userActor(await makeUser("WAREHOUSE"));
    await expect(applyOrderAction({ orderId: id, action: { type: "REALLOCATE", reason: "x" }, actor: warehouse })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const operator = userActor(await makeUser("OPERATOR"));
    await expect(applyOrderAction({ orderId: id, action: { type: "REALLOCATE", reason: "  " }, actor: operator })).rejects.toMatchObject({ code: "VALIDATION" });
    await applyOrderAction({ orderId: id, action: { type: "START_PICKING" }, actor: warehouse });
    await expect(applyOrderAction({ orderId: id, action: { type: "REALLOCATE", reason: "too late" }, actor: operator }))
      .rejects.toMatchObject({ code: "INVALID_TRANSITION", params: expect.objectContaining({ current: "PICKING" }) });
    expect(await balance(w, "A", "SP1")).toMatchObject({ reserved: 1 });
  });
});
