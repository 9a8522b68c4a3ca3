/**
 * Money is exact: every amount is an integer number of hundredths of its
 * currency unit ("cents"), whatever the currency (JPY 22 is 2200). Platforms
 * send decimal strings ("12.30"), integer cents (VTEX) or binary floats
 * (Mercado Livre); all of them come through here and never through float math.
 */
export type Cents = number;

export class MoneyParseError extends Error {
  constructor(public readonly value: unknown) {
    super(`Not a valid money amount: ${JSON.stringify(value)}`);
    this.name = "MoneyParseError";
  }
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$/;

/** "1450000.00" → 145000000; "12.345" → 1235 (half away from zero); 12.3 → 1230. */
export function toCents(value: string | number | null | undefined): Cents {
  if (value === null || value === undefined || value === "") throw new MoneyParseError(value);
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new MoneyParseError(value);
    // Shortest round-trip representation: 0.1 + 0.2 arrives as 0.30000000000000004 and still rounds to 30.
    text = Math.abs(value) < 1e21 ? String(value) : "";
    if (/e/i.test(text)) text = value.toFixed(10);
  } else {
    text = value.trim();
  }
  const m = DECIMAL.exec(text);
  if (!m) throw new MoneyParseError(value);
  const sign = m[1] === "-" ? -1 : 1;
  const whole = m[2] ?? "0";
  const frac = (m[3] ?? "").padEnd(3, "0");
  let cents = Number(whole) * 100 + Number(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) cents += 1;
  if (!Number.isSafeInteger(cents)) throw new MoneyParseError(value);
  return sign * cents === 0 ? 0 : sign * cents;
}

/** Like toCents but null/undefined/"" become 0. */
export function toCentsOrZero(value: string | number | null | undefined): Cents {
  return value === null || value === undefined || value === "" ? 0 : toCents(value);
}

/** Integer cents from a platform that already sends integer minor units (VTEX). */
export function fromMinorUnits(value: number | string): Cents {
  const n = typeof value === "string" ? Number(value) : value;
  if (!Number.isSafeInteger(n)) throw new MoneyParseError(value);
  return n;
}

/** 123456 → "1234.56" (for CSV and APIs; display uses Intl in the UI). */
export function centsToDecimalString(cents: Cents): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export function sumCents(values: readonly Cents[]): Cents {
  return values.reduce((a, b) => a + b, 0);
}

/** Split an amount into parts proportional to weights, exactly (largest remainder). */
export function allocateCents(total: Cents, weights: readonly number[]): Cents[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const raw = weights.map((w) => (total * w) / sum);
  const floors = raw.map((r) => Math.floor(r));
  let rest = total - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    rest -= 1;
  }
  return floors;
}

/** A human-typed amount whose separators could mean either thing ("1.234": 1234 or 1.234?). */
export class AmbiguousDecimalError extends MoneyParseError {
  constructor(value: unknown) {
    super(value);
    this.message = `Ambiguous amount ${JSON.stringify(value)}: write 1234 or 1.234,00 for a thousand, 1,234 for one point two three four.`;
    this.name = "AmbiguousDecimalError";
  }
}

const BR_GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const US_GROUPED = /^\d{1,3}(?:,\d{3})+$/;
const PLAIN_INT = /^\d+$/;
const FRACTION = /^\d+$/;

/**
 * Amounts as people type them in Brazil or in dot-decimal systems, exactly:
 * "1.234,56", "1234,56", "0,5", "1234.56", "1,234.56", "1.234.567", "R$ 12,90", "-3,10".
 * The separator that appears last (and once) is the decimal one; the other
 * one may only group thousands in threes. A lone dot followed by exactly three
 * digits ("1.234") is refused as ambiguous rather than guessed. More than two
 * decimals round half away from zero, as toCents does.
 */
export function parseBrazilianOrDotDecimal(value: string): Cents {
  // Only around the number: "R$ 12,90" (Excel puts a no-break space there) but never "12 90".
  let text = value.trim();
  let sign = "";
  if (/^[+-]/.test(text)) {
    sign = text[0] === "-" ? "-" : "";
    text = text.slice(1).trimStart();
  }
  text = text.replace(/^R\$\s*/i, "");
  if (sign === "" && /^[+-]/.test(text)) {
    sign = text[0] === "-" ? "-" : "";
    text = text.slice(1);
  }
  if (text === "") throw new MoneyParseError(value);
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  let whole: string;
  let frac = "";
  if (lastComma === -1 && lastDot === -1) {
    whole = text;
  } else if (lastDot === -1) {
    // Only commas: one comma is the decimal comma; several can only be thousands ("1,234,567").
    const commas = text.split(",").length - 1;
    if (commas === 1) [whole, frac] = split(text, lastComma);
    else if (US_GROUPED.test(text)) whole = text.replace(/,/g, "");
    else throw new MoneyParseError(value);
  } else if (lastComma === -1) {
    const dots = text.split(".").length - 1;
    if (dots > 1) {
      if (!BR_GROUPED.test(text)) throw new MoneyParseError(value);
      whole = text.replace(/\./g, "");
    } else if (/^[1-9]\d{0,2}\.\d{3}$/.test(text)) {
      throw new AmbiguousDecimalError(value);
    } else {
      [whole, frac] = split(text, lastDot);
    }
  } else if (lastComma > lastDot) {
    // Brazilian: dots group, the comma is decimal.
    [whole, frac] = split(text, lastComma);
    if (!BR_GROUPED.test(whole)) throw new MoneyParseError(value);
    whole = whole.replace(/\./g, "");
  } else {
    [whole, frac] = split(text, lastDot);
    if (!US_GROUPED.test(whole)) throw new MoneyParseError(value);
    whole = whole.replace(/,/g, "");
  }
  if (!PLAIN_INT.test(whole) && !(whole === "" && frac !== "")) throw new MoneyParseError(value);
  if (frac !== "" && !FRACTION.test(frac)) throw new MoneyParseError(value);
  if (frac === "" && (lastComma === text.length - 1 || lastDot === text.length - 1)) throw new MoneyParseError(value);
  try {
    return toCents(`${sign}${whole === "" ? "0" : whole}${frac === "" ? "" : `.${frac}`}`);
  } catch {
    throw new MoneyParseError(value);
  }
}

function split(text: string, at: number): [string, string] {
  return [text.slice(0, at), text.slice(at + 1)];
}
