/**
 * Deliveries that cannot be applied the first time, through the real webhook
 * route: retries under the same delivery key, values the database refuses, an
 * unexpected error, and a delivery abandoned mid-processing.
 */
import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { amazonEnvelope, rawJson, shopifyHeaders, shopifyOrder, webhookRequest } from "@/server/test/channel-payloads";
import { deliveriesOf, makeChannel, postWebhook } from "@/server/test/webhook-harness";

const SECRET = "s3cret-for-tests-0123456789";

/** Capture failures to inject: the order capture throws while this count is above zero. */
const failing = { captures: 0 };
vi.mock("@/server/services/order/capture-order", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/services/order/capture-order")>();
  return {
    ...actual,
    captureOrder: async (...args: Parameters<typeof actual.captureOrder>) => {
      if (failing.captures > 0) {
        failing.captures -= 1;
        throw new Error("Connection terminated unexpectedly");
      }
      return actual.captureOrder(...args);
    },
  };
});
withTestDb();

describe("retries under the same delivery key", () => {
  it("a FAILED delivery is retried with the body it arrives with now (a corrected Amazon envelope), not the stored copy", async () => {
    const ch = await makeChannel("AMAZON", SECRET);
    const wrong = JSON.stringify(amazonEnvelope({ itemsOrderId: "701-0000000-0000000" }));
    const first = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: wrong, query: { token: SECRET } }));
    expect(first).toMatchObject({ status: 202, body: { error: "Amazon getOrderItems page 0 is for order 701-0000000-0000000, not for order 701-1234567-7654321" } });
    const fixed = JSON.stringify(amazonEnvelope());
    const second = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: fixed, query: { token: SECRET } }));
    expect(second).toMatchObject({ status: 200, body: { status: "processed" } });
    expect((await deliveriesOf(ch.id)).map((r) => [r.deliveryKey, r.status, r.attempts, r.rawBody])).toEqual([
      ["order:701-1234567-7654321:2025-03-06T15:30:00Z", "PROCESSED", 2, fixed],
    ]);
  });
});

describe("bodies that cannot be stored", () => {
  it("an amount beyond the integer columns → FAILED with a specific error (not a 500 that leaves the row RECEIVED)", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = rawJson(shopifyOrder({ totalPrice: "99999999.99" }));
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-big" }) }));
    expect(res).toMatchObject({ status: 202, body: { status: "failed" } });
    expect(res.body.error).toBe("Order 5812345678901234567: totalCents is 9999999999, beyond what Fluxo can store (±2147483647 cents or units).");
    expect(await db.order.count()).toBe(0);
  });

  it("a string Postgres cannot hold (NUL) → FAILED with the database's message (202), and a retry re-claims it", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const order = shopifyOrder();
    order.note = "antes\u0000depois";
    const body = rawJson(order);
    const headers = shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-nul" });
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers }));
    expect(res).toMatchObject({ status: 202, body: { status: "failed" } });
    expect(res.body.error).toBe('The database refused a value of this document: unsupported Unicode escape sequence (SQLSTATE 22P05)');
    const retry = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers }));
    expect(retry.status).toBe(202);
    expect((await deliveriesOf(ch.id)).map((r) => [r.status, r.attempts])).toEqual([["FAILED", 2]]);
    expect(await db.order.count()).toBe(0);
  });

  it("an unexpected (possibly transient) error → 500 so the platform retries; the row is FAILED, not stuck RECEIVED, and the retry succeeds", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = rawJson(shopifyOrder());
    const headers = shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-flaky" });
    // The order capture loses its connection.
    failing.captures = 1;
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers }));
    expect(res).toMatchObject({ status: 500, body: { status: "error", error: "Internal error while processing: Connection terminated unexpectedly" } });
    expect((await deliveriesOf(ch.id)).map((r) => r.status)).toEqual(["FAILED"]);
    const retry = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers }));
    expect(retry).toMatchObject({ status: 200, body: { status: "processed" } });
    expect((await deliveriesOf(ch.id)).map((r) => [r.status, r.attempts, r.error])).toEqual([["PROCESSED", 2, null]]);
    expect(await db.order.count()).toBe(1);
  });

  it("a delivery abandoned in RECEIVED (process crashed) is re-claimed by the platform's retry", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = rawJson(shopifyOrder());
    const headers = shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-crash" });
    await db.channelDelivery.create({
      data: { channelId: ch.id, deliveryKey: "wh-crash", topic: "orders/create", headers, rawBody: body, receivedAt: new Date(Date.now() - 10 * 60_000) },
    });
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers }));
    expect(res).toMatchObject({ status: 200, body: { status: "processed" } });
    expect((await deliveriesOf(ch.id)).map((r) => [r.status, r.attempts])).toEqual([["PROCESSED", 2]]);
    // A RECEIVED row that is still fresh is someone else's work in progress: a duplicate.
    const body2 = rawJson(shopifyOrder({ id: 5812345678901234999n }));
    const headers2 = shopifyHeaders(body2, SECRET, { topic: "orders/create", webhookId: "wh-busy" });
    await db.channelDelivery.create({ data: { channelId: ch.id, deliveryKey: "wh-busy", topic: "orders/create", headers: headers2, rawBody: body2 } });
    const busy = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: body2, headers: headers2 }));
    expect(busy).toMatchObject({ status: 200, body: { status: "duplicate" } });
  });
});
