/**
 * The webhook path `npm start` serves ahead of Next's router
 * (scripts/serve.ts): a real Node HTTP server on a free port, real requests.
 * It answers once the delivery is stored and parsed ("received"), and applies
 * it right after; refusals (signature, size, a body that is not a document)
 * are answered exactly as the App Router route does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { amazonEnvelope, rawJson, shopifyHeaders, shopifyOrder, shopifyRefund, webhookRequest, webhookUrl } from "@/server/test/channel-payloads";
import { deliveriesOf, makeChannel, postWebhook, startWebhookServer } from "@/server/test/webhook-harness";
import { MAX_WEBHOOK_BYTES, isWebhookRequest } from "@/server/http/webhook-fast-path";
import { pendingAfterResponse, settleAfterResponse } from "@/server/lib/after-response";
import { balance, buildWorld, lines } from "@/server/services/stock/stock-test-fixtures";

const SECRET = "s3cret-for-tests-0123456789";
withTestDb();
let server: Awaited<ReturnType<typeof startWebhookServer>>;
let origin: string;

beforeAll(async () => {
  server = await startWebhookServer();
  origin = server.origin;
});
afterAll(async () => {
  await server.close();
});

async function post(channelId: string, body: string | Buffer, headers: Record<string, string>, query?: Record<string, string>) {
  const res = await fetch(webhookUrl(channelId, query, origin), { method: "POST", body: typeof body === "string" ? body : new Uint8Array(body), headers: { "content-type": "application/json", ...headers } });
  return { status: res.status, body: (await res.json()) as { status: string; deliveryId?: string; orderIds?: string[]; error?: string } };
}

describe("webhooks served ahead of Next's router", () => {
  it("answers once the delivery is stored, captures the order right after; the same delivery again is a 200 duplicate", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = rawJson(shopifyOrder({ id: 5812345678901234567n }));
    const headers = shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-fast-1" });
    const first = await post(ch.id, body, headers);
    expect(first).toMatchObject({ status: 200, body: { status: "received" } });
    expect(await settleAfterResponse()).toBe(true);
    const order = await db.order.findFirstOrThrow({ where: { channelId: ch.id } });
    expect(order.externalId).toBe("5812345678901234567");
    expect(await db.channelDelivery.findUniqueOrThrow({ where: { id: first.body.deliveryId } })).toMatchObject({ status: "PROCESSED", orderId: order.id });
    const again = await post(ch.id, body, headers);
    expect(again).toMatchObject({ status: 200, body: { status: "duplicate", orderIds: [order.id] } });
    expect(await db.order.count()).toBe(1);
  });

  it("refuses a tampered body with 401 and records the rejection", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = rawJson(shopifyOrder());
    const headers = shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-fast-2" });
    const res = await post(ch.id, body.replace("Maria", "Mario"), headers);
    expect(res.status).toBe(401);
    expect((await deliveriesOf(ch.id)).map((d) => d.status)).toEqual(["REJECTED"]);
    expect(await db.order.count()).toBe(0);
  });

  it("reads the token of unsigned platforms from the query string", async () => {
    const ch = await makeChannel("AMAZON", SECRET);
    const body = JSON.stringify(amazonEnvelope());
    expect((await post(ch.id, body, {}, { token: "wrong" })).status).toBe(401);
    expect(await post(ch.id, body, {}, { token: SECRET })).toMatchObject({ status: 200, body: { status: "received" } });
    expect(await settleAfterResponse()).toBe(true);
    expect((await deliveriesOf(ch.id)).map((d) => d.status)).toEqual(["REJECTED", "PROCESSED"]);
  });

  it("answers a body that does not parse exactly as the App Router route does", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = '{"id": 1, "line_items": "not a list"';
    const viaFastPath = await post(ch.id, body, shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-fast-3" }));
    const viaNext = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-fast-4" }) }));
    expect(viaFastPath.status).toBe(202);
    expect(viaFastPath.status).toBe(viaNext.status);
    expect(viaFastPath.body.error).toBe(viaNext.body.error);
    expect(viaFastPath.body.status).toBe("failed");
  });

  it("keeps on the delivery row (FAILED) a refusal that only applying the document finds", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = rawJson(shopifyRefund({ id: 900001n, orderId: 5812345678900000001n, amount: "10.00" }));
    const res = await post(ch.id, body, shopifyHeaders(body, SECRET, { topic: "refunds/create", webhookId: "wh-fast-refund" }));
    expect(res).toMatchObject({ status: 200, body: { status: "received" } });
    expect(await settleAfterResponse()).toBe(true);
    const [row] = await deliveriesOf(ch.id);
    expect(row).toMatchObject({ status: "FAILED", error: "Refund 900001 is for order 5812345678900000001, which is not in Fluxo yet." });
  });

  it("refuses a body over the size limit with 413 and an unknown channel with 404", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const huge = Buffer.alloc(MAX_WEBHOOK_BYTES + 1, 32);
    expect((await post(ch.id, huge, {})).status).toBe(413);
    expect(await post("00000000-0000-4000-8000-000000000000", "{}", {})).toMatchObject({ status: 404, body: { status: "unknown_channel" } });
    expect(await post("%E0%A4%A", "{}", {})).toMatchObject({ status: 404, body: { status: "unknown_channel" } });
  });

  it("captures the order and reserves its stock after the answer", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["CAM-BR-M", "CAL-JEANS-42"], stock: [{ sku: "CAM-BR-M", wh: "SP1", onHand: 5 }, { sku: "CAL-JEANS-42", wh: "SP1", onHand: 5 }] });
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = rawJson(shopifyOrder());
    const res = await post(ch.id, body, shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-fast-reserve" }));
    expect(res).toMatchObject({ status: 200, body: { status: "received" } });
    expect(await settleAfterResponse()).toBe(true);
    const orderId = (await db.order.findFirstOrThrow({ where: { channelId: ch.id } })).id;
    expect(await lines(orderId)).toEqual([
      expect.objectContaining({ sku: "CAM-BR-M", quantity: 2, reservedQty: 2 }),
      expect.objectContaining({ sku: "CAL-JEANS-42", quantity: 1, reservedQty: 1 }),
    ]);
    expect((await balance(w, "CAM-BR-M", "SP1")).reserved).toBe(2);
    expect(await db.orderEvent.count({ where: { orderId, type: "stock.reserved" } })).toBe(1);
  });

  // PGlite is one session: a second transaction holding the row cannot run beside the webhook's statements.
  it.skipIf(!process.env.TEST_DATABASE_URL)("does not keep the platform waiting while applying the delivery waits for a locked stock row", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["CAM-BR-M", "CAL-JEANS-42"], stock: [{ sku: "CAM-BR-M", wh: "SP1", onHand: 5 }, { sku: "CAL-JEANS-42", wh: "SP1", onHand: 5 }] });
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = rawJson(shopifyOrder({ id: 5812345678901239999n }));
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "StockBalance" WHERE "skuId" = ${w.sku["CAM-BR-M"]}::uuid FOR UPDATE`;
      const res = await post(ch.id, body, shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-fast-locked" }));
      expect(res).toMatchObject({ status: 200, body: { status: "received" } });
      expect(pendingAfterResponse()).toBe(1);
    });
    expect(await settleAfterResponse()).toBe(true);
    const orderId = (await db.order.findFirstOrThrow({ where: { channelId: ch.id } })).id;
    expect((await lines(orderId)).map((l) => l.reservedQty)).toEqual([2, 1]);
  });

  it("only takes POSTs to a webhook path", () => {
    expect(isWebhookRequest({ method: "POST", url: "/api/channels/abc/webhook?token=x" })).toBe(true);
    expect(isWebhookRequest({ method: "GET", url: "/api/channels/abc/webhook" })).toBe(false);
    expect(isWebhookRequest({ method: "POST", url: "/api/channels/abc/deliveries" })).toBe(false);
    expect(isWebhookRequest({ method: "POST", url: "/orders" })).toBe(false);
  });
});
