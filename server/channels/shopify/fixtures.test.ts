/**
 * Runs the connector on the real Shopify payloads in shared/fixtures/channels/shopify
 * (see SOURCES.md there). Skipped where that directory is not present.
 */
import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { InboundDocument, InboundRequest } from "../types";
import { shopifyConnector } from "./index";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.join(process.env.FLUXO_FIXTURES_DIR ?? path.resolve(HERE, "../../../../shared/fixtures/channels"), "shopify");
const exists = existsSync(DIR);

function fixtureRequest(file: string, topic: string): InboundRequest {
  const rawBody = readFileSync(path.join(DIR, file));
  const hmac = createHmac("sha256", "fixture-secret").update(rawBody).digest("base64");
  return { rawBody, headers: { "x-shopify-topic": topic, "x-shopify-hmac-sha256": hmac }, query: {} };
}

function kindOf<K extends InboundDocument["kind"]>(doc: InboundDocument, kind: K): Extract<InboundDocument, { kind: K }> {
  if (doc.kind !== kind) throw new Error(`expected ${kind}, got ${doc.kind}`);
  return doc as Extract<InboundDocument, { kind: K }>;
}

describe.skipIf(!exists)("Shopify real fixtures", () => {
  it("orders-create-docs-sample.json: exact 64-bit ids, cancelled and voided sample", () => {
    const req = fixtureRequest("orders-create-docs-sample.json", "orders/create");
    expect(shopifyConnector.verify(req, "fixture-secret")).toEqual({ ok: true });
    const { order } = kindOf(shopifyConnector.parse(req), "order");
    expect(order.externalId).toBe("820982911946154508");
    expect(order.externalNumber).toBe("#9999");
    expect(order.customer).toEqual({ externalId: "115310627314723954", name: "John Smith", email: "jon@example.com", phone: "555-555-SHIP" });
    expect(order.currency).toBe("USD");
    expect(order.state).toBe("CANCELLED");
    expect(order.cancelReason).toBe("customer");
    expect(order.paymentStatus).toBe("VOIDED");
    expect(order.test).toBe(true);
    expect(order.placedAt.toISOString()).toBe("2022-01-01T00:00:00.000Z");
    expect(order.lines).toHaveLength(3);
    expect(order.lines.map((l) => [l.externalId, l.sku, l.unitPriceCents, l.quantity])).toEqual([
      ["487817672276298554", "SKU2006-001", 8999, 1],
      ["976318377106520349", "SKU2006-020", 15999, 1],
      ["315789986012684393", "SKU2006-035", 11999, 1],
    ]);
    expect([order.subtotalCents, order.discountCents, order.shippingCents, order.taxCents, order.totalCents]).toEqual([
      36997, 2000, 1000, 0, 35997,
    ]);
    expect(order.shippingAddress).toMatchObject({ name: "Steve Shipper", line1: "123 Shipping Street", state: "KY", country: "US" });
  });

  it("orders-create-devstore-ars.json: ARS amounts and non-ASCII names", () => {
    const { order } = kindOf(shopifyConnector.parse(fixtureRequest("orders-create-devstore-ars.json", "orders/create")), "order");
    expect(order.externalId).toBe("18922194698473");
    expect(order.externalNumber).toBe("#1001");
    expect(order.currency).toBe("ARS");
    expect(order.state).toBe("OPEN");
    expect(order.paymentStatus).toBe("PAID");
    expect(order.paymentMethod).toBe("bogus");
    expect(order.customer).toMatchObject({ name: "Juana Pérez", email: "cliente@example.com", externalId: "31257143804137" });
    expect(order.lines).toEqual([
      { externalId: "50752648773865", sku: "NOR-002", name: "Notebook Lenovo ThinkPad", quantity: 1, unitPriceCents: 145000000, discountCents: 0, taxCents: 0 },
    ]);
    expect(order.totalCents).toBe(145000000);
    expect(order.shippingAddress).toMatchObject({ city: "Berisso", state: "B", postalCode: "1131", country: "AR" });
    expect(order.updatedAt.toISOString()).toBe("2026-10-02T02:37:29.000Z");
  });

  it("refunds-create-docs-sample-2026-04.json: refund keyed on the gid, rounded order_id kept as the file says", () => {
    const { refund } = kindOf(shopifyConnector.parse(fixtureRequest("refunds-create-docs-sample-2026-04.json", "refunds/create")), "refund");
    expect(refund.externalRefundId).toBe("890088186047892319");
    expect(refund.externalOrderId).toBe("820982911946154500");
    expect(refund.amountCents).toBe(8500);
    expect(refund.currency).toBe("USD");
    expect(refund.reason).toBe("Things were damaged");
    expect(refund.lines).toHaveLength(5);
    expect(refund.lines[0]).toEqual({ externalLineId: "487817672276298554", sku: "SKU2006-001", quantity: 1, restock: false });
  });

  it("refund-rest-get-python-api.json: wrapped REST refund, legacy restock flag", () => {
    const { refund } = kindOf(shopifyConnector.parse(fixtureRequest("refund-rest-get-python-api.json", "refunds/create")), "refund");
    expect(refund).toMatchObject({ externalRefundId: "509562969", externalOrderId: "450789469", amountCents: 20900, currency: "USD" });
    expect(refund.lines.map((l) => [l.sku, l.restock])).toEqual([
      ["IPOD2008BLACK", true],
      ["IPOD2008GREEN", true],
    ]);
  });
});
