/**
 * Runs the connector on the real WooCommerce payloads in shared/fixtures/channels/woocommerce
 * (see SOURCES.md there). Skipped where that directory is not present.
 */
import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { InboundDocument, InboundRequest } from "../types";
import { wooCommerceConnector } from "./index";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.join(process.env.FLUXO_FIXTURES_DIR ?? path.resolve(HERE, "../../../../shared/fixtures/channels"), "woocommerce");
const exists = existsSync(DIR);

function fixtureRequest(file: string, topic?: string): InboundRequest {
  const rawBody = readFileSync(path.join(DIR, file));
  const signature = createHmac("sha256", "fixture-secret").update(rawBody).digest("base64");
  return {
    rawBody,
    headers: { "x-wc-webhook-topic": topic, "x-wc-webhook-signature": signature, "x-wc-webhook-source": "https://example.com/" },
    query: {},
  };
}

function kindOf<K extends InboundDocument["kind"]>(doc: InboundDocument, kind: K): Extract<InboundDocument, { kind: K }> {
  if (doc.kind !== kind) throw new Error(`expected ${kind}, got ${doc.kind}`);
  return doc as Extract<InboundDocument, { kind: K }>;
}

describe.skipIf(!exists)("WooCommerce real fixtures", () => {
  it("order-retrieve-docs-v3.json: order 727, entity in the variation name decoded", () => {
    const req = fixtureRequest("order-retrieve-docs-v3.json", "order.updated");
    expect(wooCommerceConnector.verify(req, "fixture-secret")).toEqual({ ok: true });
    expect(wooCommerceConnector.deliveryKey(req)).toBe("https://example.com/|727|2017-03-22T19:28:08");
    const { order } = kindOf(wooCommerceConnector.parse(req), "order");
    expect(order.externalId).toBe("727");
    expect(order.currency).toBe("USD");
    expect([order.state, order.paymentStatus]).toEqual(["OPEN", "PAID"]);
    expect(order.placedAt.toISOString()).toBe("2017-03-22T19:28:02.000Z");
    expect(order.customer).toMatchObject({ name: "John Doe", email: "john.doe@example.com", phone: "(555) 555-5555" });
    expect(order.lines).toEqual([
      { externalId: "315", sku: "93", name: "Woo Single #1", quantity: 2, unitPriceCents: 300, discountCents: 0, taxCents: 45 },
      { externalId: "316", sku: "Bar3", name: "Ship Your Idea – Color: Black, Size: M Test", quantity: 1, unitPriceCents: 1200, discountCents: 0, taxCents: 90 },
    ]);
    expect([order.subtotalCents, order.discountCents, order.shippingCents, order.taxCents, order.totalCents]).toEqual([
      1800, 0, 1000, 135, 2935,
    ]);
    expect(order.shippingAddress).toMatchObject({ line1: "969 Market", city: "San Francisco", state: "CA", country: "US" });
  });

  it("orders-list-docs-v3.json: a list of two orders; 723 partially refunded", () => {
    const { orders } = kindOf(wooCommerceConnector.parse(fixtureRequest("orders-list-docs-v3.json")), "orders");
    expect(orders.map((o) => o.externalId)).toEqual(["727", "723"]);
    const o723 = orders[1];
    expect(o723?.customer).toMatchObject({ externalId: "26", name: "João Silva", email: "joao.silva@example.com" });
    expect(o723?.paymentStatus).toBe("PARTIALLY_REFUNDED");
    expect(o723?.totalCents).toBe(3900);
    expect(o723?.lines.map((l) => l.sku)).toEqual(["87", "34"]);
  });

  it("order-webhook-inr-onhold-cod.json: on-hold COD order, empty shipping address", () => {
    const { order } = kindOf(wooCommerceConnector.parse(fixtureRequest("order-webhook-inr-onhold-cod.json", "order.created")), "order");
    expect(order.externalId).toBe("205");
    expect(order.currency).toBe("INR");
    expect([order.state, order.paymentStatus]).toEqual(["OPEN", "PENDING"]);
    expect(order.paymentMethod).toBe("Cash on delivery");
    expect(order.shippingAddress).toBeUndefined();
    expect(order.customer).toMatchObject({ externalId: "1", name: "doctor strange", email: "strange@erpnext.com", document: undefined });
    expect(order.lines).toEqual([
      { externalId: "424", sku: "woo-album", name: "Album", quantity: 1, unitPriceCents: 1500, discountCents: 0, taxCents: 270 },
    ]);
    expect(order.totalCents).toBe(1770);
    expect(order.updatedAt.toISOString()).toBe("2021-11-30T07:32:11.000Z");
  });

  it("order-refund-retrieve-docs-v3.json: a polled refund document becomes a refund of order 723", () => {
    const doc = wooCommerceConnector.parse(fixtureRequest("order-refund-retrieve-docs-v3.json"));
    expect(doc).toEqual({
      kind: "refund",
      refund: {
        externalOrderId: "723",
        externalRefundId: "726",
        amountCents: 1000,
        createdAt: new Date("2017-03-21T20:07:11Z"),
        reason: undefined,
        lines: [],
      },
    });
  });
});
