/**
 * GS1 barcode helpers (EAN-13, and GTIN-8/12/13/14 in general).
 *
 * GS1 check digit: starting from the digit just left of the check digit and
 * moving left, digits are weighted 3, 1, 3, 1, …; the check digit is the amount
 * that brings the weighted sum up to the next multiple of 10. For EAN-13 that
 * is the same as weighting the first 12 digits 1, 3, 1, 3, … from the left.
 */

const DIGITS = /^\d+$/;

/** Lengths of the GS1 trade item numbers we accept: GTIN-8, -12 (UPC-A), -13 (EAN-13), -14. */
export const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

/** Check digit for any GTIN body (the digits without the check digit). */
export function gtinCheckDigit(body: string): number {
  if (!DIGITS.test(body)) throw new RangeError(`GTIN body must contain digits only: ${JSON.stringify(body)}`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Check digit of an EAN-13 from its first 12 digits: "789100031550" → 7. */
export function ean13CheckDigit(first12: string): number {
  if (first12.length !== 12 || !DIGITS.test(first12)) {
    throw new RangeError(`An EAN-13 body is exactly 12 digits: ${JSON.stringify(first12)}`);
  }
  return gtinCheckDigit(first12);
}

/** True for a 13-digit string whose last digit is the correct GS1 check digit. */
export function validateEan13(code: string): boolean {
  if (code.length !== 13 || !DIGITS.test(code)) return false;
  return ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** True for an 8, 12, 13 or 14 digit string with a correct GS1 check digit. */
export function isValidGtin(code: string): boolean {
  if (!GTIN_LENGTHS.includes(code.length) || !DIGITS.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code[code.length - 1]);
}

/**
 * Canonical GTIN-14 form for comparing barcodes: whitespace removed, left-padded
 * with zeros to 14 digits. An EAN-13 "7891000315507", its GTIN-14 form
 * "07891000315507" and a UPC-A "012345678905" read as EAN-13 "0012345678905"
 * all compare equal to their padded forms. Returns null for anything that is
 * not 1–14 digits (the check digit is not verified here; see isValidGtin).
 */
export function normalizeGtin(code: string): string | null {
  const compact = code.replace(/\s+/g, "");
  if (compact.length === 0 || compact.length > 14 || !DIGITS.test(compact)) return null;
  return compact.padStart(14, "0");
}
