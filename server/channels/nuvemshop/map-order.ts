/** Nuvemshop / Tiendanube order (GET /orders/<id>) → ChannelOrderInput. */
import { sumCents } from "@/server/lib/money";
import {
  arr,
  cents,
  centsOrZero,
  digitsOnly,
  idStr,
  int,
  isObject,
  obj,
  parseDate,
  str,
  type JsonObject,
} from "../read";
import {
  ChannelParseError,
  type AddressInput,
  type ChannelOrderInput,
  type CustomerInput,
  type OrderLineInput,
  type PaymentStatus,
} from "../types";

const PAYMENT_STATUS: Record<string, PaymentStatus> = {
  pending: "PENDING",
  authorized: "AUTHORIZED",
  paid: "PAID",
  partially_paid: "PARTIALLY_PAID",
  abandoned: "FAILED",
  voided: "VOIDED",
  refunded: "REFUNDED",
  partially_refunded: "PARTIALLY_REFUNDED",
};

/** Customer name used when the order carries none. */
export const NUVEMSHOP_GUEST_NAME = "Guest";

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Street + number ("Evergreen Terrace", "742" → "Evergreen Terrace, 742"). */
function street(address: string | undefined, number: string | undefined): string {
  return [address, number].filter((p) => p !== undefined).join(", ");
}

function mapShippingAddress(a: JsonObject | undefined): AddressInput | undefined {
  if (!a) return undefined;
  const line1 = street(str(a, "address"), str(a, "number"));
  const city = str(a, "city");
  if (line1 === "" && city === undefined) return undefined;
  return {
    name: str(a, "name"),
    line1,
    line2: str(a, "floor"),
    district: str(a, "locality"),
    city: city ?? "",
    state: str(a, "province"),
    postalCode: str(a, "zipcode"),
    country: str(a, "country")?.toUpperCase(),
    phone: str(a, "phone"),
  };
}

/** The billing address comes as flat billing_* fields on the order. */
function mapBillingAddress(order: JsonObject): AddressInput | undefined {
  const line1 = street(str(order, "billing_address"), str(order, "billing_number"));
  const city = str(order, "billing_city");
  if (line1 === "" && city === undefined) return undefined;
  return {
    name: str(order, "billing_name"),
    line1,
    line2: str(order, "billing_floor"),
    district: str(order, "billing_locality"),
    city: city ?? "",
    state: str(order, "billing_province"),
    postalCode: str(order, "billing_zipcode"),
    country: str(order, "billing_country")?.toUpperCase(),
    phone: str(order, "billing_phone"),
  };
}

function mapCustomer(order: JsonObject): CustomerInput {
  const c = obj(order, "customer");
  const email = str(c, "email") ?? str(order, "contact_email");
  return {
    externalId: idStr(c, "id"),
    name: str(c, "name") ?? str(order, "contact_name") ?? str(order, "billing_name") ?? email ?? NUVEMSHOP_GUEST_NAME,
    email,
    phone: str(c, "phone") ?? str(order, "contact_phone") ?? str(order, "billing_phone"),
    document: digitsOnly(str(c, "identification") ?? str(order, "contact_identification")),
  };
}

function mapLine(raw: unknown, index: number, what: string): OrderLineInput {
  const where = `${what} products[${index}]`;
  if (!isObject(raw)) throw new ChannelParseError(`${where} is not an object`);
  const sku = str(raw, "sku") ?? idStr(raw, "variant_id") ?? idStr(raw, "product_id") ?? idStr(raw, "id");
  if (sku === undefined) throw new ChannelParseError(`${where} has no sku, variant_id, product_id or id`);
  return {
    externalId: idStr(raw, "id"),
    sku,
    name: str(raw, "name") ?? sku,
    quantity: int(raw["quantity"], `${where} quantity`, 1),
    unitPriceCents: cents(raw["price"], `${where} price`),
    // Nuvemshop reports discounts for the whole order only.
    discountCents: 0,
    taxCents: 0,
  };
}

export function mapNuvemshopOrder(order: JsonObject): ChannelOrderInput {
  const externalId = idStr(order, "id");
  if (externalId === undefined) throw new ChannelParseError("Nuvemshop order has no id");
  const what = `Nuvemshop order ${externalId}`;
  const rawLines = arr(order, "products");
  if (rawLines.length === 0) throw new ChannelParseError(`${what} has no products`);
  const lines = rawLines.map((l, i) => mapLine(l, i, what));
  const currency = str(order, "currency");
  if (currency === undefined) throw new ChannelParseError(`${what} has no currency`);
  const placedAt = parseDate(order["created_at"], `${what} created_at`);
  const paymentStatus = str(order, "payment_status")?.toLowerCase();
  // Newer API versions send `total`; older examples (and the docs) `price`.
  const total = order["total"] ?? order["price"];
  // `shipping` is the carrier code ("ups") in the documented examples; use it only when it is an amount.
  const legacyShipping = str(order, "shipping");
  const shipping = order["shipping_cost_customer"] ?? (legacyShipping && DECIMAL.test(legacyShipping) ? legacyShipping : undefined);
  // `discount` is the order's whole discount; without it, the coupon and gateway parts.
  const discountCents =
    order["discount"] !== undefined && order["discount"] !== null
      ? centsOrZero(order["discount"], `${what} discount`)
      : centsOrZero(order["discount_coupon"], `${what} discount_coupon`) +
        centsOrZero(order["discount_gateway"], `${what} discount_gateway`);
  const totalCents = cents(total, `${what} total`);
  return {
    externalId,
    externalNumber: str(order, "number"),
    placedAt,
    updatedAt: order["updated_at"] ? parseDate(order["updated_at"], `${what} updated_at`) : placedAt,
    currency: currency.toUpperCase(),
    state: str(order, "status") === "cancelled" ? "CANCELLED" : "OPEN",
    cancelReason: str(order, "status") === "cancelled" ? str(order, "cancel_reason") : undefined,
    // Unknown or missing statuses stay PENDING: never treated as paid.
    paymentStatus: (paymentStatus && PAYMENT_STATUS[paymentStatus]) || "PENDING",
    paymentMethod: str(order, "gateway_name") ?? str(order, "gateway") ?? str(obj(order, "payment_details"), "method"),
    customer: mapCustomer(order),
    shippingAddress: mapShippingAddress(obj(order, "shipping_address")),
    billingAddress: mapBillingAddress(order),
    lines,
    subtotalCents:
      order["subtotal"] !== undefined && order["subtotal"] !== null
        ? cents(order["subtotal"], `${what} subtotal`)
        : sumCents(lines.map((l) => l.unitPriceCents * l.quantity)),
    discountCents,
    shippingCents: centsOrZero(shipping, `${what} shipping_cost_customer`),
    taxCents: 0,
    totalCents,
    note: str(order, "note"),
  };
}
