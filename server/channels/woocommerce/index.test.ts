import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseErrorOf } from "@/server/test/parse-error";
import type { InboundDocument, InboundRequest } from "../types";
import { wooCommerceConnector } from "./index";

const SECRET = "wc-webhook-secret";
const SOURCE = "https://loja.example.com.br/";

function sign(body: string, secret = SECRET): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

function request(body: string, topic: string | undefined, extra: Record<string, string | undefined> = {}): InboundRequest {
  return {
    rawBody: Buffer.from(body, "utf8"),
    headers: {
      "x-wc-webhook-topic": topic,
      "x-wc-webhook-signature": sign(body),
      "x-wc-webhook-source": SOURCE,
      "x-wc-webhook-delivery-id": "9b0c1c5b6e2f0a7d",
      "x-wc-webhook-id": "12",
      ...extra,
    },
    query: {},
  };
}

function orderOf(doc: InboundDocument) {
  if (doc.kind !== "order") throw new Error(`expected an order, got ${doc.kind}`);
  return doc.order;
}

// Written in the WooCommerce REST v3 order format (as order.* webhooks send it).
const ORDER = JSON.stringify({
  id: 1187, parent_id: 0, number: "1187", status: "processing", currency: "BRL", version: "9.1.0",
  date_created: "2025-05-02T10:45:10", date_created_gmt: "2025-05-02T13:45:10",
  date_modified: "2025-05-02T10:46:00", date_modified_gmt: "2025-05-02T13:46:00",
  discount_total: "9.00", discount_tax: "0.00", shipping_total: "15.00", shipping_tax: "0.00",
  cart_tax: "8.10", total: "104.10", total_tax: "8.10", prices_include_tax: false, customer_id: 0,
  billing: {
    first_name: "Ana", last_name: "Lima &amp; Filhos", company: "", address_1: "Rua das Flores", address_2: "Sala 3",
    number: "55", neighborhood: "Centro", city: "Curitiba", state: "PR", postcode: "80010-000", country: "BR",
    email: "ana.lima@example.com.br", phone: "(41) 99999-0000",
  },
  shipping: { first_name: "", last_name: "", company: "", address_1: "", address_2: "", city: "", state: "", postcode: "", country: "", phone: "" },
  payment_method: "pix", payment_method_title: "Pix", transaction_id: "E123",
  date_paid: "2025-05-02T10:46:00", date_paid_gmt: "2025-05-02T13:46:00", customer_note: "",
  meta_data: [{ id: 1, key: "billing_cpf", value: "123.456.789-09" }, { id: 2, key: "is_vat_exempt", value: "no" }],
  line_items: [
    { id: 901, name: "Caneca &ndash; Edição &quot;Café&quot;", product_id: 55, variation_id: 0, quantity: 3, tax_class: "",
      subtotal: "10.00", subtotal_tax: "1.00", total: "9.00", total_tax: "0.90", taxes: [], meta_data: [], sku: "", price: 10 / 3 },
    { id: 902, name: "Camiseta P", product_id: 60, variation_id: 61, quantity: 2, tax_class: "",
      subtotal: "80.00", subtotal_tax: "8.00", total: "72.00", total_tax: "7.20", taxes: [], meta_data: [], sku: "CAM-P", price: 40 },
  ],
  tax_lines: [], shipping_lines: [{ id: 903, method_title: "Sedex", method_id: "flat_rate", total: "15.00" }],
  fee_lines: [], coupon_lines: [{ id: 904, code: "dez", discount: "9.00" }], refunds: [],
});

describe("wooCommerceConnector.parse: orders", () => {
  const order = orderOf(wooCommerceConnector.parse(request(ORDER, "order.created")));

  it("maps the header fields (GMT dates without offset are UTC)", () => {
    expect(order.externalId).toBe("1187");
    expect(order.externalNumber).toBe("1187");
    expect(order.placedAt.toISOString()).toBe("2025-05-02T13:45:10.000Z");
    expect(order.updatedAt.toISOString()).toBe("2025-05-02T13:46:00.000Z");
    expect(order.currency).toBe("BRL");
    expect(order.state).toBe("OPEN");
    expect(order.paymentStatus).toBe("PAID");
    expect(order.paymentMethod).toBe("Pix");
    expect(order.note).toBeUndefined();
  });

  it("maps customer (CPF from meta_data, entities decoded) and drops the empty shipping address", () => {
    expect(order.customer).toEqual({
      externalId: undefined, name: "Ana Lima & Filhos", email: "ana.lima@example.com.br", phone: "(41) 99999-0000", document: "12345678909",
    });
    expect(order.shippingAddress).toBeUndefined();
    expect(order.billingAddress).toEqual({
      name: "Ana Lima & Filhos", line1: "Rua das Flores, 55", line2: "Sala 3", district: "Centro", city: "Curitiba",
      state: "PR", postalCode: "80010-000", country: "BR", phone: "(41) 99999-0000",
    });
  });

  it("maps lines: exact unit price from subtotal when divisible, else price; discount = subtotal − total", () => {
    expect(order.lines).toEqual([
      { externalId: "901", sku: "55", name: "Caneca – Edição \"Café\"", quantity: 3, unitPriceCents: 333, discountCents: 100, taxCents: 90 },
      { externalId: "902", sku: "CAM-P", name: "Camiseta P", quantity: 2, unitPriceCents: 4000, discountCents: 800, taxCents: 720 },
    ]);
  });

  it("maps totals in cents", () => {
    expect([order.subtotalCents, order.discountCents, order.shippingCents, order.taxCents, order.totalCents]).toEqual([
      9000, 900, 1500, 810, 10410,
    ]);
  });

  it.each([
    ["pending", "OPEN", "PENDING", false],
    ["on-hold", "OPEN", "PENDING", false],
    ["processing", "OPEN", "PAID", true],
    ["completed", "OPEN", "PAID", true],
    ["cancelled", "CANCELLED", "VOIDED", false],
    ["cancelled", "CANCELLED", "PAID", true],
    ["refunded", "CANCELLED", "REFUNDED", true],
    ["failed", "CANCELLED", "FAILED", false],
    ["shipped-custom", "OPEN", "PAID", true],
  ])("status %s → %s / %s (paid: %s)", (status, state, payment, paid) => {
    const o = JSON.parse(ORDER) as Record<string, unknown>;
    o["status"] = status;
    if (!paid) o["date_paid"] = o["date_paid_gmt"] = null;
    const mapped = orderOf(wooCommerceConnector.parse(request(JSON.stringify(o), "order.updated")));
    expect([mapped.state, mapped.paymentStatus]).toEqual([state, payment]);
  });

  it("partial refunds make a paid order PARTIALLY_REFUNDED", () => {
    const o = JSON.parse(ORDER) as Record<string, unknown>;
    o["refunds"] = [{ id: 1200, reason: "", total: "-20.00" }];
    expect(orderOf(wooCommerceConnector.parse(request(JSON.stringify(o), "order.updated"))).paymentStatus).toBe("PARTIALLY_REFUNDED");
  });

  it("order.deleted → deletion, a JSON array → orders", () => {
    expect(wooCommerceConnector.parse(request('{"id":1187}', "order.deleted"))).toEqual({ kind: "deletion", externalId: "1187" });
    const list = wooCommerceConnector.parse(request(`[${ORDER},${ORDER.replace('"id":1187', '"id":1188')}]`, undefined));
    expect(list.kind === "orders" ? list.orders.map((o) => o.externalId) : list.kind).toEqual(["1187", "1188"]);
  });

  it("specific ChannelParseErrors: rule, field path and value", () => {
    // null: no topic header (a document a poller fetched).
    const parsed = (body: string, topic: string | null = "order.created") => parseErrorOf(() => wooCommerceConnector.parse(request(body, topic ?? undefined)));
    const field = (path: string) => ({ platform: "WooCommerce", field: path });
    const with_ = (patch: object) => JSON.stringify({ ...(JSON.parse(ORDER) as object), ...patch });
    expect(parsed(ORDER, "product.created")).toEqual({
      rule: "unsupportedTopic", params: { platform: "WooCommerce", topic: "product.created", handled: "order.created, order.updated, order.restored, order.deleted" },
    });
    expect(parsed(with_({ line_items: [] }))).toEqual({ rule: "noLines", params: field("line_items") });
    const badDate = ORDER.replace("2025-05-02T13:45:10", "2025-13-02T13:45:10");
    expect(parsed(badDate)).toEqual({ rule: "notDate", params: { ...field("date_created_gmt"), value: '"2025-13-02T13:45:10"' } });
    // Without the _gmt field, the site's local date is read, and named.
    expect(parsed(with_({ date_created_gmt: null, date_created: "02/05/2025" }))).toEqual({ rule: "notDate", params: { ...field("date_created"), value: '"02/05/2025"' } });
    expect(parsed("{}", "order.deleted")).toEqual({ rule: "missingField", params: field("id") });
    expect(parsed("webhook_id=abc")).toEqual({ rule: "invalidJson", params: { platform: "WooCommerce", line: "1", column: "1", found: "w" } });
    expect(parsed(with_({ total: 104.1, currency: "" }))).toEqual({ rule: "missingField", params: field("currency") });
    // An order list: each order's path starts at its index.
    const second = with_({ id: 1188, line_items: [{ id: 1, sku: "X", quantity: 0, subtotal: "1.00", total: "1.00" }] });
    expect(parsed(`[${ORDER},${second}]`, null)).toEqual({ rule: "notInteger", params: { ...field("[1].line_items[0].quantity"), min: "1", value: "0" } });
    expect(parsed(`[${ORDER}, 5]`, null)).toEqual({ rule: "notObject", params: { ...field("[1]"), value: "5" } });
    // No topic and no known shape.
    expect(parsed('{"hello": "world"}', null)).toEqual({ rule: "notRecognisedWooCommerce", params: { platform: "WooCommerce", value: '{"hello":"world"}' } });
    // A polled refund without its order.
    expect(parsed('{"id": 726, "amount": "10.00", "refunded_by": 1}', null)).toEqual({
      rule: "missingOneOf", params: { platform: "WooCommerce", fields: "parent_id, order_id, _links.up" },
    });
  });
});

describe("wooCommerceConnector: ping", () => {
  const ping: InboundRequest = { rawBody: Buffer.from("webhook_id=12"), headers: { "user-agent": "WooCommerce/9.1 Hookshot" }, query: {} };

  it("the unsigned creation ping verifies and parses to a ping", () => {
    expect(wooCommerceConnector.verify(ping, SECRET)).toEqual({ ok: true });
    expect(wooCommerceConnector.parse(ping)).toEqual({ kind: "ping" });
    expect(wooCommerceConnector.deliveryKey(ping)).toBe("ping:12");
    expect(wooCommerceConnector.topic(ping)).toBe("ping");
  });

  it("only an exact ping body skips the signature", () => {
    const fake = { ...ping, rawBody: Buffer.from("webhook_id=12&status=completed") };
    expect(wooCommerceConnector.verify(fake, SECRET)).toEqual({ ok: false, reason: "missing x-wc-webhook-signature header" });
    const json = { ...ping, rawBody: Buffer.from(ORDER) };
    expect(wooCommerceConnector.verify(json, SECRET).ok).toBe(false);
    // With a signature header the ping is checked like any delivery.
    const badlySigned = { ...ping, headers: { "x-wc-webhook-signature": sign("other") } };
    expect(wooCommerceConnector.verify(badlySigned, SECRET).ok).toBe(false);
  });
});

describe("wooCommerceConnector.verify / deliveryKey / topic", () => {
  it("accepts the correct signature and rejects tampering, wrong secret, missing header", () => {
    const req = request(ORDER, "order.created");
    expect(wooCommerceConnector.verify(req, SECRET)).toEqual({ ok: true });
    expect(wooCommerceConnector.verify({ ...req, rawBody: Buffer.from(ORDER.replace("104.10", "1.10")) }, SECRET).ok).toBe(false);
    expect(wooCommerceConnector.verify(req, "wrong").ok).toBe(false);
    expect(wooCommerceConnector.verify(request(ORDER, "order.created", { "x-wc-webhook-signature": undefined }), SECRET)).toEqual({
      ok: false,
      reason: "missing x-wc-webhook-signature header",
    });
  });

  it("keys on source + order id + date_modified_gmt, not on the per-send delivery id", () => {
    const a = wooCommerceConnector.deliveryKey(request(ORDER, "order.created"));
    expect(a).toBe(`${SOURCE}|1187|2025-05-02T13:46:00`);
    const resent = request(ORDER, "order.created", { "x-wc-webhook-delivery-id": "another-send" });
    expect(wooCommerceConnector.deliveryKey(resent)).toBe(a);
    expect(wooCommerceConnector.deliveryKey(request('{"id":1187}', "order.deleted"))).toBe(`${SOURCE}|1187|deleted`);
    expect(wooCommerceConnector.deliveryKey(request("[]", undefined))).toMatch(/\|sha256:[0-9a-f]{64}$/);
    expect(wooCommerceConnector.topic(request(ORDER, "order.updated"))).toBe("order.updated");
  });
});
