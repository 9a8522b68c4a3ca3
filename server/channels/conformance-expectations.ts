/**
 * What Fluxo does with every published channel fixture (../shared/fixtures/channels,
 * see SOURCES.md there) when it is POSTed to the webhook of a channel of its
 * platform. conformance.int.test.ts fails for a fixture file missing here, so a
 * new fixture cannot be skipped silently. Values are the documents' own.
 */
import type { ChannelPlatform } from "@/server/channels/types";

export interface OrderFacts {
  externalId: string;
  externalNumber?: string | null;
  customerName: string;
  customerEmail: string | null;
  lines: number;
  firstLine: { sku: string; quantity: number };
  totalCents: number;
  currency: string;
  status?: string;
  paymentStatus?: string;
}

interface Common {
  /** Topic header to send (Shopify X-Shopify-Topic, WooCommerce X-WC-Webhook-Topic); none for polled documents. */
  topic?: string;
  /** The topic Fluxo records for the delivery. */
  deliveryTopic: string;
  /** Why this outcome, in one line (shows in the test name). */
  why: string;
}

export type FixtureExpectation = Common &
  (
    | { outcome: "orders"; orders: OrderFacts[] }
    | { outcome: "notification"; deliveryKey: string; note: string }
    | { outcome: "failed"; error: string | RegExp }
  );

export const DIR_PLATFORM: Record<string, ChannelPlatform> = {
  shopify: "SHOPIFY",
  woocommerce: "WOOCOMMERCE",
  mercadolivre: "MERCADO_LIVRE",
  vtex: "VTEX",
  nuvemshop: "NUVEMSHOP",
  amazon: "AMAZON",
};

const notInFluxo = (refund: string, order: string) => `Refund ${refund} is for order ${order}, which is not in Fluxo yet.`;

const WOO_727: OrderFacts = {
  externalId: "727", externalNumber: "727", customerName: "John Doe", customerEmail: "john.doe@example.com", lines: 2,
  firstLine: { sku: "93", quantity: 2 }, totalCents: 2935, currency: "USD", status: "PAYMENT_AUTHORIZED", paymentStatus: "PAID",
};

const NUVEMSHOP_450789469 = (status: string): OrderFacts => ({
  externalId: "450789469", externalNumber: "101", customerName: "John Doe", customerEmail: "john.doe@example.com", lines: 1,
  firstLine: { sku: "101", quantity: 2 }, totalCents: 5800, currency: "USD", status, paymentStatus: "PENDING",
});

export const FIXTURE_EXPECTATIONS: Record<string, FixtureExpectation> = {
  "shopify/orders-create-docs-sample.json": {
    topic: "orders/create", deliveryTopic: "orders/create", outcome: "orders",
    why: "Shopify's sample is cancelled and voided even for create: captured straight into CANCELLED",
    orders: [{ externalId: "820982911946154508", externalNumber: "#9999", customerName: "John Smith", customerEmail: "jon@example.com", lines: 3,
      firstLine: { sku: "SKU2006-001", quantity: 1 }, totalCents: 35997, currency: "USD", status: "CANCELLED", paymentStatus: "VOIDED" }],
  },
  "shopify/orders-create-devstore-ars.json": {
    topic: "orders/create", deliveryTopic: "orders/create", outcome: "orders", why: "paid ARS order, 64-bit-safe ids, non-ASCII names",
    orders: [{ externalId: "18922194698473", externalNumber: "#1001", customerName: "Juana Pérez", customerEmail: "cliente@example.com", lines: 1,
      firstLine: { sku: "NOR-002", quantity: 1 }, totalCents: 145000000, currency: "ARS", status: "PAYMENT_AUTHORIZED", paymentStatus: "PAID" }],
  },
  "shopify/refunds-create-docs-sample-2026-04.json": {
    topic: "refunds/create", deliveryTopic: "refunds/create", outcome: "failed",
    why: "a refund whose order is not in Fluxo (and whose order_id the scraper rounded) is kept FAILED for re-processing",
    error: notInFluxo("890088186047892319", "820982911946154500"),
  },
  "shopify/refund-rest-get-python-api.json": {
    topic: "refunds/create", deliveryTopic: "refunds/create", outcome: "failed",
    why: "a REST refund ({refund: …} unwrapped) of an order that is not in Fluxo", error: notInFluxo("509562969", "450789469"),
  },
  "woocommerce/order-webhook-inr-onhold-cod.json": {
    topic: "order.created", deliveryTopic: "order.created", outcome: "orders", why: "on-hold cash-on-delivery order stays RECEIVED / PENDING",
    orders: [{ externalId: "205", externalNumber: "205", customerName: "doctor strange", customerEmail: "strange@erpnext.com", lines: 1,
      firstLine: { sku: "woo-album", quantity: 1 }, totalCents: 1770, currency: "INR", status: "RECEIVED", paymentStatus: "PENDING" }],
  },
  "woocommerce/order-retrieve-docs-v3.json": {
    topic: "order.created", deliveryTopic: "order.created", outcome: "orders", why: "the v3 order is also the order.* webhook body", orders: [WOO_727],
  },
  "woocommerce/orders-list-docs-v3.json": {
    deliveryTopic: "unknown", outcome: "orders", why: "a polled list (no topic): both orders are captured",
    orders: [WOO_727, { externalId: "723", externalNumber: "723", customerName: "João Silva", customerEmail: "joao.silva@example.com", lines: 2,
      firstLine: { sku: "87", quantity: 1 }, totalCents: 3900, currency: "USD", paymentStatus: "PARTIALLY_REFUNDED" }],
  },
  "woocommerce/order-refund-retrieve-docs-v3.json": {
    deliveryTopic: "unknown", outcome: "failed", why: "a polled refund (Woo has no refund topic) of order 723, not in Fluxo yet",
    error: notInFluxo("726", "723"),
  },
  "mercadolivre/order-get-mlb-boleto-catalog-2024.json": {
    deliveryTopic: "order", outcome: "orders", why: "the fetched order ingests without an address (it comes with the shipment)",
    orders: [{ externalId: "2000008464929496", externalNumber: "2000008464929496", customerName: "John Doe", customerEmail: null, lines: 1,
      firstLine: { sku: "019522", quantity: 1 }, totalCents: 9000, currency: "BRL", status: "PAYMENT_AUTHORIZED", paymentStatus: "PAID" }],
  },
  "mercadolivre/shipment-get-for-order-2024.json": {
    deliveryTopic: "shipment", outcome: "failed", why: "the shipment carries its order's address; alone, its order is not in Fluxo yet",
    error: "Mercado Livre shipment 43474637041 is for order 2000008464929496, which is not in Fluxo yet.",
  },
  "mercadolivre/orders-search-mla-testusers-2016.json": {
    deliveryTopic: "orders/search", outcome: "orders", why: "an /orders/search page: its one result is captured",
    orders: [{ externalId: "1068825849", customerName: "Test Test", customerEmail: "test_user_97424966@testuser.com", lines: 1,
      firstLine: { sku: "MLA607850752", quantity: 1 }, totalCents: 1000, currency: "ARS", paymentStatus: "PAID" }],
  },
  "mercadolivre/notification-orders_v2-docs.json": {
    deliveryTopic: "orders_v2", outcome: "notification", why: "ML notifications carry no order data: recorded, the order must be fetched",
    deliveryKey: "f9f08571-1f65-4c46-9e0a-c0f43faas1557e",
    note: "Notification orders_v2 for order 2195160686: the order document must be delivered to apply it.",
  },
  "vtex/get-order-handling-openapi.json": {
    deliveryTopic: "order", outcome: "orders", why: "the documented order in handling (value kept as published)",
    orders: [{ externalId: "1172452900788-01", externalNumber: "1172452900788-01", customerName: "Rodrigo Smith", customerEmail: "rodrigo.smith@email.com", lines: 1,
      firstLine: { sku: "BIGBML", quantity: 1 }, totalCents: 1160, currency: "BRL", status: "PAYMENT_AUTHORIZED", paymentStatus: "PAID" }],
  },
  "vtex/get-order-group-two-orders-openapi.json": {
    deliveryTopic: "order-group", outcome: "orders", why: "an order group: one checkout split into two orders",
    orders: [
      { externalId: "v71425090str-01", customerName: "Camila Smith", customerEmail: "cmlsmith@email.com", lines: 1, firstLine: { sku: "11167127", quantity: 1 },
        totalCents: 5458, currency: "BRL", status: "RECEIVED", paymentStatus: "PENDING" },
      { externalId: "v71425090str-02", customerName: "Camila Smith", customerEmail: "cmlsmith@email.com", lines: 1, firstLine: { sku: "11455795", quantity: 1 },
        totalCents: 6208, currency: "BRL", status: "RECEIVED", paymentStatus: "PENDING" },
    ],
  },
  "vtex/hook-notification-fulfillment-openapi.json": {
    deliveryTopic: "Fulfillment:ready-for-handling", outcome: "notification", why: "the Orders Hook only points at the order",
    deliveryKey: "v52277740atmc-01:ready-for-handling:2019-08-14T17:12:48.0965893Z",
    note: "Notification Fulfillment:ready-for-handling for order v52277740atmc-01: the order document must be delivered to apply it.",
  },
  "vtex/feed-v3-events-openapi.json": {
    deliveryTopic: "unknown", outcome: "failed", why: "a Feed v3 page is pulled and committed, never posted",
    error: /^VTEX feed events \(\d+ in this page\) are notifications; the feed is pulled and each event committed by its handle/,
  },
  "nuvemshop/order-get-docs.json": {
    deliveryTopic: "order", outcome: "orders", why: "the documented open, unpaid order", orders: [NUVEMSHOP_450789469("RECEIVED")],
  },
  "nuvemshop/order-fulfill-response-docs.json": {
    deliveryTopic: "order", outcome: "orders", why: "the fulfil response on its own is the same order (shipping_status is not ours to take)",
    orders: [NUVEMSHOP_450789469("RECEIVED")],
  },
  "nuvemshop/order-cancel-response-docs.json": {
    deliveryTopic: "order", outcome: "orders", why: "the cancel response on its own is captured cancelled", orders: [NUVEMSHOP_450789469("CANCELLED")],
  },
  "amazon/get-order-example.json": {
    deliveryTopic: "unknown", outcome: "failed", why: "a bare getOrder has no lines",
    error: 'Amazon getOrder 902-3159896-1390916 has no items: send it together with getOrderItems as {"order": <getOrder response>, "orderItems": <getOrderItems response>}',
  },
  "amazon/get-order-items-example.json": {
    deliveryTopic: "unknown", outcome: "failed", why: "bare getOrderItems has no order header",
    error: 'Amazon getOrderItems for 903-1671087-0812628 has no order header: send it together with getOrder as {"order": <getOrder response>, "orderItems": <getOrderItems response>}',
  },
  "amazon/order-change-notification-example.json": {
    deliveryTopic: "ORDER_CHANGE:BuyerRequestedChange", outcome: "notification", why: "a buyer cancel request notification, keyed on its NotificationId",
    deliveryKey: "d0e9e693-c3ad-4373-979f-ed4ec98dd746",
    note: "Notification ORDER_CHANGE:BuyerRequestedChange for order 903-8868176-2219830: the order document must be delivered to apply it.",
  },
};
