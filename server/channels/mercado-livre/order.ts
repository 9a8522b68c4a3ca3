/**
 * Mercado Livre order resource (GET /orders/{id}, or one result of
 * /orders/search) → ChannelOrderInput.
 *
 * Money arrives as JSON floats (90.00, 19.9); every amount goes through
 * toCents, which reads the shortest decimal text of the float, so it is exact
 * for 2-decimal values. Totals rule:
 * - unitPriceCents = full_unit_price (price before the seller's discount) when
 *   present and ≥ unit_price, else unit_price; discountCents =
 *   (full_unit_price − unit_price) × quantity;
 * - subtotalCents = Σ unit × quantity (before discounts), discountCents = Σ
 *   line discounts, taxCents = 0 (ML does not itemise tax);
 * - shippingCents = what the buyer pays for shipping: `shipping_cost`, else
 *   the embedded `shipping.cost` (old shape), else 0;
 * - totalCents = total_amount as ML reports it (the items after discounts).
 *   It does NOT include shipping: ML's paid_amount = total_amount + shipping.
 */
import type { Cents } from "@/server/lib/money";
import { arr, cents, centsOrZero, digitsOnly, idStr, int, isObject, joinName, obj, optDate, parseDate, str, type JsonObject } from "../read";
import { ChannelParseError, type AddressInput, type ChannelOrderInput, type CustomerInput, type OrderLineInput } from "../types";
import { mercadoLivrePaymentStatus } from "./payment";
import { mapReceiverAddress } from "./shipment";

function mapLine(entry: unknown, i: number, what: string): OrderLineInput {
  const label = `${what} order_items[${i}]`;
  if (!isObject(entry)) throw new ChannelParseError(`${label} is not an object`);
  const item = obj(entry, "item");
  if (!item) throw new ChannelParseError(`${label} has no item`);
  const itemId = str(item, "id");
  const sku = str(item, "seller_sku") ?? str(item, "seller_custom_field") ?? itemId;
  if (!sku) throw new ChannelParseError(`${label} has no item.seller_sku, item.seller_custom_field or item.id`);
  const quantity = int(entry.quantity, `${label}.quantity`, 1);
  const unit = cents(entry.unit_price, `${label}.unit_price`);
  const full = entry.full_unit_price === null || entry.full_unit_price === undefined ? undefined : cents(entry.full_unit_price, `${label}.full_unit_price`);
  const before = full !== undefined && full > unit ? full : unit;
  const variation = str(item, "variation_id");
  return {
    externalId: itemId ? (variation ? `${itemId}:${variation}` : itemId) : undefined,
    sku,
    name: str(item, "title") ?? sku,
    quantity,
    unitPriceCents: before,
    discountCents: (before - unit) * quantity,
    taxCents: 0,
  };
}

function mapCustomer(o: JsonObject, what: string): CustomerInput {
  const buyer = obj(o, "buyer");
  if (!buyer) throw new ChannelParseError(`${what} has no buyer`);
  const id = idStr(buyer, "id");
  const phone = obj(buyer, "phone");
  const billing = obj(buyer, "billing_info");
  return {
    externalId: id,
    name: joinName(str(buyer, "first_name"), str(buyer, "last_name")) ?? str(buyer, "nickname") ?? `Mercado Livre buyer ${id ?? "(no id)"}`,
    email: str(buyer, "email"),
    phone: joinName(str(phone, "area_code"), str(phone, "number")),
    document: digitsOnly(str(billing, "doc_number")),
  };
}

/** Buyer-paid shipping, and the embedded address of old-shape orders. */
function mapShipping(o: JsonObject, currency: string, what: string): { shippingCents: Cents; address?: AddressInput } {
  const shipping = obj(o, "shipping");
  let shippingCents = centsOrZero(o.shipping_cost, `${what} shipping_cost`);
  if (o.shipping_cost === null || o.shipping_cost === undefined) {
    shippingCents = centsOrZero(shipping?.cost, `${what} shipping.cost`);
    const shipCurrency = str(shipping, "currency_id")?.toUpperCase();
    if (shippingCents !== 0 && shipCurrency && shipCurrency !== currency) {
      throw new ChannelParseError(`${what} shipping.cost is in ${shipCurrency} but the order is in ${currency}; amounts are never converted`);
    }
  }
  const receiver = shipping?.receiver_address;
  const address = isObject(receiver) ? mapReceiverAddress(receiver, `${what} shipping.receiver_address`) : undefined;
  return { shippingCents, address };
}

function cancelReason(o: JsonObject): string | undefined {
  const detail = o.cancel_detail;
  if (isObject(detail)) return str(detail, "description") ?? str(detail, "code");
  const statusDetail = o.status_detail;
  if (typeof statusDetail === "string") return str(o, "status_detail");
  return isObject(statusDetail) ? (str(statusDetail, "description") ?? str(statusDetail, "code")) : undefined;
}

export function mapMercadoLivreOrder(value: unknown): ChannelOrderInput {
  if (!isObject(value)) throw new ChannelParseError("Mercado Livre order is not a JSON object");
  const o = value;
  const externalId = idStr(o, "id");
  if (!externalId) throw new ChannelParseError("Mercado Livre order has no id");
  const what = `Mercado Livre order ${externalId}`;
  const currency = str(o, "currency_id")?.toUpperCase();
  if (!currency) throw new ChannelParseError(`${what} has no currency_id`);

  const items = arr(o, "order_items");
  if (items.length === 0) throw new ChannelParseError(`${what} has no order_items`);
  const lines = items.map((entry, i) => {
    const line = mapLine(entry, i, what);
    const itemCurrency = isObject(entry) ? str(entry, "currency_id")?.toUpperCase() : undefined;
    if (itemCurrency && itemCurrency !== currency) {
      throw new ChannelParseError(`${what} order_items[${i}] is in ${itemCurrency} but the order is in ${currency}`);
    }
    return line;
  });

  const placedAt = parseDate(o.date_created, `${what} date_created`);
  const updatedAt =
    optDate(o.last_updated, `${what} last_updated`) ??
    optDate(o.date_last_updated, `${what} date_last_updated`) ??
    optDate(o.date_closed, `${what} date_closed`) ??
    placedAt;
  const totalCents = cents(o.total_amount, `${what} total_amount`);
  const payments = arr(o, "payments").filter(isObject);
  const status = str(o, "status")?.toLowerCase();
  const cancelled = status === "cancelled" || status === "invalid";
  const { shippingCents, address } = mapShipping(o, currency, what);
  const approved = payments.find((p) => str(p, "status") === "approved") ?? payments[0];
  const packId = idStr(o, "pack_id");

  return {
    externalId,
    externalNumber: packId ?? externalId,
    placedAt,
    updatedAt,
    currency,
    state: cancelled ? "CANCELLED" : "OPEN",
    ...(cancelled ? { cancelReason: cancelReason(o) ?? status } : {}),
    paymentStatus: mercadoLivrePaymentStatus(payments, totalCents, what),
    paymentMethod: str(approved, "payment_method_id"),
    customer: mapCustomer(o, what),
    ...(address ? { shippingAddress: address } : {}),
    lines,
    subtotalCents: lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0),
    discountCents: lines.reduce((s, l) => s + l.discountCents, 0),
    shippingCents,
    taxCents: 0,
    totalCents,
    note: str(o, "comment") ?? str(o, "comments"),
  };
}
