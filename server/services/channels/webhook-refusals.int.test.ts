/**
 * A delivery Fluxo can read but one of its services refuses to apply (the
 * state machine refusing RECORD_REFUND of a refund of nothing, or on an order
 * whose total is negative), through the real webhook route: the delivery keeps
 * the service's English message with its DomainError code and values, and the
 * deliveries router gives them back so the pages word them in the reader's
 * language. Also the Mercado Livre shipment named in an address note. Texts
 * stored before either had a template are shown as stored.
 */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { MESSAGES } from "@/server/i18n/messages";
import { deliveryMessageText } from "@/components/ui/delivery-message-text";
import type { Translate } from "@/components/ui/error-text";
import { readDeliveryRefusal, refusalMessage } from "@/server/services/channels/delivery-refusals";
import { reprocessDelivery } from "@/server/services/channels/reprocess-delivery";
import { withTestDb } from "@/server/test/with-test-db";
import { mercadoLivreShipment, rawJson, shopifyHeaders, shopifyOrder, shopifyRefund, webhookRequest } from "@/server/test/channel-payloads";
import { deliveriesOf, makeChannel, makeUser, orderWithLines, postWebhook } from "@/server/test/webhook-harness";

const SECRET = "s3cret-for-tests-0123456789";
const ORDER_ID = "5812345678901234567";
withTestDb();

const translator = (locale: "en" | "pt-BR") => createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => { throw e; } }) as unknown as Translate;
const pt = translator("pt-BR");
const en = translator("en");

async function shopify(channelId: string, topic: string, payload: Record<string, unknown>, webhookId: string) {
  const body = rawJson(payload);
  return postWebhook(channelId, webhookRequest({ channelId, body, headers: shopifyHeaders(body, SECRET, { topic, webhookId }) }));
}

const ZERO_REFUND = "Cannot RECORD_REFUND an order that is PAYMENT_AUTHORIZED: amountCents must be a positive integer (cents)";

describe("a delivery one of Fluxo's services refuses", () => {
  it("a refund of nothing: the code and values come back through the deliveries router, shown in Portuguese", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    expect(await shopify(ch.id, "orders/create", shopifyOrder(), "wh-order")).toMatchObject({ status: 200 });
    const res = await shopify(ch.id, "refunds/create", shopifyRefund({ id: 900n, amount: "0.00" }), "wh-refund-0");
    expect(res).toMatchObject({ status: 202, body: { status: "failed" } });

    const params = { current: "PAYMENT_AUTHORIZED", action: "RECORD_REFUND", field: "amountCents" };
    const row = (await deliveriesOf(ch.id)).find((d) => d.deliveryKey === "wh-refund-0");
    expect(row?.status).toBe("FAILED");
    expect(res.body.error).toBe(row?.error);
    expect(refusalMessage(row?.error)).toBe(ZERO_REFUND);
    expect(readDeliveryRefusal(row?.error)).toEqual({ code: "VALIDATION", params });

    const caller = createCaller({ user: await makeUser("OPERATOR") });
    const message = { kind: "refusal", key: "VALIDATION", params };
    const page = await caller.channel.deliveries({ channelId: ch.id, status: "FAILED" });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.message).toEqual(message);
    const detail = await caller.channel.delivery({ id: row?.id ?? "" });
    expect(detail).toMatchObject({ status: "FAILED", error: row?.error, message });

    expect(deliveryMessageText(pt, detail)).toBe("Não aplicada. Um reembolso precisa devolver um valor acima de zero.");
    expect(deliveryMessageText(pt, page.items[0] ?? { error: null, message: null })).toBe(deliveryMessageText(pt, detail));
    expect(deliveryMessageText(en, detail)).toBe("Not applied. A refund must return an amount above zero.");
    // Nothing was recorded: the order is as it was.
    expect((await orderWithLines(ch.id, ORDER_ID))?.paymentStatus).toBe("PAID");
  });

  it("a refund listed in a later version of the order (updateChannelOrder), and a re-process that fails the same way", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopify(ch.id, "orders/create", shopifyOrder(), "wh-order");
    const updated = { ...shopifyOrder({ updatedAt: "2025-03-11T10:00:00-03:00" }), refunds: [shopifyRefund({ id: 901n, amount: "0.00" })] };
    expect(await shopify(ch.id, "orders/updated", updated, "wh-updated")).toMatchObject({ status: 202 });
    const row = (await deliveriesOf(ch.id)).find((d) => d.deliveryKey === "wh-updated");
    expect(readDeliveryRefusal(row?.error)).toEqual({ code: "VALIDATION", params: { current: "PAYMENT_AUTHORIZED", action: "RECORD_REFUND", field: "amountCents" } });

    const again = await reprocessDelivery({ actor: await makeUser("OPERATOR"), deliveryId: row?.id ?? "" });
    expect(again).toMatchObject({ status: "FAILED", error: row?.error });
    const detail = await createCaller({ user: await makeUser("ADMIN") }).channel.delivery({ id: row?.id ?? "" });
    expect(detail).toMatchObject({ attempts: 2, message: { kind: "refusal", key: "VALIDATION" } });
    expect(deliveryMessageText(pt, detail)).toBe("Não aplicada. Um reembolso precisa devolver um valor acima de zero.");
  });

  it("a refund on an order whose total is negative names that instead", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopify(ch.id, "orders/create", shopifyOrder({ totalPrice: "-1.00" }), "wh-order");
    expect(await shopify(ch.id, "refunds/create", shopifyRefund({ id: 902n, amount: "1.00" }), "wh-refund")).toMatchObject({ status: 202 });
    const row = (await deliveriesOf(ch.id)).find((d) => d.deliveryKey === "wh-refund");
    const [item] = (await createCaller({ user: await makeUser("MANAGER") }).channel.deliveries({ channelId: ch.id, status: "FAILED" })).items;
    expect(item?.message).toEqual({ kind: "refusal", key: "VALIDATION", params: { current: "PAYMENT_AUTHORIZED", action: "RECORD_REFUND", field: "orderTotalCents" } });
    expect(deliveryMessageText(pt, item ?? { error: null, message: null })).toBe(
      "Não aplicada. Não é possível registrar um reembolso em um pedido com total negativo.",
    );
    expect(item?.error).toBe(row?.error);
  });

  it("a refusal stored before refusals had a template is shown as stored", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const row = await db.channelDelivery.create({
      data: { channelId: ch.id, deliveryKey: "old-refusal", topic: "refunds/create", headers: {}, rawBody: "{}", status: "FAILED", error: ZERO_REFUND },
    });
    const caller = createCaller({ user: await makeUser("OPERATOR") });
    const detail = await caller.channel.delivery({ id: row.id });
    expect(detail).toMatchObject({ error: ZERO_REFUND, message: null });
    expect(deliveryMessageText(pt, detail)).toBe(ZERO_REFUND);
    const [item] = (await caller.channel.deliveries({ channelId: ch.id })).items;
    expect(deliveryMessageText(pt, item ?? { error: null, message: null })).toBe(ZERO_REFUND);
  });
});

describe("the Mercado Livre shipment named in an address note", () => {
  it("is stored in English as before and named in Portuguese on the deliveries pages", async () => {
    const ch = await makeChannel("MERCADO_LIVRE", SECRET);
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body: JSON.stringify(mercadoLivreShipment()), query: { token: SECRET } }));
    const english = "Mercado Livre shipment 44001122334 is for order 2000009876543210, which is not in Fluxo yet.";
    expect(res).toMatchObject({ status: 202, body: { error: english } });
    const [item] = (await createCaller({ user: await makeUser("OPERATOR") }).channel.deliveries({ channelId: ch.id })).items;
    expect(item?.message).toEqual({
      kind: "note", key: "addressBeforeOrder", params: { source: "Mercado Livre shipment 44001122334", order: "2000009876543210" },
    });
    expect(deliveryMessageText(en, item ?? { error: null, message: null })).toBe(english);
    expect(deliveryMessageText(pt, item ?? { error: null, message: null })).toBe(
      "O envio 44001122334 do Mercado Livre é do pedido 2000009876543210, que ainda não está no Fluxo.",
    );
  });
});
