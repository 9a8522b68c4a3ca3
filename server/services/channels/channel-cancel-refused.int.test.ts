/**
 * The channel cancels an order Fluxo can no longer cancel (it has shipped):
 * the order stays as it is and a CHANNEL_CANCEL_REFUSED exception records the
 * stage it is in, which /exceptions shows as a sentence in the reader's language.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { applyChannelCancellation } from "@/server/services/channels/apply-channel-events";
import { exceptionText } from "@/server/services/exceptions/exception-text";
import { updateChannelOrder } from "@/server/services/order/update-channel-order";
import { buildWorld, orderInput, type World } from "@/server/services/stock/stock-test-fixtures";
import { captureOrder } from "@/server/services/order/capture-order";

withTestDb();
let w: World;
beforeEach(async () => {
  w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"] });
});

async function shippedOrder() {
  const input = orderInput({ lines: [{ sku: "A", quantity: 1 }] });
  const created = await captureOrder({ channelId: w.channelId, defaultCurrency: "BRL", input, actorLabel: "channel:Loja" });
  // test setup: the order went through the warehouse already
  await db.order.update({ where: { id: created?.orderId }, data: { status: "SHIPPED", fulfillmentStatus: "SHIPPED" } });
  return { input, orderId: created?.orderId as string };
}

describe("a channel cancellation Fluxo must refuse", () => {
  it("cancellation document: the order stays SHIPPED, the exception records its stage", async () => {
    const { input, orderId } = await shippedOrder();
    expect(await applyChannelCancellation({ channelId: w.channelId, externalId: input.externalId, reason: "buyer regret", actorLabel: "channel:Loja" })).toBe(orderId);
    expect((await db.order.findUnique({ where: { id: orderId } }))?.status).toBe("SHIPPED");
    const [e] = await db.exception.findMany({ where: { orderId } });
    expect(e).toMatchObject({ type: "CHANNEL_CANCEL_REFUSED", status: "OPEN", data: { status: "SHIPPED" } });
    expect(exceptionText(e?.type as string, e?.data, 1)).toEqual({ key: "CHANNEL_CANCEL_REFUSED", params: { status: "SHIPPED" }, orderStatusParam: "status" });
  });

  it("order update saying cancelled: same refusal, same record", async () => {
    const { input, orderId } = await shippedOrder();
    const later = new Date(input.updatedAt.getTime() + 60_000);
    await updateChannelOrder({ channelId: w.channelId, input: { ...input, state: "CANCELLED", updatedAt: later }, actorLabel: "channel:Loja" });
    expect((await db.order.findUnique({ where: { id: orderId } }))?.status).toBe("SHIPPED");
    expect(await db.exception.findMany({ where: { orderId }, select: { type: true, data: true } })).toEqual([
      { type: "CHANNEL_CANCEL_REFUSED", data: { status: "SHIPPED" } },
    ]);
  });
});
