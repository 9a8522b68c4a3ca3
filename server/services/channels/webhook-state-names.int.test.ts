/**
 * Platforms that send a Brazilian state's name where a carrier needs its UF (Nuvemshop's `province`, a Shopify
 * address without `province_code`): the order stores the UF, so it ships, allocates by region and raises no
 * ADDRESS_INCOMPLETE exception.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { nuvemshopHeaders, nuvemshopOrder, rawJson, shopifyHeaders, shopifyOrder, webhookRequest } from "@/server/test/channel-payloads";
import { makeChannel, postWebhook } from "@/server/test/webhook-harness";

const SECRET = "s3cret-for-tests-0123456789";
withTestDb();

async function stored(channelId: string) {
  const order = await db.order.findFirstOrThrow({ where: { channelId } });
  const exceptions = await db.exception.findMany({ where: { orderId: order.id, type: "ADDRESS_INCOMPLETE" } });
  return { ship: order.shippingAddress as { state?: string }, bill: order.billingAddress as { state?: string }, shipState: order.shipState, exceptions };
}

describe("a Brazilian state sent by its name", () => {
  it("Nuvemshop: province \"São Paulo\" is stored as SP on the shipping address and \"minas gerais\" as MG on the billing one", async () => {
    const ch = await makeChannel("NUVEMSHOP", SECRET);
    const payload = nuvemshopOrder();
    payload.shipping_address = { ...(payload.shipping_address as Record<string, unknown>), province: "São Paulo", city: "São Paulo", zipcode: "01310-100" };
    Object.assign(payload, { billing_address: "Rua da Bahia", billing_number: "1148", billing_city: "Belo Horizonte", billing_province: "minas gerais", billing_country: "BR" });
    const body = JSON.stringify(payload);
    const res = await postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: nuvemshopHeaders(body, SECRET) }));
    expect(res.status).toBe(200);
    const o = await stored(ch.id);
    expect(o.ship.state).toBe("SP");
    expect(o.bill.state).toBe("MG");
    expect(o.shipState).toBe("SP");
    expect(o.exceptions).toEqual([]);
  });

  it("Shopify: an empty province_code falls back to the province's name, stored as its UF; a name that is no state stays and is an exception", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    const send = async (id: bigint, province: string) => {
      const payload = shopifyOrder({ id });
      payload.shipping_address = { ...(payload.shipping_address as Record<string, unknown>), province, province_code: "" };
      const body = rawJson(payload);
      return postWebhook(ch.id, webhookRequest({ channelId: ch.id, body, headers: shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: `wh-${id}` }) }));
    };
    expect((await send(5812345670000000401n, "Rio de Janeiro")).status).toBe(200);
    const rio = await stored(ch.id);
    expect([rio.ship.state, rio.shipState, rio.exceptions.length]).toEqual(["RJ", "RJ", 0]);

    const other = await makeChannel("SHOPIFY", SECRET, { name: "Outra loja" });
    const payload = shopifyOrder({ id: 5812345670000000402n });
    payload.shipping_address = { ...(payload.shipping_address as Record<string, unknown>), province: "Gotham", province_code: "" };
    const body = rawJson(payload);
    await postWebhook(other.id, webhookRequest({ channelId: other.id, body, headers: shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId: "wh-gotham" }) }));
    const gotham = await stored(other.id);
    expect(gotham.ship.state).toBe("Gotham");
    expect(gotham.exceptions.map((e) => (e.data as { missing: string[] }).missing)).toEqual([["state"]]);
  });
});
