/**
 * VTEX order (GET /api/oms/pvt/orders/{orderId}) → ChannelOrderInput.
 *
 * Money is integer cents already (fromMinorUnits via minorUnits). Rules:
 * - line: unitPriceCents = items[].price (one unit, before discounts);
 *   discountCents = |Σ negative priceTags values| (VTEX writes them for the
 *   whole line), except shipping discounts ("discount@shipping…"), which VTEX
 *   already nets into the Shipping total; taxCents = items[].tax;
 * - order: subtotal / discount / shipping / tax from `totals` (Items,
 *   Discounts as an absolute value, Shipping, Tax), each falling back to the
 *   sum of the lines when the total is absent; totalCents = `value`.
 *   VTEX's own example does not always add up; `value` is kept as sent.
 */
import type { Cents } from "@/server/lib/money";
import { arr, digitsOnly, int, isObject, joinName, minorUnits, obj, optDate, parseDate, str, type JsonObject } from "../read";
import type { ChannelOrderInput, CustomerInput, OrderLineInput, PaymentStatus } from "../types";
import { Where } from "../where";
import { mapVtexAddress } from "./address";

const PAID_STATUSES = new Set([
  "payment-approved", "window-to-cancel", "authorize-fulfillment", "authorize-fullfilment", "ready-for-handling",
  "start-handling", "handling", "invoice", "invoiced", "order-accepted",
]);
const CANCELLED_STATUSES = new Set(["canceled", "cancel"]);

/**
 * canceled/cancel → VOIDED; payment-approved … invoiced → PAID; payment-denied
 * → FAILED; payment-pending and the early states → PENDING; any other state
 * (request-cancel, "" as in order groups) → PAID when authorizedDate is set,
 * else PENDING.
 */
export function vtexPaymentStatus(status: string, authorized: boolean): PaymentStatus {
  if (CANCELLED_STATUSES.has(status)) return "VOIDED";
  if (PAID_STATUSES.has(status)) return "PAID";
  if (status === "payment-denied") return "FAILED";
  if (status === "payment-pending") return "PENDING";
  return authorized ? "PAID" : "PENDING";
}

function mapLine(entry: unknown, where: Where): OrderLineInput {
  if (!isObject(entry)) throw where.bad("notObject", entry);
  const sku = str(entry, "refId") ?? str(entry, "sellerSku") ?? str(entry, "id");
  if (!sku) throw where.noneOf("refId", "sellerSku", "id");
  let discount = 0;
  arr(entry, "priceTags", where).forEach((tag, t) => {
    if (!isObject(tag)) return;
    if (/^discount@shipping/i.test(str(tag, "name") ?? "")) return;
    const value = minorUnits(tag.value, where.at("priceTags").at(t).at("value"));
    if (value < 0) discount -= value;
  });
  return {
    externalId: str(entry, "uniqueId") ?? str(entry, "id"),
    sku,
    name: str(entry, "name") ?? sku,
    quantity: int(entry.quantity, where.at("quantity"), 1),
    unitPriceCents: minorUnits(entry.price, where.at("price")),
    discountCents: discount,
    taxCents: entry.tax === undefined || entry.tax === null ? 0 : minorUnits(entry.tax, where.at("tax")),
  };
}

function mapCustomer(o: JsonObject, where: Where): CustomerInput {
  const c = obj(o, "clientProfileData", where);
  if (!c) throw where.at("clientProfileData").error("missingField");
  const corporate = c.isCorporate === true;
  const person = joinName(str(c, "firstName"), str(c, "lastName"));
  const name = (corporate ? (str(c, "corporateName") ?? str(c, "tradeName")) : undefined) ?? person ?? str(c, "email");
  return {
    externalId: str(c, "userProfileId"),
    name: name ?? `VTEX customer of order ${str(o, "orderId")}`,
    email: str(c, "email"),
    phone: (corporate ? str(c, "corporatePhone") : undefined) ?? str(c, "phone"),
    document: digitsOnly((corporate ? str(c, "corporateDocument") : undefined) ?? str(c, "document")),
  };
}

function totalsById(o: JsonObject, where: Where): Map<string, Cents> {
  const totals = new Map<string, Cents>();
  arr(o, "totals", where).forEach((t, i) => {
    const id = isObject(t) ? str(t, "id") : undefined;
    if (isObject(t) && id) totals.set(id, minorUnits(t.value, where.at("totals").at(i).at("value")));
  });
  return totals;
}

function earliestShipDate(o: JsonObject, where: Where): Date | undefined {
  let earliest: Date | undefined;
  const shippingData = where.at("shippingData");
  arr(obj(o, "shippingData", where), "logisticsInfo", shippingData).forEach((li, i) => {
    const d = isObject(li) ? optDate(li.shippingEstimateDate, shippingData.at("logisticsInfo").at(i).at("shippingEstimateDate")) : undefined;
    if (d && (!earliest || d < earliest)) earliest = d;
  });
  return earliest;
}

function paymentInfo(o: JsonObject, where: Where): { method?: string; billing?: JsonObject } {
  const names: string[] = [];
  let billing: JsonObject | undefined;
  const transactions = where.at("paymentData").at("transactions");
  arr(obj(o, "paymentData", where), "transactions", where.at("paymentData")).forEach((tx, t) => {
    if (!isObject(tx)) return;
    arr(tx, "payments", transactions.at(t)).forEach((p, i) => {
      if (!isObject(p)) return;
      const n = str(p, "paymentSystemName");
      if (n && !names.includes(n)) names.push(n);
      billing ??= obj(p, "billingAddress", transactions.at(t).at("payments").at(i));
    });
  });
  return { method: names.length ? names.join(" + ") : undefined, billing };
}

/** `where`: the order in the delivery (the body, or an element of an order group). */
export function mapVtexOrder(value: unknown, where: Where = Where.root("VTEX")): ChannelOrderInput {
  if (!isObject(value)) throw where.bad("notObject", value);
  const o = value;
  const orderId = str(o, "orderId");
  if (!orderId) throw where.at("orderId").error("missingField");
  const items = arr(o, "items", where);
  if (items.length === 0) throw where.at("items").error("noLines");
  const lines = items.map((item, i) => mapLine(item, where.at("items").at(i)));

  const totals = totalsById(o, where);
  const status = (str(o, "status") ?? "").toLowerCase();
  const cancelled = CANCELLED_STATUSES.has(status);
  const placedAt = parseDate(o.creationDate, where.at("creationDate"));
  const shippingAddress = mapVtexAddress(obj(obj(o, "shippingData", where), "address", where.at("shippingData")));
  const { method, billing } = paymentInfo(o, where);
  const billingAddress = mapVtexAddress(billing);
  const shipBy = earliestShipDate(o, where);
  const discounts = totals.get("Discounts");
  const note = isObject(o.openTextField) ? str(o.openTextField, "value") : str(o, "openTextField");
  const reason = str(o, "cancelReason") ?? str(obj(o, "cancellationData", where), "Reason");

  return {
    externalId: orderId,
    externalNumber: orderId,
    placedAt,
    updatedAt: optDate(o.lastChange, where.at("lastChange")) ?? placedAt,
    currency: (str(obj(o, "storePreferencesData", where), "currencyCode") ?? "BRL").toUpperCase(),
    state: cancelled ? "CANCELLED" : "OPEN",
    ...(cancelled && reason ? { cancelReason: reason } : {}),
    paymentStatus: vtexPaymentStatus(status, optDate(o.authorizedDate, where.at("authorizedDate")) !== undefined),
    ...(method ? { paymentMethod: method } : {}),
    customer: mapCustomer(o, where),
    ...(shippingAddress ? { shippingAddress } : {}),
    ...(billingAddress ? { billingAddress } : {}),
    lines,
    subtotalCents: totals.get("Items") ?? lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0),
    discountCents: discounts !== undefined ? Math.abs(discounts) : lines.reduce((s, l) => s + l.discountCents, 0),
    shippingCents: totals.get("Shipping") ?? 0,
    taxCents: totals.get("Tax") ?? lines.reduce((s, l) => s + l.taxCents, 0),
    totalCents: minorUnits(o.value, where.at("value")),
    ...(shipBy ? { shipBy } : {}),
    ...(note ? { note } : {}),
  };
}
