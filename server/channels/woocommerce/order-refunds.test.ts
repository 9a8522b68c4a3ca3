/** Refunds inside a WooCommerce order document (order.updated is how WooCommerce reports a refund). */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseErrorOf } from "@/server/test/parse-error";
import type { InboundRequest } from "../types";
import { wooCommerceConnector } from "./index";

function request(body: string): InboundRequest {
  return {
    rawBody: Buffer.from(body, "utf8"),
    headers: {
      "x-wc-webhook-topic": "order.updated",
      "x-wc-webhook-signature": createHmac("sha256", "s").update(body).digest("base64"),
      "x-wc-webhook-source": "https://loja.example.com.br/",
      "x-wc-webhook-delivery-id": "5c1e0a",
    },
    query: {},
  };
}

// Written in the WooCommerce REST v3 order format: a processing Pix order of 150.10 with its refunds summary.
function order(refunds: unknown[], status = "processing"): string {
  return JSON.stringify({
    id: 2044, parent_id: 0, number: "2044", status, currency: "BRL",
    date_created_gmt: "2025-06-01T12:00:00", date_modified_gmt: "2025-06-03T09:30:00", date_paid_gmt: "2025-06-01T12:01:00",
    discount_total: "0.00", shipping_total: "20.00", total_tax: "0.00", total: "150.10",
    billing: { first_name: "Paula", last_name: "Rocha", email: "paula.rocha@example.com", address_1: "Rua Chile, 10", city: "Salvador", state: "BA", postcode: "40020-000", country: "BR" },
    shipping: { first_name: "Paula", last_name: "Rocha", address_1: "Rua Chile, 10", city: "Salvador", state: "BA", postcode: "40020-000", country: "BR" },
    payment_method: "pix", payment_method_title: "Pix",
    line_items: [{ id: 31, name: "Toalha de Banho", product_id: 7, variation_id: 0, quantity: 2, subtotal: "130.10", total: "130.10", total_tax: "0.00", sku: "TOA-BAN", price: 65.05 }],
    refunds,
  });
}

function parsed(body: string) {
  const doc = wooCommerceConnector.parse(request(body));
  if (doc.kind !== "order") throw new Error(`expected an order, got ${doc.kind}`);
  return doc.order;
}

describe("WooCommerce order refunds", () => {
  it("maps each refund of the summary with exact positive cents and its reason", () => {
    const o = parsed(order([
      { id: 2051, reason: "Produto com defeito", total: "-20.05" },
      { id: 2050, reason: "", total: "-0.10" },
    ]));
    expect(o.refunds).toEqual([
      { externalRefundId: "2051", amountCents: 2005, reason: "Produto com defeito" },
      { externalRefundId: "2050", amountCents: 10, reason: undefined },
    ]);
    expect(o.paymentStatus).toBe("PARTIALLY_REFUNDED");
  });

  it("refunds adding up to the total make the payment REFUNDED; a float-looking sum stays exact", () => {
    // 0.10 + 0.20 + 149.80 = 150.10 exactly in cents (as floats it would not be).
    const o = parsed(order([{ id: 3, total: "-0.10" }, { id: 4, total: "-0.20" }, { id: 5, total: "-149.80" }]));
    expect(o.refunds?.map((r) => r.amountCents)).toEqual([10, 20, 14980]);
    expect(o.paymentStatus).toBe("REFUNDED");
  });

  it("an order without refunds has no refunds key", () => {
    const o = parsed(order([]));
    expect(o.refunds).toBeUndefined();
    expect("refunds" in o).toBe(false);
    expect(o.paymentStatus).toBe("PAID");
  });

  it("a refund without an id or with a bad total is a specific parse error", () => {
    const field = (path: string) => ({ platform: "WooCommerce", field: path });
    expect(parseErrorOf(() => parsed(order([{ reason: "x", total: "-1.00" }])))).toEqual({ rule: "missingField", params: field("refunds[0].id") });
    expect(parseErrorOf(() => parsed(order([{ id: 8, total: "-1.00" }, { id: 9, total: "-1,00" }])))).toEqual({
      rule: "notAmount", params: { ...field("refunds[1].total"), value: '"-1,00"' },
    });
    expect(parseErrorOf(() => parsed(order(["2051"])))).toEqual({ rule: "notObject", params: { ...field("refunds[0]"), value: '"2051"' } });
  });
});
