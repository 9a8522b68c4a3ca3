/**
 * Brazilian identifiers: CPF (people), CNPJ (companies), CEP (postal code)
 * and UF (state). Pure functions, used by the server and the order forms.
 *
 * CPF: 9 base digits + 2 check digits. Each check digit is the mod-11 sum of
 * the digits before it weighted from the right 2, 3, 4, …; a remainder below
 * 2 gives 0, otherwise 11 − remainder. Numbers of one repeated digit pass the
 * arithmetic but are not issued, so they are refused.
 *
 * CNPJ: 12 base characters + 2 check digits, weights 2…9 repeating from the
 * right. Since July 2026 the base may be alphanumeric (IN RFB 2.229/2024):
 * each character counts as its ASCII code − 48 (0–9 stay 0–9, A is 17, …);
 * the check digits are still digits. Old all-digit CNPJs keep validating.
 */
import { BRAZIL_UFS, ufOf, type BrazilUf } from "@/server/services/stock/brazil-regions";

export { BRAZIL_UFS, type BrazilUf };

export type DocumentKind = "CPF" | "CNPJ";

function mod11Digit(values: readonly number[], maxWeight: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const weight = 2 + (i % (maxWeight - 1));
    sum += (values[values.length - 1 - i] ?? 0) * weight;
  }
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** Digits and letters only, upper case: "123.456.789-09" → "12345678909", "12.abc.345/01de-35" → "12ABC34501DE35". */
export function compactDocument(text: string): string {
  return text.replace(/[\s./-]/g, "").toUpperCase();
}

export function isValidCpf(text: string): boolean {
  const cpf = compactDocument(text);
  if (!/^\d{11}$/.test(cpf) || /^(\d)\1{10}$/.test(cpf)) return false;
  const digits = [...cpf].map(Number);
  const first = mod11Digit(digits.slice(0, 9), 11);
  const second = mod11Digit([...digits.slice(0, 9), first], 12);
  return digits[9] === first && digits[10] === second;
}

export function isValidCnpj(text: string): boolean {
  const cnpj = compactDocument(text);
  if (!/^[0-9A-Z]{12}\d{2}$/.test(cnpj) || /^(\d)\1{13}$/.test(cnpj)) return false;
  const values = [...cnpj].map((c) => c.charCodeAt(0) - 48);
  const first = mod11Digit(values.slice(0, 12), 9);
  const second = mod11Digit([...values.slice(0, 12), first], 9);
  return values[12] === first && values[13] === second;
}

/** Check digits for a CPF base (9 digits) — for tests and demo data. */
export function cpfCheckDigits(base9: string): string {
  if (!/^\d{9}$/.test(base9)) throw new RangeError(`A CPF base is 9 digits: ${JSON.stringify(base9)}`);
  const digits = [...base9].map(Number);
  const first = mod11Digit(digits, 11);
  return `${first}${mod11Digit([...digits, first], 12)}`;
}

/** Check digits for a CNPJ base (12 digits or, since 2026, letters and digits). */
export function cnpjCheckDigits(base12: string): string {
  const base = base12.toUpperCase();
  if (!/^[0-9A-Z]{12}$/.test(base)) throw new RangeError(`A CNPJ base is 12 letters or digits: ${JSON.stringify(base12)}`);
  const values = [...base].map((c) => c.charCodeAt(0) - 48);
  const first = mod11Digit(values, 9);
  return `${first}${mod11Digit([...values, first], 9)}`;
}

/**
 * A CPF or CNPJ as typed (with or without punctuation) → its kind and compact
 * form, or null when it is neither (wrong length, characters or check digits).
 */
export function parseDocument(text: string): { kind: DocumentKind; value: string } | null {
  const compact = compactDocument(text);
  if (compact.length === 11 && isValidCpf(compact)) return { kind: "CPF", value: compact };
  if (compact.length === 14 && isValidCnpj(compact)) return { kind: "CNPJ", value: compact };
  return null;
}

/** "123.456.789-09" / "12.345.678/0001-95" for display; anything else unchanged. */
export function formatDocument(compact: string): string {
  if (/^\d{11}$/.test(compact)) return compact.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, "$1.$2.$3-$4");
  if (/^[0-9A-Z]{12}\d{2}$/.test(compact)) return compact.replace(/^(.{2})(.{3})(.{3})(.{4})(.{2})$/, "$1.$2.$3/$4-$5");
  return compact;
}

/** CEP as people write it ("01310-100", "01310100", "01.310-100", "01310 100") → "01310-100"; null for anything else. */
export function normalizeCep(text: string): string | null {
  const m = /^(\d{2})\.?(\d{3})[-\s]?(\d{3})$/.exec(text.trim());
  return m ? `${m[1]}${m[2]}-${m[3]}` : null;
}

/** "sp", " SP ", "São Paulo", "sao paulo" → "SP" (ufOf); null when it is none of the 27 UFs. */
export function normalizeUf(text: string): BrazilUf | null {
  return ufOf(text) ?? null;
}

/** A phone number as people write it: digits with + ( ) - . and spaces, 8 to 15 digits (E.164 maximum). */
export function isPlausiblePhone(text: string): boolean {
  const t = text.trim();
  if (!/^\+?[\d\s().-]+$/.test(t)) return false;
  const digits = t.replace(/\D/g, "").length;
  return digits >= 8 && digits <= 15;
}
