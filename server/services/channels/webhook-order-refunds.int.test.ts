/**
 * Refunds listed inside an order document (WooCommerce order.updated, Shopify orders/updated),
 * through the real webhook route: each refund is counted once whichever way it arrives.
 */
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/server/test/with-test-db";
import { rawJson, shopifyHeaders, shopifyOrder, shopifyRefund, webhookRequest, wooHeaders, wooOrder } from "@/server/test/channel-payloads";
import { makeChannel, orderWithLines, postWebhook } from "@/server/test/webhook-harness";

const SECRET = "s3cret-for-tests-0123456789";
const SHOPIFY_ORDER = "5812345678901234567";
withTestDb();

async function woo(channelId: string, payload: Record<string, unknown>, topic = "order.updated") {
  const body = JSON.stringify(payload);
  return postWebhook(channelId, webhookRequest({ channelId, body, headers: wooHeaders(body, SECRET, { topic }) }));
}

async function shopify(channelId: string, topic: string, payload: Record<string, unknown>, webhookId: string) {
  const body = rawJson(payload);
  return postWebhook(channelId, webhookRequest({ channelId, body, headers: shopifyHeaders(body, SECRET, { topic, webhookId }) }));
}

/** wooOrder (processing, total 218.30) at a later version, with its refunds summary. */
const wooWithRefunds = (modified: string, refunds: { id: number; reason?: string; total: string }[], status = "processing") => ({
  ...wooOrder({ status, modified }),
  refunds: refunds.map((r) => ({ reason: "", ...r })),
});

const refundEvents = async (channelId: string, externalId: string) =>
  ((await orderWithLines(channelId, externalId))?.events ?? []).filter((e) => e.type === "payment.refunded");

describe("WooCommerce refunds via order.updated", () => {
  it("a first refund → PARTIALLY_REFUNDED, a second → REFUNDED; resent or repeated in later versions → not counted again", async () => {
    const ch = await makeChannel("WOOCOMMERCE", SECRET, { name: "Loja Woo" });
    await woo(ch.id, wooOrder(), "order.created");
    expect(await orderWithLines(ch.id, "4321")).toMatchObject({ paymentStatus: "PAID", totalCents: 21830 });

    const first = wooWithRefunds("2025-03-12T10:00:00", [{ id: 5001, reason: "Caneca lascada", total: "-20.05" }]);
    expect(await woo(ch.id, first)).toMatchObject({ status: 200, body: { status: "processed" } });
    let order = await orderWithLines(ch.id, "4321");
    expect(order?.paymentStatus).toBe("PARTIALLY_REFUNDED");
    expect((await refundEvents(ch.id, "4321")).map((e) => [e.actorLabel, e.reason, e.data])).toEqual([
      ["channel:Loja Woo", "Caneca lascada", expect.objectContaining({ externalRefundId: "5001", amountCents: 2005, refundedTotalCents: 2005, currency: "BRL", payment: { from: "PAID", to: "PARTIALLY_REFUNDED" } })],
    ]);

    // The same document again is a duplicate delivery.
    expect(await woo(ch.id, first)).toMatchObject({ status: 200, body: { status: "duplicate" } });

    // WooCommerce lists every refund of the order in each version: 5001 again, plus 5002 for the rest (198.25).
    const second = wooWithRefunds("2025-03-13T10:00:00", [{ id: 5002, total: "-198.25" }, { id: 5001, reason: "Caneca lascada", total: "-20.05" }]);
    expect(await woo(ch.id, second)).toMatchObject({ status: 200, body: { status: "processed" } });
    order = await orderWithLines(ch.id, "4321");
    expect(order?.paymentStatus).toBe("REFUNDED");
    expect((await refundEvents(ch.id, "4321")).map((e) => (e.data as { externalRefundId: string; refundedTotalCents: number }))).toEqual([
      expect.objectContaining({ externalRefundId: "5001", refundedTotalCents: 2005 }),
      expect.objectContaining({ externalRefundId: "5002", refundedTotalCents: 21830 }),
    ]);

    // A later version (a note edited) still listing both refunds: nothing new is counted.
    const third = { ...wooWithRefunds("2025-03-14T10:00:00", [{ id: 5002, total: "-198.25" }, { id: 5001, total: "-20.05" }]), customer_note: "Obrigado" };
    expect(await woo(ch.id, third)).toMatchObject({ status: 200, body: { status: "processed" } });
    expect(await refundEvents(ch.id, "4321")).toHaveLength(2);
    expect(await orderWithLines(ch.id, "4321")).toMatchObject({ paymentStatus: "REFUNDED", note: "Obrigado" });
  });

  it("an order first seen already refunded records its refunds at capture, so a later version does not count them again", async () => {
    const ch = await makeChannel("WOOCOMMERCE", SECRET);
    await woo(ch.id, wooWithRefunds("2025-03-12T10:00:00", [{ id: 7001, total: "-18.50" }]), "order.created");
    expect(await orderWithLines(ch.id, "4321")).toMatchObject({ status: "RECEIVED", paymentStatus: "PARTIALLY_REFUNDED" });
    expect((await refundEvents(ch.id, "4321")).map((e) => (e.data as { amountCents: number }).amountCents)).toEqual([1850]);

    await woo(ch.id, wooWithRefunds("2025-03-13T10:00:00", [{ id: 7001, total: "-18.50" }]));
    expect(await refundEvents(ch.id, "4321")).toHaveLength(1);
    expect(await orderWithLines(ch.id, "4321")).toMatchObject({ paymentStatus: "PARTIALLY_REFUNDED" });
  });

  it("a pending order updated straight to paid-and-partly-refunded is authorized, paid, then partially refunded", async () => {
    const ch = await makeChannel("WOOCOMMERCE", SECRET);
    await woo(ch.id, wooOrder({ status: "pending" }), "order.created");
    await woo(ch.id, wooWithRefunds("2025-03-12T10:00:00", [{ id: 7101, total: "-10.00" }]));
    const order = await orderWithLines(ch.id, "4321");
    expect(order).toMatchObject({ status: "PAYMENT_AUTHORIZED", paymentStatus: "PARTIALLY_REFUNDED" });
    expect(order?.events.map((e) => e.type).filter((t) => !t.startsWith("stock."))).toEqual([
      "order.created", "order.channel_updated", "order.payment_authorized", "order.paid", "payment.refunded",
    ]);
  });
});

describe("Shopify: the same refund as a document and inside orders/updated", () => {
  const refund = (id: bigint, amount: string) => shopifyRefund({ id, amount });

  it("refunds/create first, then orders/updated listing it: counted once", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopify(ch.id, "orders/create", shopifyOrder(), "wh-1"); // total 374.70
    expect(await shopify(ch.id, "refunds/create", refund(900000000000000011n, "100.00"), "wh-r")).toMatchObject({ body: { status: "processed" } });
    const updated = { ...shopifyOrder({ financialStatus: "partially_refunded", updatedAt: "2025-03-12T10:00:05-03:00" }), refunds: [refund(900000000000000011n, "100.00")] };
    expect(await shopify(ch.id, "orders/updated", updated, "wh-u")).toMatchObject({ body: { status: "processed" } });
    const events = await refundEvents(ch.id, SHOPIFY_ORDER);
    expect(events.map((e) => (e.data as { externalRefundId: string }).externalRefundId)).toEqual(["900000000000000011"]);
    expect(await orderWithLines(ch.id, SHOPIFY_ORDER)).toMatchObject({ paymentStatus: "PARTIALLY_REFUNDED" });
  });

  it("orders/updated first, then the refunds/create document: the document is a DUPLICATE; a second refund completes it", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopify(ch.id, "orders/create", shopifyOrder(), "wh-1");
    const updated = { ...shopifyOrder({ financialStatus: "partially_refunded", updatedAt: "2025-03-12T10:00:05-03:00" }), refunds: [refund(900000000000000021n, "74.70")] };
    await shopify(ch.id, "orders/updated", updated, "wh-u");
    expect(await shopify(ch.id, "refunds/create", refund(900000000000000021n, "74.70"), "wh-r")).toMatchObject({ status: 200, body: { status: "duplicate" } });
    expect(await shopify(ch.id, "refunds/create", refund(900000000000000022n, "300.00"), "wh-r2")).toMatchObject({ body: { status: "processed" } });
    expect(await orderWithLines(ch.id, SHOPIFY_ORDER)).toMatchObject({ paymentStatus: "REFUNDED" });
    expect((await refundEvents(ch.id, SHOPIFY_ORDER)).map((e) => (e.data as { refundedTotalCents: number }).refundedTotalCents)).toEqual([7470, 37470]);
  });

  it("the platform's refund status is not contradicted: financial_status refunded with a smaller refund list → REFUNDED", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopify(ch.id, "orders/create", shopifyOrder(), "wh-1");
    const updated = { ...shopifyOrder({ financialStatus: "refunded", updatedAt: "2025-03-12T10:00:05-03:00" }), refunds: [refund(900000000000000031n, "50.00")] };
    await shopify(ch.id, "orders/updated", updated, "wh-u");
    const order = await orderWithLines(ch.id, SHOPIFY_ORDER);
    expect(order).toMatchObject({ paymentStatus: "REFUNDED" });
    expect(await refundEvents(ch.id, SHOPIFY_ORDER)).toHaveLength(1);
    // The refund took it to PARTIALLY_REFUNDED; the channel's own status then, on the timeline with who set it.
    expect(order?.events.filter((e) => e.type === "payment.channel_status").map((e) => [e.actorLabel, e.data])).toEqual([
      [`channel:${ch.name}`, { payment: { from: "PARTIALLY_REFUNDED", to: "REFUNDED" } }],
    ]);
  });
});
