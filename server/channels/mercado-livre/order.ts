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
import type { AddressInput, ChannelOrderInput, CustomerInput, OrderLineInput } from "../types";
import { Where } from "../where";
import { mercadoLivrePaymentStatus } from "./payment";
import { mapReceiverAddress } from "./shipment";

function mapLine(entry: unknown, where: Where): OrderLineInput {
  if (!isObject(entry)) throw where.bad("notObject", entry);
  const item = obj(entry, "item", where);
  if (!item) throw where.at("item").error("missingField");
  const itemId = str(item, "id");
  const sku = str(item, "seller_sku") ?? str(item, "seller_custom_field") ?? itemId;
  if (!sku) throw where.at("item").noneOf("seller_sku", "seller_custom_field", "id");
  const quantity = int(entry.quantity, where.at("quantity"), 1);
  const unit = cents(entry.unit_price, where.at("unit_price"));
  const full = entry.full_unit_price === null || entry.full_unit_price === undefined ? undefined : cents(entry.full_unit_price, where.at("full_unit_price"));
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

function mapCustomer(o: JsonObject, where: Where): CustomerInput {
  const buyer = obj(o, "buyer", where);
  if (!buyer) throw where.at("buyer").error("missingField");
  const id = idStr(buyer, "id");
  const phone = obj(buyer, "phone", where.at("buyer"));
  const billing = obj(buyer, "billing_info", where.at("buyer"));
  return {
    externalId: id,
    name: joinName(str(buyer, "first_name"), str(buyer, "last_name")) ?? str(buyer, "nickname") ?? `Mercado Livre buyer ${id ?? "(no id)"}`,
    email: str(buyer, "email"),
    phone: joinName(str(phone, "area_code"), str(phone, "number")),
    document: digitsOnly(str(billing, "doc_number")),
  };
}

/** Buyer-paid shipping, and the embedded address of old-shape orders. */
function mapShipping(o: JsonObject, currency: string, where: Where): { shippingCents: Cents; address?: AddressInput } {
  const shipping = obj(o, "shipping", where);
  let shippingCents = centsOrZero(o.shipping_cost, where.at("shipping_cost"));
  if (o.shipping_cost === null || o.shipping_cost === undefined) {
    shippingCents = centsOrZero(shipping?.cost, where.at("shipping").at("cost"));
    const shipCurrency = str(shipping, "currency_id")?.toUpperCase();
    if (shippingCents !== 0 && shipCurrency && shipCurrency !== currency) {
      throw where.at("shipping").at("cost").error("otherCurrency", { currency: shipCurrency, orderCurrency: currency });
    }
  }
  const receiver = shipping?.receiver_address;
  const address = isObject(receiver) ? mapReceiverAddress(receiver, where.at("shipping").at("receiver_address")) : undefined;
  return { shippingCents, address };
}

function cancelReason(o: JsonObject): string | undefined {
  const detail = o.cancel_detail;
  if (isObject(detail)) return str(detail, "description") ?? str(detail, "code");
  const statusDetail = o.status_detail;
  if (typeof statusDetail === "string") return str(o, "status_detail");
  return isObject(statusDetail) ? (str(statusDetail, "description") ?? str(statusDetail, "code")) : undefined;
}

/** `where`: the order in the delivery (the body, or `results[i]` of an /orders/search page). */
export function mapMercadoLivreOrder(value: unknown, where: Where = Where.root("Mercado Livre")): ChannelOrderInput {
  if (!isObject(value)) throw where.bad("notObject", value);
  const o = value;
  const externalId = idStr(o, "id");
  if (!externalId) throw where.at("id").error("missingField");
  const currency = str(o, "currency_id")?.toUpperCase();
  if (!currency) throw where.at("currency_id").error("missingField");

  const items = arr(o, "order_items", where);
  if (items.length === 0) throw where.at("order_items").error("noLines");
  const lines = items.map((entry, i) => {
    const at = where.at("order_items").at(i);
    const line = mapLine(entry, at);
    const itemCurrency = isObject(entry) ? str(entry, "currency_id")?.toUpperCase() : undefined;
    if (itemCurrency && itemCurrency !== currency) {
      throw at.at("currency_id").error("otherCurrency", { currency: itemCurrency, orderCurrency: currency });
    }
    return line;
  });

  const placedAt = parseDate(o.date_created, where.at("date_created"));
  const updatedAt =
    optDate(o.last_updated, where.at("last_updated")) ??
    optDate(o.date_last_updated, where.at("date_last_updated")) ??
    optDate(o.date_closed, where.at("date_closed")) ??
    placedAt;
  const totalCents = cents(o.total_amount, where.at("total_amount"));
  const payments = arr(o, "payments", where);
  const status = str(o, "status")?.toLowerCase();
  const cancelled = status === "cancelled" || status === "invalid";
  const { shippingCents, address } = mapShipping(o, currency, where);
  const approved = payments.filter(isObject).find((p) => str(p, "status") === "approved") ?? payments.find(isObject);
  const packId = idStr(o, "pack_id");

  return {
    externalId,
    externalNumber: packId ?? externalId,
    placedAt,
    updatedAt,
    currency,
    state: cancelled ? "CANCELLED" : "OPEN",
    ...(cancelled ? { cancelReason: cancelReason(o) ?? status } : {}),
    paymentStatus: mercadoLivrePaymentStatus(payments, totalCents, where.at("payments")),
    paymentMethod: str(approved, "payment_method_id"),
    customer: mapCustomer(o, where),
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
