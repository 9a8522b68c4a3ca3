/**
 * A SKU's weight and dimensions as the screens show them. The catalogue stores 0 for a measure never entered
 * (the columns are NOT NULL), so 0 g and 0 × 0 × 0 read as "not entered" — "—", like a blank EAN — never as a value.
 */
export interface SkuMeasures {
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export const NOT_ENTERED = "—";

/** A measure as text, or "—" when it was never entered. */
export function orNotEntered<T>(value: T | null, show: (v: T) => string): string {
  return value === null ? NOT_ENTERED : show(value);
}

/** The weight, or null when never entered. */
export function enteredWeight(s: Pick<SkuMeasures, "weightGrams">): number | null {
  return s.weightGrams > 0 ? s.weightGrams : null;
}

/** The three dimensions, or null when none was entered (one or two zeros still show: the SKU is half measured). */
export function enteredDimensions(s: Omit<SkuMeasures, "weightGrams">): { l: number; w: number; h: number } | null {
  return s.lengthMm + s.widthMm + s.heightMm > 0 ? { l: s.lengthMm, w: s.widthMm, h: s.heightMm } : null;
}
