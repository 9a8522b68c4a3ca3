/**
 * WooCommerce refund object (GET /wc/v3/orders/<id>/refunds/<id>) → RefundInput.
 * WooCommerce has no refund webhook: a refund fires order.updated, and a
 * poller fetches the refunds and feeds them here.
 */
import { arr, cents, idStr, int, isObject, obj, parseDate, str, type JsonObject } from "../read";
import { ChannelParseError, type RefundInput } from "../types";

/** The parent order id: `parent_id` when present, else the `_links.up` href (…/orders/723). */
function parentOrderId(refund: JsonObject): string | undefined {
  const direct = idStr(refund, "parent_id") ?? idStr(refund, "order_id");
  if (direct !== undefined) return direct;
  for (const link of arr(obj(refund, "_links"), "up")) {
    const href = isObject(link) ? str(link, "href") : undefined;
    const m = href ? /\/orders\/(\d+)\/?$/.exec(href) : null;
    if (m?.[1] !== undefined) return m[1];
  }
  return undefined;
}

/** A document looks like a refund when it has `amount` and `refunded_by` / `refunded_payment` and no line-item order fields. */
export function looksLikeWooRefund(doc: JsonObject): boolean {
  return "amount" in doc && ("refunded_by" in doc || "refunded_payment" in doc) && !("status" in doc);
}

export function mapWooRefund(refund: JsonObject): RefundInput {
  const externalRefundId = idStr(refund, "id");
  if (externalRefundId === undefined) throw new ChannelParseError("WooCommerce refund has no id");
  const what = `WooCommerce refund ${externalRefundId}`;
  const externalOrderId = parentOrderId(refund);
  if (externalOrderId === undefined) throw new ChannelParseError(`${what} has no parent order (no parent_id and no _links.up)`);
  return {
    externalOrderId,
    externalRefundId,
    // Refund amounts are positive strings ("10.00"); refund line quantities and totals are negative.
    amountCents: Math.abs(cents(refund["amount"], `${what} amount`)),
    createdAt: parseDate(refund["date_created_gmt"] ?? refund["date_created"], `${what} date_created_gmt`),
    reason: str(refund, "reason"),
    lines: arr(refund, "line_items").map((l, i) => {
      if (!isObject(l)) throw new ChannelParseError(`${what} line_items[${i}] is not an object`);
      const quantity = int(String(l["quantity"] ?? "").replace(/^-/, ""), `${what} line_items[${i}] quantity`);
      // The refund's line items point at the order's line through meta `_refunded_item_id`.
      const refundedItem = arr(l, "meta_data").find((m) => isObject(m) && m["key"] === "_refunded_item_id");
      return {
        externalLineId: isObject(refundedItem) ? str(refundedItem, "value") : undefined,
        sku: str(l, "sku") ?? idStr(l, "variation_id") ?? idStr(l, "product_id"),
        quantity,
        // The REST response does not say whether stock was restored (api_restock is a request-only flag).
        restock: false,
      };
    }),
  };
}
