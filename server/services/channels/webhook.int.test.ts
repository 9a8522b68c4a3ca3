/**
 * The inbound webhook pipeline end to end: the real route handler
 * (app/api/channels/[channelId]/webhook/route.ts) against a fresh database,
 * with payloads in each platform's own format and real signatures.
 * Order events (out-of-order updates, cancellations, refunds, re-process after a
 * parse failure) are in webhook-order-events.int.test.ts; retries and bodies that
 * cannot be stored in webhook-failures.int.test.ts.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import {
  amazonEnvelope, mercadoLivreNotification, mercadoLivreOrder, mercadoLivreShipment, nuvemshopHeaders, nuvemshopOrder, rawJson,
  shopifyHeaders, shopifyOrder, vtexOrder, webhookRequest, wooHeaders, wooOrder,
} from "@/server/test/channel-payloads";
import { deliveriesOf, makeChannel, makeUser, orderWithLines, postWebhook } from "@/server/test/webhook-harness";
import { CHANNEL_INACTIVE_NOTE } from "@/server/services/channels/receive-delivery";
import { reprocessDelivery } from "@/server/services/channels/reprocess-delivery";

const SECRET = "s3cret-for-tests-0123456789";
withTestDb();

describe("each platform creates the expected order", () => {
  it("Shopify orders/create: exact 64-bit ids, customer, lines, totals in cents, paid → PAYMENT_AUTHORIZED", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET, { name: "Loja Aurora" });
    const body = rawJson(shopifyOrder());
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-1" }) }));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("processed");

    // 5812345678901234567 > 2^53: a JSON.parse-based pipeline would store 5812345678901234000.
    const order = await orderWithLines(ch.id, "5812345678901234567");
    expect(order).not.toBeNull();
    if (!order) return;
    expect(res.body.orderIds).toEqual([order.id]);
    expect(order).toMatchObject({
      externalNumber: "#1042",
      customerName: "Maria Silva",
      customerEmail: "maria.silva@example.com.br",
      currency: "BRL",
      status: "PAYMENT_AUTHORIZED",
      paymentStatus: "PAID",
      fulfillmentStatus: "UNFULFILLED",
      subtotalCents: 35970,
      discountCents: 1000,
      shippingCents: 2500,
      taxCents: 0,
      totalCents: 37470,
      paymentMethod: "mercado_pago",
      shipState: "SP",
      test: false,
    });
    expect(order.placedAt.toISOString()).toBe("2025-03-10T17:22:05.000Z");
    expect(order.customer).toMatchObject({ name: "Maria Silva", email: "maria.silva@example.com.br" });
    expect(order.lines.map((l) => [l.externalId, l.sku, l.quantity, l.unitPriceCents, l.discountCents, l.totalCents])).toEqual([
      ["14567890123456789012", "CAM-BR-M", 2, 7990, 1000, 14980],
      ["14567890123456789013", "CAL-JEANS-42", 1, 19990, 0, 19990],
    ]);
    // Order-stage events (stock events such as stock.backordered follow; they belong to the stock tests).
    expect(order.events.filter((e) => e.type.startsWith("order.")).map((e) => [e.type, e.toStatus, e.actorLabel])).toEqual([
      ["order.created", "RECEIVED", "channel:Loja Aurora"],
      ["order.payment_authorized", "PAYMENT_AUTHORIZED", "channel:Loja Aurora"],
    ]);
    const [delivery] = await deliveriesOf(ch.id);
    expect(delivery).toMatchObject({ deliveryKey: "wh-1", topic: "orders/create", status: "PROCESSED", orderId: order.id, error: null, rawBody: body });
    expect(order.sourceDeliveryId).toBe(delivery?.id);
  });

  it("WooCommerce order.created: base64 signature, HTML entities decoded, CPF digits, Brazilian address", async () => {
    const ch = await makeChannel("WOOCOMMERCE", SECRET);
    const body = JSON.stringify(wooOrder());
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: wooHeaders(body, SECRET, { topic: "order.created" }) }));
    expect(res).toMatchObject({ status: 200, body: { status: "processed" } });
    const order = await orderWithLines(ch.id, "4321");
    expect(order).toMatchObject({
      externalNumber: "4321", customerName: "João Pereira", customerEmail: "joao.pereira@example.com", currency: "BRL",
      status: "PAYMENT_AUTHORIZED", paymentStatus: "PAID", subtotalCents: 19980, shippingCents: 1850, discountCents: 0, totalCents: 21830,
      paymentMethod: "Pix", shipState: "PR", note: "Entregar no horário comercial",
    });
    expect(order?.customer?.document).toBe("12345678909");
    expect(order?.lines.map((l) => [l.sku, l.name, l.quantity, l.unitPriceCents])).toEqual([
      ["CAN-ESM-AZ", "Caneca Esmaltada – Azul", 2, 3990],
      ["BULE-1L", "Bule Esmaltado 1L", 1, 12000],
    ]);
    expect(order?.shippingAddress).toMatchObject({ line1: "Avenida Sete de Setembro, 1020", district: "Centro", city: "Curitiba", postalCode: "80060-070" });
    const [delivery] = await deliveriesOf(ch.id);
    expect(delivery?.deliveryKey).toBe("https://loja.example.com.br/|4321|2025-03-11T12:16:30");
  });

  it("Mercado Livre: the notification is recorded; the fetched order (token in ?token=) creates the order", async () => {
    const ch = await makeChannel("MERCADO_LIVRE", SECRET);
    const note = JSON.stringify(mercadoLivreNotification(2000009876543210));
    const first = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: note, query: { token: SECRET } }));
    expect(first).toMatchObject({ status: 200, body: { status: "processed", orderIds: [] } });
    const [n] = await deliveriesOf(ch.id);
    expect(n).toMatchObject({ topic: "orders_v2", status: "PROCESSED", deliveryKey: "b7c1e9f0-6a2d-4f1e-9d3c-2a1b0c9d8e7f", orderId: null });
    expect(n?.error).toBe("Notification orders_v2 for order 2000009876543210: the order document must be delivered to apply it.");

    const body = JSON.stringify(mercadoLivreOrder());
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, query: { token: SECRET } }));
    expect(res).toMatchObject({ status: 200, body: { status: "processed" } });
    const order = await orderWithLines(ch.id, "2000009876543210");
    expect(order).toMatchObject({
      customerName: "Carlos Souza", customerEmail: "carlos.souza@example.com", currency: "BRL", status: "PAYMENT_AUTHORIZED",
      paymentStatus: "PAID", subtotalCents: 14980, totalCents: 14980, paymentMethod: "pix",
    });
    expect(order?.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([["FONE-BT-PR", 2, 7490]]);
  });

  it("Mercado Livre: the shipment sets the order's delivery address; before its order it fails and re-processes; once invoiced it is only recorded", async () => {
    const ch = await makeChannel("MERCADO_LIVRE", SECRET);
    const send = (doc: Record<string, unknown>) => postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: JSON.stringify(doc), query: { token: SECRET } }));
    const early = await send(mercadoLivreShipment());
    expect(early).toMatchObject({ status: 202, body: { status: "failed", error: "Mercado Livre shipment 44001122334 is for order 2000009876543210, which is not in Fluxo yet." } });

    expect((await send(mercadoLivreOrder())).status).toBe(200);
    const captured = await orderWithLines(ch.id, "2000009876543210");
    expect([captured?.shippingAddress, captured?.shipState, captured?.shipBy]).toEqual([null, null, null]);

    const retried = await reprocessDelivery({ actor: await makeUser("OPERATOR"), deliveryId: early.body.deliveryId ?? "" });
    expect(retried).toMatchObject({ status: "PROCESSED", orderIds: [captured?.id] });
    const order = await orderWithLines(ch.id, "2000009876543210");
    expect(order?.shippingAddress).toEqual({
      name: "Carlos Souza", line1: "Avenida Sete de Setembro, 1200", line2: "Casa", district: "Centro", city: "Salvador", state: "BA",
      postalCode: "40060001", country: "BR", phone: "71999990000",
    });
    expect(order?.shipState).toBe("BA");
    expect(order?.shipBy?.toISOString()).toBe("2025-03-12T03:00:00.000Z");
    expect(order?.version).toBe((captured?.version ?? 0) + 1);
    expect(order?.events.at(-1)).toMatchObject({
      type: "order.address_from_channel", actorLabel: `channel:${ch.name}`, reason: "Mercado Livre shipment 44001122334", data: expect.objectContaining({ state: "BA", city: "Salvador" }),
    });

    // The same shipment fetched again (another status, same address): recorded as a duplicate.
    expect(await send({ ...mercadoLivreShipment(), status: "shipped" })).toMatchObject({ status: 200, body: { status: "duplicate" } });
    // Once invoiced, the address on the invoice stays.
    await db.order.update({ where: { id: order?.id }, data: { status: "INVOICED" } });
    const late = await send(mercadoLivreShipment({ city: "Feira de Santana" }));
    expect(late).toMatchObject({ status: 200, body: { status: "ignored" } });
    expect((await deliveriesOf(ch.id)).at(-1)?.error).toBe(`Order #${order?.number} is already INVOICED: its address stays as invoiced.`);
    expect((await db.order.findUniqueOrThrow({ where: { id: order?.id } })).shippingAddress).toMatchObject({ city: "Salvador" });
  });

  it("VTEX order with the token in the x-fluxo-token header (never stored)", async () => {
    const ch = await makeChannel("VTEX", SECRET);
    const body = JSON.stringify(vtexOrder());
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: { "x-fluxo-token": SECRET } }));
    expect(res).toMatchObject({ status: 200, body: { status: "processed" } });
    const order = await orderWithLines(ch.id, "1520034567890-01");
    expect(order).toMatchObject({
      customerName: "Beatriz Lima", customerEmail: "beatriz.lima@example.com", currency: "BRL", status: "PAYMENT_AUTHORIZED", paymentStatus: "PAID",
      subtotalCents: 25990, discountCents: 1000, shippingCents: 1900, totalCents: 26890, shipState: "RJ",
    });
    expect(order?.customer?.document).toBe("98765432100");
    expect(order?.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents, l.discountCents])).toEqual([["TENIS-RUN-41", 1, 25990, 1000]]);
    const [delivery] = await deliveriesOf(ch.id);
    expect(delivery?.headers).toMatchObject({ "x-fluxo-token": "[redacted]" });
    expect(JSON.stringify(delivery?.headers)).not.toContain(SECRET);
  });

  it("Nuvemshop order with a hex signature", async () => {
    const ch = await makeChannel("NUVEMSHOP", SECRET);
    const body = JSON.stringify(nuvemshopOrder());
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: nuvemshopHeaders(body, SECRET) }));
    expect(res).toMatchObject({ status: 200, body: { status: "processed" } });
    const order = await orderWithLines(ch.id, "871234567");
    expect(order).toMatchObject({
      externalNumber: "3051", customerName: "Fernanda Costa", customerEmail: "fernanda.costa@example.com", currency: "BRL",
      status: "PAYMENT_AUTHORIZED", paymentStatus: "PAID", subtotalCents: 15980, discountCents: 1598, shippingCents: 2190, totalCents: 16572, shipState: "MG",
    });
    expect(order?.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([["VELA-LAV", 2, 7990]]);
  });

  it("Amazon {order, orderItems} envelope with the token", async () => {
    const ch = await makeChannel("AMAZON", SECRET);
    const body = JSON.stringify(amazonEnvelope());
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, query: { token: SECRET } }));
    expect(res).toMatchObject({ status: 200, body: { status: "processed" } });
    const order = await orderWithLines(ch.id, "701-1234567-7654321");
    expect(order).toMatchObject({
      customerName: "Rafael Alves", customerEmail: "rafael.alves@marketplace.amazon.com.br", currency: "BRL", status: "PAYMENT_AUTHORIZED",
      paymentStatus: "PAID", subtotalCents: 23980, shippingCents: 1500, totalCents: 25480, shipState: "SC",
    });
    expect(order?.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents])).toEqual([["LIVRO-ATLAS", 2, 11990]]);
  });
});

describe("authenticity", () => {
  it("a large body (over 256 KB) is stored on its own and processed like any other", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = rawJson({ ...shopifyOrder({ id: 77n }), note: "x".repeat(400_000) });
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-big" }) }));
    expect(res.status).toBe(200);
    const order = await orderWithLines(ch.id, "77");
    expect(order?.note).toHaveLength(400_000);
    expect(await deliveriesOf(ch.id)).toEqual([expect.objectContaining({ deliveryKey: "wh-big", status: "PROCESSED", orderId: order?.id, rawBody: body })]);
  });

  it("a tampered Shopify body → 401, stored as REJECTED with the reason, no order", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const signed = rawJson(shopifyOrder());
    const tampered = signed.replace('"total_price":"374.70"', '"total_price":"3.70"');
    expect(tampered).not.toBe(signed);
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: tampered, headers: shopifyHeaders(signed, SECRET, { topic: "orders/create", webhookId: "wh-t" }) }));
    expect(res.status).toBe(401);
    expect(res.body.status).toBe("rejected");
    const rows = await deliveriesOf(ch.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "REJECTED", topic: "orders/create", rawBody: tampered, orderId: null });
    expect(rows[0]?.error).toBe("Signature check failed: x-shopify-hmac-sha256 does not match the body (wrong secret or altered body)");
    expect(await db.order.count()).toBe(0);
  });

  it.each([
    ["WOOCOMMERCE", (b: string) => wooHeaders(b, "wrong-secret-123", { topic: "order.created" }), {}, "x-wc-webhook-signature does not match"],
    ["NUVEMSHOP", (b: string) => nuvemshopHeaders(b, "wrong-secret-123"), {}, "x-linkedstore-hmac-sha256 does not match"],
    ["SHOPIFY", () => ({ "x-shopify-topic": "orders/create" }), {}, "missing x-shopify-hmac-sha256 header"],
    ["MERCADO_LIVRE", () => ({}), { token: "not-the-token" }, "token does not match the channel secret"],
    ["VTEX", () => ({}), {}, "missing token"],
    ["AMAZON", () => ({ "x-fluxo-token": "nope-nope" }), {}, "token does not match the channel secret"],
  ] as const)("%s without a valid signature/token → 401 REJECTED", async (platform, headers, query, reason) => {
    const ch = await makeChannel(platform, SECRET);
    const body = JSON.stringify({ id: 1 });
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: headers(body), query }));
    expect(res.status).toBe(401);
    const [row] = await deliveriesOf(ch.id);
    expect(row?.status).toBe("REJECTED");
    expect(row?.error).toContain(reason);
  });

  it("WooCommerce's creation ping → 200 without a signature; an unsigned order is still refused", async () => {
    const ch = await makeChannel("WOOCOMMERCE", SECRET);
    const ping = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: "webhook_id=12", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(ping).toMatchObject({ status: 200, body: { status: "processed", orderIds: [] } });
    const [row] = await deliveriesOf(ch.id);
    expect(row).toMatchObject({ topic: "ping", deliveryKey: "ping:12", status: "PROCESSED", error: "Webhook handshake." });
    const unsigned = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: JSON.stringify(wooOrder()), headers: { "x-wc-webhook-topic": "order.created" } }));
    expect(unsigned.status).toBe(401);
  });

  it("unknown channel → 404; inactive channel → 409 after the signature check", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await postWebhook(unknown, webhookRequest({ channelId: unknown, body: "{}" }))).status).toBe(404);
    expect((await postWebhook("not-a-uuid", webhookRequest({ channelId: "not-a-uuid", body: "{}" }))).status).toBe(404);
    const ch = await makeChannel("SHOPIFY", SECRET, { active: false });
    const body = rawJson(shopifyOrder());
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: shopifyHeaders(body, SECRET, { topic: "orders/create" }) }));
    expect(res).toMatchObject({ status: 409, body: { status: "channel_inactive" } });
    expect(await db.order.count()).toBe(0);
  });

  it("a delivery to an inactive channel is kept, and the platform's retry after reactivation creates the order", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET, { active: false });
    const body = rawJson(shopifyOrder());
    const headers = shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-while-inactive" });
    const send = () => postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers }));
    expect((await send()).status).toBe(409);
    expect((await send()).status).toBe(409); // retried while still inactive: still one row
    const kept = await deliveriesOf(ch.id);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ status: "IGNORED", error: CHANNEL_INACTIVE_NOTE, rawBody: body, deliveryKey: "wh-while-inactive" });
    expect(await db.order.count()).toBe(0);

    await db.channel.update({ where: { id: ch.id }, data: { active: true } });
    const retried = await send();
    expect(retried).toMatchObject({ status: 200, body: { status: "processed" } });
    expect(await db.order.count()).toBe(1);
    const [row] = await deliveriesOf(ch.id);
    expect(row).toMatchObject({ status: "PROCESSED", attempts: 2 });
    expect((await send()).body.status).toBe("duplicate");
  });
});

describe("deduplication", () => {
  it("the same delivery three times concurrently → one order, 200 each time, processed once", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = rawJson(shopifyOrder());
    const headers = shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-same" });
    const results = await Promise.all([1, 2, 3].map(() => postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers }))));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.status).sort()).toEqual(["duplicate", "duplicate", "processed"]);
    expect(await db.order.count()).toBe(1);
    expect(await db.orderLine.count()).toBe(2);
    expect(await db.customer.count()).toBe(1);
    const rows = await deliveriesOf(ch.id);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["PROCESSED", 1]]);
  });

  it("the same order under different delivery keys concurrently → one order; the others are DUPLICATE", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const body = rawJson(shopifyOrder());
    const results = await Promise.all(
      ["wh-a", "wh-b", "wh-c"].map((webhookId) =>
        postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId }) })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.status).sort()).toEqual(["duplicate", "duplicate", "processed"]);
    expect(await db.order.count()).toBe(1);
    expect(await db.orderLine.count()).toBe(2);
    expect(await db.orderEvent.count({ where: { type: "order.created" } })).toBe(1);
    expect(await db.orderEvent.count({ where: { type: "order.payment_authorized" } })).toBe(1);
    const order = await db.order.findFirstOrThrow();
    expect(new Set(results.flatMap((r) => r.body.orderIds))).toEqual(new Set([order.id]));
    const rows = await deliveriesOf(ch.id);
    expect(rows.map((r) => r.status).sort()).toEqual(["DUPLICATE", "DUPLICATE", "PROCESSED"]);
    expect(rows.filter((r) => r.status === "DUPLICATE").every((r) => r.error === "Same version as the one Fluxo holds.")).toBe(true);
  });
});
