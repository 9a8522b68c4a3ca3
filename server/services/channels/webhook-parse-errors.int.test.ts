/**
 * A payload a connector cannot read, through the real webhook route: the
 * delivery keeps the parse error's English text, which reads back into its rule
 * and values, and the delivery read model (getDelivery, listDeliveries) gives
 * them so the deliveries pages word them in the reader's language. An error
 * stored before rules existed is shown as stored.
 */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { MESSAGES } from "@/server/i18n/messages";
import { readChannelParseError } from "@/server/channels/parse-errors";
import { deliveryMessageText } from "@/components/ui/delivery-message-text";
import type { Translate } from "@/components/ui/error-text";
import { withTestDb } from "@/server/test/with-test-db";
import { mercadoLivreOrder, rawJson, shopifyHeaders, shopifyOrder, webhookRequest } from "@/server/test/channel-payloads";
import { deliveriesOf, makeChannel, postWebhook } from "@/server/test/webhook-harness";
import { getDelivery } from "@/server/services/channels/get-delivery";
import { listDeliveries } from "@/server/services/channels/list-deliveries";

const SECRET = "s3cret-for-tests-0123456789";
withTestDb();

const translator = (locale: "en" | "pt-BR") =>
  createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => { throw e; } }) as unknown as Translate;
const pt = translator("pt-BR");
const en = translator("en");

describe("a payload a connector cannot read", () => {
  it("stores the rule's English text, and the read model gives its rule and values: shown in Portuguese", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const lines = [
      { id: 1n, sku: "CAM-BR-M", title: "Camiseta", quantity: 2, price: "79.90" },
      { id: 2n, sku: "CAL-42", title: "Calça", quantity: "dois", price: "199.90" },
    ];
    const body = rawJson(shopifyOrder({ lineItems: lines }));
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-bad-qty" }) }));
    const english = 'Field "line_items[1].quantity" should be a whole number ≥ 1; Shopify sent "dois"';
    expect(res).toMatchObject({ status: 202, body: { status: "failed", error: english } });

    const [row] = await deliveriesOf(ch.id);
    expect(row).toMatchObject({ status: "FAILED", error: english });
    const params = { platform: "Shopify", field: "line_items[1].quantity", min: "1", value: '"dois"' };
    expect(readChannelParseError(row?.error)).toEqual({ key: "notInteger", params });

    const portuguese = 'O campo "line_items[1].quantity" deveria ser um número inteiro ≥ 1; Shopify enviou "dois"';
    const detail = await getDelivery({ deliveryId: row?.id ?? "" });
    expect(detail.message).toEqual({ kind: "parseError", key: "notInteger", params });
    expect(deliveryMessageText(pt, detail)).toBe(portuguese);
    expect(deliveryMessageText(en, detail)).toBe(english);

    const page = await listDeliveries({ input: { channelId: ch.id } });
    expect(page.items[0]?.message).toEqual({ kind: "parseError", key: "notInteger", params });
    expect(deliveryMessageText(pt, page.items[0] ?? { error: null, message: null })).toBe(portuguese);
  });

  it("a body that is not JSON and a document of the wrong kind name what the platform should send", async () => {
    const ch = await makeChannel("MERCADO_LIVRE", SECRET);
    const post = (body: string) => postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, query: { token: SECRET } }));
    expect(await post('{"id": 1,\n "status": paid}')).toMatchObject({ status: 202 });
    expect(await post(JSON.stringify({ ...mercadoLivreOrder(), buyer: null }))).toMatchObject({ status: 202 });

    const page = await listDeliveries({ input: { channelId: ch.id } });
    expect(page.items.map((d) => d.message?.key)).toEqual(["missingField", "invalidJson"]);
    expect(page.items.map((d) => deliveryMessageText(pt, d))).toEqual([
      'O campo "buyer" é obrigatório, mas Mercado Livre não o enviou.',
      'Mercado Livre enviou um corpo que não é JSON válido: ele quebra na linha 2, coluna 12, em "p".',
    ]);
  });

  it("an error stored before rules existed is shown as stored, in either language", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const old = "Shopify order 5812345678901234567 has no line_items";
    const row = await db.channelDelivery.create({
      data: { channelId: ch.id, deliveryKey: "old-1", topic: "orders/create", headers: {}, rawBody: "{}", status: "FAILED", error: old },
    });
    const detail = await getDelivery({ deliveryId: row.id });
    expect(detail).toMatchObject({ error: old, message: null });
    expect(deliveryMessageText(pt, detail)).toBe(old);
    const [item] = (await listDeliveries({ input: { channelId: ch.id } })).items;
    expect(item).toMatchObject({ error: old, message: null });
    expect(deliveryMessageText(en, item ?? { error: null, message: null })).toBe(old);
  });
});
