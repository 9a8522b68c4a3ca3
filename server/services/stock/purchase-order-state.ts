/**
 * What a purchase order is, read from its stored status and its lines (pure,
 * no database). The stored enum has four values; the merchant sees five:
 *
 *   OPEN ──receive──▶ PARTIALLY_RECEIVED ──receive──▶ RECEIVED
 *     │                      │
 *   cancel             close short (the supplier will not send the rest)
 *     ▼                      ▼
 *   CANCELLED          RECEIVED with lines short = CLOSED_SHORT
 *
 * "Closed short" needs no column of its own: a RECEIVED purchase order whose
 * lines did not all arrive in full can only have been closed short (receiving
 * sets RECEIVED only when every line is complete). Only OPEN and
 * PARTIALLY_RECEIVED purchase orders are open: their lines' open quantities are
 * the "incoming" stock (the stock grid and the SKU page read exactly these two
 * statuses) and only they can be received into, re-dated, cancelled or closed.
 */
import { DomainError } from "@/server/lib/domain-error";
import { wallTimeInZone } from "@/server/lib/zoned-time";

export const PO_STATUSES = ["OPEN", "PARTIALLY_RECEIVED", "RECEIVED", "CANCELLED"] as const;
export type PoStatus = (typeof PO_STATUSES)[number];

/** What the merchant sees (and filters the list by). */
export const PO_STATES = ["OPEN", "PARTIALLY_RECEIVED", "RECEIVED", "CLOSED_SHORT", "CANCELLED"] as const;
export type PoState = (typeof PO_STATES)[number];

/** The statuses whose open quantities count as incoming stock and can still be received. */
export const OPEN_PO_STATUSES = ["OPEN", "PARTIALLY_RECEIVED"] as const satisfies readonly PoStatus[];

export interface PoLineQuantities {
  quantityOrdered: number;
  quantityReceived: number;
}

export function isPoOpen(status: PoStatus): boolean {
  return (OPEN_PO_STATUSES as readonly PoStatus[]).includes(status);
}

/** Units of a line that did not arrive (yet). */
export function lineShortfall(line: PoLineQuantities): number {
  return Math.max(0, line.quantityOrdered - line.quantityReceived);
}

export function poState(status: PoStatus, lines: readonly PoLineQuantities[]): PoState {
  if (status === "RECEIVED" && lines.some((l) => lineShortfall(l) > 0)) return "CLOSED_SHORT";
  return status;
}

/** Still expected from the supplier: the shortfall of an open purchase order, nothing once it is closed. */
export function lineOpenQuantity(status: PoStatus, line: PoLineQuantities): number {
  return isPoOpen(status) ? lineShortfall(line) : 0;
}

/** Units that will never arrive: the shortfall of a cancelled or closed purchase order. */
export function lineNotDelivered(status: PoStatus, line: PoLineQuantities): number {
  return isPoOpen(status) ? 0 : lineShortfall(line);
}

export interface PoActions {
  receive: boolean;
  /** Only while nothing was received: afterwards the received units stay, so it is "close short" instead. */
  cancel: boolean;
  closeShort: boolean;
  changeExpectedDate: boolean;
}

export function poActions(status: PoStatus): PoActions {
  return {
    receive: isPoOpen(status),
    cancel: status === "OPEN",
    closeShort: status === "PARTIALLY_RECEIVED",
    changeExpectedDate: isPoOpen(status),
  };
}

/** "2026-11-29": the calendar day of an instant in `timeZone`. */
export function dayInZone(at: Date, timeZone: string): string {
  const w = wallTimeInZone(at, timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/**
 * An expected date is a calendar day of the merchant: the day `expectedAt`
 * falls on in their time zone (as every page shows it) must not be before
 * today there. Today itself is fine (the truck may come this afternoon).
 */
export function assertExpectedDateNotPast(expectedAt: Date, opts: { now: Date; timeZone: string }): void {
  const date = dayInZone(expectedAt, opts.timeZone);
  const today = dayInZone(opts.now, opts.timeZone);
  if (date < today) {
    throw new DomainError("VALIDATION", `Expected date ${date} is before today (${today} in ${opts.timeZone}).`, {
      field: "expectedAt", rule: "EXPECTED_DATE_PAST", date, today, timeZone: opts.timeZone,
    });
  }
}

export type PoChange = "cancel" | "closeShort" | "changeExpectedDate";

/** Why a purchase order was cancelled, closed short or re-dated: at most this long. */
export const MAX_PO_REASON = 500;

/**
 * Why `change` is refused on a purchase order in this status (the caller found
 * it not allowed): received units cannot be cancelled, nothing received is a
 * cancel rather than a close, and a closed purchase order stays closed.
 */
export function poChangeRefusal(change: PoChange, po: { number: number; status: PoStatus; lines: readonly PoLineQuantities[] }): DomainError {
  const state = poState(po.status, po.lines);
  const params = { number: po.number, current: state, status: state };
  if (change === "cancel" && po.status === "PARTIALLY_RECEIVED") {
    return new DomainError("INVALID_TRANSITION", `Purchase order #${po.number} has received units: close it short instead of cancelling it.`, { ...params, rule: "PO_HAS_RECEIPTS" });
  }
  if (change === "closeShort" && po.status === "OPEN") {
    return new DomainError("INVALID_TRANSITION", `Nothing was received on purchase order #${po.number}: cancel it instead.`, { ...params, rule: "PO_NOTHING_RECEIVED" });
  }
  return new DomainError("INVALID_TRANSITION", `Purchase order #${po.number} is ${state}: it can no longer be changed.`, { ...params, rule: "PO_NOT_OPEN" });
}
