import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseErrorOf } from "@/server/test/parse-error";
import type { InboundDocument, InboundRequest } from "../types";
import { shopifyConnector } from "./index";

const SECRET = "shpss_test_secret";

function sign(body: string, secret = SECRET): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

function request(body: string, topic: string, extra: Record<string, string | undefined> = {}): InboundRequest {
  return {
    rawBody: Buffer.from(body, "utf8"),
    headers: {
      "x-shopify-topic": topic,
      "x-shopify-hmac-sha256": sign(body),
      "x-shopify-webhook-id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
      "x-shopify-shop-domain": "loja-teste.myshopify.com",
      ...extra,
    },
    query: {},
  };
}

function orderOf(doc: InboundDocument) {
  if (doc.kind !== "order") throw new Error(`expected an order, got ${doc.kind}`);
  return doc.order;
}

// Written in Shopify's webhook format (API 2025-01 shape), ids above 2^53 on purpose.
const ORDER = `{
  "id": 5678901234567890123,
  "admin_graphql_api_id": "gid://shopify/Order/5678901234567890123",
  "name": "#1042", "order_number": 1042, "number": 42,
  "created_at": "2025-03-10T14:22:05-03:00", "updated_at": "2025-03-10T14:25:00-03:00",
  "cancelled_at": null, "cancel_reason": null,
  "currency": "brl", "presentment_currency": "BRL",
  "financial_status": "paid", "fulfillment_status": null,
  "email": "", "contact_email": "maria.souza@example.com.br", "phone": null,
  "note": "Entregar após as 18h", "test": false,
  "payment_gateway_names": ["shopify_payments"],
  "total_line_items_price": "250.00", "subtotal_price": "237.50", "total_discounts": "12.50",
  "total_tax": "4.50", "total_price": "262.00",
  "customer": {
    "id": 7012345678901234567, "admin_graphql_api_id": "gid://shopify/Customer/7012345678901234567",
    "email": "maria.souza@example.com.br", "first_name": "Maria", "last_name": "Souza", "phone": "+5511988887777"
  },
  "billing_address": {
    "first_name": "Maria", "last_name": "Souza", "name": "Maria Souza", "address1": "Av. Paulista, 1000",
    "address2": "Apto 12", "city": "São Paulo", "province": "São Paulo", "province_code": "SP",
    "zip": "01310-100", "country": "Brazil", "country_code": "BR", "phone": "+5511988887777"
  },
  "shipping_address": {
    "first_name": "João", "last_name": "Souza", "name": "João Souza", "address1": "Rua Augusta, 500",
    "address2": null, "city": "São Paulo", "province_code": "SP", "zip": "01305-000",
    "country_code": "br", "phone": null
  },
  "line_items": [
    {
      "id": 13012345678901234567, "admin_graphql_api_id": "gid://shopify/LineItem/13012345678901234567",
      "sku": "CAM-AZ-M", "title": "Camiseta Azul", "name": "Camiseta Azul - M", "quantity": 2, "price": "100.00",
      "total_discount": "7.50", "product_id": 8012345678901234567, "variant_id": 9012345678901234567,
      "discount_allocations": [ { "amount": "5.00", "discount_application_index": 0 }, { "amount": "2.50", "discount_application_index": 1 } ],
      "tax_lines": [ { "title": "ICMS", "price": "3.00", "rate": 0.015 }, { "title": "ISS", "price": "0.60", "rate": 0.003 } ]
    },
    {
      "id": 13012345678901234568, "admin_graphql_api_id": "gid://shopify/LineItem/13012345678901234568",
      "sku": "", "title": "Meia", "quantity": 1, "price": "50.00", "total_discount": "5.00",
      "product_id": 8012345678901234999, "variant_id": 9012345678901234999,
      "discount_allocations": [], "tax_lines": [ { "title": "ICMS", "price": "0.90", "rate": 0.018 } ]
    }
  ],
  "shipping_lines": [ { "id": 1, "title": "PAC", "price": "15.00" }, { "id": 2, "title": "Seguro", "price": "5.00" } ]
}`;

describe("shopifyConnector.parse: orders", () => {
  const order = orderOf(shopifyConnector.parse(request(ORDER, "orders/create")));

  it("keeps 64-bit ids exact", () => {
    expect(order.externalId).toBe("5678901234567890123");
    expect(order.customer.externalId).toBe("7012345678901234567");
    expect(order.lines.map((l) => l.externalId)).toEqual(["13012345678901234567", "13012345678901234568"]);
  });

  it("maps the header fields", () => {
    expect(order.externalNumber).toBe("#1042");
    expect(order.placedAt.toISOString()).toBe("2025-03-10T17:22:05.000Z");
    expect(order.updatedAt.toISOString()).toBe("2025-03-10T17:25:00.000Z");
    expect(order.currency).toBe("BRL");
    expect(order.state).toBe("OPEN");
    expect(order.paymentStatus).toBe("PAID");
    expect(order.paymentMethod).toBe("shopify_payments");
    expect(order.note).toBe("Entregar após as 18h");
    expect(order.test).toBe(false);
  });

  it("maps customer and addresses", () => {
    expect(order.customer).toEqual({
      externalId: "7012345678901234567",
      name: "Maria Souza",
      email: "maria.souza@example.com.br",
      phone: "+5511988887777",
    });
    expect(order.shippingAddress).toEqual({
      name: "João Souza", line1: "Rua Augusta, 500", line2: undefined, city: "São Paulo",
      state: "SP", postalCode: "01305-000", country: "BR", phone: undefined,
    });
    expect(order.billingAddress?.line2).toBe("Apto 12");
  });

  it("maps lines: sku fallback to the exact variant id, discounts not double counted, taxes summed", () => {
    expect(order.lines).toEqual([
      { externalId: "13012345678901234567", sku: "CAM-AZ-M", name: "Camiseta Azul", quantity: 2, unitPriceCents: 10000, discountCents: 750, taxCents: 360 },
      { externalId: "13012345678901234568", sku: "9012345678901234999", name: "Meia", quantity: 1, unitPriceCents: 5000, discountCents: 500, taxCents: 90 },
    ]);
  });

  it("maps totals in cents (subtotal before discounts, shipping = sum of shipping lines)", () => {
    expect([order.subtotalCents, order.discountCents, order.shippingCents, order.taxCents, order.totalCents]).toEqual([
      25000, 1250, 2000, 450, 26200,
    ]);
    expect(order.subtotalCents - order.discountCents + order.shippingCents + order.taxCents).toBe(order.totalCents);
  });

  it("orders/cancelled is an order in state CANCELLED with its reason", () => {
    const body = ORDER.replace('"cancelled_at": null, "cancel_reason": null', '"cancelled_at": "2025-03-11T09:00:00-03:00", "cancel_reason": "customer"');
    const o = orderOf(shopifyConnector.parse(request(body, "orders/cancelled")));
    expect(o.state).toBe("CANCELLED");
    expect(o.cancelReason).toBe("customer");
    // Forced by the topic even if cancelled_at were missing.
    expect(orderOf(shopifyConnector.parse(request(ORDER, "orders/cancelled"))).state).toBe("CANCELLED");
  });

  it.each([
    ["pending", "PENDING"], ["authorized", "AUTHORIZED"], ["partially_paid", "PARTIALLY_PAID"], ["paid", "PAID"],
    ["partially_refunded", "PARTIALLY_REFUNDED"], ["refunded", "REFUNDED"], ["voided", "VOIDED"], ["something_new", "PENDING"],
  ])("financial_status %s → %s", (status, expected) => {
    const body = ORDER.replace('"financial_status": "paid"', `"financial_status": "${status}"`);
    expect(orderOf(shopifyConnector.parse(request(body, "orders/updated"))).paymentStatus).toBe(expected);
  });

  it("rejects orders without line items, with bad dates or without an id: rule, field path and value", () => {
    const parsed = (body: string, topic = "orders/create") => parseErrorOf(() => shopifyConnector.parse(request(body, topic)));
    const field = (path: string) => ({ platform: "Shopify", field: path });
    const noLines = ORDER.replace(/"line_items": \[[\s\S]*?\n {2}\],/, '"line_items": [],');
    expect(parsed(noLines)).toEqual({ rule: "noLines", params: field("line_items") });
    const badDate = ORDER.replace("2025-03-10T14:22:05-03:00", "2025-02-30T14:22:05-03:00");
    expect(parsed(badDate)).toEqual({ rule: "notDate", params: { ...field("created_at"), value: '"2025-02-30T14:22:05-03:00"' } });
    expect(parsed('{"line_items": []}')).toEqual({ rule: "missingField", params: field("id") });
    expect(parsed(ORDER.replace('"quantity": 2', '"quantity": "two"'))).toEqual({
      rule: "notInteger", params: { ...field("line_items[0].quantity"), min: "1", value: '"two"' },
    });
    expect(parsed(ORDER.replace('"price": "100.00"', '"price": "100,00"'))).toEqual({ rule: "notAmount", params: { ...field("line_items[0].price"), value: '"100,00"' } });
    expect(parsed(ORDER.replace('"currency": "brl", "presentment_currency": "BRL"', '"currency": null'))).toEqual({ rule: "missingField", params: field("currency") });
    expect(parsed(ORDER.replace('"sku": "", "title": "Meia"', '"title": "Meia"').replace(/"product_id": 8012345678901234999, "variant_id": 9012345678901234999,/, "")
      .replace('"id": 13012345678901234568, "admin_graphql_api_id": "gid://shopify/LineItem/13012345678901234568",', ""))).toEqual({
      rule: "missingOneOf", params: { platform: "Shopify", fields: "line_items[1].sku, line_items[1].variant_id, line_items[1].product_id, line_items[1].id" },
    });
    expect(parsed(ORDER.replace('"customer": {', '"customer": "Maria", "x": {'))).toEqual({ rule: "notObject", params: { ...field("customer"), value: '"Maria"' } });
    expect(parsed(ORDER.replace('"shipping_lines": [', '"shipping_lines": 20, "x": ['))).toEqual({ rule: "notArray", params: { ...field("shipping_lines"), value: "20" } });
    // A REST response ({"order": …}): the path starts at "order".
    expect(parsed(`{"order": ${noLines}}`)).toEqual({ rule: "noLines", params: field("order.line_items") });
    // The stored text is the rule's English sentence.
    expect(() => shopifyConnector.parse(request(noLines, "orders/create"))).toThrow('Field "line_items" is empty or missing: Shopify must send at least one line per order.');
  });
});

const REFUND = `{
  "id": 940123456789012345, "admin_graphql_api_id": "gid://shopify/Refund/940123456789012345",
  "order_id": 5678901234567890123, "created_at": "2025-03-12T10:00:00-03:00", "note": "Produto com defeito",
  "restock": false,
  "refund_line_items": [
    { "id": 1, "line_item_id": 13012345678901234567, "quantity": 1, "restock_type": "return", "subtotal": 96.25, "total_tax": 1.8,
      "line_item": { "id": 13012345678901234567, "admin_graphql_api_id": "gid://shopify/LineItem/13012345678901234567", "sku": "CAM-AZ-M" } }
  ],
  "transactions": [
    { "id": 1, "kind": "refund", "status": "success", "amount": "98.05", "currency": "BRL" },
    { "id": 2, "kind": "refund", "status": "failure", "amount": "98.05", "currency": "BRL" }
  ]
}`;

describe("shopifyConnector.parse: refunds and deletions", () => {
  it("refunds/create → refund with exact ids and successful transactions only", () => {
    const doc = shopifyConnector.parse(request(REFUND, "refunds/create"));
    expect(doc).toEqual({
      kind: "refund",
      refund: {
        externalOrderId: "5678901234567890123",
        externalRefundId: "940123456789012345",
        amountCents: 9805,
        currency: "BRL",
        createdAt: new Date("2025-03-12T13:00:00Z"),
        reason: "Produto com defeito",
        lines: [{ externalLineId: "13012345678901234567", sku: "CAM-AZ-M", quantity: 1, restock: true }],
      },
    });
  });

  it("orders/delete → deletion", () => {
    expect(shopifyConnector.parse(request('{"id": 5678901234567890123}', "orders/delete"))).toEqual({
      kind: "deletion",
      externalId: "5678901234567890123",
    });
  });

  it("unknown or missing topic, invalid JSON, refunds and deletions without ids → ChannelParseError with its rule", () => {
    const parsed = (req: InboundRequest) => parseErrorOf(() => shopifyConnector.parse(req));
    expect(parsed(request("{}", "products/create"))).toEqual({
      rule: "unsupportedTopic",
      params: {
        platform: "Shopify", topic: "products/create",
        handled: "orders/create, orders/updated, orders/paid, orders/fulfilled, orders/partially_fulfilled, orders/cancelled, orders/delete, refunds/create",
      },
    });
    expect(parsed(request("{}", "orders/create", { "x-shopify-topic": undefined }))).toEqual({ rule: "missingHeader", params: { platform: "Shopify", header: "x-shopify-topic" } });
    expect(parsed(request('{"id": 1,', "orders/create"))).toEqual({ rule: "truncatedJson", params: { platform: "Shopify", line: "1", column: "10" } });
    expect(parsed(request('{"id": 1; }', "orders/create"))).toEqual({ rule: "invalidJson", params: { platform: "Shopify", line: "1", column: "9", found: ";" } });
    expect(parsed(request("[1, 2]", "orders/create"))).toEqual({ rule: "bodyNotObject", params: { platform: "Shopify", value: "[1,2]" } });
    expect(parsed(request("{}", "orders/delete"))).toEqual({ rule: "missingField", params: { platform: "Shopify", field: "id" } });
    expect(parsed(request(REFUND.replace('"order_id": 5678901234567890123, ', ""), "refunds/create"))).toEqual({
      rule: "missingField", params: { platform: "Shopify", field: "order_id" },
    });
    expect(parsed(request(`{"refund": ${REFUND.replace('"quantity": 1', '"quantity": -1')}}`, "refunds/create"))).toEqual({
      rule: "notInteger", params: { platform: "Shopify", field: "refund.refund_line_items[0].quantity", min: "0", value: "-1" },
    });
  });
});

describe("shopifyConnector.verify / deliveryKey / topic", () => {
  it("accepts the correct signature", () => {
    expect(shopifyConnector.verify(request(ORDER, "orders/create"), SECRET)).toEqual({ ok: true });
  });

  it("rejects a tampered body, a wrong secret, a missing or malformed header", () => {
    const req = request(ORDER, "orders/create");
    const tampered = { ...req, rawBody: Buffer.from(ORDER.replace('"250.00"', '"25.00"')) };
    expect(shopifyConnector.verify(tampered, SECRET).ok).toBe(false);
    expect(shopifyConnector.verify(req, "another-secret").ok).toBe(false);
    const missing = shopifyConnector.verify(request(ORDER, "orders/create", { "x-shopify-hmac-sha256": undefined }), SECRET);
    expect(missing).toEqual({ ok: false, reason: "missing x-shopify-hmac-sha256 header" });
    const hex = createHmac("sha256", SECRET).update(ORDER).digest("hex");
    expect(shopifyConnector.verify(request(ORDER, "orders/create", { "x-shopify-hmac-sha256": hex }), SECRET).ok).toBe(false);
    expect(shopifyConnector.verify(req, "").ok).toBe(false);
  });

  it("keys deliveries on X-Shopify-Webhook-Id, else topic + body hash", () => {
    expect(shopifyConnector.deliveryKey(request(ORDER, "orders/create"))).toBe("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
    const a = shopifyConnector.deliveryKey(request(ORDER, "orders/create", { "x-shopify-webhook-id": undefined }));
    expect(a).toMatch(/^orders\/create:sha256:[0-9a-f]{64}$/);
    expect(shopifyConnector.deliveryKey(request(ORDER, "orders/updated", { "x-shopify-webhook-id": undefined }))).not.toBe(a);
    expect(shopifyConnector.topic(request(ORDER, "orders/paid"))).toBe("orders/paid");
  });
});
