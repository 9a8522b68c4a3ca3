import { describe, expect, it } from "vitest";
import { parseErrorOf } from "@/server/test/parse-error";
import type { InboundRequest } from "../types";
import { amazonConnector as amazon, combineAmazonOrder } from "./index";

function req(body: unknown, opts: { query?: Record<string, string>; headers?: Record<string, string> } = {}): InboundRequest {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return { rawBody: Buffer.from(raw, "utf8"), headers: opts.headers ?? {}, query: opts.query ?? {} };
}

const usd = (amount: string) => ({ CurrencyCode: "USD", Amount: amount });

function getOrder(overrides: Record<string, unknown> = {}) {
  return {
    payload: {
      AmazonOrderId: "113-5550001-1234567",
      PurchaseDate: "2025-04-01T16:20:00Z",
      LastUpdateDate: "2025-04-01T18:00:00Z",
      OrderStatus: "Unshipped",
      FulfillmentChannel: "MFN",
      OrderTotal: usd("52.47"),
      PaymentMethod: "Other",
      PaymentMethodDetails: ["Standard"],
      MarketplaceId: "ATVPDKIKX0DER",
      EarliestShipDate: "2025-04-02T07:00:00Z",
      LatestShipDate: "2025-04-04T06:59:59Z",
      ShippingAddress: {
        Name: "Jane Roe",
        AddressLine1: "500 Pine St",
        AddressLine2: "Apt 7",
        City: "Seattle",
        StateOrRegion: "WA",
        PostalCode: "98101",
        CountryCode: "US",
        Phone: "+1 206-555-0100",
      },
      BuyerInfo: { BuyerEmail: "abc123xyz@marketplace.amazon.com", BuyerName: "Jane Roe" },
      ...overrides,
    },
  };
}

function getOrderItems(items?: unknown[], extra: Record<string, unknown> = {}) {
  return {
    payload: {
      AmazonOrderId: "113-5550001-1234567",
      OrderItems: items ?? [
        {
          ASIN: "B0EXAMPLE1",
          OrderItemId: "11111111111111",
          SellerSKU: "MUG-BLUE",
          Title: "Blue mug",
          QuantityOrdered: 3,
          ItemPrice: usd("10.00"),
          ItemTax: usd("0.90"),
          PromotionDiscount: usd("1.00"),
          ShippingPrice: usd("4.99"),
          ShippingTax: usd("0.45"),
          BuyerInfo: { GiftWrapPrice: usd("2.99"), GiftMessageText: "Happy birthday" },
        },
        { ASIN: "B0EXAMPLE2", OrderItemId: "22222222222222", SellerSKU: "TEA-01", Title: "Green tea", QuantityOrdered: 1, ItemPrice: usd("34.14"), CODFee: { CurrencyCode: "EUR", Amount: "3.00" } },
      ],
      ...extra,
    },
  };
}

const notification = {
  NotificationVersion: "1.0",
  NotificationType: "ORDER_CHANGE",
  PayloadVersion: "1.0",
  EventTime: "2025-04-02T10:00:00.000Z",
  Payload: {
    OrderChangeNotification: {
      NotificationLevel: "OrderLevel",
      SellerId: "A1EXAMPLESELLER",
      AmazonOrderId: "113-5550001-1234567",
      OrderChangeType: "BuyerRequestedChange",
      OrderChangeTrigger: { TimeOfOrderChange: "2025-04-02T09:59:58.000Z", ChangeReason: "Buyer Requested Cancel" },
      Summary: { OrderStatus: "Unshipped" },
    },
  },
  NotificationMetadata: {
    ApplicationId: "amzn1.sp.solution.example",
    SubscriptionId: "subscription-0001",
    PublishTime: "2025-04-02T10:00:01.000Z",
    NotificationId: "5e1b0c1a-0000-4000-8000-00000000abcd",
  },
};

describe("amazon verify", () => {
  it("accepts the token in the query or the header", () => {
    expect(amazon.verify(req(notification, { query: { token: "k" } }), "k")).toEqual({ ok: true });
    expect(amazon.verify(req(notification, { headers: { "x-fluxo-token": "k" } }), "k")).toEqual({ ok: true });
  });
  it("rejects a wrong or missing token", () => {
    expect(amazon.verify(req(notification, { query: { token: "kk" } }), "k")).toMatchObject({ ok: false });
    expect(amazon.verify(req(notification), "k")).toEqual({ ok: false, reason: "missing token" });
  });
});

describe("amazon combined order", () => {
  it("maps order + items with exact cents", () => {
    const doc = amazon.parse(req({ order: getOrder(), orderItems: getOrderItems() }));
    if (doc.kind !== "order") throw new Error("expected an order");
    const o = doc.order;
    expect(o).toMatchObject({ externalId: "113-5550001-1234567", currency: "USD", state: "OPEN", paymentStatus: "PAID", paymentMethod: "Standard" });
    expect(o.lines).toEqual([
      // 10.00 for 3 units: unit 3.34, the 2 cents of rounding go to the discount with the 1.00 promotion.
      { externalId: "11111111111111", sku: "MUG-BLUE", name: "Blue mug", quantity: 3, unitPriceCents: 334, discountCents: 102, taxCents: 90 },
      { externalId: "22222222222222", sku: "TEA-01", name: "Green tea", quantity: 1, unitPriceCents: 3414, discountCents: 0, taxCents: 0 },
    ]);
    expect(o.lines.map((l) => l.unitPriceCents * l.quantity - l.discountCents)).toEqual([900, 3414]);
    // shipping & handling = 4.99 shipping + 2.99 gift wrap; the EUR COD fee is not counted.
    expect(o).toMatchObject({ subtotalCents: 4416, discountCents: 102, shippingCents: 798, taxCents: 135, totalCents: 5247 });
    expect(o.note).toContain("CODFee 3.00 EUR not counted (order currency USD)");
    expect(o.note).toContain("Gift message (MUG-BLUE): Happy birthday");
    expect(o.customer).toEqual({ name: "Jane Roe", email: "abc123xyz@marketplace.amazon.com", phone: "+1 206-555-0100" });
    expect(o.shippingAddress).toMatchObject({ line1: "500 Pine St", line2: "Apt 7", city: "Seattle", state: "WA", postalCode: "98101", country: "US" });
    expect(o.shipBy?.toISOString()).toBe("2025-04-04T06:59:59.000Z");
    expect(amazon.deliveryKey(req({ order: getOrder(), orderItems: getOrderItems() }))).toBe("order:113-5550001-1234567:2025-04-01T18:00:00Z");
  });

  it("computes the total of a Pending order without OrderTotal", () => {
    const o = combineAmazonOrder(getOrder({ OrderStatus: "Pending", OrderTotal: undefined, BuyerInfo: {} }), getOrderItems());
    expect(o).toMatchObject({ paymentStatus: "PENDING", currency: "USD", totalCents: 4416 - 102 + 798 + 135 });
    expect(o.customer.name).toBe("Jane Roe"); // from ShippingAddress.Name
    const bare = combineAmazonOrder(getOrder({ OrderStatus: "Pending", OrderTotal: undefined, BuyerInfo: {}, ShippingAddress: { City: "Seattle" } }), getOrderItems());
    expect(bare.customer.name).toBe("Amazon customer");
    expect(bare.shippingAddress).toBeUndefined();
  });

  it("maps a cancelled order with the buyer's reason", () => {
    const items = [{ OrderItemId: "3", SellerSKU: "X", QuantityOrdered: 0, BuyerRequestedCancel: { IsBuyerRequestedCancel: "true", BuyerCancelReason: "Ordered by mistake" } }];
    const o = combineAmazonOrder(getOrder({ OrderStatus: "Canceled" }), getOrderItems(items));
    expect(o).toMatchObject({ state: "CANCELLED", paymentStatus: "VOIDED", cancelReason: "Ordered by mistake" });
    expect(o.lines[0]).toMatchObject({ quantity: 0, unitPriceCents: 0 });
  });

  it("accepts items as an array of pages and refuses incomplete or foreign pages", () => {
    const [first, second] = getOrderItems().payload.OrderItems;
    const pages = [getOrderItems([first], { NextToken: "tok" }), getOrderItems([second])];
    expect(combineAmazonOrder(getOrder(), pages).lines).toHaveLength(2);
    expect(parseErrorOf(() => combineAmazonOrder(getOrder(), getOrderItems(undefined, { NextToken: "tok" })))).toEqual({
      rule: "amazonIncompletePages", params: { platform: "Amazon", order: "113-5550001-1234567" },
    });
    expect(parseErrorOf(() => combineAmazonOrder(getOrder(), [getOrderItems([first]), getOrderItems([second], { AmazonOrderId: "113-0000000-0000000" })]))).toEqual({
      rule: "amazonItemsOtherOrder", params: { platform: "Amazon", page: "1", other: "113-0000000-0000000", order: "113-5550001-1234567" },
    });
    expect(parseErrorOf(() => combineAmazonOrder(getOrder(), []))).toEqual({ rule: "noLines", params: { platform: "Amazon", field: "orderItems" } });
    expect(parseErrorOf(() => combineAmazonOrder(getOrder(), getOrderItems([])))).toEqual({ rule: "noLines", params: { platform: "Amazon", field: "orderItems.payload.OrderItems" } });
  });

  it("refuses core amounts in another currency and unknown statuses", () => {
    const items = [{ OrderItemId: "9", SellerSKU: "Y", QuantityOrdered: 1, ItemPrice: { CurrencyCode: "CAD", Amount: "5.00" } }];
    const combined = (order: unknown, orderItems: unknown) => parseErrorOf(() => amazon.parse(req({ order, orderItems })));
    const field = (path: string) => ({ platform: "Amazon", field: path });
    expect(combined(getOrder(), getOrderItems(items))).toEqual({
      rule: "otherCurrency", params: { ...field("orderItems.payload.OrderItems[0].ItemPrice"), currency: "CAD", orderCurrency: "USD" },
    });
    expect(combined(getOrder({ OrderStatus: "Lost" }), getOrderItems())).toEqual({
      rule: "notListed",
      params: { ...field("order.payload.OrderStatus"), value: '"Lost"', allowed: "Pending, PendingAvailability, Unshipped, PartiallyShipped, Shipped, InvoiceUnconfirmed, Unfulfillable, Canceled" },
    });
    expect(combined(getOrder({ PurchaseDate: "2025-04-31T00:00:00Z" }), getOrderItems())).toEqual({
      rule: "notDate", params: { ...field("order.payload.PurchaseDate"), value: '"2025-04-31T00:00:00Z"' },
    });
    expect(combined(getOrder({ OrderTotal: "52.47" }), getOrderItems())).toEqual({ rule: "notMoney", params: { ...field("order.payload.OrderTotal"), value: '"52.47"' } });
    expect(combined(getOrder({ OrderTotal: { Amount: "52.47" } }), getOrderItems())).toEqual({ rule: "missingField", params: field("order.payload.OrderTotal.CurrencyCode") });
    expect(combined(getOrder(), getOrderItems([{ Title: "No ids", QuantityOrdered: 1, ItemPrice: usd("1.00") }]))).toEqual({
      rule: "missingOneOf", params: { platform: "Amazon", fields: "orderItems.payload.OrderItems[0].SellerSKU, orderItems.payload.OrderItems[0].ASIN, orderItems.payload.OrderItems[0].OrderItemId" },
    });
    expect(combined(getOrder({ OrderTotal: null }), getOrderItems([{ SellerSKU: "Z", QuantityOrdered: 1 }]))).toEqual({
      rule: "amazonUnknownCurrency", params: { platform: "Amazon", order: "113-5550001-1234567" },
    });
    expect(combined("nope", getOrderItems())).toEqual({ rule: "notObject", params: { ...field("order"), value: '"nope"' } });
  });

  it("refuses bare getOrder and getOrderItems bodies", () => {
    const envelope = '{"order": <getOrder response>, "orderItems": <getOrderItems response>}';
    expect(() => amazon.parse(req(getOrder()))).toThrow(/^Amazon getOrder 113-5550001-1234567 has no items: send it together with getOrderItems as \{"order"/);
    expect(parseErrorOf(() => amazon.parse(req(getOrder())))).toEqual({ rule: "amazonOrderWithoutItems", params: { platform: "Amazon", order: "113-5550001-1234567", envelope } });
    expect(parseErrorOf(() => amazon.parse(req(getOrderItems())))).toEqual({ rule: "amazonItemsWithoutOrder", params: { platform: "Amazon", order: "113-5550001-1234567", envelope } });
    expect(parseErrorOf(() => amazon.parse(req({ hello: 1 })))).toEqual({ rule: "notRecognisedAmazon", params: { platform: "Amazon", value: '{"hello":1}' } });
  });
});

describe("amazon notifications", () => {
  it("reads ORDER_CHANGE", () => {
    expect(amazon.parse(req(notification))).toEqual({
      kind: "notification",
      externalId: "113-5550001-1234567",
      topic: "ORDER_CHANGE:BuyerRequestedChange",
      at: new Date("2025-04-02T09:59:58.000Z"),
    });
    expect(amazon.deliveryKey(req(notification))).toBe("5e1b0c1a-0000-4000-8000-00000000abcd");
    expect(amazon.topic(req(notification))).toBe("ORDER_CHANGE:BuyerRequestedChange");
  });
  it("refuses other notification types", () => {
    expect(parseErrorOf(() => amazon.parse(req({ ...notification, NotificationType: "FEED_PROCESSING_FINISHED" })))).toEqual({
      rule: "unsupportedTopic", params: { platform: "Amazon", topic: "FEED_PROCESSING_FINISHED", handled: "ORDER_CHANGE, ORDER_STATUS_CHANGE" },
    });
    expect(parseErrorOf(() => amazon.parse(req({ ...notification, Payload: {} })))).toEqual({
      rule: "missingField", params: { platform: "Amazon", field: "Payload.OrderChangeNotification" },
    });
  });
});
