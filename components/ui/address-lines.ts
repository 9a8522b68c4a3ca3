/** A delivery address as the lines people read, the country in the reader's language ("BR" → "Brasil" / "Brazil"). */

export interface AddressParts {
  name?: string | null;
  line1?: string | null;
  line2?: string | null;
  district?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
  phone?: string | null;
}

/** Anything that is not a two-letter code as it came. */
export function countryName(code: string | null | undefined, locale: string): string | null | undefined {
  if (!code || !/^[A-Z]{2}$/i.test(code)) return code;
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function addressLines(a: AddressParts, locale: string, opts: { phone?: boolean } = {}): string[] {
  return [
    a.name, [a.line1, a.line2].filter(Boolean).join(", "), a.district, [a.city, a.state].filter(Boolean).join(" - "), a.postalCode,
    countryName(a.country, locale), opts.phone === false ? null : a.phone,
  ].filter((l): l is string => typeof l === "string" && l.trim() !== "");
}
