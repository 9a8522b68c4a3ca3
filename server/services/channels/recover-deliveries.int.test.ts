/**
 * The recovery sweep (recover-deliveries.ts): stored deliveries the production
 * path answered for but never applied are applied; a document's own refusal is
 * left for a person; nothing is applied twice.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { rawJson, shopifyHeaders, shopifyOrder, shopifyRefund, webhookRequest } from "@/server/test/channel-payloads";
import { makeChannel, postWebhook } from "@/server/test/webhook-harness";
import { BEFORE_ORDER_SUFFIX, MAX_ATTEMPTS, recoverDeliveries } from "@/server/services/channels/recover-deliveries";
import { ABANDONED_AFTER_MS, storedHeaders } from "@/server/services/channels/receive-delivery";
import { DELIVERY_NOTES, deliveryNote } from "@/server/services/channels/delivery-notes";

const SECRET = "s3cret-for-tests-0123456789";
withTestDb();

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** A Shopify order delivery as the webhook stores it, in the given state. */
async function storedOrder(channelId: string, externalId: bigint, row: { status: "RECEIVED" | "FAILED"; receivedAt: Date; processedAt?: Date | null; error?: string; attempts?: number }) {
  const body = rawJson(shopifyOrder({ id: externalId }));
  const headers = storedHeaders(shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: `wh-${externalId}` }));
  return db.channelDelivery.create({
    data: { channelId, deliveryKey: `wh-${externalId}`, topic: "orders/create", headers, rawBody: body, ...row },
  });
}

describe("recovery sweep", () => {
  it("applies a delivery a stopped process left RECEIVED, once it is older than the abandonment delay", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    expect(ABANDONED_AFTER_MS).toBe(2 * 60_000);
    const abandoned = await storedOrder(ch.id, 5812345670000000001n, { status: "RECEIVED", receivedAt: minutesAgo(3) });
    const claimedLongAgo = await storedOrder(ch.id, 5812345670000000002n, { status: "RECEIVED", receivedAt: minutesAgo(10), processedAt: minutesAgo(5) });
    const inProgress = await storedOrder(ch.id, 5812345670000000003n, { status: "RECEIVED", receivedAt: minutesAgo(0.5) });

    expect(await recoverDeliveries()).toEqual({ applied: 2, skipped: 0 });

    const orders = await db.order.findMany({ where: { channelId: ch.id }, orderBy: { externalId: "asc" } });
    expect(orders.map((o) => o.externalId)).toEqual(["5812345670000000001", "5812345670000000002"]);
    const rows = await db.channelDelivery.findMany({ where: { channelId: ch.id } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(abandoned.id)).toMatchObject({ status: "PROCESSED", orderId: orders[0]?.id, attempts: 2 });
    expect(byId.get(claimedLongAgo.id)).toMatchObject({ status: "PROCESSED", orderId: orders[1]?.id });
    expect(byId.get(inProgress.id)).toMatchObject({ status: "RECEIVED", attempts: 1 });

    // Applied once: a second sweep finds nothing to do.
    expect(await recoverDeliveries()).toEqual({ applied: 0, skipped: 0 });
    expect(await db.order.count({ where: { channelId: ch.id } })).toBe(2);
  });

  it("retries a passing failure a minute later, up to the attempt limit; a document's refusal stays for a person", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const internal = deliveryNote("internalError", { detail: "Connection terminated unexpectedly" });
    const passing = await storedOrder(ch.id, 5812345670000000011n, { status: "FAILED", receivedAt: minutesAgo(5), processedAt: minutesAgo(2), error: internal, attempts: 2 });
    const tooSoon = await storedOrder(ch.id, 5812345670000000012n, { status: "FAILED", receivedAt: minutesAgo(1), processedAt: minutesAgo(0.2), error: internal });
    const exhausted = await storedOrder(ch.id, 5812345670000000013n, { status: "FAILED", receivedAt: minutesAgo(9), processedAt: minutesAgo(5), error: internal, attempts: MAX_ATTEMPTS });
    const refused = await storedOrder(ch.id, 5812345670000000014n, { status: "FAILED", receivedAt: minutesAgo(9), processedAt: minutesAgo(5), error: deliveryNote("databaseRefused", { detail: "value too long" }) });

    expect(await recoverDeliveries()).toEqual({ applied: 1, skipped: 0 });

    const rows = new Map((await db.channelDelivery.findMany({ where: { channelId: ch.id } })).map((r) => [r.id, r]));
    expect(rows.get(passing.id)).toMatchObject({ status: "PROCESSED", attempts: 3, error: null });
    for (const left of [tooSoon, exhausted, refused]) expect(rows.get(left.id)).toMatchObject({ status: "FAILED", attempts: left.attempts });
    expect((await db.order.findMany({ where: { channelId: ch.id } })).map((o) => o.externalId)).toEqual(["5812345670000000011"]);
  });

  it("applies a refund that came before its order once the order is in", async () => {
    expect(DELIVERY_NOTES.refundBeforeOrder.endsWith(BEFORE_ORDER_SUFFIX)).toBe(true);
    expect(DELIVERY_NOTES.addressBeforeOrder.endsWith(BEFORE_ORDER_SUFFIX)).toBe(true);
    const ch = await makeChannel("SHOPIFY", SECRET);
    const post = (topic: string, payload: Record<string, unknown>, webhookId: string) => {
      const body = rawJson(payload);
      return postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: shopifyHeaders(body, SECRET, { topic, webhookId }) }));
    };
    const refund = await post("refunds/create", shopifyRefund({ id: 990000000077n, orderId: 5812345670000000031n, amount: "10.00" }), "wh-refund-early");
    expect(refund.status).toBe(202);
    const row = await db.channelDelivery.findFirstOrThrow({ where: { channelId: ch.id } });
    expect(row.error).toBe("Refund 990000000077 is for order 5812345670000000031, which is not in Fluxo yet.");

    // Retried only a minute after it failed, and only once its order is in.
    expect(await recoverDeliveries()).toEqual({ applied: 0, skipped: 0 });
    const aMinuteLater = new Date(Date.now() + 61_000);
    expect(await recoverDeliveries(aMinuteLater)).toEqual({ applied: 1, skipped: 0 });
    expect(await db.channelDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "FAILED", attempts: 2 });

    expect((await post("orders/create", shopifyOrder({ id: 5812345670000000031n }), "wh-order-late")).status).toBe(200);
    expect(await recoverDeliveries(new Date(Date.now() + 122_000))).toEqual({ applied: 1, skipped: 0 });
    const order = await db.order.findFirstOrThrow({ where: { channelId: ch.id } });
    expect(await db.channelDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "PROCESSED", attempts: 3, orderId: order.id });
    expect(order.paymentStatus).toBe("PARTIALLY_REFUNDED");
  });

  it("leaves the deliveries of an inactive channel until it is active again", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET, { active: false });
    await storedOrder(ch.id, 5812345670000000021n, { status: "RECEIVED", receivedAt: minutesAgo(3) });
    expect(await recoverDeliveries()).toEqual({ applied: 0, skipped: 0 });
    await db.channel.update({ where: { id: ch.id }, data: { active: true } });
    expect(await recoverDeliveries()).toEqual({ applied: 1, skipped: 0 });
    expect(await db.order.count({ where: { channelId: ch.id } })).toBe(1);
  });

  it("two sweeps at once apply each delivery once", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    for (let i = 0n; i < 4n; i++) await storedOrder(ch.id, 5812345670000000100n + i, { status: "RECEIVED", receivedAt: minutesAgo(3) });
    const [a, b] = await Promise.all([recoverDeliveries(), recoverDeliveries()]);
    expect((a?.applied ?? 0) + (b?.applied ?? 0)).toBe(4);
    expect(await db.order.count({ where: { channelId: ch.id } })).toBe(4);
    expect(await db.orderEvent.count({ where: { order: { channelId: ch.id }, type: "order.created" } })).toBe(4);
  });
});
