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
import type { AddressInput, ChannelOrderInput, ChannelOrderRefundInput, CustomerInput, OrderLineInput, PaymentStatus } from "../types";
import { Where } from "../where";
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

function mapCustomer(order: JsonObject, where: Where): CustomerInput {
  const c = obj(order, "customer", where);
  const billing = obj(order, "billing_address", where);
  const shipping = obj(order, "shipping_address", where);
  const defaultAddress = obj(c, "default_address", where.at("customer"));
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

/** The `key` amounts of the objects in the list `o[listKey]` (o at `where`). */
function sumAmounts(o: JsonObject, listKey: string, key: string, where: Where): Cents {
  const list = where.at(listKey);
  return sumCents(arr(o, listKey, where).map((item, i) => (isObject(item) ? cents(item[key], list.at(i).at(key)) : 0)));
}

function mapLine(raw: unknown, where: Where): OrderLineInput {
  if (!isObject(raw)) throw where.bad("notObject", raw);
  const lineId = shopifyId(raw, "LineItem");
  const sku = str(raw, "sku") ?? idStr(raw, "variant_id") ?? idStr(raw, "product_id") ?? lineId;
  if (sku === undefined) throw where.noneOf("sku", "variant_id", "product_id", "id");
  const discountCents =
    arr(raw, "discount_allocations", where).length > 0
      ? sumAmounts(raw, "discount_allocations", "amount", where)
      : centsOrZero(raw["total_discount"], where.at("total_discount"));
  return {
    externalId: lineId,
    sku,
    name: str(raw, "title") ?? str(raw, "name") ?? sku,
    quantity: int(raw["quantity"], where.at("quantity"), 1),
    unitPriceCents: cents(raw["price"], where.at("price")),
    discountCents,
    taxCents: sumAmounts(raw, "tax_lines", "price", where),
  };
}

/**
 * The refunds an orders/* body lists. Each is the same object refunds/create sends, read by
 * the same mapper, so a refund seen both ways has the same id and the same amount.
 */
export function mapShopifyOrderRefunds(order: JsonObject, externalId: string, where: Where): ChannelOrderRefundInput[] {
  return arr(order, "refunds", where).map((raw, i) => {
    const at = where.at("refunds").at(i);
    if (!isObject(raw)) throw at.bad("notObject", raw);
    // The embedded refund belongs to this order whatever its (possibly rounded) order_id says.
    const r = mapShopifyRefund({ ...raw, order_id: externalId }, at);
    return { externalRefundId: r.externalRefundId, amountCents: r.amountCents, reason: r.reason, createdAt: r.createdAt };
  });
}

/** `where`: the order in the delivery (the body, or `order` of a REST response). */
export function mapShopifyOrder(order: JsonObject, opts: { forceCancelled?: boolean; where?: Where } = {}): ChannelOrderInput {
  const where = opts.where ?? Where.root("Shopify");
  const externalId = shopifyId(order, "Order");
  if (externalId === undefined) throw where.at("id").error("missingField");
  const rawLines = arr(order, "line_items", where);
  if (rawLines.length === 0) throw where.at("line_items").error("noLines");
  const lines = rawLines.map((l, i) => mapLine(l, where.at("line_items").at(i)));
  const currency = str(order, "currency") ?? str(order, "presentment_currency");
  if (currency === undefined) throw where.at("currency").error("missingField");
  const placedAt = parseDate(order["created_at"], where.at("created_at"));
  const cancelledAt = str(order, "cancelled_at");
  const financial = str(order, "financial_status")?.toLowerCase();
  const gateways = arr(order, "payment_gateway_names", where).filter((g): g is string => typeof g === "string" && g !== "");
  const lineGross = sumCents(lines.map((l) => l.unitPriceCents * l.quantity));
  const refunds = mapShopifyOrderRefunds(order, externalId, where);
  return {
    externalId,
    externalNumber: str(order, "name") ?? str(order, "order_number"),
    placedAt,
    updatedAt: order["updated_at"] ? parseDate(order["updated_at"], where.at("updated_at")) : placedAt,
    currency: currency.toUpperCase(),
    state: opts.forceCancelled || cancelledAt !== undefined ? "CANCELLED" : "OPEN",
    cancelReason: cancelledAt !== undefined || opts.forceCancelled ? str(order, "cancel_reason") : undefined,
    // Unknown or missing statuses stay PENDING: never treated as paid.
    paymentStatus: (financial && FINANCIAL_STATUS[financial]) || "PENDING",
    paymentMethod: gateways.length > 0 ? gateways.join(", ") : str(order, "gateway"),
    customer: mapCustomer(order, where),
    shippingAddress: mapShopifyAddress(obj(order, "shipping_address", where)),
    billingAddress: mapShopifyAddress(obj(order, "billing_address", where)),
    lines,
    // Before discounts, so total = subtotal − discount + shipping + tax (subtotal_price is after discounts).
    subtotalCents:
      order["total_line_items_price"] !== undefined && order["total_line_items_price"] !== null
        ? cents(order["total_line_items_price"], where.at("total_line_items_price"))
        : lineGross,
    discountCents: centsOrZero(order["total_discounts"], where.at("total_discounts")),
    shippingCents: sumAmounts(order, "shipping_lines", "price", where),
    taxCents: centsOrZero(order["total_tax"], where.at("total_tax")),
    totalCents: cents(order["total_price"], where.at("total_price")),
    note: str(order, "note"),
    test: bool(order, "test") ?? false,
    ...(refunds.length > 0 ? { refunds } : {}),
  };
}
