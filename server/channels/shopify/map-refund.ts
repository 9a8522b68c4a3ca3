/** Shopify refund (webhook body of refunds/create) → RefundInput. */
import { sumCents } from "@/server/lib/money";
import { arr, bool, cents, firstKey, idStr, int, isObject, obj, parseDate, str, type JsonObject } from "../read";
import type { RefundInput } from "../types";
import { Where } from "../where";
import { shopifyId } from "./ids";

/** restock_type values that put the units back in stock ("no_restock" does not). */
const RESTOCKING = new Set(["return", "cancel", "legacy_restock"]);

type RefundLine = RefundInput["lines"][number];

/** `<key>_set.shop_money` of a refund line (at `where`), and where it is. */
function shopMoney(line: JsonObject, key: string, where: Where): { money?: JsonObject; where: Where } {
  const set = where.at(`${key}_set`);
  return { money: obj(obj(line, `${key}_set`, where), "shop_money", set), where: set.at("shop_money") };
}

/** A refund line's `subtotal` or `total_tax`: the shop-currency amount when there is one, else the plain field; absent → 0. */
function lineAmount(line: JsonObject, key: string, where: Where): number {
  const shop = shopMoney(line, key, where);
  const amount = shop.money?.["amount"];
  if (amount !== undefined && amount !== null) return cents(amount, shop.where.at("amount"));
  return cents(line[key] ?? 0, where.at(key));
}

function mapRefundLine(raw: unknown, refundRestock: boolean, where: Where): RefundLine {
  if (!isObject(raw)) throw where.bad("notObject", raw);
  const item = obj(raw, "line_item", where);
  const restockType = str(raw, "restock_type");
  return {
    externalLineId: (item ? shopifyId(item, "LineItem") : undefined) ?? idStr(raw, "line_item_id"),
    sku: str(item, "sku"),
    quantity: int(raw["quantity"], where.at("quantity"), 0),
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

/** `where`: the refund in the delivery (the body, `refund` of a REST response, or `refunds[i]` of an order). */
export function mapShopifyRefund(refund: JsonObject, where: Where = Where.root("Shopify")): RefundInput {
  const externalRefundId = shopifyId(refund, "Refund");
  if (externalRefundId === undefined) throw where.at("id").error("missingField");
  const externalOrderId = idStr(refund, "order_id");
  if (externalOrderId === undefined) throw where.at("order_id").error("missingField");
  const rawLines = arr(refund, "refund_line_items", where);
  const lineAt = (i: number) => where.at("refund_line_items").at(i);
  const transactions = arr(refund, "transactions", where)
    .map((t, i) => ({ t, at: where.at("transactions").at(i) }))
    .filter((x): x is { t: JsonObject; at: Where } => isSuccessfulRefund(x.t));

  // The money actually returned is the sum of the successful refund transactions;
  // a refund without transactions (restock only, or no payment) falls back to its lines.
  const amountCents =
    transactions.length > 0
      ? sumCents(transactions.map(({ t, at }) => cents(t["amount"], at.at("amount"))))
      : sumCents(rawLines.map((l, i) => (isObject(l) ? lineAmount(l, "subtotal", lineAt(i)) + lineAmount(l, "total_tax", lineAt(i)) : 0)));

  const first = rawLines.findIndex(isObject);
  const firstLine = rawLines[first];
  const currency =
    transactions.map(({ t }) => str(t, "currency")).find((c) => c !== undefined) ??
    (isObject(firstLine) ? str(shopMoney(firstLine, "subtotal", lineAt(first)).money, "currency_code") : undefined);
  const refundRestock = bool(refund, "restock") ?? false;
  const createdKey = firstKey(refund, ["created_at", "processed_at"]);

  return {
    externalOrderId,
    externalRefundId,
    amountCents,
    currency: currency?.toUpperCase(),
    createdAt: parseDate(refund[createdKey], where.at(createdKey)),
    reason: str(refund, "note"),
    lines: rawLines.map((l, i) => mapRefundLine(l, refundRestock, lineAt(i))),
  };
}
