/**
 * A delivery address that arrives after the order (Mercado Livre's shipment):
 * the order's stock, chosen without it, is chosen again for the new
 * destination while nothing is picked — before approval quietly, once
 * allocated through REALLOCATE — and kept when the destination is the same
 * or the order is on hold.
 */
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/server/test/with-test-db";
import { db } from "@/server/db";
import { systemActor, userActor } from "@/server/services/order/actor";
import { applyChannelAddress } from "@/server/services/order/apply-channel-address";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { captureOrder } from "@/server/services/order/capture-order";
import { reconcileStock } from "@/server/services/stock/reconcile-stock";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { balance, buildWorld, makeUser, orderInput, type World } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
const channel = systemActor("channel:Loja");

/** SP1 holds more, so an order with no address is reserved there; BA1 is in the customer's state. */
const world = () => buildWorld({
  warehouses: [{ code: "SP1", state: "SP" }, { code: "BA1", state: "BA" }],
  skus: ["A"],
  stock: [{ sku: "A", wh: "SP1", onHand: 50 }, { sku: "A", wh: "BA1", onHand: 10 }],
});

async function withoutAddress(w: World, quantity = 2): Promise<{ id: string; externalId: string }> {
  const { shippingAddress: _none, ...input } = orderInput({ lines: [{ sku: "A", quantity }] });
  void _none;
  const created = await captureOrder({ channelId: w.channelId, defaultCurrency: "BRL", input, actorLabel: "channel:Loja" });
  if (!created) throw new Error("not captured");
  await reserveOrderStock({ orderId: created.orderId, actor: channel });
  return { id: created.orderId, externalId: input.externalId };
}

/** An order placed for São Paulo (reserved in SP1) that can be approved: its address is complete. */
async function placedInSp(w: World, quantity = 2): Promise<{ id: string; externalId: string }> {
  const input = orderInput({ lines: [{ sku: "A", quantity }], shipState: "SP" });
  const created = await captureOrder({ channelId: w.channelId, defaultCurrency: "BRL", input, actorLabel: "channel:Loja" });
  if (!created) throw new Error("not captured");
  await reserveOrderStock({ orderId: created.orderId, actor: channel });
  return { id: created.orderId, externalId: input.externalId };
}

const arrives = (w: World, externalId: string, state: string) => applyChannelAddress({
  channelId: w.channelId, externalId, address: { name: "Carlos", line1: "Av. Sete, 1200", city: "Salvador", state, postalCode: "40060001", country: "BR" },
  source: "Mercado Livre shipment 1", actorLabel: "channel:Loja",
});

const order = (id: string) => db.order.findUniqueOrThrow({ where: { id }, select: { status: true, warehouseId: true, shipState: true, allocation: true } });

describe("an address after the order", () => {
  it("before approval: the reservation moves to the warehouse in the customer's state, without a change of stage", async () => {
    const w = await world();
    const o = await withoutAddress(w);
    const before = await order(o.id);
    expect(before.warehouseId).toBe(w.wh.SP1?.id);

    expect(await arrives(w, o.externalId, "BA")).toMatchObject({ outcome: "APPLIED" });

    expect(await order(o.id)).toMatchObject({ status: before.status, warehouseId: w.wh.BA1?.id, shipState: "BA", allocation: expect.objectContaining({ destinationState: "BA" }) });
    expect(await balance(w, "A", "SP1")).toMatchObject({ reserved: 0 });
    expect(await balance(w, "A", "BA1")).toMatchObject({ reserved: 2 });
    const release = await db.stockMovement.findFirstOrThrow({ where: { orderId: o.id, type: "RELEASE" } });
    expect(release.reason).toMatch(/^Order #\d+ allocated again: Delivery address now in BA$/);
    expect((await reconcileStock()).ok).toBe(true);
  });

  it("allocated: REALLOCATE, with the timeline saying why", async () => {
    const w = await world();
    // An order without an address cannot be approved (SHIPPING_ADDRESS_COMPLETE): this one moves from SP to BA.
    const o = await placedInSp(w);
    await applyOrderAction({ orderId: o.id, action: { type: "APPROVE" }, actor: userActor(await makeUser("OPERATOR")) });
    expect(await order(o.id)).toMatchObject({ status: "ALLOCATED", warehouseId: w.wh.SP1?.id });

    await arrives(w, o.externalId, "BA");

    expect(await order(o.id)).toMatchObject({ status: "ALLOCATED", warehouseId: w.wh.BA1?.id });
    const events = await db.orderEvent.findMany({ where: { orderId: o.id }, orderBy: { id: "asc" }, select: { type: true, reason: true, actorLabel: true } });
    const i = events.findIndex((e) => e.type === "order.address_from_channel");
    expect(events.slice(i).map((e) => e.type)).toEqual(["order.address_from_channel", "order.reallocated", "stock.released", "stock.reserved", "order.allocated"]);
    expect(events[i + 1]).toMatchObject({ reason: "Delivery address now in BA", actorLabel: "channel:Loja" });
    expect((await reconcileStock()).ok).toBe(true);
  });

  it("keeps the allocation when the destination is the one it was chosen for, and when the order is on hold", async () => {
    const w = await world();
    const same = await withoutAddress(w);
    await arrives(w, same.externalId, "BA");
    const moves = await db.stockMovement.count({ where: { orderId: same.id } });
    // The channel corrects the street in the same state: nothing to choose again.
    await applyChannelAddress({
      channelId: w.channelId, externalId: same.externalId, address: { line1: "Av. Sete, 1300", city: "Salvador", state: "BA", country: "BR" },
      source: "Mercado Livre shipment 1", actorLabel: "channel:Loja",
    });
    expect(await db.stockMovement.count({ where: { orderId: same.id } })).toBe(moves);

    const held = await placedInSp(w);
    const op = userActor(await makeUser("OPERATOR"));
    await applyOrderAction({ orderId: held.id, action: { type: "APPROVE" }, actor: op });
    await applyOrderAction({ orderId: held.id, action: { type: "HOLD", reason: "INCORRECT_ADDRESS" }, actor: op });
    await arrives(w, held.externalId, "BA");
    expect(await order(held.id)).toMatchObject({ status: "ALLOCATED", warehouseId: w.wh.SP1?.id, shipState: "BA" });
  });

  it("an order without an address cannot be approved until its address arrives", async () => {
    const w = await world();
    const o = await withoutAddress(w);
    const op = userActor(await makeUser("OPERATOR"));
    await expect(applyOrderAction({ orderId: o.id, action: { type: "APPROVE" }, actor: op })).rejects.toMatchObject({
      code: "GUARD_FAILED",
      params: { action: "APPROVE", rule: "SHIPPING_ADDRESS_COMPLETE" },
    });
    await arrives(w, o.externalId, "BA");
    expect((await applyOrderAction({ orderId: o.id, action: { type: "APPROVE" }, actor: op })).to).toBe("ALLOCATED");
  });
});
