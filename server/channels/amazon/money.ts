/**
 * Amazon SP-API money: `{CurrencyCode, Amount: "12.34"}`. Amounts are never
 * converted between currencies: a core amount (item price, tax, promotion,
 * shipping) in another currency than the order's is a ChannelParseError; an
 * optional charge (gift wrap, COD fee) in another currency is left out and
 * reported so it can be noted on the order.
 */
import type { Cents } from "@/server/lib/money";
import { cents, isObject, str, type JsonObject } from "../read";
import { ChannelParseError } from "../types";

export interface AmazonMoney {
  currency: string;
  cents: Cents;
  /** The amount as Amazon wrote it, for notes. */
  text: string;
}

export function readMoney(o: JsonObject | undefined, key: string, what: string): AmazonMoney | undefined {
  const m = o?.[key];
  if (m === undefined || m === null) return undefined;
  if (!isObject(m)) throw new ChannelParseError(`${what} ${key} is not a Money object`);
  const currency = str(m, "CurrencyCode")?.toUpperCase();
  if (!currency) throw new ChannelParseError(`${what} ${key} has no CurrencyCode`);
  const amount = cents(m.Amount, `${what} ${key}.Amount`);
  return { currency, cents: amount, text: `${str(m, "Amount") ?? ""} ${currency}` };
}

/** A core amount in the order's currency (absent → 0); another currency → ChannelParseError. */
export function coreAmount(o: JsonObject | undefined, key: string, currency: string, what: string): Cents {
  const m = readMoney(o, key, what);
  if (!m) return 0;
  if (m.currency !== currency) {
    throw new ChannelParseError(`${what} ${key} is in ${m.currency} but the order is in ${currency}; amounts are never converted`);
  }
  return m.cents;
}

/** An optional charge: its cents when in the order's currency, else 0 and a note of what was left out. */
export function optionalCharge(
  o: JsonObject | undefined,
  key: string,
  currency: string,
  what: string,
  ignored: string[],
): Cents {
  const m = readMoney(o, key, what);
  if (!m) return 0;
  if (m.currency !== currency) {
    ignored.push(`${what} ${key} ${m.text} not counted (order currency ${currency})`);
    return 0;
  }
  return m.cents;
}
