/**
 * Display formatting. Amounts are integer cents everywhere; dividing by 100
 * here is for display only and never feeds back into arithmetic.
 */
export function formatMoney(cents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}

export function formatCount(n: number, locale: string, capped = false): string {
  const text = new Intl.NumberFormat(locale).format(n);
  return capped ? `${text}+` : text;
}
