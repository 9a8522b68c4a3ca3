/**
 * What later deliveries do to an order we hold, through the real webhook route:
 * out-of-order versions, channel cancellations and deletions, refunds, a paid
 * update on a held order, and a delivery that fails to parse and is re-processed
 * after its stored body is fixed.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { isDomainError } from "@/server/lib/domain-error";
import { withTestDb } from "@/server/test/with-test-db";
import { rawJson, shopifyHeaders, shopifyOrder, shopifyRefund, webhookRequest, wooHeaders, wooOrder } from "@/server/test/channel-payloads";
import { deliveriesOf, makeChannel, makeUser, orderWithLines, postWebhook } from "@/server/test/webhook-harness";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { systemActor } from "@/server/services/order/actor";
import { reprocessDelivery } from "@/server/services/channels/reprocess-delivery";

const SECRET = "s3cret-for-tests-0123456789";
const ORDER_ID = "5812345678901234567";
withTestDb();

async function shopify(channelId: string, topic: string, payload: Record<string, unknown>, webhookId: string) {
  const body = rawJson(payload);
  return postWebhook(channelId, webhookRequest({ channelId, body, headers: shopifyHeaders(body, SECRET, { topic, webhookId }) }));
}

const orderEvents = (events: { type: string }[]) => events.map((e) => e.type).filter((t) => t.startsWith("order.") || t.startsWith("payment."));

describe("out-of-order deliveries", () => {
  it("pending (t0) → paid (t2) → a late pending (t1): the late one is IGNORED and the order stays paid", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopify(ch.id, "orders/create", shopifyOrder({ financialStatus: "pending", updatedAt: "2025-03-10T14:22:07-03:00" }), "wh-t0");
    expect(await orderWithLines(ch.id, ORDER_ID)).toMatchObject({ status: "RECEIVED", paymentStatus: "PENDING" });

    const paid = await shopify(ch.id, "orders/paid", shopifyOrder({ financialStatus: "paid", updatedAt: "2025-03-10T14:40:00-03:00" }), "wh-t2");
    expect(paid).toMatchObject({ status: 200, body: { status: "processed" } });
    const late = await shopify(ch.id, "orders/updated", shopifyOrder({ financialStatus: "pending", updatedAt: "2025-03-10T14:30:00-03:00" }), "wh-t1");
    expect(late).toMatchObject({ status: 200, body: { status: "ignored" } });

    const order = await orderWithLines(ch.id, ORDER_ID);
    expect(order).toMatchObject({ status: "PAYMENT_AUTHORIZED", paymentStatus: "PAID" });
    expect(order?.channelUpdatedAt.toISOString()).toBe("2025-03-10T17:40:00.000Z");
    expect(orderEvents(order?.events ?? [])).toEqual(["order.created", "order.channel_updated", "order.payment_authorized", "order.paid"]);
    const rows = await deliveriesOf(ch.id);
    expect(rows.map((r) => [r.deliveryKey, r.status])).toEqual([["wh-t0", "PROCESSED"], ["wh-t2", "PROCESSED"], ["wh-t1", "IGNORED"]]);
    expect(rows[2]?.error).toBe("Older than the version Fluxo holds: not applied.");
    expect(rows[2]?.orderId).toBe(order?.id);
  });

  it("the newer (paid) version arrives first and creates the order; the older one is IGNORED", async () => {
    const ch = await makeChannel("WOOCOMMERCE", SECRET);
    const newer = JSON.stringify(wooOrder({ status: "processing", modified: "2025-03-11T12:30:00" }));
    const older = JSON.stringify(wooOrder({ status: "pending", modified: "2025-03-11T12:16:30" }));
    const r1 = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: newer, headers: wooHeaders(newer, SECRET, { topic: "order.updated" }) }));
    const r2 = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: older, headers: wooHeaders(older, SECRET, { topic: "order.created" }) }));
    expect([r1.body.status, r2.body.status]).toEqual(["processed", "ignored"]);
    expect(await orderWithLines(ch.id, "4321")).toMatchObject({ status: "PAYMENT_AUTHORIZED", paymentStatus: "PAID" });
    expect((await deliveriesOf(ch.id)).map((r) => r.status)).toEqual(["PROCESSED", "IGNORED"]);
  });
});

describe("cancellations", () => {
  it("Shopify orders/cancelled → CANCELLED through the state machine, with the channel's reason on the timeline", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET, { name: "Loja Aurora" });
    await shopify(ch.id, "orders/create", shopifyOrder(), "wh-1");
    const cancel = shopifyOrder({ updatedAt: "2025-03-11T09:00:00-03:00", cancelledAt: "2025-03-11T09:00:00-03:00", cancelReason: "customer" });
    expect(await shopify(ch.id, "orders/cancelled", cancel, "wh-2")).toMatchObject({ status: 200, body: { status: "processed" } });
    const order = await orderWithLines(ch.id, ORDER_ID);
    expect(order).toMatchObject({ status: "CANCELLED", paymentStatus: "PAID" });
    const event = order?.events.find((e) => e.type === "order.cancelled");
    expect(event).toMatchObject({ fromStatus: "PAYMENT_AUTHORIZED", toStatus: "CANCELLED", reason: "customer", actorLabel: "channel:Loja Aurora" });
    // The same cancellation again (another subscription) changes nothing.
    expect(await shopify(ch.id, "orders/cancelled", cancel, "wh-3")).toMatchObject({ status: 200, body: { status: "duplicate" } });
    expect((await orderWithLines(ch.id, ORDER_ID))?.events.filter((e) => e.type === "order.cancelled")).toHaveLength(1);
  });

  it("a WooCommerce order.updated with status cancelled, and a Shopify orders/delete, both cancel", async () => {
    const woo = await makeChannel("WOOCOMMERCE", SECRET);
    const created = JSON.stringify(wooOrder({ status: "pending" }));
    await postWebhook(woo.id, webhookRequest({ channelId: woo.id, body: created, headers: wooHeaders(created, SECRET, { topic: "order.created" }) }));
    const cancelled = JSON.stringify(wooOrder({ status: "cancelled", modified: "2025-03-12T08:00:00" }));
    const res = await postWebhook(woo.id, webhookRequest({ channelId: woo.id, body: cancelled, headers: wooHeaders(cancelled, SECRET, { topic: "order.updated" }) }));
    expect(res.body.status).toBe("processed");
    expect(await orderWithLines(woo.id, "4321")).toMatchObject({ status: "CANCELLED" });

    const shop = await makeChannel("SHOPIFY", SECRET);
    await shopify(shop.id, "orders/create", shopifyOrder(), "wh-1");
    expect(await shopify(shop.id, "orders/delete", { id: 5812345678901234567n }, "wh-del")).toMatchObject({ status: 200, body: { status: "processed" } });
    const order = await orderWithLines(shop.id, ORDER_ID);
    expect(order?.status).toBe("CANCELLED");
    expect(order?.events.find((e) => e.type === "order.cancelled")?.reason).toBe("Deleted on the sales channel");
    // Deleting an order Fluxo never had is recorded, not an error.
    expect(await shopify(shop.id, "orders/delete", { id: 1n }, "wh-del-2")).toMatchObject({ status: 200, body: { status: "ignored" } });
  });
});

describe("refunds/create", () => {
  it("partial then full refund move the payment status, with a timeline event each; repeats are not counted twice", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopify(ch.id, "orders/create", shopifyOrder(), "wh-1"); // total 374.70
    const partial = shopifyRefund({ id: 900000000000000001n, amount: "100.00" });
    expect(await shopify(ch.id, "refunds/create", partial, "wh-r1")).toMatchObject({ status: 200, body: { status: "processed" } });
    let order = await orderWithLines(ch.id, ORDER_ID);
    expect(order?.paymentStatus).toBe("PARTIALLY_REFUNDED");
    const event = order?.events.find((e) => e.type === "payment.refunded");
    expect(event?.reason).toBe("Cliente desistiu");
    expect(event?.data).toMatchObject({ externalRefundId: "900000000000000001", amountCents: 10000, refundedTotalCents: 10000, currency: "BRL", payment: { from: "PAID", to: "PARTIALLY_REFUNDED" } });

    // Same delivery again → duplicate by key; same refund under another webhook id → DUPLICATE by refund id.
    expect(await shopify(ch.id, "refunds/create", partial, "wh-r1")).toMatchObject({ status: 200, body: { status: "duplicate" } });
    expect(await shopify(ch.id, "refunds/create", partial, "wh-r1-again")).toMatchObject({ status: 200, body: { status: "duplicate" } });
    order = await orderWithLines(ch.id, ORDER_ID);
    expect(order?.events.filter((e) => e.type === "payment.refunded")).toHaveLength(1);
    expect(order?.paymentStatus).toBe("PARTIALLY_REFUNDED");

    await shopify(ch.id, "refunds/create", shopifyRefund({ id: 900000000000000002n, amount: "274.70" }), "wh-r2");
    order = await orderWithLines(ch.id, ORDER_ID);
    expect(order?.paymentStatus).toBe("REFUNDED");
    expect(order?.events.filter((e) => e.type === "payment.refunded").map((e) => (e.data as { refundedTotalCents: number }).refundedTotalCents)).toEqual([10000, 37470]);
  });

  it("the same refund under three webhook ids concurrently is counted once", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopify(ch.id, "orders/create", shopifyOrder(), "wh-1");
    const refund = shopifyRefund({ id: 900000000000000003n, amount: "50.00" });
    const results = await Promise.all(["a", "b", "c"].map((k) => shopify(ch.id, "refunds/create", refund, `wh-rc-${k}`)));
    expect(results.map((r) => r.body.status).sort()).toEqual(["duplicate", "duplicate", "processed"]);
    const order = await orderWithLines(ch.id, ORDER_ID);
    expect(order?.events.filter((e) => e.type === "payment.refunded")).toHaveLength(1);
  });

  it("a refund that arrives before its order FAILS with a specific error, and is re-processed once the order is in", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const admin = await makeUser("ADMIN");
    const res = await shopify(ch.id, "refunds/create", shopifyRefund({ id: 900000000000000004n, amount: "74.70" }), "wh-early");
    expect(res).toMatchObject({ status: 202, body: { status: "failed", error: `Refund 900000000000000004 is for order ${ORDER_ID}, which is not in Fluxo yet.` } });
    await shopify(ch.id, "orders/create", shopifyOrder(), "wh-1");
    const [early] = await deliveriesOf(ch.id);
    const again = await reprocessDelivery({ actor: admin, deliveryId: early?.id ?? "" });
    expect(again).toMatchObject({ status: "PROCESSED", error: null });
    expect(await orderWithLines(ch.id, ORDER_ID)).toMatchObject({ paymentStatus: "PARTIALLY_REFUNDED" });
  });
});

describe("a held order", () => {
  it("reported paid by the channel is marked paid (MARK_PAID is allowed on hold) instead of failing the delivery", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopify(ch.id, "orders/create", shopifyOrder({ financialStatus: "pending" }), "wh-1");
    const created = await orderWithLines(ch.id, ORDER_ID);
    await applyOrderAction({ orderId: created?.id ?? "", action: { type: "HOLD", reason: "INCORRECT_ADDRESS" }, actor: systemActor("test") });
    const res = await shopify(ch.id, "orders/paid", shopifyOrder({ financialStatus: "paid", updatedAt: "2025-03-10T15:00:00-03:00" }), "wh-2");
    expect(res).toMatchObject({ status: 200, body: { status: "processed" } });
    const order = await orderWithLines(ch.id, ORDER_ID);
    expect(order).toMatchObject({ status: "PAYMENT_AUTHORIZED", paymentStatus: "PAID", onHold: true });
  });
});

describe("a delivery that fails to parse", () => {
  it("is stored FAILED with a specific error (202), retried by the platform, then re-processed after its stored body is fixed", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const operator = await makeUser("OPERATOR", "Olga Operadora");
    const broken = rawJson(shopifyOrder({ lineItems: null }));
    const headers = shopifyHeaders(broken, SECRET, { topic: "orders/create", webhookId: "wh-broken" });
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: broken, headers }));
    const noLines = 'Field "line_items" is empty or missing: Shopify must send at least one line per order.';
    expect(res).toMatchObject({ status: 202, body: { status: "failed", error: noLines } });
    const retry = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: broken, headers }));
    expect(retry.status).toBe(202);
    const [row] = await deliveriesOf(ch.id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 2, error: noLines, rawBody: broken });
    expect(await db.order.count()).toBe(0);

    // "After the fix": the stored body gets its lines (as a corrected connector would read them).
    await db.channelDelivery.update({ where: { id: row?.id ?? "" }, data: { rawBody: rawJson(shopifyOrder()) } });
    const result = await reprocessDelivery({ actor: operator, deliveryId: row?.id ?? "" });
    const order = await orderWithLines(ch.id, ORDER_ID);
    expect(result).toEqual({ deliveryId: row?.id, status: "PROCESSED", orderIds: [order?.id], error: null });
    expect(order).toMatchObject({ status: "PAYMENT_AUTHORIZED", totalCents: 37470, sourceDeliveryId: row?.id });
    expect(order?.lines).toHaveLength(2);
    expect(await db.channelDelivery.findUnique({ where: { id: row?.id ?? "" } })).toMatchObject({ status: "PROCESSED", attempts: 3, error: null, orderId: order?.id });
    const audit = await db.auditLog.findMany({ where: { entity: "ChannelDelivery", entityId: row?.id ?? "" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: operator.id, action: "channel_delivery.reprocessed", data: { from: "FAILED", to: "PROCESSED", attempt: 3 } });

    // Only FAILED / IGNORED deliveries can be re-processed.
    const refused = await reprocessDelivery({ actor: operator, deliveryId: row?.id ?? "" }).catch((e: unknown) => e);
    expect(isDomainError(refused) && refused.code).toBe("GUARD_FAILED");
    // The platform's retry of a delivery that is now PROCESSED is a duplicate.
    expect(await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: broken, headers }))).toMatchObject({ status: 200, body: { status: "duplicate" } });
  });
});
