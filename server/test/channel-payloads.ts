/**
 * Test payloads in each platform's real webhook/document format (written for
 * these tests, not copied from anywhere), their signatures, and a helper that
 * builds the HTTP Request the platform would send to our webhook route.
 *
 * Ids above 2^53 are written as bare JSON numbers, as Shopify does: pass them
 * as bigint and serialise with rawJson().
 */
import { createHmac } from "node:crypto";

/** JSON.stringify that writes bigint values as bare integer literals (exact 64-bit ids). */
export function rawJson(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `__bigint__${v.toString()}` : v));
  return text.replace(/"__bigint__(-?\d+)"/g, "$1");
}

export const hmacBase64 = (body: string | Buffer, secret: string) => createHmac("sha256", secret).update(body).digest("base64");
export const hmacHex = (body: string | Buffer, secret: string) => createHmac("sha256", secret).update(body).digest("hex");

export function webhookUrl(channelId: string, query: Record<string, string> = {}, origin = "https://fluxo.test"): string {
  const qs = new URLSearchParams(query).toString();
  return `${origin}/api/channels/${channelId}/webhook${qs ? `?${qs}` : ""}`;
}

export function webhookRequest(opts: { channelId: string; body: string | Buffer; headers?: Record<string, string>; query?: Record<string, string> }): Request {
  return new Request(webhookUrl(opts.channelId, opts.query), {
    method: "POST",
    headers: { "content-type": "application/json", ...opts.headers },
    body: typeof opts.body === "string" ? opts.body : new Uint8Array(opts.body),
  });
}

// ─── Shopify ──────────────────────────────────────────────────────────────

export function shopifyHeaders(body: string | Buffer, secret: string, opts: { topic: string; webhookId?: string }): Record<string, string> {
  return {
    "x-shopify-topic": opts.topic,
    "x-shopify-hmac-sha256": hmacBase64(body, secret),
    "x-shopify-shop-domain": "loja-aurora.myshopify.com",
    "x-shopify-api-version": "2025-01",
    ...(opts.webhookId ? { "x-shopify-webhook-id": opts.webhookId } : {}),
  };
}

/** An `orders/*` body. Defaults: paid BRL order #1042 of two lines, 64-bit ids. */
export function shopifyOrder(o: {
  id?: bigint;
  updatedAt?: string;
  financialStatus?: string;
  cancelledAt?: string | null;
  cancelReason?: string | null;
  lineItems?: unknown[] | null;
  totalPrice?: string;
} = {}): Record<string, unknown> {
  const id = o.id ?? 5812345678901234567n;
  const address = {
    first_name: "Maria", last_name: "Silva", name: "Maria Silva", address1: "Rua Augusta, 1500", address2: "Apto 42",
    city: "São Paulo", province: "São Paulo", province_code: "SP", zip: "01304-001", country: "Brazil", country_code: "BR", phone: "+55 11 98765-4321",
  };
  const body: Record<string, unknown> = {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: "#1042",
    order_number: 1042,
    email: "Maria.Silva@Example.com.br",
    created_at: "2025-03-10T14:22:05-03:00",
    updated_at: o.updatedAt ?? "2025-03-10T14:22:07-03:00",
    cancelled_at: o.cancelledAt ?? null,
    cancel_reason: o.cancelReason ?? null,
    currency: "BRL",
    presentment_currency: "BRL",
    financial_status: o.financialStatus ?? "paid",
    fulfillment_status: null,
    payment_gateway_names: ["mercado_pago"],
    test: false,
    total_line_items_price: "359.70",
    subtotal_price: "349.70",
    total_discounts: "10.00",
    total_tax: "0.00",
    total_price: o.totalPrice ?? "374.70",
    customer: { id: 7012345678901234567n, admin_graphql_api_id: "gid://shopify/Customer/7012345678901234567", first_name: "Maria", last_name: "Silva", email: "maria.silva@example.com.br" },
    shipping_address: address,
    billing_address: address,
    shipping_lines: [{ id: 4123456789012345678n, title: "Sedex", code: "SEDEX", price: "25.00" }],
  };
  if (o.lineItems !== null) {
    body.line_items = o.lineItems ?? [
      {
        id: 14567890123456789012n, admin_graphql_api_id: "gid://shopify/LineItem/14567890123456789012", variant_id: 44000000000001n, product_id: 8800000000001n,
        sku: "CAM-BR-M", title: "Camiseta Básica Branca M", name: "Camiseta Básica Branca - M", quantity: 2, price: "79.90",
        total_discount: "0.00", discount_allocations: [{ amount: "10.00", discount_application_index: 0 }], tax_lines: [],
      },
      {
        id: 14567890123456789013n, admin_graphql_api_id: "gid://shopify/LineItem/14567890123456789013", variant_id: 44000000000002n, product_id: 8800000000002n,
        sku: "CAL-JEANS-42", title: "Calça Jeans Slim 42", name: "Calça Jeans Slim 42", quantity: 1, price: "199.90",
        total_discount: "0.00", discount_allocations: [], tax_lines: [],
      },
    ];
  }
  return body;
}

/** A `refunds/create` body (not wrapped). */
export function shopifyRefund(o: { id: bigint; orderId?: bigint; amount: string; note?: string }): Record<string, unknown> {
  return {
    id: o.id,
    admin_graphql_api_id: `gid://shopify/Refund/${o.id}`,
    order_id: o.orderId ?? 5812345678901234567n,
    created_at: "2025-03-12T10:00:00-03:00",
    processed_at: "2025-03-12T10:00:00-03:00",
    note: o.note ?? "Cliente desistiu",
    restock: false,
    refund_line_items: [
      { id: 300000000001n, line_item_id: 14567890123456789013n, quantity: 1, restock_type: "return", subtotal: o.amount, total_tax: "0.00",
        line_item: { id: 14567890123456789013n, sku: "CAL-JEANS-42" } },
    ],
    transactions: [{ id: 600000000001n, kind: "refund", status: "success", amount: o.amount, currency: "BRL", gateway: "mercado_pago" }],
    order_adjustments: [],
  };
}

// ─── WooCommerce ──────────────────────────────────────────────────────────

export function wooHeaders(body: string | Buffer, secret: string, opts: { topic: string; deliveryId?: string }): Record<string, string> {
  return {
    "x-wc-webhook-topic": opts.topic,
    "x-wc-webhook-resource": opts.topic.split(".")[0] ?? "order",
    "x-wc-webhook-event": opts.topic.split(".")[1] ?? "created",
    "x-wc-webhook-source": "https://loja.example.com.br/",
    "x-wc-webhook-id": "12",
    "x-wc-webhook-delivery-id": opts.deliveryId ?? "d41d8cd98f00b204e9800998ecf8427e",
    "x-wc-webhook-signature": hmacBase64(body, secret),
    "user-agent": "WooCommerce/9.6.0 Hookshot (WordPress/6.7.1)",
  };
}

/** A REST v3 order as `order.created` sends it: processing (paid) Pix order 4321. */
export function wooOrder(o: { id?: number; status?: string; modified?: string } = {}): Record<string, unknown> {
  const person = {
    first_name: "João", last_name: "Pereira", company: "", address_1: "Avenida Sete de Setembro", address_2: "Sala 3", number: "1020",
    neighborhood: "Centro", city: "Curitiba", state: "PR", postcode: "80060-070", country: "BR",
  };
  return {
    id: o.id ?? 4321,
    parent_id: 0,
    number: String(o.id ?? 4321),
    status: o.status ?? "processing",
    currency: "BRL",
    date_created: "2025-03-11T09:15:00",
    date_created_gmt: "2025-03-11T12:15:00",
    date_modified: "2025-03-11T09:16:30",
    date_modified_gmt: o.modified ?? "2025-03-11T12:16:30",
    date_paid_gmt: "2025-03-11T12:16:29",
    discount_total: "0.00",
    shipping_total: "18.50",
    total_tax: "0.00",
    total: "218.30",
    customer_id: 57,
    customer_note: "Entregar no horário comercial",
    billing: { ...person, email: "joao.pereira@example.com", phone: "(41) 99876-5432", cpf: "123.456.789-09", persontype: "1" },
    shipping: person,
    payment_method: "pix",
    payment_method_title: "Pix",
    meta_data: [],
    line_items: [
      { id: 901, name: "Caneca Esmaltada &ndash; Azul", product_id: 310, variation_id: 0, quantity: 2, subtotal: "79.80", subtotal_tax: "0.00", total: "79.80", total_tax: "0.00", sku: "CAN-ESM-AZ", price: 39.9 },
      { id: 902, name: "Bule Esmaltado 1L", product_id: 311, variation_id: 0, quantity: 1, subtotal: "120.00", subtotal_tax: "0.00", total: "120.00", total_tax: "0.00", sku: "BULE-1L", price: 120 },
    ],
    shipping_lines: [{ id: 903, method_title: "PAC", method_id: "correios-pac", total: "18.50" }],
    refunds: [],
  };
}

// ─── Mercado Livre ────────────────────────────────────────────────────────

/** GET /orders/{id}: paid Pix order, money as JSON floats, shipping only as {id}. */
export function mercadoLivreOrder(o: { id?: number; lastUpdated?: string } = {}): Record<string, unknown> {
  return {
    id: o.id ?? 2000009876543210,
    status: "paid",
    date_created: "2025-03-09T20:10:00.000-03:00",
    last_updated: o.lastUpdated ?? "2025-03-09T20:12:31.000-03:00",
    currency_id: "BRL",
    total_amount: 149.8,
    paid_amount: 168.7,
    shipping_cost: null,
    pack_id: null,
    shipping: { id: 44001122334 },
    order_items: [
      { item: { id: "MLB3344556677", title: "Fone Bluetooth Preto", seller_sku: "FONE-BT-PR", variation_id: null }, quantity: 2, unit_price: 74.9, full_unit_price: 74.9, currency_id: "BRL" },
    ],
    payments: [{ id: 90000001, status: "approved", transaction_amount: 149.8, transaction_amount_refunded: 0, payment_method_id: "pix", currency_id: "BRL" }],
    buyer: { id: 123456789, nickname: "CARLOSOUZA", first_name: "Carlos", last_name: "Souza", email: "carlos.souza@example.com" },
    tags: ["paid", "not_delivered"],
  };
}

/** GET /shipments/{id}: where the receiver address of an order lives. */
export function mercadoLivreShipment(o: { orderId?: number; id?: number; city?: string; state?: string } = {}): Record<string, unknown> {
  return {
    id: o.id ?? 44001122334,
    order_id: o.orderId ?? 2000009876543210,
    status: "ready_to_ship",
    logistic_type: "cross_docking",
    shipping_option: { cost: 0, list_cost: 21.5, estimated_handling_limit: { date: "2025-03-12T00:00:00.000-03:00" } },
    receiver_address: {
      street_name: "Avenida Sete de Setembro", street_number: "1200", comment: "Casa", zip_code: "40060001",
      city: { id: "BR-BA-01", name: o.city ?? "Salvador" }, state: { id: `BR-${o.state ?? "BA"}`, name: "Bahia" }, country: { id: "BR", name: "Brasil" },
      neighborhood: { id: null, name: "Centro" }, receiver_name: "Carlos Souza", receiver_phone: "71999990000",
    },
  };
}

export function mercadoLivreNotification(orderId: number, id = "b7c1e9f0-6a2d-4f1e-9d3c-2a1b0c9d8e7f"): Record<string, unknown> {
  return { _id: id, resource: `/orders/${orderId}`, user_id: 123456789, topic: "orders_v2", application_id: 5503910054141466, attempts: 1, sent: "2025-03-09T23:12:32.512Z", received: "2025-03-09T23:12:32.410Z" };
}

// ─── VTEX ─────────────────────────────────────────────────────────────────

/** GET /api/oms/pvt/orders/{orderId}: ready-for-handling, money in integer cents. */
export function vtexOrder(o: { orderId?: string; lastChange?: string } = {}): Record<string, unknown> {
  return {
    orderId: o.orderId ?? "1520034567890-01",
    orderGroup: "1520034567890",
    status: "ready-for-handling",
    creationDate: "2025-03-08T13:00:00.0000000+00:00",
    lastChange: o.lastChange ?? "2025-03-08T13:05:00.1234567+00:00",
    authorizedDate: "2025-03-08T13:02:00.0000000+00:00",
    value: 26890,
    totals: [
      { id: "Items", name: "Total dos Itens", value: 25990 },
      { id: "Discounts", name: "Total dos Descontos", value: -1000 },
      { id: "Shipping", name: "Total do Frete", value: 1900 },
      { id: "Tax", name: "Total da Taxa", value: 0 },
    ],
    items: [
      { uniqueId: "9F8E7D", id: "2041", refId: "TENIS-RUN-41", name: "Tênis Running 41", quantity: 1, price: 25990, tax: 0,
        priceTags: [{ name: "DISCOUNT@MARKETPLACE", value: -1000, isPercentual: false }] },
    ],
    clientProfileData: { email: "beatriz.lima@example.com", firstName: "Beatriz", lastName: "Lima", document: "987.654.321-00", phone: "+5521988776655", isCorporate: false },
    shippingData: { address: { receiverName: "Beatriz Lima", street: "Rua Voluntários da Pátria", number: "45", neighborhood: "Botafogo", city: "Rio de Janeiro", state: "RJ", postalCode: "22270-000", country: "BRA" } },
    paymentData: { transactions: [{ payments: [{ paymentSystemName: "Pix", value: 26890 }] }] },
    storePreferencesData: { countryCode: "BRA", currencyCode: "BRL" },
  };
}

// ─── Nuvemshop ────────────────────────────────────────────────────────────

export const nuvemshopHeaders = (body: string | Buffer, secret: string): Record<string, string> => ({ "x-linkedstore-hmac-sha256": hmacHex(body, secret) });

/** GET /orders/{id}: paid BRL order, money as decimal strings. */
export function nuvemshopOrder(o: { id?: number; updatedAt?: string } = {}): Record<string, unknown> {
  return {
    id: o.id ?? 871234567,
    number: 3051,
    created_at: "2025-03-07T18:40:00+0000",
    updated_at: o.updatedAt ?? "2025-03-07T18:41:10+0000",
    status: "open",
    payment_status: "paid",
    shipping_status: "unpacked",
    currency: "BRL",
    subtotal: "159.80",
    discount: "15.98",
    shipping_cost_customer: "21.90",
    total: "165.72",
    gateway_name: "Pagar.me",
    customer: { id: 9911, name: "Fernanda Costa", email: "fernanda.costa@example.com", identification: "111.222.333-44", phone: "+5531999990000" },
    shipping_address: { name: "Fernanda Costa", address: "Rua da Bahia", number: "1148", floor: "Loja 2", locality: "Centro", city: "Belo Horizonte", province: "MG", zipcode: "30160-011", country: "BR" },
    products: [{ id: 5550001, product_id: 77001, variant_id: 88001, name: "Vela Aromática Lavanda", sku: "VELA-LAV", quantity: 2, price: "79.90" }],
  };
}

// ─── Amazon ───────────────────────────────────────────────────────────────

/** The {order, orderItems} envelope the SP-API fetcher sends: getOrder + getOrderItems for one order. */
export function amazonEnvelope(o: { orderId?: string; itemsOrderId?: string; lastUpdate?: string } = {}): Record<string, unknown> {
  const orderId = o.orderId ?? "701-1234567-7654321";
  return {
    order: {
      payload: {
        AmazonOrderId: orderId, PurchaseDate: "2025-03-06T15:00:00Z", LastUpdateDate: o.lastUpdate ?? "2025-03-06T15:30:00Z",
        OrderStatus: "Unshipped", FulfillmentChannel: "MFN", OrderTotal: { CurrencyCode: "BRL", Amount: "254.80" },
        PaymentMethodDetails: ["Standard"], LatestShipDate: "2025-03-08T23:59:59Z",
        BuyerInfo: { BuyerEmail: "rafael.alves@marketplace.amazon.com.br", BuyerName: "Rafael Alves" },
        ShippingAddress: { Name: "Rafael Alves", AddressLine1: "Rua XV de Novembro, 200", City: "Florianópolis", StateOrRegion: "SC", PostalCode: "88010-400", CountryCode: "BR" },
      },
    },
    orderItems: {
      payload: {
        AmazonOrderId: o.itemsOrderId ?? orderId,
        OrderItems: [
          { ASIN: "B0CXYZ1234", SellerSKU: "LIVRO-ATLAS", OrderItemId: "45678901234567", Title: "Atlas Geográfico Escolar", QuantityOrdered: 2,
            ItemPrice: { CurrencyCode: "BRL", Amount: "239.80" }, ShippingPrice: { CurrencyCode: "BRL", Amount: "15.00" }, ItemTax: { CurrencyCode: "BRL", Amount: "0.00" } },
        ],
      },
    },
  };
}
