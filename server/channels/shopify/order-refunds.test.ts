/** Refunds inside a Shopify orders/updated body: same ids and amounts as the refunds/create document. */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseErrorOf } from "@/server/test/parse-error";
import type { InboundRequest } from "../types";
import { shopifyConnector } from "./index";

function request(body: string, topic: string): InboundRequest {
  return {
    rawBody: Buffer.from(body, "utf8"),
    headers: {
      "x-shopify-topic": topic,
      "x-shopify-hmac-sha256": createHmac("sha256", "s").update(body).digest("base64"),
      "x-shopify-webhook-id": "7f3b2a10-0c1d-4e5f-9a8b-1c2d3e4f5a6b",
      "x-shopify-shop-domain": "loja-teste.myshopify.com",
    },
    query: {},
  };
}

// Written in Shopify's refund format (API 2025-01); the ids are above 2^53 and written as bare numbers, as Shopify does.
const REFUND_A = `{
  "id": 9123456789012345671, "admin_graphql_api_id": "gid://shopify/Refund/9123456789012345671",
  "order_id": 5678901234567890123, "created_at": "2025-03-12T10:00:00-03:00", "processed_at": "2025-03-12T10:00:01-03:00",
  "note": "Tamanho errado", "restock": false,
  "refund_line_items": [{ "id": 610000000001, "line_item_id": 14000000000000000011, "quantity": 1, "restock_type": "return",
    "subtotal": 59.9, "total_tax": 0.0, "line_item": { "id": 14000000000000000011, "sku": "CAM-M" } }],
  "transactions": [
    { "id": 620000000001, "kind": "refund", "status": "success", "amount": "59.90", "currency": "BRL", "gateway": "shopify_payments" },
    { "id": 620000000002, "kind": "refund", "status": "failure", "amount": "59.90", "currency": "BRL", "gateway": "shopify_payments" }
  ],
  "order_adjustments": []
}`;
const REFUND_B = `{
  "id": 9123456789012345672, "admin_graphql_api_id": "gid://shopify/Refund/9123456789012345672",
  "order_id": 5678901234567890123, "created_at": "2025-03-13T08:15:00-03:00", "note": null, "restock": false,
  "refund_line_items": [],
  "transactions": [
    { "id": 620000000003, "kind": "refund", "status": "success", "amount": "0.10", "currency": "BRL" },
    { "id": 620000000004, "kind": "refund", "status": "success", "amount": "0.20", "currency": "BRL" }
  ],
  "order_adjustments": [{ "id": 1, "kind": "shipping_refund", "amount": "-0.30" }]
}`;

function order(refunds: string, financial = "partially_refunded"): string {
  return `{
  "id": 5678901234567890123, "admin_graphql_api_id": "gid://shopify/Order/5678901234567890123",
  "name": "#1050", "created_at": "2025-03-10T14:22:05-03:00", "updated_at": "2025-03-13T08:15:02-03:00",
  "cancelled_at": null, "currency": "BRL", "financial_status": "${financial}",
  "email": "lucas.melo@example.com", "total_line_items_price": "119.80", "total_discounts": "0.00",
  "total_tax": "0.00", "total_price": "139.80",
  "customer": { "id": 7012345678901234999, "first_name": "Lucas", "last_name": "Melo" },
  "shipping_lines": [{ "id": 1, "price": "20.00" }],
  "line_items": [{ "id": 14000000000000000011, "admin_graphql_api_id": "gid://shopify/LineItem/14000000000000000011",
    "sku": "CAM-M", "title": "Camiseta M", "quantity": 2, "price": "59.90", "total_discount": "0.00", "tax_lines": [] }],
  "refunds": [${refunds}]
}`;
}

function parsedOrder(body: string) {
  const doc = shopifyConnector.parse(request(body, "orders/updated"));
  if (doc.kind !== "order") throw new Error(`expected an order, got ${doc.kind}`);
  return doc.order;
}

describe("Shopify order refunds", () => {
  it("maps every refund of orders/updated: exact 64-bit id, successful transactions only, reason, date", () => {
    const o = parsedOrder(order(`${REFUND_A},${REFUND_B}`));
    expect(o.paymentStatus).toBe("PARTIALLY_REFUNDED");
    expect(o.refunds).toEqual([
      { externalRefundId: "9123456789012345671", amountCents: 5990, reason: "Tamanho errado", createdAt: new Date("2025-03-12T13:00:00.000Z") },
      { externalRefundId: "9123456789012345672", amountCents: 30, reason: undefined, createdAt: new Date("2025-03-13T11:15:00.000Z") },
    ]);
  });

  it("the refund inside the order has the same id and amount as the refunds/create document", () => {
    const doc = shopifyConnector.parse(request(REFUND_A, "refunds/create"));
    if (doc.kind !== "refund") throw new Error(`expected a refund, got ${doc.kind}`);
    const inside = parsedOrder(order(REFUND_A)).refunds?.[0];
    expect(inside).toMatchObject({ externalRefundId: doc.refund.externalRefundId, amountCents: doc.refund.amountCents });
    expect(doc.refund.externalOrderId).toBe("5678901234567890123");
  });

  it("an embedded refund without order_id still belongs to the order; no refunds → no key", () => {
    const withoutOrderId = REFUND_B.replace('"order_id": 5678901234567890123, ', "");
    expect(parsedOrder(order(withoutOrderId)).refunds?.map((r) => r.externalRefundId)).toEqual(["9123456789012345672"]);
    const paid = parsedOrder(order("", "paid"));
    expect(paid.refunds).toBeUndefined();
    expect(paid.paymentStatus).toBe("PAID");
  });

  it("a refund that is not an object is a specific parse error", () => {
    expect(parseErrorOf(() => parsedOrder(order('"oops"')))).toEqual({
      rule: "notObject", params: { platform: "Shopify", field: "refunds[0]", value: '"oops"' },
    });
    // Inside an embedded refund, the path goes on from the order's refunds[i].
    const badAmount = order(REFUND_B.replace(/"amount": "[^"]*"/, '"amount": "12,50"'));
    expect(parseErrorOf(() => parsedOrder(badAmount))).toMatchObject({ rule: "notAmount", params: { field: "refunds[0].transactions[0].amount", value: '"12,50"' } });
  });
});
