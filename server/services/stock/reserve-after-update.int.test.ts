/**
 * A capture hands its reservation what it read (CaptureResult.reservation). On
 * the webhook path that reservation may run after the answer, and a channel
 * update of the same order (orders/updated right behind orders/create) can land
 * in between: the reservation must then follow the order as it is now, not the
 * lines the capture read.
 */
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/server/test/with-test-db";
import { db } from "@/server/db";
import { captureOrder } from "@/server/services/order/capture-order";
import { updateChannelOrder } from "@/server/services/order/update-channel-order";
import { systemActor } from "@/server/services/order/actor";
import { reserveCapturedOrder } from "@/server/services/stock/reserve-captured-order";
import { balance, buildWorld, lines, orderInput } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
const actor = systemActor("channel:Loja");

describe("a reservation whose capture context is out of date", () => {
  it("reserves the order's current lines after a channel update changed them", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A", "B"], stock: [{ sku: "A", wh: "SP1", onHand: 10 }, { sku: "B", wh: "SP1", onHand: 10 }] });
    const input = orderInput({ lines: [{ sku: "A", quantity: 2 }] });
    const created = await captureOrder({ channelId: w.channelId, defaultCurrency: "BRL", input, actorLabel: "channel:Loja" });
    if (!created) throw new Error("not captured");
    expect(created.reservation.capturedVersion).toEqual(input.updatedAt);

    // The update arrives before the capture's reservation ran: 3 of A and 1 of B now.
    const later = orderInput({ lines: [{ sku: "A", quantity: 3 }, { sku: "B", quantity: 1 }], externalId: input.externalId });
    const updated = { ...later, updatedAt: new Date(input.updatedAt.getTime() + 60_000) };
    expect((await updateChannelOrder({ channelId: w.channelId, input: updated, actorLabel: "channel:Loja" })).outcome).toBe("UPDATED");

    await reserveCapturedOrder({ orderId: created.orderId, actor, context: created.reservation });
    expect(await lines(created.orderId)).toEqual([
      expect.objectContaining({ sku: "A", quantity: 3, reservedQty: 3, backorderedQty: 0 }),
      expect.objectContaining({ sku: "B", quantity: 1, reservedQty: 1, backorderedQty: 0 }),
    ]);
    expect((await balance(w, "A", "SP1")).reserved).toBe(3);
    expect((await balance(w, "B", "SP1")).reserved).toBe(1);
    expect(await db.exception.count({ where: { type: "STOCK_RESERVATION_FAILED" } })).toBe(0);
  });

  it("reserves nothing for an order cancelled before its reservation ran", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 10 }] });
    const input = orderInput({ lines: [{ sku: "A", quantity: 2 }] });
    const created = await captureOrder({ channelId: w.channelId, defaultCurrency: "BRL", input, actorLabel: "channel:Loja" });
    if (!created) throw new Error("not captured");
    const cancelled = { ...input, state: "CANCELLED" as const, updatedAt: new Date(input.updatedAt.getTime() + 60_000) };
    await updateChannelOrder({ channelId: w.channelId, input: cancelled, actorLabel: "channel:Loja" });

    const r = await reserveCapturedOrder({ orderId: created.orderId, actor, context: created.reservation });
    expect(r?.skipped).toBe("NOT_RESERVABLE");
    expect((await balance(w, "A", "SP1")).reserved).toBe(0);
    expect(await db.reservation.count()).toBe(0);
  });

  it("uses the capture's context when nothing changed: one reservation, as captured", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 10 }] });
    const created = await captureOrder({ channelId: w.channelId, defaultCurrency: "BRL", input: orderInput({ lines: [{ sku: "A", quantity: 2 }] }), actorLabel: "channel:Loja" });
    if (!created) throw new Error("not captured");
    const r = await reserveCapturedOrder({ orderId: created.orderId, actor, context: created.reservation });
    expect(r).toMatchObject({ attempts: 1, backorderedUnits: 0 });
    expect(r?.reserved).toHaveLength(1);
    expect((await balance(w, "A", "SP1")).reserved).toBe(2);
  });
});
