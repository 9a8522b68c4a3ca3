/**
 * WooCommerce refund object (GET /wc/v3/orders/<id>/refunds/<id>) → RefundInput.
 * WooCommerce has no refund webhook: a refund fires order.updated, and a
 * poller fetches the refunds and feeds them here.
 */
import { arr, cents, idStr, int, isObject, obj, parseDate, str, type JsonObject } from "../read";
import type { RefundInput } from "../types";
import { Where } from "../where";
import { gmtField } from "./map-order";

/** The parent order id: `parent_id` when present, else the `_links.up` href (…/orders/723). */
function parentOrderId(refund: JsonObject, where: Where): string | undefined {
  const direct = idStr(refund, "parent_id") ?? idStr(refund, "order_id");
  if (direct !== undefined) return direct;
  for (const link of arr(obj(refund, "_links", where), "up", where.at("_links"))) {
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

export function mapWooRefund(refund: JsonObject, where: Where = Where.root("WooCommerce")): RefundInput {
  const externalRefundId = idStr(refund, "id");
  if (externalRefundId === undefined) throw where.at("id").error("missingField");
  const externalOrderId = parentOrderId(refund, where);
  if (externalOrderId === undefined) throw where.noneOf("parent_id", "order_id", "_links.up");
  const created = gmtField(refund, "date_created", where);
  return {
    externalOrderId,
    externalRefundId,
    // Refund amounts are positive strings ("10.00"); refund line quantities and totals are negative.
    amountCents: Math.abs(cents(refund["amount"], where.at("amount"))),
    createdAt: parseDate(created.value, created.where),
    reason: str(refund, "reason"),
    lines: arr(refund, "line_items", where).map((l, i) => {
      const at = where.at("line_items").at(i);
      if (!isObject(l)) throw at.bad("notObject", l);
      const quantity = int(String(l["quantity"] ?? "").replace(/^-/, ""), at.at("quantity"));
      // The refund's line items point at the order's line through meta `_refunded_item_id`.
      const refundedItem = arr(l, "meta_data", at).find((m) => isObject(m) && m["key"] === "_refunded_item_id");
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
