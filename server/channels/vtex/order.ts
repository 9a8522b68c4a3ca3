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
import { ChannelParseError, type ChannelOrderInput, type CustomerInput, type OrderLineInput, type PaymentStatus } from "../types";
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

function mapLine(entry: unknown, i: number, what: string): OrderLineInput {
  const label = `${what} items[${i}]`;
  if (!isObject(entry)) throw new ChannelParseError(`${label} is not an object`);
  const sku = str(entry, "refId") ?? str(entry, "sellerSku") ?? str(entry, "id");
  if (!sku) throw new ChannelParseError(`${label} has no refId, sellerSku or id`);
  let discount = 0;
  arr(entry, "priceTags").forEach((tag, t) => {
    if (!isObject(tag)) return;
    if (/^discount@shipping/i.test(str(tag, "name") ?? "")) return;
    const value = minorUnits(tag.value, `${label}.priceTags[${t}].value`);
    if (value < 0) discount -= value;
  });
  return {
    externalId: str(entry, "uniqueId") ?? str(entry, "id"),
    sku,
    name: str(entry, "name") ?? sku,
    quantity: int(entry.quantity, `${label}.quantity`, 1),
    unitPriceCents: minorUnits(entry.price, `${label}.price`),
    discountCents: discount,
    taxCents: entry.tax === undefined || entry.tax === null ? 0 : minorUnits(entry.tax, `${label}.tax`),
  };
}

function mapCustomer(o: JsonObject, what: string): CustomerInput {
  const c = obj(o, "clientProfileData");
  if (!c) throw new ChannelParseError(`${what} has no clientProfileData`);
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

function totalsById(o: JsonObject, what: string): Map<string, Cents> {
  const totals = new Map<string, Cents>();
  arr(o, "totals").forEach((t, i) => {
    const id = isObject(t) ? str(t, "id") : undefined;
    if (isObject(t) && id) totals.set(id, minorUnits(t.value, `${what} totals[${i}] (${id}).value`));
  });
  return totals;
}

function earliestShipDate(o: JsonObject, what: string): Date | undefined {
  let earliest: Date | undefined;
  arr(obj(o, "shippingData"), "logisticsInfo").forEach((li, i) => {
    const d = isObject(li) ? optDate(li.shippingEstimateDate, `${what} logisticsInfo[${i}].shippingEstimateDate`) : undefined;
    if (d && (!earliest || d < earliest)) earliest = d;
  });
  return earliest;
}

function paymentInfo(o: JsonObject): { method?: string; billing?: JsonObject } {
  const names: string[] = [];
  let billing: JsonObject | undefined;
  for (const tx of arr(obj(o, "paymentData"), "transactions").filter(isObject)) {
    for (const p of arr(tx, "payments").filter(isObject)) {
      const n = str(p, "paymentSystemName");
      if (n && !names.includes(n)) names.push(n);
      billing ??= obj(p, "billingAddress");
    }
  }
  return { method: names.length ? names.join(" + ") : undefined, billing };
}

export function mapVtexOrder(value: unknown, where = "VTEX order"): ChannelOrderInput {
  if (!isObject(value)) throw new ChannelParseError(`${where} is not a JSON object`);
  const o = value;
  const orderId = str(o, "orderId");
  if (!orderId) throw new ChannelParseError(`${where} has no orderId`);
  const what = `VTEX order ${orderId}`;
  const items = arr(o, "items");
  if (items.length === 0) throw new ChannelParseError(`${what} has no items`);
  const lines = items.map((item, i) => mapLine(item, i, what));

  const totals = totalsById(o, what);
  const status = (str(o, "status") ?? "").toLowerCase();
  const cancelled = CANCELLED_STATUSES.has(status);
  const placedAt = parseDate(o.creationDate, `${what} creationDate`);
  const shippingAddress = mapVtexAddress(obj(obj(o, "shippingData"), "address"));
  const { method, billing } = paymentInfo(o);
  const billingAddress = mapVtexAddress(billing);
  const shipBy = earliestShipDate(o, what);
  const discounts = totals.get("Discounts");
  const note = isObject(o.openTextField) ? str(o.openTextField, "value") : str(o, "openTextField");
  const reason = str(o, "cancelReason") ?? str(obj(o, "cancellationData"), "Reason");

  return {
    externalId: orderId,
    externalNumber: orderId,
    placedAt,
    updatedAt: optDate(o.lastChange, `${what} lastChange`) ?? placedAt,
    currency: (str(obj(o, "storePreferencesData"), "currencyCode") ?? "BRL").toUpperCase(),
    state: cancelled ? "CANCELLED" : "OPEN",
    ...(cancelled && reason ? { cancelReason: reason } : {}),
    paymentStatus: vtexPaymentStatus(status, optDate(o.authorizedDate, `${what} authorizedDate`) !== undefined),
    ...(method ? { paymentMethod: method } : {}),
    customer: mapCustomer(o, what),
    ...(shippingAddress ? { shippingAddress } : {}),
    ...(billingAddress ? { billingAddress } : {}),
    lines,
    subtotalCents: totals.get("Items") ?? lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0),
    discountCents: discounts !== undefined ? Math.abs(discounts) : lines.reduce((s, l) => s + l.discountCents, 0),
    shippingCents: totals.get("Shipping") ?? 0,
    taxCents: totals.get("Tax") ?? lines.reduce((s, l) => s + l.taxCents, 0),
    totalCents: minorUnits(o.value, `${what} value`),
    ...(shipBy ? { shipBy } : {}),
    ...(note ? { note } : {}),
  };
}
