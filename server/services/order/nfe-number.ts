/**
 * The NF-e number and series an operator types when invoicing a packed order.
 * An NF-e number (nNF) is 1 to 999 999 999: digits only, at most 9 of them;
 * leading zeros are how it is often printed ("000.004.521" on the DANFE), so
 * they are accepted and dropped ("004521" → "4521"). The series (serie) is 0
 * to 999, at most 3 digits, kept the same way. Pure: the state machine
 * (order-transitions.ts), the router's zod and the form use it alike.
 */

const DIGITS = /^\d+$/;

/** "4521", "000004521" → "4521"; anything else (letters, signs, dots, 10+ digits, 0) → null. */
export function normalizeNfeNumber(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const v = raw.trim();
  if (!DIGITS.test(v) || v.length > 9) return null;
  const n = Number(v);
  return n >= 1 ? String(n) : null;
}

/** "1", "001" → "1", "0" → "0"; anything else (letters, 4+ digits, empty) → null. */
export function normalizeNfeSeries(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const v = raw.trim();
  if (!DIGITS.test(v) || v.length > 3) return null;
  return String(Number(v));
}

/** The validate() of the INVOICE action: which field is wrong, or null. */
export function invoiceFields(invoiceNumber: unknown, invoiceSeries: unknown): { field: string; message: string } | null {
  if (normalizeNfeNumber(invoiceNumber) === null) {
    return { field: "invoiceNumber", message: "invoiceNumber must be an NF-e number: 1 to 9 digits, not all zeros" };
  }
  if (invoiceSeries !== undefined && normalizeNfeSeries(invoiceSeries) === null) {
    return { field: "invoiceSeries", message: "invoiceSeries must be an NF-e series: 1 to 3 digits" };
  }
  return null;
}
