/**
 * Amazon SP-API money: `{CurrencyCode, Amount: "12.34"}`. Amounts are never
 * converted between currencies: a core amount (item price, tax, promotion,
 * shipping) in another currency than the order's is a ChannelParseError; an
 * optional charge (gift wrap, COD fee) in another currency is left out and
 * reported so it can be noted on the order.
 */
import type { Cents } from "@/server/lib/money";
import { cents, isObject, str, type JsonObject } from "../read";
import type { Where } from "../where";
import { amazonOrderNote, NOT_COUNTED_NOTE, type OptionalChargeKey } from "./order-notes";

export interface AmazonMoney {
  currency: string;
  cents: Cents;
  /** The amount as Amazon wrote it, for notes. */
  text: string;
}

/** The Money object `o[key]` (o at `where`); absent → undefined. */
export function readMoney(o: JsonObject | undefined, key: string, where: Where): AmazonMoney | undefined {
  const m = o?.[key];
  if (m === undefined || m === null) return undefined;
  const at = where.at(key);
  if (!isObject(m)) throw at.bad("notMoney", m);
  const currency = str(m, "CurrencyCode")?.toUpperCase();
  if (!currency) throw at.at("CurrencyCode").error("missingField");
  const amount = cents(m.Amount, at.at("Amount"));
  return { currency, cents: amount, text: `${str(m, "Amount") ?? ""} ${currency}` };
}

/** A core amount in the order's currency (absent → 0); another currency → ChannelParseError. */
export function coreAmount(o: JsonObject | undefined, key: string, currency: string, where: Where): Cents {
  const m = readMoney(o, key, where);
  if (!m) return 0;
  if (m.currency !== currency) throw where.at(key).error("otherCurrency", { currency: m.currency, orderCurrency: currency });
  return m.cents;
}

/**
 * An optional charge: its cents when in the order's currency, else 0 and a note of what was left out
 * (order-notes.ts, naming the order and the item `of`).
 */
export function optionalCharge(
  o: JsonObject | undefined,
  key: OptionalChargeKey,
  currency: string,
  where: Where,
  of: { order: string; item: string },
  ignored: string[],
): Cents {
  const m = readMoney(o, key, where);
  if (!m) return 0;
  if (m.currency !== currency) {
    ignored.push(amazonOrderNote(NOT_COUNTED_NOTE[key], { ...of, amount: m.text, currency }));
    return 0;
  }
  return m.cents;
}
