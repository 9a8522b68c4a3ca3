/**
 * UPU S10 item identifiers, the tracking numbers Correios prints on labels:
 * "SS123456785BR" = 2-letter service indicator, 8-digit serial, 1 check digit,
 * 2-letter ISO country code. Pure.
 *
 * Check digit: the serial's digits weighted 8,6,4,2,3,5,9,7 and summed;
 * 11 − (sum mod 11), where 10 becomes 0 and 11 becomes 5.
 */
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

/** The check digit of an 8-digit serial. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError(`An S10 serial has 8 digits (got "${serial}")`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial[i]) * (WEIGHTS[i] as number);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** A full S10 identifier: service prefix + serial + check digit + country. */
export function formatS10(prefix: string, serial: number | string, country = "BR"): string {
  const p = prefix.toUpperCase();
  const c = country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(p)) throw new RangeError(`An S10 service indicator is 2 letters (got "${prefix}")`);
  if (!/^[A-Z]{2}$/.test(c)) throw new RangeError(`An S10 country code is 2 letters (got "${country}")`);
  const digits = typeof serial === "number" ? String(serial).padStart(8, "0") : serial;
  return `${p}${digits}${s10CheckDigit(digits)}${c}`;
}

/** Whether `code` (spaces ignored, any case) is a well-formed S10 identifier with a correct check digit. */
export function isValidS10(code: string): boolean {
  const m = S10.exec(code.replace(/\s+/g, "").toUpperCase());
  if (!m) return false;
  return s10CheckDigit(m[2] as string) === Number(m[3]);
}
