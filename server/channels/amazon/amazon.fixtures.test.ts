/** Runs the real published SP-API examples (shared fixtures, not in the repo) through the connector. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseJsonSafe } from "@/server/lib/json-safe";
import type { InboundRequest } from "../types";
import { amazonConnector as amazon, combineAmazonOrder } from "./index";

const root = process.env.FLUXO_FIXTURES_DIR ?? path.resolve(import.meta.dirname, "../../../../shared/fixtures/channels");
const dir = path.join(root, "amazon");
const exists = existsSync(dir);
const text = (name: string) => readFileSync(path.join(dir, name), "utf8");
const load = (name: string): InboundRequest => ({ rawBody: Buffer.from(text(name)), headers: {}, query: {} });

describe.skipIf(!exists)("amazon real fixtures", () => {
  it("get-order-example + get-order-items-example", () => {
    const order = parseJsonSafe(text("get-order-example.json"));
    const items = parseJsonSafe(text("get-order-items-example.json"));
    // The two documented examples are for different orders and the items page has a NextToken: both are refused as sent.
    expect(() => combineAmazonOrder(order, items)).toThrow(/is for order 903-1671087-0812628, not for order 902-3159896-1390916/);
    // Re-pointed at the same order and taken as the last page (in memory only), they combine.
    const itemsPage = structuredClone(items) as { payload: { AmazonOrderId: string; NextToken?: string } };
    itemsPage.payload.AmazonOrderId = "902-3159896-1390916";
    expect(() => combineAmazonOrder(order, itemsPage)).toThrow(/incomplete \(NextToken/);
    delete itemsPage.payload.NextToken;
    const body = JSON.stringify({ order, orderItems: itemsPage });
    const doc = amazon.parse({ rawBody: Buffer.from(body), headers: {}, query: {} });
    if (doc.kind !== "order") throw new Error(`expected an order, got ${doc.kind}`);
    const o = doc.order;
    expect(o).toMatchObject({ externalId: "902-3159896-1390916", currency: "JPY", state: "OPEN", paymentStatus: "PENDING" });
    expect(o.lines).toHaveLength(2);
    expect(o.lines[0]).toMatchObject({ sku: "CBA_OTF_1", quantity: 1, unitPriceCents: 2599, discountCents: 0 });
    expect(o.lines[1]).toMatchObject({ sku: "CBA_OTF_5", quantity: 2, unitPriceCents: 898, discountCents: 1 });
    // Shipping & handling in JPY: 1.26 shipping + 10.00 COD fee − 1.00 COD discount + 1.99 gift wrap; the GBP gift wrap is left out.
    expect(o).toMatchObject({ subtotalCents: 4395, discountCents: 1, shippingCents: 1225, taxCents: 0, totalCents: 5619 });
    expect(o.note).toContain("GiftWrapPrice 41.99 GBP not counted (order currency JPY)");
    expect(o.customer).toMatchObject({ name: "John Doe", email: "user@example.com" });
    expect(o.shippingAddress).toMatchObject({ city: "Canton", state: "MI", country: "US", line1: "1 Cross St." });
    expect(o.shipBy?.toISOString()).toBe("2017-01-25T19:49:35.000Z");
  });

  it("bare getOrder and getOrderItems are refused", () => {
    expect(() => amazon.parse(load("get-order-example.json"))).toThrow(/^Amazon getOrder 902-3159896-1390916 has no items/);
    expect(() => amazon.parse(load("get-order-items-example.json"))).toThrow(/^Amazon getOrderItems for 903-1671087-0812628 has no order header/);
  });

  it("order-change-notification-example", () => {
    const req = load("order-change-notification-example.json");
    expect(amazon.parse(req)).toMatchObject({ kind: "notification", externalId: "903-8868176-2219830", topic: "ORDER_CHANGE:BuyerRequestedChange" });
    expect(amazon.deliveryKey(req)).toBe("d0e9e693-c3ad-4373-979f-ed4ec98dd746");
  });
});
