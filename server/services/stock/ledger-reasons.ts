/**
 * The reasons Fluxo itself writes on stock movements and on the stock events
 * of an order's timeline (and the few other system reasons and notes the
 * timeline shows), in one place (server/lib/text-templates.ts): stored
 * in English, shown in the reader's language (stock.reasons.<key>). A value
 * that is itself a system reason (the trigger of a filled backorder) is read
 * back too. Reasons people type stay as typed. Pure and client-safe.
 */
import { templateTable, type ReadText, type TemplateParams } from "@/server/lib/text-templates";

/** Read back in this order: specific before generic ("Order #{number}" last of its family). */
export const LEDGER_REASONS = {
  backorderFilled: "Backorder filled: {trigger}",
  orderCancelled: "Order #{number} cancelled: {note}",
  orderCancelledPlain: "Order #{number} cancelled",
  orderRejectedNote: "Order #{number} rejected: {note}",
  orderRejected: "Order #{number} rejected",
  orderStopped: "Order #{number} stopped",
  orderApproved: "Order #{number} approved",
  orderReallocated: "Order #{number} allocated again: {note}",
  orderReservationExpired: "Order #{number} unpaid, stock given back: {note}",
  unpaidFor: "Unpaid for more than {hours} h",
  addressArrived: "Delivery address now in {state}",
  addressArrivedNoState: "Delivery address now without a Brazilian state (abroad or incomplete)",
  packageShipped: "Order #{number} package #{package} shipped",
  orderShipped: "Order #{number} shipped",
  orderReserved: "Order #{number}",
  shipped: "Shipped",
  orderReturned: "Return of order #{number}: {note}",
  receiptNote: "Receipt of purchase order #{number}: {note}",
  receipt: "Receipt of purchase order #{number}",
  shortPickNote: "Pick list #{number}: {units} unit(s) of {sku} missing in bin {bin} ({note})",
  shortPick: "Pick list #{number}: {units} unit(s) of {sku} missing in bin {bin}",
  pickList: "Pick list #{number}",
  unitsCleared: "Units cleared for sale",
  returnRestocked: "Returned units restocked",
  countFound: "Stock found in a count",
  backorderSweep: "Backorder sweep",
  safetyLowered: "Safety stock of {sku} at {warehouse} lowered",
  nothingToAllocate: "Nothing to allocate",
  unitsNotReserved: "{units} unit(s) could not be reserved",
  mercadoLivreShipment: "Mercado Livre shipment {id}",
  csvRowNote: "CSV row {row}: {note}",
  csvRow: "CSV row {row}",
  fileRowNote: "{file}, row {row}: {note}",
  fileRow: "{file}, row {row}",
  cycleCount: "Cycle count ({counted} counted): {note}",
  adjustment: "Adjustment: {note}",
  transfer: "Transfer {from} → {to}: {note}",
} as const;

export type LedgerReasonKey = keyof typeof LEDGER_REASONS;
const REASONS = templateTable<LedgerReasonKey>("ledger reason", LEDGER_REASONS, ["number", "package", "row", "units", "hours"]);
export const LEDGER_REASON_KEYS = REASONS.keys;

/** The English text of a system reason, as stored. */
export function ledgerReason(key: LedgerReasonKey, params: TemplateParams = {}): string {
  return REASONS.write(key, params);
}

/** Values that may be system reasons themselves: what filled a backorder, why an order was allocated again. */
const NESTED = ["trigger", "note"] as const;

export interface LedgerReason extends ReadText<LedgerReasonKey> {
  /** The values that are system reasons themselves, read back the same way. */
  nested?: Partial<Record<(typeof NESTED)[number], LedgerReason>>;
}

/** The system reason a stored text is, with its values; null for a reason a person typed. */
export function readLedgerReason(text: string | null | undefined): LedgerReason | null {
  const r = REASONS.read(text);
  if (!r) return null;
  const nested: LedgerReason["nested"] = {};
  for (const name of NESTED) {
    const inner = r.params[name] === undefined ? null : readLedgerReason(r.params[name]);
    if (inner) nested[name] = inner;
  }
  return Object.keys(nested).length > 0 ? { ...r, nested } : r;
}
