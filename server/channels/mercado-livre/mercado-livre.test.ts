import { describe, expect, it } from "vitest";
import { parseErrorOf } from "@/server/test/parse-error";
import type { InboundRequest } from "../types";
import { mercadoLivreConnector as ml, mergeShipment, parseShipmentAddress } from "./index";

function req(body: unknown, opts: { query?: Record<string, string>; headers?: Record<string, string> } = {}): InboundRequest {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return { rawBody: Buffer.from(raw, "utf8"), headers: opts.headers ?? {}, query: opts.query ?? {} };
}

function order(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 4411223344,
    date_created: "2025-03-10T09:15:00.000-03:00",
    last_updated: "2025-03-10T11:00:00.000-03:00",
    date_closed: "2025-03-10T09:16:00.000-03:00",
    status: "paid",
    status_detail: null,
    total_amount: 59.7,
    paid_amount: 59.7,
    currency_id: "BRL",
    pack_id: null,
    shipping: { id: 44998877 },
    shipping_cost: null,
    order_items: [
      {
        item: { id: "MLB1234567890", title: "Caneca Térmica 350ml", seller_sku: "CAN-350", seller_custom_field: null, variation_id: null },
        quantity: 3,
        unit_price: 19.9,
        full_unit_price: 19.9,
        currency_id: "BRL",
      },
    ],
    payments: [{ id: 91, status: "approved", transaction_amount: 59.7, transaction_amount_refunded: 0, payment_method_id: "pix" }],
    buyer: { id: 77001, nickname: "MARIASILVA77", first_name: "Maria", last_name: "Silva" },
    ...overrides,
  };
}

const shipment = {
  id: 44998877,
  order_id: 4411223344,
  status: "ready_to_ship",
  logistic_type: "cross_docking",
  shipping_option: { cost: 0, list_cost: 21.5, estimated_handling_limit: { date: "2025-03-12T00:00:00.000-03:00" } },
  receiver_address: {
    street_name: "Rua Augusta",
    street_number: "1500",
    comment: "Apto 42",
    zip_code: "01304001",
    city: { id: "BR-SP-44", name: "São Paulo" },
    state: { id: "BR-SP", name: "São Paulo" },
    country: { id: "BR", name: "Brasil" },
    neighborhood: { id: null, name: "Consolação" },
    receiver_name: "Maria Silva",
    receiver_phone: "11999990000",
  },
};

describe("mercado livre verify", () => {
  const body = { topic: "orders_v2", resource: "/orders/1" };
  it("accepts the token in the query or the header", () => {
    expect(ml.verify(req(body, { query: { token: "s3cret" } }), "s3cret")).toEqual({ ok: true });
    expect(ml.verify(req(body, { headers: { "x-fluxo-token": "s3cret" } }), "s3cret")).toEqual({ ok: true });
  });
  it("rejects a wrong token and a missing one", () => {
    expect(ml.verify(req(body, { query: { token: "nope" } }), "s3cret")).toMatchObject({ ok: false });
    expect(ml.verify(req(body, { headers: { "x-fluxo-token": "s3cre" } }), "s3cret")).toMatchObject({ ok: false });
    expect(ml.verify(req(body), "s3cret")).toEqual({ ok: false, reason: "missing token" });
  });
});

describe("mercado livre notifications", () => {
  const n = {
    _id: "0f3c1c2e-7a34-4c5e-9d0b-1e2f3a4b5c6d",
    resource: "/orders/4411223344",
    user_id: 123456,
    topic: "orders_v2",
    application_id: 987654321,
    attempts: 1,
    sent: "2025-03-10T12:00:00.123Z",
    received: "2025-03-10T12:00:00.100Z",
  };
  it("reads an orders_v2 notification", () => {
    expect(ml.parse(req(n))).toEqual({
      kind: "notification",
      externalId: "4411223344",
      topic: "orders_v2",
      at: new Date("2025-03-10T12:00:00.123Z"),
    });
    expect(ml.deliveryKey(req(n))).toBe(n._id);
    expect(ml.topic(req(n))).toBe("orders_v2");
  });
  it("keys a notification without _id on topic:resource:sent", () => {
    const { _id, ...rest } = n;
    expect(_id).toBeDefined();
    expect(ml.deliveryKey(req(rest))).toBe("orders_v2:/orders/4411223344:2025-03-10T12:00:00.123Z");
  });
  it("rejects other topics naming the topic", () => {
    expect(parseErrorOf(() => ml.parse(req({ ...n, topic: "shipments", resource: "/shipments/1" })))).toEqual({
      rule: "unsupportedTopic", params: { platform: "Mercado Livre", topic: "shipments", handled: "orders, orders_v2" },
    });
  });
  it("rejects an order notification whose resource is not /orders/{id}", () => {
    expect(parseErrorOf(() => ml.parse(req({ ...n, resource: "/packs/9" })))).toEqual({
      rule: "notOrderResource", params: { platform: "Mercado Livre", field: "resource", value: '"/packs/9"' },
    });
  });
  it("rejects an invalid sent date", () => {
    expect(parseErrorOf(() => ml.parse(req({ ...n, sent: "yesterday" })))).toEqual({
      rule: "notDate", params: { platform: "Mercado Livre", field: "sent", value: '"yesterday"' },
    });
  });
});

describe("mercado livre orders", () => {
  it("maps an order with exact cents from float prices", () => {
    const doc = ml.parse(req(order()));
    expect(doc.kind).toBe("order");
    if (doc.kind !== "order") return;
    const o = doc.order;
    expect(o.externalId).toBe("4411223344");
    expect(o.currency).toBe("BRL");
    expect(o.state).toBe("OPEN");
    expect(o.paymentStatus).toBe("PAID");
    expect(o.paymentMethod).toBe("pix");
    expect(o.placedAt.toISOString()).toBe("2025-03-10T12:15:00.000Z");
    expect(o.updatedAt.toISOString()).toBe("2025-03-10T14:00:00.000Z");
    expect(o.customer).toEqual({ externalId: "77001", name: "Maria Silva" });
    expect(o.lines).toEqual([
      { externalId: "MLB1234567890", sku: "CAN-350", name: "Caneca Térmica 350ml", quantity: 3, unitPriceCents: 1990, discountCents: 0, taxCents: 0 },
    ]);
    expect(o).toMatchObject({ subtotalCents: 5970, discountCents: 0, shippingCents: 0, taxCents: 0, totalCents: 5970 });
  });

  it("keeps an id above 2^53 exact and turns full_unit_price into a discount", () => {
    const raw = JSON.stringify(order({ total_amount: 0.3, paid_amount: 0.3, payments: [] }))
      .replace('"id":4411223344', '"id":9007199254740993')
      .replace('"unit_price":19.9,"full_unit_price":19.9', '"unit_price":0.1,"full_unit_price":0.2');
    const doc = ml.parse(req(raw));
    if (doc.kind !== "order") throw new Error("expected an order");
    expect(doc.order.externalId).toBe("9007199254740993");
    expect(doc.order.lines[0]).toMatchObject({ unitPriceCents: 20, discountCents: 30, quantity: 3 });
    expect(doc.order).toMatchObject({ subtotalCents: 60, discountCents: 30, totalCents: 30, paymentStatus: "PENDING" });
  });

  it("falls back from seller_sku to seller_custom_field to item.id", () => {
    const items = [
      { item: { id: "MLB1", title: "A", seller_custom_field: "CUSTOM-1" }, quantity: 1, unit_price: 10 },
      { item: { id: "MLB2", title: "B", variation_id: 555 }, quantity: 2, unit_price: 5.05 },
    ];
    const doc = ml.parse(req(order({ order_items: items, total_amount: 20.1 })));
    if (doc.kind !== "order") throw new Error("expected an order");
    expect(doc.order.lines.map((l) => [l.sku, l.externalId, l.unitPriceCents])).toEqual([
      ["CUSTOM-1", "MLB1", 1000],
      ["MLB2", "MLB2:555", 505],
    ]);
  });

  it("maps cancelled orders and payment states", () => {
    const cancelled = ml.parse(req(order({ status: "cancelled", cancel_detail: { code: "buyer_cancel", description: "Buyer cancelled" }, payments: [{ status: "cancelled", transaction_amount: 59.7 }] })));
    expect(cancelled).toMatchObject({ order: { state: "CANCELLED", cancelReason: "Buyer cancelled", paymentStatus: "FAILED" } });
    const pay = (payments: unknown[]) => {
      const d = ml.parse(req(order({ payments })));
      return d.kind === "order" ? d.order.paymentStatus : undefined;
    };
    expect(pay([{ status: "approved", transaction_amount: 30 }])).toBe("PARTIALLY_PAID");
    expect(pay([{ status: "rejected", transaction_amount: 59.7 }, { status: "approved", transaction_amount: 29.85 }, { status: "approved", transaction_amount: 29.85 }])).toBe("PAID");
    expect(pay([{ status: "in_process", transaction_amount: 59.7 }])).toBe("PENDING");
    expect(pay([{ status: "authorized", transaction_amount: 59.7 }])).toBe("AUTHORIZED");
    expect(pay([{ status: "refunded", transaction_amount: 59.7 }])).toBe("REFUNDED");
    expect(pay([{ status: "approved", transaction_amount: 59.7, transaction_amount_refunded: 10 }])).toBe("PARTIALLY_REFUNDED");
    expect(pay([{ status: "rejected", transaction_amount: 59.7 }])).toBe("FAILED");
    expect(ml.parse(req(order({ status: "invalid" })))).toMatchObject({ order: { state: "CANCELLED" } });
  });

  it("reads the old embedded shipping: cost and receiver address", () => {
    const doc = ml.parse(req(order({ shipping: { id: 1, cost: 12.5, currency_id: "BRL", receiver_address: shipment.receiver_address } })));
    if (doc.kind !== "order") throw new Error("expected an order");
    expect(doc.order.shippingCents).toBe(1250);
    expect(doc.order.totalCents).toBe(5970); // total_amount: shipping is not included
    expect(doc.order.shippingAddress).toEqual({
      name: "Maria Silva",
      line1: "Rua Augusta, 1500",
      line2: "Apto 42",
      district: "Consolação",
      city: "São Paulo",
      state: "SP",
      postalCode: "01304001",
      country: "BR",
      phone: "11999990000",
    });
  });

  it("refuses a shipping cost in another currency", () => {
    expect(parseErrorOf(() => ml.parse(req(order({ shipping: { id: 1, cost: 12.5, currency_id: "ARS" } }))))).toEqual({
      rule: "otherCurrency", params: { platform: "Mercado Livre", field: "shipping.cost", currency: "ARS", orderCurrency: "BRL" },
    });
    const item = (order().order_items as object[])[0];
    expect(parseErrorOf(() => ml.parse(req(order({ order_items: [item, { ...item, currency_id: "USD" }] }))))).toEqual({
      rule: "otherCurrency", params: { platform: "Mercado Livre", field: "order_items[1].currency_id", currency: "USD", orderCurrency: "BRL" },
    });
  });

  it("reads an /orders/search page", () => {
    const doc = ml.parse(req({ paging: { total: 2, offset: 0, limit: 50 }, results: [order(), order({ id: 4411223345 })] }));
    expect(doc.kind === "orders" && doc.orders.map((o) => o.externalId)).toEqual(["4411223344", "4411223345"]);
    expect(ml.topic(req({ paging: {}, results: [] }))).toBe("orders/search");
  });

  it("fails with specific rules: field path, value, what was expected", () => {
    const parsed = (body: unknown) => parseErrorOf(() => ml.parse(req(body)));
    const field = (path: string) => ({ platform: "Mercado Livre", field: path });
    expect(parsed(order({ order_items: [] }))).toEqual({ rule: "noLines", params: field("order_items") });
    expect(parsed(order({ date_created: "2025-02-30T10:00:00Z" }))).toEqual({ rule: "notDate", params: { ...field("date_created"), value: '"2025-02-30T10:00:00Z"' } });
    expect(parsed(order({ currency_id: null }))).toEqual({ rule: "missingField", params: field("currency_id") });
    expect(parsed(order({ buyer: null }))).toEqual({ rule: "missingField", params: field("buyer") });
    expect(parsed(order({ order_items: [{ quantity: 1, unit_price: 10 }] }))).toEqual({ rule: "missingField", params: field("order_items[0].item") });
    expect(parsed(order({ order_items: [{ item: { title: "x" }, quantity: 1, unit_price: 10 }] }))).toEqual({
      rule: "missingOneOf", params: { platform: "Mercado Livre", fields: "order_items[0].item.seller_sku, order_items[0].item.seller_custom_field, order_items[0].item.id" },
    });
    expect(parsed(order({ payments: [{ status: "approved", transaction_amount: "59,70" }] }))).toEqual({
      rule: "notAmount", params: { ...field("payments[0].transaction_amount"), value: '"59,70"' },
    });
    expect(parsed("{not json")).toEqual({ rule: "invalidJson", params: { platform: "Mercado Livre", line: "1", column: "2", found: "n" } });
    expect(parsed({ hello: 1 })).toEqual({ rule: "notRecognisedMercadoLivre", params: { platform: "Mercado Livre", value: '{"hello":1}' } });
    expect(parsed([order()])).toEqual({ rule: "bodyNotObject", params: { platform: "Mercado Livre", value: expect.stringMatching(/^\[\{"id":4411223344,/) } });
    // In an /orders/search page, the path starts at results[i].
    expect(parsed({ paging: {}, results: [order(), order({ total_amount: null })] })).toEqual({ rule: "missingField", params: field("results[1].total_amount") });
  });
});

describe("mercado livre shipments", () => {
  it("parse() reads a shipment as the delivery address of the order it names", () => {
    expect(ml.parse(req(shipment))).toEqual({
      kind: "shippingAddress", externalId: "4411223344", source: "Mercado Livre shipment 44998877", shipBy: new Date("2025-03-12T03:00:00.000Z"),
      address: {
        name: "Maria Silva", line1: "Rua Augusta, 1500", line2: "Apto 42", district: "Consolação", city: "São Paulo", state: "SP",
        postalCode: "01304001", country: "BR", phone: "11999990000",
      },
    });
    expect(ml.topic(req(shipment))).toBe("shipment");
    const { receiver_address: _gone, ...noAddress } = shipment;
    expect(parseErrorOf(() => ml.parse(req({ ...noAddress, shipping_option: {} })))).toEqual({
      rule: "missingField", params: { platform: "Mercado Livre", field: "receiver_address" },
    });
    const noCity = { ...shipment, receiver_address: { ...shipment.receiver_address, city: {} } };
    expect(parseErrorOf(() => ml.parse(req(noCity)))).toEqual({ rule: "missingField", params: { platform: "Mercado Livre", field: "receiver_address.city.name" } });
  });
  it("reads the address and merges it into its order", () => {
    expect(parseShipmentAddress(shipment)).toMatchObject({ externalOrderId: "4411223344", address: { city: "São Paulo", state: "SP" } });
    const doc = ml.parse(req(order()));
    if (doc.kind !== "order") throw new Error("expected an order");
    const merged = mergeShipment(doc.order, JSON.stringify(shipment));
    expect(merged.shippingAddress?.line1).toBe("Rua Augusta, 1500");
    expect(merged.shipBy?.toISOString()).toBe("2025-03-12T03:00:00.000Z");
    expect(parseErrorOf(() => mergeShipment({ ...doc.order, externalId: "1" }, shipment))).toEqual({
      rule: "shipmentOtherOrder", params: { platform: "Mercado Livre", shipment: "44998877", other: "4411223344", order: "1" },
    });
    expect(parseErrorOf(() => mergeShipment(doc.order, '{"id": 1,'))).toEqual({ rule: "truncatedJson", params: { platform: "Mercado Livre", line: "1", column: "10" } });
  });
});
