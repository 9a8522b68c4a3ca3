/**
 * Pack-station verification (conferência): every unit's barcode is scanned
 * against the order; a wrong or extra item is refused and leaves the state
 * unchanged. Pure: the caller stores the returned state and the scan log.
 *
 * Matching a scanned code to a line:
 *  - all whitespace and control characters are removed (scanners append CR/LF
 *    or tabs; people type spaces);
 *  - numeric codes compare as GTIN-14 (zero-padded), so an EAN-13, the same
 *    EAN with its leading zeros dropped, and its GTIN-14 form all match;
 *  - if no EAN matches, the SKU typed by hand matches (case-insensitive,
 *    internal runs of whitespace collapsed);
 *  - when several lines share the code, the first incomplete one is filled.
 * Results:
 *  - ACCEPTED: one unit counted on `lineId`;
 *  - OVER_SCAN: the code is in the order but all its lines are complete;
 *  - UNKNOWN_CODE: nothing was read, or a numeric code of GTIN length whose
 *    check digit is wrong (a misread, not a product);
 *  - WRONG_ITEM: any other code that is not in the order.
 */
import { GTIN_LENGTHS, isValidGtin, normalizeGtin } from "@/server/lib/ean";

export interface ExpectedPackLine {
  lineId: string;
  sku: string;
  ean: string | null;
  productName: string;
  quantity: number;
}
export interface PackState {
  expected: readonly ExpectedPackLine[];
  /** lineId → units scanned so far; a missing key means 0. */
  scanned: Readonly<Record<string, number>>;
}
export type ScanResult = "ACCEPTED" | "WRONG_ITEM" | "OVER_SCAN" | "UNKNOWN_CODE";

/** Values for the translated message shown at the pack station. */
export interface ScanMessageParams {
  /** What was scanned (trimmed, as read). */
  scanned: string;
  /** SKU / name of the matched line (ACCEPTED, OVER_SCAN). */
  sku?: string;
  productName?: string;
  /** Units of the matched line counted so far, and ordered. */
  lineScanned?: number;
  lineQuantity?: number;
  /** SKUs still expected, comma-separated, in order. */
  expectedSkus: string;
  /** Units still to scan in the whole package. */
  remainingUnits: number;
}
export interface RemainingLine extends ExpectedPackLine {
  scanned: number;
  remaining: number;
}
export interface ScanOutcome {
  result: ScanResult;
  lineId?: string;
  params: ScanMessageParams;
  /** Lines still missing units after this scan. */
  stillExpected: RemainingLine[];
  state: PackState;
  complete: boolean;
}

const compact = (code: string): string => code.replace(/[\s\p{Cc}]+/gu, "");
const skuKey = (code: string): string =>
  code
    .replace(/\p{Cc}+/gu, " ")
    .trim()
    .replace(/\s+/g, " ")
    .toUpperCase();
const eanKey = (code: string): string => normalizeGtin(code) ?? compact(code).toUpperCase();

/** A new, empty pack state for these lines. */
export function createPackState(expected: readonly ExpectedPackLine[]): PackState {
  return { expected, scanned: {} };
}

const scannedOf = (state: PackState, lineId: string): number => state.scanned[lineId] ?? 0;

/** Lines that still miss units, in order. */
export function remaining(state: PackState): RemainingLine[] {
  const out: RemainingLine[] = [];
  for (const line of state.expected) {
    const scanned = scannedOf(state, line.lineId);
    if (scanned < line.quantity) out.push({ ...line, scanned, remaining: line.quantity - scanned });
  }
  return out;
}

/**
 * Every line holds exactly its expected units (scans never go past them; the
 * expectation can drop below the count when a reservation is given back after
 * scanning — then the box holds too much and is not complete). A package that
 * expects nothing is never complete (nothing to ship).
 */
export function isComplete(state: PackState): boolean {
  const units = state.expected.reduce((n, l) => n + l.quantity, 0);
  return units > 0 && state.expected.every((l) => scannedOf(state, l.lineId) === l.quantity);
}

function matchingLines(state: PackState, code: string): ExpectedPackLine[] {
  const key = eanKey(code);
  const byEan = state.expected.filter((l) => l.ean !== null && l.ean.trim() !== "" && eanKey(l.ean) === key);
  if (byEan.length > 0) return byEan;
  const sku = skuKey(code);
  return state.expected.filter((l) => skuKey(l.sku) === sku);
}

function looksMisread(code: string): boolean {
  const c = compact(code);
  if (c === "") return true;
  return /^\d+$/.test(c) && GTIN_LENGTHS.includes(c.length) && !isValidGtin(c);
}

/** Applies one scanned code and returns the outcome and the new state. */
export function applyScan(state: PackState, code: string): ScanOutcome {
  const display = code.replace(/\p{Cc}+/gu, " ").trim();
  const matches = matchingLines(state, code);
  const target = matches.find((l) => scannedOf(state, l.lineId) < l.quantity);

  let result: ScanResult;
  let next = state;
  let line: ExpectedPackLine | undefined;
  if (target) {
    result = "ACCEPTED";
    line = target;
    next = { expected: state.expected, scanned: { ...state.scanned, [target.lineId]: scannedOf(state, target.lineId) + 1 } };
  } else if (matches.length > 0) {
    result = "OVER_SCAN";
    line = matches[0];
  } else {
    result = looksMisread(code) ? "UNKNOWN_CODE" : "WRONG_ITEM";
  }

  const stillExpected = remaining(next);
  const params: ScanMessageParams = {
    scanned: display,
    expectedSkus: [...new Set(stillExpected.map((l) => l.sku))].join(", "),
    remainingUnits: stillExpected.reduce((n, l) => n + l.remaining, 0),
  };
  const outcome: ScanOutcome = { result, params, stillExpected, state: next, complete: isComplete(next) };
  if (line) {
    outcome.lineId = line.lineId;
    params.sku = line.sku;
    params.productName = line.productName;
    params.lineScanned = scannedOf(next, line.lineId);
    params.lineQuantity = line.quantity;
  }
  return outcome;
}
