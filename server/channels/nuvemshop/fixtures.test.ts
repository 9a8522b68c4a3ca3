/**
 * Runs the connector on the real Nuvemshop order examples in shared/fixtures/channels/nuvemshop
 * (see SOURCES.md there). Skipped where that directory is not present.
 */
import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { InboundDocument, InboundRequest } from "../types";
import { nuvemshopConnector } from "./index";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIR = path.join(process.env.FLUXO_FIXTURES_DIR ?? path.resolve(HERE, "../../../../shared/fixtures/channels"), "nuvemshop");
const exists = existsSync(DIR);

function fixtureRequest(file: string): InboundRequest {
  const rawBody = readFileSync(path.join(DIR, file));
  const hmac = createHmac("sha256", "fixture-secret").update(rawBody).digest("hex");
  return { rawBody, headers: { "x-linkedstore-hmac-sha256": hmac }, query: {} };
}

function orderOf(doc: InboundDocument) {
  if (doc.kind !== "order") throw new Error(`expected an order, got ${doc.kind}`);
  return doc.order;
}

describe.skipIf(!exists)("Nuvemshop real fixtures", () => {
  it("order-get-docs.json: duplicate number → 101, legacy price totals, carrier-name shipping ignored", () => {
    const req = fixtureRequest("order-get-docs.json");
    expect(nuvemshopConnector.verify(req, "fixture-secret")).toEqual({ ok: true });
    expect(nuvemshopConnector.deliveryKey(req)).toBe("order:450789469:2008-01-10T11:00:00-05:00");
    const order = orderOf(nuvemshopConnector.parse(req));
    expect(order.externalId).toBe("450789469");
    expect(order.externalNumber).toBe("101");
    expect(order.currency).toBe("USD");
    expect([order.state, order.paymentStatus]).toEqual(["OPEN", "PENDING"]);
    expect(order.paymentMethod).toBe("PayPal");
    expect(order.placedAt.toISOString()).toBe("2008-01-10T16:00:00.000Z");
    expect(order.customer).toMatchObject({ externalId: "101", name: "John Doe", email: "john.doe@example.com" });
    expect(order.lines).toEqual([
      { externalId: undefined, sku: "101", name: "101", quantity: 2, unitPriceCents: 1900, discountCents: 0, taxCents: 0 },
    ]);
    expect([order.subtotalCents, order.discountCents, order.shippingCents, order.taxCents, order.totalCents]).toEqual([
      3800, 0, 2000, 0, 5800,
    ]);
    expect(order.shippingAddress).toMatchObject({ name: "John Doe", line1: "Evergreen Terrace, 742", city: "Springfield", postalCode: "97475", country: "US" });
    expect(order.billingAddress).toMatchObject({ line1: "Evergreen Terrace, 742", phone: "555-123-0413" });
  });

  it("order-fulfill-response-docs.json: same order after fulfilment", () => {
    const order = orderOf(nuvemshopConnector.parse(fixtureRequest("order-fulfill-response-docs.json")));
    expect(order).toMatchObject({ externalId: "450789469", externalNumber: "101", state: "OPEN", totalCents: 5800 });
  });

  it("order-cancel-response-docs.json: cancelled", () => {
    const order = orderOf(nuvemshopConnector.parse(fixtureRequest("order-cancel-response-docs.json")));
    expect(order).toMatchObject({ externalId: "450789469", externalNumber: "101", state: "CANCELLED", totalCents: 5800 });
  });
});
