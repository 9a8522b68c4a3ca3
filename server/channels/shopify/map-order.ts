/** Shopify REST order (webhook body of orders/*) → ChannelOrderInput. */
import { sumCents, type Cents } from "@/server/lib/money";
import {
  arr,
  bool,
  cents,
  centsOrZero,
  idStr,
  int,
  isObject,
  joinName,
  obj,
  parseDate,
  str,
  type JsonObject,
} from "../read";
import {
  ChannelParseError,
  type AddressInput,
  type ChannelOrderInput,
  type ChannelOrderRefundInput,
  type CustomerInput,
  type OrderLineInput,
  type PaymentStatus,
} from "../types";
import { shopifyId } from "./ids";
import { mapShopifyRefund } from "./map-refund";

const FINANCIAL_STATUS: Record<string, PaymentStatus> = {
  pending: "PENDING",
  authorized: "AUTHORIZED",
  partially_paid: "PARTIALLY_PAID",
  paid: "PAID",
  partially_refunded: "PARTIALLY_REFUNDED",
  refunded: "REFUNDED",
  voided: "VOIDED",
  expired: "FAILED",
};

/** Customer name used when an order carries none (POS or draft orders without a customer). */
export const SHOPIFY_GUEST_NAME = "Guest";

export function mapShopifyAddress(a: JsonObject | undefined): AddressInput | undefined {
  if (!a) return undefined;
  const line1 = str(a, "address1");
  const city = str(a, "city");
  if (line1 === undefined && city === undefined) return undefined;
  return {
    name: str(a, "name") ?? joinName(str(a, "first_name"), str(a, "last_name")),
    line1: line1 ?? "",
    line2: str(a, "address2"),
    city: city ?? "",
    state: str(a, "province_code") ?? str(a, "province"),
    postalCode: str(a, "zip"),
    country: str(a, "country_code")?.toUpperCase(),
    phone: str(a, "phone"),
  };
}

function mapCustomer(order: JsonObject): CustomerInput {
  const c = obj(order, "customer");
  const billing = obj(order, "billing_address");
  const shipping = obj(order, "shipping_address");
  const defaultAddress = obj(c, "default_address");
  const email = str(order, "email") ?? str(order, "contact_email") ?? str(c, "email");
  const name =
    joinName(str(c, "first_name"), str(c, "last_name")) ??
    str(billing, "name") ??
    joinName(str(billing, "first_name"), str(billing, "last_name")) ??
    str(shipping, "name") ??
    joinName(str(shipping, "first_name"), str(shipping, "last_name")) ??
    str(defaultAddress, "name") ??
    email ??
    SHOPIFY_GUEST_NAME;
  return {
    externalId: c ? shopifyId(c, "Customer") : undefined,
    name,
    email,
    phone: str(order, "phone") ?? str(c, "phone") ?? str(billing, "phone") ?? str(shipping, "phone"),
  };
}

function sumAmounts(items: unknown[], key: string, what: string): Cents {
  return sumCents(items.map((item, i) => (isObject(item) ? cents(item[key], `${what} ${i + 1} ${key}`) : 0)));
}

function mapLine(raw: unknown, index: number, orderId: string): OrderLineInput {
  const what = `Shopify order ${orderId} line_items[${index}]`;
  if (!isObject(raw)) throw new ChannelParseError(`${what} is not an object`);
  const lineId = shopifyId(raw, "LineItem");
  const sku = str(raw, "sku") ?? idStr(raw, "variant_id") ?? idStr(raw, "product_id") ?? lineId;
  if (sku === undefined) throw new ChannelParseError(`${what} has no sku, variant_id, product_id or id`);
  const allocations = arr(raw, "discount_allocations");
  const discountCents =
    allocations.length > 0
      ? sumAmounts(allocations, "amount", `${what} discount_allocations`)
      : centsOrZero(raw["total_discount"], `${what} total_discount`);
  return {
    externalId: lineId,
    sku,
    name: str(raw, "title") ?? str(raw, "name") ?? sku,
    quantity: int(raw["quantity"], `${what} quantity`, 1),
    unitPriceCents: cents(raw["price"], `${what} price`),
    discountCents,
    taxCents: sumAmounts(arr(raw, "tax_lines"), "price", `${what} tax_lines`),
  };
}

/**
 * The refunds an orders/* body lists. Each is the same object refunds/create sends, read by
 * the same mapper, so a refund seen both ways has the same id and the same amount.
 */
export function mapShopifyOrderRefunds(order: JsonObject, externalId: string): ChannelOrderRefundInput[] {
  return arr(order, "refunds").map((raw, i) => {
    if (!isObject(raw)) throw new ChannelParseError(`Shopify order ${externalId} refunds[${i}] is not an object`);
    // The embedded refund belongs to this order whatever its (possibly rounded) order_id says.
    const r = mapShopifyRefund({ ...raw, order_id: externalId });
    return { externalRefundId: r.externalRefundId, amountCents: r.amountCents, reason: r.reason, createdAt: r.createdAt };
  });
}

export function mapShopifyOrder(order: JsonObject, opts: { forceCancelled?: boolean } = {}): ChannelOrderInput {
  const externalId = shopifyId(order, "Order");
  if (externalId === undefined) throw new ChannelParseError("Shopify order has no id");
  const what = `Shopify order ${externalId}`;
  const rawLines = arr(order, "line_items");
  if (rawLines.length === 0) throw new ChannelParseError(`${what} has no line_items`);
  const lines = rawLines.map((l, i) => mapLine(l, i, externalId));
  const currency = str(order, "currency") ?? str(order, "presentment_currency");
  if (currency === undefined) throw new ChannelParseError(`${what} has no currency`);
  const placedAt = parseDate(order["created_at"], `${what} created_at`);
  const cancelledAt = str(order, "cancelled_at");
  const financial = str(order, "financial_status")?.toLowerCase();
  const gateways = arr(order, "payment_gateway_names").filter((g): g is string => typeof g === "string" && g !== "");
  const lineGross = sumCents(lines.map((l) => l.unitPriceCents * l.quantity));
  const refunds = mapShopifyOrderRefunds(order, externalId);
  return {
    externalId,
    externalNumber: str(order, "name") ?? str(order, "order_number"),
    placedAt,
    updatedAt: order["updated_at"] ? parseDate(order["updated_at"], `${what} updated_at`) : placedAt,
    currency: currency.toUpperCase(),
    state: opts.forceCancelled || cancelledAt !== undefined ? "CANCELLED" : "OPEN",
    cancelReason: cancelledAt !== undefined || opts.forceCancelled ? str(order, "cancel_reason") : undefined,
    // Unknown or missing statuses stay PENDING: never treated as paid.
    paymentStatus: (financial && FINANCIAL_STATUS[financial]) || "PENDING",
    paymentMethod: gateways.length > 0 ? gateways.join(", ") : str(order, "gateway"),
    customer: mapCustomer(order),
    shippingAddress: mapShopifyAddress(obj(order, "shipping_address")),
    billingAddress: mapShopifyAddress(obj(order, "billing_address")),
    lines,
    // Before discounts, so total = subtotal − discount + shipping + tax (subtotal_price is after discounts).
    subtotalCents:
      order["total_line_items_price"] !== undefined && order["total_line_items_price"] !== null
        ? cents(order["total_line_items_price"], `${what} total_line_items_price`)
        : lineGross,
    discountCents: centsOrZero(order["total_discounts"], `${what} total_discounts`),
    shippingCents: sumAmounts(arr(order, "shipping_lines"), "price", `${what} shipping_lines`),
    taxCents: centsOrZero(order["total_tax"], `${what} total_tax`),
    totalCents: cents(order["total_price"], `${what} total_price`),
    note: str(order, "note"),
    test: bool(order, "test") ?? false,
    ...(refunds.length > 0 ? { refunds } : {}),
  };
}
