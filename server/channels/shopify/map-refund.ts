/** Shopify refund (webhook body of refunds/create) → RefundInput. */
import { sumCents } from "@/server/lib/money";
import { arr, bool, cents, idStr, int, isObject, obj, parseDate, str, type JsonObject } from "../read";
import { ChannelParseError, type RefundInput } from "../types";
import { shopifyId } from "./ids";

/** restock_type values that put the units back in stock ("no_restock" does not). */
const RESTOCKING = new Set(["return", "cancel", "legacy_restock"]);

type RefundLine = RefundInput["lines"][number];

function shopMoney(set: JsonObject | undefined): JsonObject | undefined {
  return obj(set, "shop_money");
}

function mapRefundLine(raw: unknown, index: number, refundRestock: boolean, what: string): RefundLine {
  if (!isObject(raw)) throw new ChannelParseError(`${what} refund_line_items[${index}] is not an object`);
  const item = obj(raw, "line_item");
  const restockType = str(raw, "restock_type");
  return {
    externalLineId: (item ? shopifyId(item, "LineItem") : undefined) ?? idStr(raw, "line_item_id"),
    sku: str(item, "sku"),
    quantity: int(raw["quantity"], `${what} refund_line_items[${index}] quantity`, 0),
    // Newer API versions say restock_type per line; older ones only the refund-level `restock` flag.
    restock: restockType !== undefined ? RESTOCKING.has(restockType) : refundRestock,
  };
}

function isSuccessfulRefund(t: unknown): t is JsonObject {
  if (!isObject(t)) return false;
  const kind = str(t, "kind");
  const status = str(t, "status");
  return (kind === undefined || kind === "refund") && (status === undefined || status === "success");
}

export function mapShopifyRefund(refund: JsonObject): RefundInput {
  const externalRefundId = shopifyId(refund, "Refund");
  if (externalRefundId === undefined) throw new ChannelParseError("Shopify refund has no id");
  const what = `Shopify refund ${externalRefundId}`;
  const externalOrderId = idStr(refund, "order_id");
  if (externalOrderId === undefined) throw new ChannelParseError(`${what} has no order_id`);
  const rawLines = arr(refund, "refund_line_items");
  const transactions = arr(refund, "transactions").filter(isSuccessfulRefund);

  // The money actually returned is the sum of the successful refund transactions;
  // a refund without transactions (restock only, or no payment) falls back to its lines.
  const amountCents =
    transactions.length > 0
      ? sumCents(transactions.map((t, i) => cents(t["amount"], `${what} transactions[${i}] amount`)))
      : sumCents(
          rawLines.map((l, i) => {
            if (!isObject(l)) return 0;
            const sub = shopMoney(obj(l, "subtotal_set"))?.["amount"] ?? l["subtotal"];
            const tax = shopMoney(obj(l, "total_tax_set"))?.["amount"] ?? l["total_tax"];
            return cents(sub ?? 0, `${what} refund_line_items[${i}] subtotal`) + cents(tax ?? 0, `${what} refund_line_items[${i}] total_tax`);
          }),
        );

  const firstLine = rawLines.find(isObject);
  const currency =
    transactions.map((t) => str(t, "currency")).find((c) => c !== undefined) ??
    str(shopMoney(obj(firstLine, "subtotal_set")), "currency_code");
  const refundRestock = bool(refund, "restock") ?? false;

  return {
    externalOrderId,
    externalRefundId,
    amountCents,
    currency: currency?.toUpperCase(),
    createdAt: parseDate(refund["created_at"] ?? refund["processed_at"], `${what} created_at`),
    reason: str(refund, "note"),
    lines: rawLines.map((l, i) => mapRefundLine(l, i, refundRestock, what)),
  };
}
