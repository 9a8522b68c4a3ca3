/** Nuvemshop / Tiendanube order (GET /orders/<id>) → ChannelOrderInput. */
import { sumCents } from "@/server/lib/money";
import {
  arr,
  cents,
  centsOrZero,
  digitsOnly,
  firstKey,
  idStr,
  int,
  isObject,
  obj,
  parseDate,
  str,
  type JsonObject,
} from "../read";
import type { AddressInput, ChannelOrderInput, CustomerInput, OrderLineInput, PaymentStatus } from "../types";
import { Where } from "../where";

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

function mapCustomer(order: JsonObject, where: Where): CustomerInput {
  const c = obj(order, "customer", where);
  const email = str(c, "email") ?? str(order, "contact_email");
  return {
    externalId: idStr(c, "id"),
    name: str(c, "name") ?? str(order, "contact_name") ?? str(order, "billing_name") ?? email ?? NUVEMSHOP_GUEST_NAME,
    email,
    phone: str(c, "phone") ?? str(order, "contact_phone") ?? str(order, "billing_phone"),
    document: digitsOnly(str(c, "identification") ?? str(order, "contact_identification")),
  };
}

function mapLine(raw: unknown, where: Where): OrderLineInput {
  if (!isObject(raw)) throw where.bad("notObject", raw);
  const sku = str(raw, "sku") ?? idStr(raw, "variant_id") ?? idStr(raw, "product_id") ?? idStr(raw, "id");
  if (sku === undefined) throw where.noneOf("sku", "variant_id", "product_id", "id");
  return {
    externalId: idStr(raw, "id"),
    sku,
    name: str(raw, "name") ?? sku,
    quantity: int(raw["quantity"], where.at("quantity"), 1),
    unitPriceCents: cents(raw["price"], where.at("price")),
    // Nuvemshop reports discounts for the whole order only.
    discountCents: 0,
    taxCents: 0,
  };
}

export function mapNuvemshopOrder(order: JsonObject, where: Where = Where.root("Nuvemshop")): ChannelOrderInput {
  const externalId = idStr(order, "id");
  if (externalId === undefined) throw where.at("id").error("missingField");
  const rawLines = arr(order, "products", where);
  if (rawLines.length === 0) throw where.at("products").error("noLines");
  const lines = rawLines.map((l, i) => mapLine(l, where.at("products").at(i)));
  const currency = str(order, "currency");
  if (currency === undefined) throw where.at("currency").error("missingField");
  const placedAt = parseDate(order["created_at"], where.at("created_at"));
  const paymentStatus = str(order, "payment_status")?.toLowerCase();
  // Newer API versions send `total`; older examples (and the docs) `price`.
  const totalKey = firstKey(order, ["total", "price"]);
  // `shipping` is the carrier code ("ups") in the documented examples; use it only when it is an amount.
  const legacyShipping = str(order, "shipping");
  const shippingKey = legacyShipping && DECIMAL.test(legacyShipping) ? firstKey(order, ["shipping_cost_customer", "shipping"]) : "shipping_cost_customer";
  // `discount` is the order's whole discount; without it, the coupon and gateway parts.
  const discountCents =
    order["discount"] !== undefined && order["discount"] !== null
      ? centsOrZero(order["discount"], where.at("discount"))
      : centsOrZero(order["discount_coupon"], where.at("discount_coupon")) + centsOrZero(order["discount_gateway"], where.at("discount_gateway"));
  const totalCents = cents(order[totalKey], where.at(totalKey));
  return {
    externalId,
    externalNumber: str(order, "number"),
    placedAt,
    updatedAt: order["updated_at"] ? parseDate(order["updated_at"], where.at("updated_at")) : placedAt,
    currency: currency.toUpperCase(),
    state: str(order, "status") === "cancelled" ? "CANCELLED" : "OPEN",
    cancelReason: str(order, "status") === "cancelled" ? str(order, "cancel_reason") : undefined,
    // Unknown or missing statuses stay PENDING: never treated as paid.
    paymentStatus: (paymentStatus && PAYMENT_STATUS[paymentStatus]) || "PENDING",
    paymentMethod: str(order, "gateway_name") ?? str(order, "gateway") ?? str(obj(order, "payment_details", where), "method"),
    customer: mapCustomer(order, where),
    shippingAddress: mapShippingAddress(obj(order, "shipping_address", where)),
    billingAddress: mapBillingAddress(order),
    lines,
    subtotalCents:
      order["subtotal"] !== undefined && order["subtotal"] !== null
        ? cents(order["subtotal"], where.at("subtotal"))
        : sumCents(lines.map((l) => l.unitPriceCents * l.quantity)),
    discountCents,
    shippingCents: centsOrZero(shippingKey === "shipping" ? legacyShipping : order[shippingKey], where.at(shippingKey)),
    taxCents: 0,
    totalCents,
    note: str(order, "note"),
  };
}
