/** Runs the real published Mercado Livre payloads (shared fixtures, not in the repo) through the connector. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ChannelParseError, type InboundRequest } from "../types";
import { mercadoLivreConnector as ml, mergeShipment, parseShipmentAddress } from "./index";

const root = process.env.FLUXO_FIXTURES_DIR ?? path.resolve(import.meta.dirname, "../../../../shared/fixtures/channels");
const dir = path.join(root, "mercadolivre");
const exists = existsSync(dir);
const load = (name: string): InboundRequest => ({ rawBody: readFileSync(path.join(dir, name)), headers: {}, query: {} });

describe.skipIf(!exists)("mercado livre real fixtures", () => {
  it("order-get-mlb-boleto-catalog-2024 + its shipment", () => {
    const doc = ml.parse(load("order-get-mlb-boleto-catalog-2024.json"));
    if (doc.kind !== "order") throw new Error(`expected an order, got ${doc.kind}`);
    const o = doc.order;
    expect(o.externalId).toBe("2000008464929496");
    expect(o.currency).toBe("BRL");
    expect(o.state).toBe("OPEN");
    expect(o.paymentStatus).toBe("PAID");
    expect(o.paymentMethod).toBe("bolbradesco");
    expect(o.customer).toMatchObject({ externalId: "85937594", name: "John Doe" });
    expect(o.lines).toHaveLength(1);
    expect(o.lines[0]).toMatchObject({ sku: "019522", quantity: 1, unitPriceCents: 9000, discountCents: 0 });
    expect(o).toMatchObject({ subtotalCents: 9000, totalCents: 9000, shippingCents: 0 });
    expect(o.updatedAt.toISOString()).toBe("2024-06-07T20:27:41.000Z");
    expect(o.shippingAddress).toBeUndefined();

    const shipment = readFileSync(path.join(dir, "shipment-get-for-order-2024.json"), "utf8");
    expect(ml.parse(load("shipment-get-for-order-2024.json"))).toMatchObject({
      kind: "shippingAddress", externalId: "2000008464929496", source: "Mercado Livre shipment 43474637041",
      address: { city: "Salvador", state: "BA" }, shipBy: new Date("2024-06-10T03:00:00.000Z"),
    });
    expect(parseShipmentAddress(shipment).externalOrderId).toBe("2000008464929496");
    const merged = mergeShipment(o, shipment);
    expect(merged.shippingAddress).toMatchObject({ city: "Salvador", state: "BA", country: "BR", postalCode: "42850000", name: "John Doe" });
    expect(merged.shipBy?.toISOString()).toBe("2024-06-10T03:00:00.000Z");
  });

  it("orders-search-mla-testusers-2016", () => {
    const doc = ml.parse(load("orders-search-mla-testusers-2016.json"));
    if (doc.kind !== "orders") throw new Error(`expected orders, got ${doc.kind}`);
    expect(doc.orders).toHaveLength(1);
    const o = doc.orders[0];
    expect(o).toMatchObject({ externalId: "1068825849", currency: "ARS", totalCents: 1000, paymentStatus: "PAID" });
    expect(o?.customer).toMatchObject({ name: "Test Test", email: "test_user_97424966@testuser.com" });
    expect(o?.lines[0]).toMatchObject({ sku: "MLA607850752", unitPriceCents: 1000 });
    expect(o?.shippingAddress).toMatchObject({ city: "São Paulo", state: "SP" });
    expect(o?.updatedAt.toISOString()).toBe("2016-02-25T15:55:44.973Z");
  });

  it("notification-orders_v2-docs", () => {
    const req = load("notification-orders_v2-docs.json");
    expect(ml.parse(req)).toEqual({ kind: "notification", externalId: "2195160686", topic: "orders_v2", at: new Date("2019-10-30T16:19:20.129Z") });
    expect(ml.deliveryKey(req)).toBe("f9f08571-1f65-4c46-9e0a-c0f43faas1557e");
  });

  it("every fixture either parses or fails with a ChannelParseError", () => {
    for (const name of ["order-get-mlb-boleto-catalog-2024.json", "orders-search-mla-testusers-2016.json", "notification-orders_v2-docs.json", "shipment-get-for-order-2024.json"]) {
      try {
        ml.parse(load(name));
      } catch (e) {
        expect(e, name).toBeInstanceOf(ChannelParseError);
      }
      expect(ml.deliveryKey(load(name)), name).not.toBe("");
    }
  });
});
