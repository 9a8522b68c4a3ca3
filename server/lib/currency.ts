/**
 * Currency codes: ISO 4217 as the runtime knows them (Intl.supportedValuesOf("currency"),
 * the codes in use today), and the short list a merchant in Brazil picks from. Pure: safe in the browser.
 */

let known: ReadonlySet<string> | undefined;

/** "BRL" → true; "REA", "XYZ", "brl" → false (callers upper-case first). */
export function isIsoCurrency(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf("currency"));
  return known.has(code);
}

/** What the settings form offers first, BRL on top; any other ISO code can still be typed. */
export const COMMON_CURRENCIES = ["BRL", "USD", "EUR", "ARS", "CLP", "COP", "MXN", "PEN", "PYG", "UYU", "GBP", "CAD", "JPY", "CNY"] as const;

/** "BRL" → "BRL — Brazilian real" in the given language (the code alone when the runtime has no name for it). */
export function currencyLabel(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "currency" }).of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}
