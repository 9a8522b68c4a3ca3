import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseErrorOf } from "@/server/test/parse-error";
import type { InboundDocument, InboundRequest } from "../types";
import { nuvemshopConnector } from "./index";

const SECRET = "nuvemshop-app-secret";

function sign(body: string, secret = SECRET): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

function request(body: string, extra: Record<string, string | undefined> = {}): InboundRequest {
  return {
    rawBody: Buffer.from(body, "utf8"),
    headers: { "x-linkedstore-hmac-sha256": sign(body), ...extra },
    query: {},
  };
}

function orderOf(doc: InboundDocument) {
  if (doc.kind !== "order") throw new Error(`expected an order, got ${doc.kind}`);
  return doc.order;
}

// Written in the Nuvemshop order format (newer API: total/total_usd), with the
// duplicated "number" key the documented examples have.
const ORDER = `{
  "id": 1587654321, "number": 1, "token": "c0ffee", "store_id": 4321,
  "contact_email": "carla@example.com.br", "contact_name": "Carla Dias", "contact_phone": "+5521977776666",
  "contact_identification": "987.654.321-00",
  "billing_name": "Carla Dias", "billing_phone": "+5521977776666", "billing_address": "Rua do Catete",
  "billing_number": "210", "billing_floor": "Apto 501", "billing_locality": "Catete", "billing_zipcode": "22220-000",
  "billing_city": "Rio de Janeiro", "billing_province": "Rio de Janeiro", "billing_country": "BR",
  "shipping_cost_owner": "25.00", "shipping_cost_customer": "25.00",
  "subtotal": "189.80", "discount": "18.98", "discount_coupon": "18.98", "discount_gateway": "0.00",
  "total": "195.82", "total_usd": "35.60", "currency": "BRL", "language": "pt",
  "gateway": "mercadopago", "gateway_name": "Mercado Pago", "shipping": "correios", "shipping_option": "PAC",
  "note": "Presente", "created_at": "2025-06-01T10:00:00+0000", "updated_at": "2025-06-01T10:05:00-0300",
  "status": "open", "payment_status": "paid", "shipping_status": "unpacked", "cancel_reason": null,
  "customer": { "id": 55501, "name": "Carla Dias", "email": "carla@example.com.br", "identification": "98765432100", "phone": "+5521977776666" },
  "shipping_address": {
    "address": "Rua do Catete", "number": "210", "floor": "Apto 501", "locality": "Catete", "city": "Rio de Janeiro",
    "province": "Rio de Janeiro", "zipcode": "22220-000", "country": "BR", "name": "Carla Dias", "phone": "+5521977776666"
  },
  "products": [
    { "id": 9001, "product_id": 700, "variant_id": 800, "name": "Tênis Corrida (42)", "price": "129.90", "quantity": "1", "sku": "TEN-42" },
    { "id": 9002, "product_id": 701, "variant_id": 801, "name": "Meia Esportiva", "price": "29.95", "quantity": 2, "sku": null }
  ],
  "number": 2045
}`;

describe("nuvemshopConnector.parse: orders", () => {
  const order = orderOf(nuvemshopConnector.parse(request(ORDER)));

  it("maps the header fields (duplicate number: last wins; +0000 and -0300 offsets)", () => {
    expect(order.externalId).toBe("1587654321");
    expect(order.externalNumber).toBe("2045");
    expect(order.placedAt.toISOString()).toBe("2025-06-01T10:00:00.000Z");
    expect(order.updatedAt.toISOString()).toBe("2025-06-01T13:05:00.000Z");
    expect(order.currency).toBe("BRL");
    expect([order.state, order.paymentStatus]).toEqual(["OPEN", "PAID"]);
    expect(order.paymentMethod).toBe("Mercado Pago");
    expect(order.note).toBe("Presente");
  });

  it("maps customer and addresses", () => {
    expect(order.customer).toEqual({
      externalId: "55501", name: "Carla Dias", email: "carla@example.com.br", phone: "+5521977776666", document: "98765432100",
    });
    const address = {
      name: "Carla Dias", line1: "Rua do Catete, 210", line2: "Apto 501", district: "Catete", city: "Rio de Janeiro",
      state: "Rio de Janeiro", postalCode: "22220-000", country: "BR", phone: "+5521977776666",
    };
    expect(order.shippingAddress).toEqual(address);
    expect(order.billingAddress).toEqual(address);
  });

  it("maps products (string quantity, sku fallback to variant_id)", () => {
    expect(order.lines).toEqual([
      { externalId: "9001", sku: "TEN-42", name: "Tênis Corrida (42)", quantity: 1, unitPriceCents: 12990, discountCents: 0, taxCents: 0 },
      { externalId: "9002", sku: "801", name: "Meia Esportiva", quantity: 2, unitPriceCents: 2995, discountCents: 0, taxCents: 0 },
    ]);
  });

  it("maps totals in cents (total, or price in older payloads)", () => {
    expect([order.subtotalCents, order.discountCents, order.shippingCents, order.taxCents, order.totalCents]).toEqual([
      18980, 1898, 2500, 0, 19582,
    ]);
    const older = ORDER.replace('"total": "195.82", "total_usd": "35.60"', '"price": "195.82", "price_usd": "35.60"');
    expect(orderOf(nuvemshopConnector.parse(request(older))).totalCents).toBe(19582);
  });

  it.each([
    ["pending", "PENDING"], ["authorized", "AUTHORIZED"], ["paid", "PAID"], ["partially_paid", "PARTIALLY_PAID"],
    ["abandoned", "FAILED"], ["voided", "VOIDED"], ["refunded", "REFUNDED"], ["partially_refunded", "PARTIALLY_REFUNDED"],
  ])("payment_status %s → %s", (status, expected) => {
    const body = ORDER.replace('"payment_status": "paid"', `"payment_status": "${status}"`);
    expect(orderOf(nuvemshopConnector.parse(request(body))).paymentStatus).toBe(expected);
  });

  it("status cancelled → CANCELLED with its reason; closed stays OPEN", () => {
    const cancelled = ORDER.replace('"status": "open"', '"status": "cancelled"').replace('"cancel_reason": null', '"cancel_reason": "inventory"');
    expect(orderOf(nuvemshopConnector.parse(request(cancelled)))).toMatchObject({ state: "CANCELLED", cancelReason: "inventory" });
    expect(orderOf(nuvemshopConnector.parse(request(ORDER.replace('"status": "open"', '"status": "closed"')))).state).toBe("OPEN");
  });

  it("specific ChannelParseErrors: rule, field path, value", () => {
    const parsed = (body: string) => parseErrorOf(() => nuvemshopConnector.parse(request(body)));
    const field = (path: string) => ({ platform: "Nuvemshop", field: path });
    const noProducts = ORDER.replace(/"products": \[[\s\S]*?\],/, '"products": [],');
    expect(parsed(noProducts)).toEqual({ rule: "noLines", params: field("products") });
    const badDate = ORDER.replace("2025-06-01T10:00:00+0000", "01/06/2025 10:00");
    expect(parsed(badDate)).toEqual({ rule: "notDate", params: { ...field("created_at"), value: '"01/06/2025 10:00"' } });
    expect(() => nuvemshopConnector.parse(request(badDate))).toThrow(
      'Field "created_at" should be an ISO 8601 date-time such as 2025-03-01T10:00:00-03:00; Nuvemshop sent "01/06/2025 10:00"',
    );
    const json = JSON.parse(ORDER) as { products: Record<string, unknown>[] };
    const products = json.products.map((p, i) => (i === 0 ? { ...p, quantity: "dois" } : p));
    expect(parsed(JSON.stringify({ ...json, products }))).toEqual({ rule: "notInteger", params: { ...field("products[0].quantity"), min: "1", value: '"dois"' } });
    expect(parsed(JSON.stringify({ ...json, total: "1.234,50" }))).toEqual({ rule: "notAmount", params: { ...field("total"), value: '"1.234,50"' } });
    expect(parsed('{"hello": "world"}')).toEqual({ rule: "notRecognisedNuvemshop", params: { platform: "Nuvemshop", value: '{"hello":"world"}' } });
    expect(parsed("{'store_id':123,'event':'order/created','id':1}")).toEqual({ rule: "invalidJson", params: { platform: "Nuvemshop", line: "1", column: "2", found: "'" } });
    expect(parsed('{"store_id":4321,"event":"order/paid"}')).toEqual({ rule: "missingField", params: field("id") });
  });
});

describe("nuvemshopConnector: webhook notifications", () => {
  const body = '{"store_id":4321,"event":"order/paid","id":1587654321}';

  it("an order/* webhook is a notification that points at the order", () => {
    expect(nuvemshopConnector.parse(request(body))).toEqual({ kind: "notification", externalId: "1587654321", topic: "order/paid" });
    expect(nuvemshopConnector.deliveryKey(request(body))).toBe("4321:order/paid:1587654321");
    expect(nuvemshopConnector.topic(request(body))).toBe("order/paid");
  });

  it("other events are rejected", () => {
    expect(parseErrorOf(() => nuvemshopConnector.parse(request('{"store_id":4321,"event":"product/created","id":1948209}')))).toEqual({
      rule: "unsupportedTopic", params: { platform: "Nuvemshop", topic: "product/created", handled: "order/*" },
    });
  });

  it("order documents are keyed on id and updated_at", () => {
    expect(nuvemshopConnector.deliveryKey(request(ORDER))).toBe("order:1587654321:2025-06-01T10:05:00-0300");
    expect(nuvemshopConnector.topic(request(ORDER))).toBe("order");
    expect(nuvemshopConnector.deliveryKey(request("not json"))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("verify: hex signature ok; tampered body, wrong secret, base64 or missing header fail", () => {
    expect(nuvemshopConnector.verify(request(body), SECRET)).toEqual({ ok: true });
    const req = request(body);
    expect(nuvemshopConnector.verify({ ...req, rawBody: Buffer.from(body.replace("1587654321", "1587654322")) }, SECRET).ok).toBe(false);
    expect(nuvemshopConnector.verify(req, "other-secret").ok).toBe(false);
    expect(nuvemshopConnector.verify(request(body, { "x-linkedstore-hmac-sha256": sign(body).toUpperCase() }), SECRET)).toEqual({ ok: true });
    const base64 = createHmac("sha256", SECRET).update(body).digest("base64");
    expect(nuvemshopConnector.verify(request(body, { "x-linkedstore-hmac-sha256": base64 }), SECRET).ok).toBe(false);
    expect(nuvemshopConnector.verify(request(body, { "x-linkedstore-hmac-sha256": undefined }), SECRET)).toEqual({
      ok: false,
      reason: "missing x-linkedstore-hmac-sha256 header",
    });
  });
});
