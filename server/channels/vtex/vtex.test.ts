import { describe, expect, it } from "vitest";
import { parseErrorOf } from "@/server/test/parse-error";
import type { InboundRequest } from "../types";
import { countryIso2, vtexConnector as vtex } from "./index";

function req(body: unknown, opts: { query?: Record<string, string>; headers?: Record<string, string> } = {}): InboundRequest {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return { rawBody: Buffer.from(raw, "utf8"), headers: opts.headers ?? {}, query: opts.query ?? {} };
}

function order(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orderId: "1500123456789-01",
    orderGroup: "1500123456789",
    status: "ready-for-handling",
    value: 25380,
    creationDate: "2025-05-02T14:03:11.1234567+00:00",
    lastChange: "2025-05-02T14:30:00.0000000+00:00",
    authorizedDate: "2025-05-02T14:05:00.0000000+00:00",
    cancelReason: null,
    totals: [
      { id: "Items", name: "Total dos Itens", value: 24980 },
      { id: "Discounts", name: "Total dos Descontos", value: -2500 },
      { id: "Shipping", name: "Total do Frete", value: 1900 },
      { id: "Tax", name: "Total da Taxa", value: 1000 },
    ],
    items: [
      {
        uniqueId: "A1B2C3",
        id: "301",
        refId: "TEN-42-AZ",
        sellerSku: "301",
        name: "Tênis Corrida Azul 42",
        quantity: 2,
        price: 9990,
        listPrice: 12990,
        sellingPrice: 8740,
        tax: 1000,
        priceTags: [
          { name: "DISCOUNT@MARKETPLACE", value: -2500, isPercentual: false, rawValue: -25.0 },
          { name: "discount@shipping-7f1c", value: -500, isPercentual: false, rawValue: -5.0 },
        ],
      },
      { uniqueId: "D4E5F6", id: "302", refId: null, sellerSku: "MEIA-01", name: "Meia Esportiva", quantity: 1, price: 5000, tax: 0, priceTags: [] },
    ],
    clientProfileData: {
      email: "ana.souza@example.com.br",
      firstName: "Ana",
      lastName: "Souza",
      documentType: "cpf",
      document: "123.456.789-09",
      phone: "+5511988887777",
      isCorporate: false,
      userProfileId: "3f0a2b1c-0000-4000-8000-000000000001",
    },
    shippingData: {
      address: {
        receiverName: "Ana Souza",
        postalCode: "04538-132",
        city: "São Paulo",
        state: "SP",
        country: "BRA",
        street: "Avenida Brigadeiro Faria Lima",
        number: "4440",
        neighborhood: "Itaim Bibi",
        complement: "",
      },
      logisticsInfo: [
        { itemIndex: 0, shippingEstimateDate: "2025-05-09T18:00:00.0000000+00:00" },
        { itemIndex: 1, shippingEstimateDate: "2025-05-07T18:00:00.0000000+00:00" },
      ],
    },
    paymentData: { transactions: [{ payments: [{ paymentSystemName: "Pix", value: 25380 }] }] },
    storePreferencesData: { countryCode: "BRA", currencyCode: "BRL" },
    ...overrides,
  };
}

const hook = {
  Domain: "Marketplace",
  OrderId: "1500123456789-01",
  State: "ready-for-handling",
  LastState: "window-to-cancel",
  LastChange: "2025-05-02T14:20:00.1234567Z",
  CurrentChange: "2025-05-02T14:30:00.7654321Z",
  Origin: { Account: "lojaexemplo", Key: "vtexappkey-lojaexemplo-ABCDEF" },
};

describe("vtex verify", () => {
  it("accepts the token in the query or the header, for the ping too", () => {
    expect(vtex.verify(req(hook, { query: { token: "t0k" } }), "t0k")).toEqual({ ok: true });
    expect(vtex.verify(req({ hookConfig: "ping" }, { headers: { "x-fluxo-token": "t0k" } }), "t0k")).toEqual({ ok: true });
  });
  it("rejects a wrong or missing token", () => {
    expect(vtex.verify(req(hook, { headers: { "x-fluxo-token": "other" } }), "t0k")).toMatchObject({ ok: false });
    expect(vtex.verify(req({ hookConfig: "ping" }), "t0k")).toEqual({ ok: false, reason: "missing token" });
  });
});

describe("vtex hook and ping", () => {
  it("reads a hook notification", () => {
    expect(vtex.parse(req(hook))).toEqual({
      kind: "notification",
      externalId: "1500123456789-01",
      topic: "Marketplace:ready-for-handling",
      at: new Date("2025-05-02T14:30:00.765Z"),
    });
    expect(vtex.deliveryKey(req(hook))).toBe("1500123456789-01:ready-for-handling:2025-05-02T14:30:00.7654321Z");
    expect(vtex.topic(req(hook))).toBe("Marketplace:ready-for-handling");
  });
  it("falls back to LastChange and keeps cancel states as notifications", () => {
    const { CurrentChange, ...noCurrent } = hook;
    expect(CurrentChange).toBeDefined();
    const cancel = { ...noCurrent, State: "canceled" };
    expect(vtex.deliveryKey(req(cancel))).toBe("1500123456789-01:canceled:2025-05-02T14:20:00.1234567Z");
    expect(vtex.parse(req(cancel))).toMatchObject({ kind: "notification", topic: "Marketplace:canceled" });
  });
  it("answers the ping", () => {
    expect(vtex.parse(req({ hookConfig: "ping" }))).toEqual({ kind: "ping" });
    expect(vtex.deliveryKey(req({ hookConfig: "ping" }))).toBe("ping");
  });
});

describe("vtex orders", () => {
  it("maps an order in integer cents", () => {
    const doc = vtex.parse(req(order()));
    if (doc.kind !== "order") throw new Error("expected an order");
    const o = doc.order;
    expect(o).toMatchObject({
      externalId: "1500123456789-01",
      externalNumber: "1500123456789-01",
      currency: "BRL",
      state: "OPEN",
      paymentStatus: "PAID",
      paymentMethod: "Pix",
      subtotalCents: 24980,
      discountCents: 2500,
      shippingCents: 1900,
      taxCents: 1000,
      totalCents: 25380,
    });
    expect(o.placedAt.toISOString()).toBe("2025-05-02T14:03:11.123Z");
    expect(o.shipBy?.toISOString()).toBe("2025-05-07T18:00:00.000Z");
    expect(o.customer).toEqual({
      externalId: "3f0a2b1c-0000-4000-8000-000000000001",
      name: "Ana Souza",
      email: "ana.souza@example.com.br",
      phone: "+5511988887777",
      document: "12345678909",
    });
    expect(o.lines).toEqual([
      { externalId: "A1B2C3", sku: "TEN-42-AZ", name: "Tênis Corrida Azul 42", quantity: 2, unitPriceCents: 9990, discountCents: 2500, taxCents: 1000 },
      { externalId: "D4E5F6", sku: "MEIA-01", name: "Meia Esportiva", quantity: 1, unitPriceCents: 5000, discountCents: 0, taxCents: 0 },
    ]);
    expect(o.shippingAddress).toEqual({
      name: "Ana Souza",
      line1: "Avenida Brigadeiro Faria Lima, 4440",
      district: "Itaim Bibi",
      city: "São Paulo",
      state: "SP",
      postalCode: "04538-132",
      country: "BR",
    });
  });

  it("sums the lines when totals are absent and defaults the currency to BRL", () => {
    const doc = vtex.parse(req(order({ totals: [], storePreferencesData: null })));
    expect(doc).toMatchObject({ order: { currency: "BRL", subtotalCents: 24980, discountCents: 2500, shippingCents: 0, taxCents: 1000 } });
  });

  it("maps statuses", () => {
    const cancelled = vtex.parse(req(order({ status: "canceled", cancellationData: { Reason: "Cliente desistiu" } })));
    expect(cancelled).toMatchObject({ order: { state: "CANCELLED", paymentStatus: "VOIDED", cancelReason: "Cliente desistiu" } });
    expect(vtex.parse(req(order({ status: "cancel" })))).toMatchObject({ order: { state: "CANCELLED" } });
    expect(vtex.parse(req(order({ status: "payment-pending", authorizedDate: null })))).toMatchObject({ order: { state: "OPEN", paymentStatus: "PENDING" } });
    expect(vtex.parse(req(order({ status: "invoiced" })))).toMatchObject({ order: { paymentStatus: "PAID" } });
    expect(vtex.parse(req(order({ status: "", authorizedDate: null })))).toMatchObject({ order: { paymentStatus: "PENDING" } });
  });

  it("reads an order-group array", () => {
    const doc = vtex.parse(req([order(), order({ orderId: "1500123456789-02" })]));
    expect(doc.kind === "orders" && doc.orders.map((o) => o.externalId)).toEqual(["1500123456789-01", "1500123456789-02"]);
  });

  it("refuses a feed page with a specific message", () => {
    const feed = [{ eventId: "E1", handle: "h1", domain: "Fulfillment", state: "invoiced", orderId: "1500123456789-01" }];
    expect(() => vtex.parse(req(feed))).toThrow(/^VTEX feed events \(1 in this page\) are notifications/);
    expect(parseErrorOf(() => vtex.parse(req(feed)))).toEqual({
      rule: "feedPage", params: { platform: "VTEX", count: "1", fetch: "GET /api/oms/pvt/orders/{orderId}" },
    });
  });

  it("fails with specific rules: field path, value, what was expected", () => {
    const parsed = (body: unknown) => parseErrorOf(() => vtex.parse(req(body)));
    const field = (path: string) => ({ platform: "VTEX", field: path });
    expect(parsed(order({ items: [] }))).toEqual({ rule: "noLines", params: field("items") });
    expect(parsed(order({ value: 253.8 }))).toEqual({ rule: "notMinorUnits", params: { ...field("value"), value: "253.8" } });
    expect(parsed(order({ creationDate: "02/05/2025" }))).toEqual({ rule: "notDate", params: { ...field("creationDate"), value: '"02/05/2025"' } });
    expect(parsed(order({ clientProfileData: null }))).toEqual({ rule: "missingField", params: field("clientProfileData") });
    expect(parsed(order({ totals: [{ id: "Items", value: "249.80" }] }))).toEqual({ rule: "notMinorUnits", params: { ...field("totals[0].value"), value: '"249.80"' } });
    expect(parsed(order({ items: [{ name: "x", quantity: 1, price: 1 }] }))).toEqual({
      rule: "missingOneOf", params: { platform: "VTEX", fields: "items[0].refId, items[0].sellerSku, items[0].id" },
    });
    expect(parsed({ OrderId: "1500123456789-01", State: "" })).toEqual({ rule: "missingField", params: field("State") });
    // In an order group, the path starts at the order's index.
    expect(parsed([order(), order({ items: [{ refId: "X", quantity: 1.5, price: 100 }] })])).toEqual({
      rule: "notInteger", params: { ...field("[1].items[0].quantity"), min: "1", value: "1.5" },
    });
    expect(parsed({ foo: "bar" })).toEqual({ rule: "notRecognisedVtex", params: { platform: "VTEX", value: '{"foo":"bar"}' } });
    expect(parsed([])).toEqual({ rule: "notRecognisedVtex", params: { platform: "VTEX", value: "[]" } });
    expect(parsed("")).toEqual({ rule: "emptyBody", params: { platform: "VTEX" } });
  });

  it("maps alpha-3 countries", () => {
    expect(["BRA", "ARG", "USA", "MEX", "CHL", "COL", "br", "XYZ"].map(countryIso2)).toEqual(["BR", "AR", "US", "MX", "CL", "CO", "BR", undefined]);
  });
});
