/**
 * Amazon order = getOrder (header, address, buyer) + getOrderItems (lines).
 *
 * Rules:
 * - currency = OrderTotal.CurrencyCode, else the first ItemPrice's currency;
 *   item price, item tax, promotion discount and shipping in another currency
 *   → ChannelParseError; gift wrap and COD fee in another currency are left out
 *   (and noted), never converted;
 * - ItemPrice is the line total (quantity × unit). unitPriceCents =
 *   ceil(ItemPrice / QuantityOrdered) and the rounding (unit × qty − ItemPrice,
 *   0 … qty−1 cents) goes into the line's discountCents with
 *   PromotionDiscount, so unit × qty − discount is exact;
 * - taxCents (line) = ItemTax; order tax = Σ ItemTax + ShippingTax + GiftWrapTax;
 * - shippingCents = shipping & handling: Σ ShippingPrice + GiftWrapPrice +
 *   CODFee − CODFeeDiscount; discountCents = Σ line discounts + ShippingDiscount;
 * - totalCents = OrderTotal when present, else subtotal − discount + shipping
 *   + tax (Pending orders have no OrderTotal);
 * - items pages: every page must be for the same AmazonOrderId and the last
 *   one must have no NextToken (all pages fetched).
 */
import { arr, int, isObject, obj, optDate, parseDate, str, type JsonObject } from "../read";
import { ChannelParseError, type AddressInput, type ChannelOrderInput, type ChannelOrderState, type OrderLineInput, type PaymentStatus } from "../types";
import { coreAmount, optionalCharge, readMoney } from "./money";

const STATUS: Record<string, { state: ChannelOrderState; payment: PaymentStatus }> = {
  Pending: { state: "OPEN", payment: "PENDING" },
  PendingAvailability: { state: "OPEN", payment: "PENDING" },
  Unshipped: { state: "OPEN", payment: "PAID" },
  PartiallyShipped: { state: "OPEN", payment: "PAID" },
  Shipped: { state: "OPEN", payment: "PAID" },
  InvoiceUnconfirmed: { state: "OPEN", payment: "PAID" },
  Unfulfillable: { state: "OPEN", payment: "PAID" },
  Canceled: { state: "CANCELLED", payment: "VOIDED" },
};

/** `{payload:{…}}` → the payload; a bare object is taken as the payload. */
function payloadOf(doc: unknown, what: string): JsonObject {
  if (!isObject(doc)) throw new ChannelParseError(`${what} is not a JSON object`);
  return obj(doc, "payload") ?? doc;
}

function isTrue(v: unknown): boolean {
  return v === true || v === "true";
}

function mapAddress(a: JsonObject | undefined): AddressInput | undefined {
  const line1 = str(a, "AddressLine1");
  const city = str(a, "City");
  if (!a || !line1 || !city) return undefined; // without the restricted-data token Amazon sends city/state/postcode only
  const line2 = [str(a, "AddressLine2"), str(a, "AddressLine3")].filter(Boolean).join(", ");
  return {
    name: str(a, "Name"),
    line1,
    ...(line2 ? { line2 } : {}),
    district: str(a, "District") ?? str(a, "County"),
    city,
    state: str(a, "StateOrRegion"),
    postalCode: str(a, "PostalCode"),
    country: str(a, "CountryCode")?.toUpperCase(),
    phone: str(a, "Phone"),
  };
}

/** The item pages, checked for order id and completeness. */
function itemsOf(itemsDoc: unknown, orderId: string): JsonObject[] {
  const pages = (Array.isArray(itemsDoc) ? itemsDoc : [itemsDoc]).map((p, i) => payloadOf(p, `Amazon getOrderItems page ${i}`));
  if (pages.length === 0) throw new ChannelParseError(`Amazon getOrderItems for ${orderId} has no pages`);
  const items: JsonObject[] = [];
  pages.forEach((page, i) => {
    const pageOrder = str(page, "AmazonOrderId");
    if (pageOrder && pageOrder !== orderId) {
      throw new ChannelParseError(`Amazon getOrderItems page ${i} is for order ${pageOrder}, not for order ${orderId}`);
    }
    if (!Array.isArray(page.OrderItems)) throw new ChannelParseError(`Amazon getOrderItems page ${i} for ${orderId} has no OrderItems`);
    items.push(...page.OrderItems.filter(isObject));
  });
  if (str(pages[pages.length - 1], "NextToken")) {
    throw new ChannelParseError(
      `Amazon getOrderItems for ${orderId} is incomplete (NextToken on the last page): fetch every page and send orderItems as an array of pages`,
    );
  }
  if (items.length === 0) throw new ChannelParseError(`Amazon getOrderItems for ${orderId} has no items`);
  return items;
}

function orderCurrency(order: JsonObject, items: JsonObject[], what: string): string {
  const total = readMoney(order, "OrderTotal", what);
  if (total) return total.currency;
  for (const item of items) {
    const price = readMoney(item, "ItemPrice", what);
    if (price) return price.currency;
  }
  throw new ChannelParseError(`${what} has no OrderTotal and no item with an ItemPrice: its currency is unknown`);
}

export function combineAmazonOrder(orderDoc: unknown, itemsDoc: unknown): ChannelOrderInput {
  const order = payloadOf(orderDoc, "Amazon getOrder response");
  const orderId = str(order, "AmazonOrderId");
  if (!orderId) throw new ChannelParseError("Amazon getOrder response has no AmazonOrderId");
  const what = `Amazon order ${orderId}`;
  const items = itemsOf(itemsDoc, orderId);
  const currency = orderCurrency(order, items, what);
  const statusName = str(order, "OrderStatus") ?? "";
  const status = STATUS[statusName];
  if (!status) throw new ChannelParseError(`${what} has an unknown OrderStatus ${JSON.stringify(statusName)}`);

  const notes: string[] = [];
  let shipping = 0;
  let orderDiscount = 0;
  let orderTax = 0;
  let cancelReason: string | undefined;
  const lines: OrderLineInput[] = items.map((item, i) => {
    const itemId = str(item, "OrderItemId");
    const label = `${what} item ${itemId ?? `#${i}`}`;
    const sku = str(item, "SellerSKU") ?? str(item, "ASIN") ?? itemId;
    if (!sku) throw new ChannelParseError(`${label} has no SellerSKU, ASIN or OrderItemId`);
    const quantity = int(item.QuantityOrdered, `${label} QuantityOrdered`, 0);
    if (!readMoney(item, "ItemPrice", label) && quantity > 0) throw new ChannelParseError(`${label} has no ItemPrice`);
    const lineTotal = coreAmount(item, "ItemPrice", currency, label);
    const unit = quantity > 0 ? Math.ceil(lineTotal / quantity) : lineTotal;
    const rounding = quantity > 0 ? unit * quantity - lineTotal : 0;
    const discount = rounding + coreAmount(item, "PromotionDiscount", currency, label);
    const tax = coreAmount(item, "ItemTax", currency, label);

    const buyer = obj(item, "BuyerInfo") ?? item;
    shipping += coreAmount(item, "ShippingPrice", currency, label);
    shipping += optionalCharge(buyer, "GiftWrapPrice", currency, label, notes);
    shipping += optionalCharge(item, "CODFee", currency, label, notes);
    shipping -= optionalCharge(item, "CODFeeDiscount", currency, label, notes);
    orderDiscount += coreAmount(item, "ShippingDiscount", currency, label);
    orderTax += tax + coreAmount(item, "ShippingTax", currency, label) + optionalCharge(buyer, "GiftWrapTax", currency, label, notes);

    const gift = str(buyer, "GiftMessageText");
    if (gift) notes.push(`Gift message (${sku}): ${gift}`);
    const cancel = obj(item, "BuyerRequestedCancel");
    if (isTrue(cancel?.IsBuyerRequestedCancel)) {
      const reason = str(cancel, "BuyerCancelReason");
      cancelReason ??= reason;
      notes.push(`Buyer requested cancel (${sku})${reason ? `: ${reason}` : ""}`);
    }
    return { ...(itemId ? { externalId: itemId } : {}), sku, name: str(item, "Title") ?? sku, quantity, unitPriceCents: unit, discountCents: discount, taxCents: tax };
  });

  const subtotal = lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);
  const discount = lines.reduce((s, l) => s + l.discountCents, 0) + orderDiscount;
  const orderTotal = readMoney(order, "OrderTotal", what);
  const buyerInfo = obj(order, "BuyerInfo") ?? order;
  const address = mapAddress(obj(order, "ShippingAddress"));
  const po = str(buyerInfo, "PurchaseOrderNumber");
  if (po) notes.unshift(`Purchase order ${po}`);
  const methods = arr(order, "PaymentMethodDetails").filter((m): m is string => typeof m === "string");
  const placedAt = parseDate(order.PurchaseDate, `${what} PurchaseDate`);
  const shipBy = optDate(order.LatestShipDate, `${what} LatestShipDate`);

  return {
    externalId: orderId,
    externalNumber: orderId,
    placedAt,
    updatedAt: optDate(order.LastUpdateDate, `${what} LastUpdateDate`) ?? placedAt,
    currency,
    state: status.state,
    ...(status.state === "CANCELLED" && cancelReason ? { cancelReason } : {}),
    paymentStatus: status.payment,
    paymentMethod: methods.length ? methods.join(" + ") : str(order, "PaymentMethod"),
    customer: {
      name: str(buyerInfo, "BuyerName") ?? str(obj(order, "ShippingAddress"), "Name") ?? "Amazon customer",
      email: str(buyerInfo, "BuyerEmail"),
      phone: address?.phone,
    },
    ...(address ? { shippingAddress: address } : {}),
    lines,
    subtotalCents: subtotal,
    discountCents: discount,
    shippingCents: shipping,
    taxCents: orderTax,
    totalCents: orderTotal ? orderTotal.cents : subtotal - discount + shipping + orderTax,
    ...(shipBy ? { shipBy } : {}),
    ...(notes.length ? { note: notes.join("; ") } : {}),
  };
}
