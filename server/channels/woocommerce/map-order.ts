/** WooCommerce REST order (v3, also the body of order.* webhooks) → ChannelOrderInput. */
import { sumCents } from "@/server/lib/money";
import {
  arr,
  cents,
  centsOrZero,
  decodeHtmlEntities,
  digitsOnly,
  firstKey,
  idStr,
  int,
  isObject,
  joinName,
  obj,
  parseDate,
  str,
  type JsonObject,
} from "../read";
import type {
  AddressInput,
  ChannelOrderInput,
  ChannelOrderRefundInput,
  ChannelOrderState,
  CustomerInput,
  OrderLineInput,
  PaymentStatus,
} from "../types";
import { Where } from "../where";

/** Customer name used when the billing block has no name, company or email. */
export const WOO_GUEST_NAME = "Guest";

/** A string field with HTML entities decoded (WooCommerce escapes names). */
function text(o: JsonObject | undefined, key: string): string | undefined {
  const v = str(o, key);
  return v === undefined ? undefined : decodeHtmlEntities(v);
}

function metaValue(order: JsonObject, keys: readonly string[], where: Where): string | undefined {
  for (const m of arr(order, "meta_data", where)) {
    if (isObject(m) && keys.includes(String(m["key"]))) {
      const v = str(m, "value");
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

/** Address blocks with every field "" (guest orders without shipping) → undefined. */
export function mapWooAddress(a: JsonObject | undefined): AddressInput | undefined {
  if (!a) return undefined;
  const street = text(a, "address_1");
  const city = text(a, "city");
  const postalCode = str(a, "postcode");
  if (street === undefined && city === undefined && postalCode === undefined) return undefined;
  // Brazilian checkout plugins add `number` and `neighborhood` to the address blocks.
  const number = str(a, "number");
  return {
    name: joinName(text(a, "first_name"), text(a, "last_name")) ?? text(a, "company"),
    line1: [street, number].filter((p) => p !== undefined).join(", "),
    line2: text(a, "address_2"),
    district: text(a, "neighborhood"),
    city: city ?? "",
    state: str(a, "state"),
    postalCode,
    country: str(a, "country")?.toUpperCase(),
    phone: str(a, "phone"),
  };
}

function mapCustomer(order: JsonObject, where: Where): CustomerInput {
  const billing = obj(order, "billing", where);
  const shipping = obj(order, "shipping", where);
  const email = str(billing, "email");
  const cpf = str(billing, "cpf") ?? metaValue(order, ["billing_cpf", "_billing_cpf"], where);
  const cnpj = str(billing, "cnpj") ?? metaValue(order, ["billing_cnpj", "_billing_cnpj"], where);
  // persontype "2" = pessoa jurídica in the Brazilian Market plugin.
  const document = str(billing, "persontype") === "2" ? (cnpj ?? cpf) : (cpf ?? cnpj);
  return {
    externalId: idStr(order, "customer_id"),
    name:
      joinName(text(billing, "first_name"), text(billing, "last_name")) ??
      joinName(text(shipping, "first_name"), text(shipping, "last_name")) ??
      text(billing, "company") ??
      email ??
      WOO_GUEST_NAME,
    email,
    phone: str(billing, "phone") ?? str(shipping, "phone"),
    document: digitsOnly(document),
  };
}

function mapLine(raw: unknown, where: Where): { line: OrderLineInput; subtotalCents: number } {
  if (!isObject(raw)) throw where.bad("notObject", raw);
  const lineId = idStr(raw, "id");
  const sku = str(raw, "sku") ?? idStr(raw, "variation_id") ?? idStr(raw, "product_id") ?? lineId;
  if (sku === undefined) throw where.noneOf("sku", "variation_id", "product_id", "id");
  const quantity = int(raw["quantity"], where.at("quantity"), 1);
  const subtotalCents = cents(raw["subtotal"], where.at("subtotal"));
  // `subtotal` is exact (string, all units, before coupons); `price` is a float that
  // WooCommerce rounds. Use the exact division when there is one.
  const unitPriceCents =
    subtotalCents % quantity === 0 ? subtotalCents / quantity : cents(raw["price"], where.at("price"));
  const line: OrderLineInput = {
    externalId: lineId,
    sku,
    name: text(raw, "name") ?? sku,
    quantity,
    unitPriceCents,
    discountCents: subtotalCents - cents(raw["total"], where.at("total")),
    taxCents: centsOrZero(raw["total_tax"], where.at("total_tax")),
  };
  return { line, subtotalCents };
}

/**
 * Status → our state and payment status.
 *  - on-hold is PENDING: WooCommerce uses it for "awaiting payment confirmation"
 *    (bank transfer, cash on delivery, cheque); the money is not known to be held.
 *  - cancelled is VOIDED unless the order had been paid (date_paid set): PAID, to be refunded.
 *  - unknown statuses (plugins add their own, e.g. "shipped") count as PAID once date_paid is set.
 */
function mapStatus(order: JsonObject, totalCents: number, refunds: readonly ChannelOrderRefundInput[]): { state: ChannelOrderState; paymentStatus: PaymentStatus } {
  const status = str(order, "status") ?? "pending";
  const paid = str(order, "date_paid_gmt") !== undefined || str(order, "date_paid") !== undefined;
  const refunded = sumCents(refunds.map((r) => r.amountCents));
  const afterRefunds = (s: PaymentStatus): PaymentStatus =>
    refunded === 0 ? s : refunded >= totalCents ? "REFUNDED" : "PARTIALLY_REFUNDED";
  switch (status) {
    case "pending":
    case "on-hold":
    case "checkout-draft":
      return { state: "OPEN", paymentStatus: "PENDING" };
    case "processing":
    case "completed":
      return { state: "OPEN", paymentStatus: afterRefunds("PAID") };
    case "cancelled":
      return { state: "CANCELLED", paymentStatus: paid ? afterRefunds("PAID") : "VOIDED" };
    case "refunded":
      return { state: "CANCELLED", paymentStatus: "REFUNDED" };
    case "failed":
      return { state: "CANCELLED", paymentStatus: "FAILED" };
    default:
      return { state: "OPEN", paymentStatus: paid ? afterRefunds("PAID") : "PENDING" };
  }
}

/**
 * The order's `refunds` summary ({id, reason, total: "-20.00"}): WooCommerce has no refund
 * webhook, so an order.updated carrying these is how a refund reaches us. Totals are negative.
 */
export function mapWooOrderRefunds(order: JsonObject, where: Where): ChannelOrderRefundInput[] {
  return arr(order, "refunds", where).map((r, i) => {
    const at = where.at("refunds").at(i);
    if (!isObject(r)) throw at.bad("notObject", r);
    const externalRefundId = idStr(r, "id");
    if (externalRefundId === undefined) throw at.at("id").error("missingField");
    return { externalRefundId, amountCents: Math.abs(centsOrZero(r["total"], at.at("total"))), reason: text(r, "reason") };
  });
}

/** A date the site sends as `<key>_gmt` (UTC without an offset) and `<key>` (its local time: the fallback only). */
export function gmtField(doc: JsonObject, key: string, where: Where): { value: unknown; where: Where } {
  const field = firstKey(doc, [`${key}_gmt`, key]);
  return { value: doc[field], where: where.at(field) };
}

/** `where`: the order in the delivery (the body, or an element of an order list). */
export function mapWooOrder(order: JsonObject, where: Where = Where.root("WooCommerce")): ChannelOrderInput {
  const externalId = idStr(order, "id");
  if (externalId === undefined) throw where.at("id").error("missingField");
  const rawLines = arr(order, "line_items", where);
  if (rawLines.length === 0) throw where.at("line_items").error("noLines");
  const mapped = rawLines.map((l, i) => mapLine(l, where.at("line_items").at(i)));
  const currency = str(order, "currency");
  if (currency === undefined) throw where.at("currency").error("missingField");
  const created = gmtField(order, "date_created", where);
  const placedAt = parseDate(created.value, created.where);
  const modified = gmtField(order, "date_modified", where);
  const totalCents = cents(order["total"], where.at("total"));
  const refunds = mapWooOrderRefunds(order, where);
  return {
    externalId,
    externalNumber: str(order, "number") ?? externalId,
    placedAt,
    updatedAt: modified.value ? parseDate(modified.value, modified.where) : placedAt,
    currency: currency.toUpperCase(),
    ...mapStatus(order, totalCents, refunds),
    paymentMethod: text(order, "payment_method_title") ?? str(order, "payment_method"),
    customer: mapCustomer(order, where),
    shippingAddress: mapWooAddress(obj(order, "shipping", where)),
    billingAddress: mapWooAddress(obj(order, "billing", where)),
    lines: mapped.map((m) => m.line),
    subtotalCents: sumCents(mapped.map((l) => l.subtotalCents)),
    discountCents: centsOrZero(order["discount_total"], where.at("discount_total")),
    shippingCents: centsOrZero(order["shipping_total"], where.at("shipping_total")),
    taxCents: centsOrZero(order["total_tax"], where.at("total_tax")),
    totalCents,
    note: text(order, "customer_note"),
    ...(refunds.length > 0 ? { refunds } : {}),
  };
}
