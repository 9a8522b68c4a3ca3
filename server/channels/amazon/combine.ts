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
import type { AddressInput, ChannelOrderInput, ChannelOrderState, OrderLineInput, PaymentStatus } from "../types";
import { Where } from "../where";
import { coreAmount, optionalCharge, readMoney } from "./money";
import { amazonOrderNote, NOTE_SEPARATOR } from "./order-notes";

/** What Fluxo reads for one Amazon order: both SP-API responses in one JSON object. */
export const AMAZON_ENVELOPE = '{"order": <getOrder response>, "orderItems": <getOrderItems response>}';

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

/** An SP-API response at `where`, `{payload:{…}}` → the payload (and where it is); a bare object is taken as the payload. */
function payloadOf(doc: unknown, where: Where): { payload: JsonObject; where: Where } {
  if (!isObject(doc)) throw where.bad("notObject", doc);
  const payload = obj(doc, "payload", where);
  return payload ? { payload, where: where.at("payload") } : { payload: doc, where };
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

interface Item {
  item: JsonObject;
  where: Where;
}

/** The item pages (`orderItems` at `where`: one page or an array of pages), checked for order id and completeness. */
function itemsOf(itemsDoc: unknown, orderId: string, where: Where): Item[] {
  const pages = Array.isArray(itemsDoc) ? itemsDoc.map((p, i) => payloadOf(p, where.at(i))) : [payloadOf(itemsDoc, where)];
  if (pages.length === 0) throw where.error("noLines");
  const items: Item[] = [];
  pages.forEach(({ payload: page, where: at }, i) => {
    const pageOrder = str(page, "AmazonOrderId");
    if (pageOrder && pageOrder !== orderId) throw at.error("amazonItemsOtherOrder", { page: i, other: pageOrder, order: orderId });
    const list = at.at("OrderItems");
    if (!Array.isArray(page.OrderItems)) throw page.OrderItems === undefined || page.OrderItems === null ? list.error("missingField") : list.bad("notArray", page.OrderItems);
    page.OrderItems.forEach((item, n) => {
      if (isObject(item)) items.push({ item, where: list.at(n) });
    });
  });
  if (str(pages[pages.length - 1]?.payload, "NextToken")) throw where.error("amazonIncompletePages", { order: orderId });
  if (items.length === 0) throw (pages[0]?.where ?? where).at("OrderItems").error("noLines");
  return items;
}

function orderCurrency(order: JsonObject, items: Item[], where: Where, orderId: string): string {
  const total = readMoney(order, "OrderTotal", where);
  if (total) return total.currency;
  for (const { item, where: at } of items) {
    const price = readMoney(item, "ItemPrice", at);
    if (price) return price.currency;
  }
  throw where.error("amazonUnknownCurrency", { order: orderId });
}

export function combineAmazonOrder(orderDoc: unknown, itemsDoc: unknown): ChannelOrderInput {
  const root = Where.root("Amazon");
  const { payload: order, where } = payloadOf(orderDoc, root.at("order"));
  const orderId = str(order, "AmazonOrderId");
  if (!orderId) throw where.at("AmazonOrderId").error("missingField");
  const items = itemsOf(itemsDoc, orderId, root.at("orderItems"));
  const currency = orderCurrency(order, items, where, orderId);
  const statusName = str(order, "OrderStatus");
  if (statusName === undefined) throw where.at("OrderStatus").error("missingField");
  const status = STATUS[statusName];
  if (!status) throw where.at("OrderStatus").bad("notListed", statusName, { allowed: Object.keys(STATUS).join(", ") });

  const notes: string[] = [];
  let shipping = 0;
  let orderDiscount = 0;
  let orderTax = 0;
  let cancelReason: string | undefined;
  const lines: OrderLineInput[] = items.map(({ item, where: at }, i) => {
    const itemId = str(item, "OrderItemId");
    const sku = str(item, "SellerSKU") ?? str(item, "ASIN") ?? itemId;
    if (!sku) throw at.noneOf("SellerSKU", "ASIN", "OrderItemId");
    const quantity = int(item.QuantityOrdered, at.at("QuantityOrdered"), 0);
    if (!readMoney(item, "ItemPrice", at) && quantity > 0) throw at.at("ItemPrice").error("missingField");
    const lineTotal = coreAmount(item, "ItemPrice", currency, at);
    const unit = quantity > 0 ? Math.ceil(lineTotal / quantity) : lineTotal;
    const rounding = quantity > 0 ? unit * quantity - lineTotal : 0;
    const discount = rounding + coreAmount(item, "PromotionDiscount", currency, at);
    const tax = coreAmount(item, "ItemTax", currency, at);

    const buyerInfo = obj(item, "BuyerInfo", at);
    const buyer = buyerInfo ?? item;
    const buyerAt = buyerInfo ? at.at("BuyerInfo") : at;
    const noteOf = { order: orderId, item: itemId ?? `#${i}` };
    shipping += coreAmount(item, "ShippingPrice", currency, at);
    shipping += optionalCharge(buyer, "GiftWrapPrice", currency, buyerAt, noteOf, notes);
    shipping += optionalCharge(item, "CODFee", currency, at, noteOf, notes);
    shipping -= optionalCharge(item, "CODFeeDiscount", currency, at, noteOf, notes);
    orderDiscount += coreAmount(item, "ShippingDiscount", currency, at);
    orderTax += tax + coreAmount(item, "ShippingTax", currency, at) + optionalCharge(buyer, "GiftWrapTax", currency, buyerAt, noteOf, notes);

    const gift = str(buyer, "GiftMessageText");
    if (gift) notes.push(amazonOrderNote("giftMessage", { sku, message: gift }));
    const cancel = obj(item, "BuyerRequestedCancel", at);
    if (isTrue(cancel?.IsBuyerRequestedCancel)) {
      const reason = str(cancel, "BuyerCancelReason");
      cancelReason ??= reason;
      notes.push(reason ? amazonOrderNote("buyerCancelWithReason", { sku, reason }) : amazonOrderNote("buyerCancel", { sku }));
    }
    return { ...(itemId ? { externalId: itemId } : {}), sku, name: str(item, "Title") ?? sku, quantity, unitPriceCents: unit, discountCents: discount, taxCents: tax };
  });

  const subtotal = lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);
  const discount = lines.reduce((s, l) => s + l.discountCents, 0) + orderDiscount;
  const orderTotal = readMoney(order, "OrderTotal", where);
  const buyerInfo = obj(order, "BuyerInfo", where) ?? order;
  const address = mapAddress(obj(order, "ShippingAddress", where));
  const po = str(buyerInfo, "PurchaseOrderNumber");
  if (po) notes.unshift(amazonOrderNote("purchaseOrder", { po }));
  const methods = arr(order, "PaymentMethodDetails", where).filter((m): m is string => typeof m === "string");
  const placedAt = parseDate(order.PurchaseDate, where.at("PurchaseDate"));
  const shipBy = optDate(order.LatestShipDate, where.at("LatestShipDate"));

  return {
    externalId: orderId,
    externalNumber: orderId,
    placedAt,
    updatedAt: optDate(order.LastUpdateDate, where.at("LastUpdateDate")) ?? placedAt,
    currency,
    state: status.state,
    ...(status.state === "CANCELLED" && cancelReason ? { cancelReason } : {}),
    paymentStatus: status.payment,
    paymentMethod: methods.length ? methods.join(" + ") : str(order, "PaymentMethod"),
    customer: {
      name: str(buyerInfo, "BuyerName") ?? str(obj(order, "ShippingAddress", where), "Name") ?? "Amazon customer",
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
    ...(notes.length ? { note: notes.join(NOTE_SEPARATOR) } : {}),
  };
}
