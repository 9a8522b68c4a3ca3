/** Runs the real published VTEX payloads (shared fixtures, not in the repo) through the connector. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { InboundRequest } from "../types";
import { vtexConnector as vtex } from "./index";

const root = process.env.FLUXO_FIXTURES_DIR ?? path.resolve(import.meta.dirname, "../../../../shared/fixtures/channels");
const dir = path.join(root, "vtex");
const exists = existsSync(dir);
const load = (name: string): InboundRequest => ({ rawBody: readFileSync(path.join(dir, name)), headers: {}, query: {} });

describe.skipIf(!exists)("vtex real fixtures", () => {
  it("get-order-handling-openapi", () => {
    const doc = vtex.parse(load("get-order-handling-openapi.json"));
    if (doc.kind !== "order") throw new Error(`expected an order, got ${doc.kind}`);
    const o = doc.order;
    expect(o).toMatchObject({ externalId: "1172452900788-01", currency: "BRL", state: "OPEN", paymentStatus: "PAID", totalCents: 1160 });
    expect(o).toMatchObject({ subtotalCents: 99, shippingCents: 300, discountCents: 0, taxCents: 0 });
    expect(o.shippingAddress).toMatchObject({ city: "Rio de Janeiro", state: "RJ", country: "BR", line1: "Avenida Lúcio Costa, 126" });
    expect(o.customer).toMatchObject({ name: "Rodrigo Smith", email: "rodrigo.smith@email.com", document: "84513427019" });
    expect(o.lines).toEqual([expect.objectContaining({ sku: "BIGBML", quantity: 1, unitPriceCents: 990 })]);
    expect(o.cancelReason).toBeUndefined();
    expect(vtex.deliveryKey(load("get-order-handling-openapi.json"))).toBe("order:1172452900788-01:2024-02-06T20:46:11.7010747+00:00");
  });

  it("get-order-group-two-orders-openapi", () => {
    const doc = vtex.parse(load("get-order-group-two-orders-openapi.json"));
    if (doc.kind !== "orders") throw new Error(`expected orders, got ${doc.kind}`);
    expect(doc.orders.map((o) => o.externalId)).toEqual(["v71425090str-01", "v71425090str-02"]);
    expect(doc.orders[0]).toMatchObject({ totalCents: 5458, discountCents: 1750, shippingCents: 209, paymentStatus: "PENDING" });
    expect(doc.orders[0]?.lines[0]).toMatchObject({ sku: "11167127", unitPriceCents: 6999, discountCents: 1750 });
  });

  it("hook-notification-fulfillment-openapi", () => {
    const req = load("hook-notification-fulfillment-openapi.json");
    expect(vtex.parse(req)).toMatchObject({ kind: "notification", externalId: "v52277740atmc-01", topic: "Fulfillment:ready-for-handling" });
    expect(vtex.deliveryKey(req)).toBe("v52277740atmc-01:ready-for-handling:2019-08-14T17:12:48.0965893Z");
  });

  it("feed-v3-events-openapi", () => {
    expect(() => vtex.parse(load("feed-v3-events-openapi.json"))).toThrow(/^VTEX feed events/);
  });
});
