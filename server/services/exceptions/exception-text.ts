/**
 * The text of an exception in the reader's language, built from its type and
 * data (the stored `message` is English, written when it was raised). Pure and
 * client-safe. Types whose data does not carry what the sentence needs return
 * null and the UI shows the stored message.
 */
import { wallTimeInZone } from "@/server/lib/zoned-time";
import { CARRIER_ADDRESS_FIELDS } from "@/server/services/shipping/shipping-address";

/** Sentences under exceptions.messages (a type may have several: SHIPMENT_LATE has one per reason). */
export const EXCEPTION_TEXT_KEYS = [
  "LOW_STOCK", "OUT_OF_STOCK", "ORDER_BACKORDERED", "UNKNOWN_SKU", "STOCK_RESERVATION_FAILED", "CHANNEL_CANCEL_REFUSED", "SHORT_PICK",
  "DELIVERY_FAILED", "RETURNED_TO_SENDER", "SHIPMENT_STALLED", "SHIPMENT_LATE_SHIPPED_AFTER_SHIP_BY", "SHIPMENT_LATE_DELIVERY_OVERDUE",
  "CHANNEL_ORDER_CHANGED", "REFUND_DUE", "REFUND_DUE_PARTLY_REFUNDED", "REFUND_DUE_PARTLY_PAID",
  "REFUND_DUE_PAID_AFTER_CANCEL", "ADDRESS_INCOMPLETE",
] as const;

/**
 * The pieces of a CHANNEL_ORDER_CHANGED sentence, under exceptions.changes: one per changed field of a line, per
 * added or removed line and per moved total. The UI joins them into the sentence's {changes}.
 */
export const EXCEPTION_CHANGE_KEYS = [
  "sku", "quantity", "unitPrice", "discount", "tax", "added", "removed", "subtotal", "totalDiscount", "shipping", "totalTax", "total",
] as const;
export type ExceptionChangeKey = (typeof EXCEPTION_CHANGE_KEYS)[number];

export interface ExceptionText {
  key: (typeof EXCEPTION_TEXT_KEYS)[number];
  params: Record<string, string | number>;
  /** A param that is an order status code: the UI shows its label in the reader's language. */
  orderStatusParam?: string;
  /** Translated one by one and joined into the {changes} param (CHANNEL_ORDER_CHANGED). */
  changes?: ChangePiece[];
  /** A param that lists address fields (CARRIER_ADDRESS_FIELDS codes, comma-separated): the UI names each in the reader's language. */
  addressFieldsParam?: string;
  /** Params that are amounts in `currency` (REFUND_DUE): the UI formats them as money. */
  money?: { params: string[]; currency: string };
}

/** One piece of a channel change; `money`: its from/to are amounts (in `currency` when the order's is known), the UI formats them. */
export interface ChangePiece {
  key: ExceptionChangeKey;
  params: Record<string, string | number>;
  money?: { currency: string | null };
}

interface LineRef {
  sku?: unknown;
  quantity?: unknown;
}

function linesOf(data: Record<string, unknown>): string | null {
  const lines = Array.isArray(data.lines) ? (data.lines as LineRef[]) : [];
  const parts = lines.filter((l) => typeof l.sku === "string" && typeof l.quantity === "number").map((l) => `${l.sku as string} × ${l.quantity as number}`);
  return parts.length ? parts.join(", ") : null;
}

const str = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** A stored instant as the merchant reads it: "YYYY-MM-DD" (or with "HH:MM") in their time zone; null when unreadable. */
function localTime(iso: unknown, timeZone: string, withTime: boolean, plusDays = 0): string | null {
  if (!str(iso)) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const w = wallTimeInZone(new Date(t + plusDays * 86_400_000), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${pad(w.month)}-${pad(w.day)}${withTime ? ` ${pad(w.hour)}:${pad(w.minute)}` : ""}`;
}

/** The shipment an exception is about, as its sentence names it: "Correios AB123BR". */
function shipmentRef(d: Record<string, unknown>): string | null {
  return str(d.carrier) && str(d.trackingNumber) ? `${d.carrier} ${d.trackingNumber}` : null;
}

/** The carrier's own words, when it gave any (shown as they came). */
const carrierWords = (d: Record<string, unknown>) => (str(d.description) ? ` (${d.description})` : "");

type Change = ChangePiece;
const LINE_FIELDS = [
  ["quantity", "quantity", false], ["unitPriceCents", "unitPrice", true], ["discountCents", "discount", true], ["taxCents", "tax", true],
] as const;
const TOTAL_FIELDS = [
  ["subtotalCents", "subtotal"], ["discountCents", "totalDiscount"], ["shippingCents", "shipping"], ["taxCents", "totalTax"], ["totalCents", "total"],
] as const;
/**
 * The params of a change piece as its sentence prints them: amounts as money in the order's currency, or with two
 * decimals when the change was stored before it carried one. `formatNumber`: the reader's (next-intl's format.number).
 */
export type MoneyFormat = { style: "currency"; currency: string } | { minimumFractionDigits: number; maximumFractionDigits: number };

export function changeParams(c: ChangePiece, formatNumber: (v: number, o: MoneyFormat) => string): Record<string, string | number> {
  if (!c.money) return c.params;
  const currency = c.money.currency;
  const fmt = (v: string | number | undefined) =>
    typeof v !== "number" ? String(v ?? "") : formatNumber(v, currency ? { style: "currency", currency } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return { ...c.params, from: fmt(c.params.from), to: fmt(c.params.to) };
}

/** Display only (changeParams formats it as money): the stored amounts stay integer cents. */
const amount = (cents: number) => cents / 100;
const rec = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The channel's unapplied change (diffJson in channel-line-diff.ts) as sentence pieces; null when it is not that shape.
 * `currency`: the order's (stored beside the diff since it carries one; older changes have none).
 */
export function changesOf(diff: unknown, currency?: unknown): Change[] | null {
  if (!rec(diff)) return null;
  const money = { currency: str(currency) ? currency : null };
  const out: Change[] = [];
  const list = (v: unknown) => (Array.isArray(v) ? v.filter(rec) : []);
  for (const c of list(diff.changed)) {
    const { before, after } = c;
    if (!num(c.lineNo) || !rec(before) || !rec(after) || !str(before.sku) || !str(after.sku)) return null;
    if (before.sku !== after.sku) out.push({ key: "sku", params: { line: c.lineNo, from: before.sku, to: after.sku } });
    for (const [field, key, isMoney] of LINE_FIELDS) {
      const [a, b] = [before[field], after[field]];
      if (!num(a) || !num(b)) return null;
      if (a !== b) {
        out.push(isMoney ? { key, params: { line: c.lineNo, sku: before.sku, from: amount(a), to: amount(b) }, money } : { key, params: { line: c.lineNo, sku: before.sku, from: a, to: b } });
      }
    }
  }
  for (const l of list(diff.added)) {
    if (!str(l.sku) || !num(l.quantity)) return null;
    out.push({ key: "added", params: { sku: l.sku, quantity: l.quantity } });
  }
  for (const l of list(diff.removed)) {
    if (!num(l.lineNo) || !str(l.sku) || !num(l.quantity)) return null;
    out.push({ key: "removed", params: { line: l.lineNo, sku: l.sku, quantity: l.quantity } });
  }
  if (rec(diff.totals) && rec(diff.totals.before) && rec(diff.totals.after)) {
    const { before, after } = diff.totals;
    for (const [field, key] of TOTAL_FIELDS) {
      const [a, b] = [before[field], after[field]];
      if (num(a) && num(b) && a !== b) out.push({ key, params: { from: amount(a), to: amount(b) }, money });
    }
  }
  return out.length ? out : null;
}

/** REFUND_DUE (order/refund-due.ts): what the customer paid (before or after the cancel), what went back already, what is still owed. */
function refundDueText(d: Record<string, unknown>, orderNumber: number | null): ExceptionText | null {
  if (!str(d.currency) || !num(d.totalCents) || orderNumber === null) return null;
  const refunded = num(d.refundedCents) ? d.refundedCents : 0;
  if (!num(d.paidCents)) {
    return { key: "REFUND_DUE_PARTLY_PAID", params: { order: orderNumber, total: amount(d.totalCents) }, money: { params: ["total"], currency: d.currency } };
  }
  const paid = { order: orderNumber, paid: amount(d.paidCents) };
  if (refunded <= 0) return { key: d.paidAfterCancel === true ? "REFUND_DUE_PAID_AFTER_CANCEL" : "REFUND_DUE", params: paid, money: { params: ["paid"], currency: d.currency } };
  return {
    key: "REFUND_DUE_PARTLY_REFUNDED",
    params: { ...paid, refunded: amount(refunded), due: amount(Math.max(d.paidCents - refunded, 0)) },
    money: { params: ["paid", "refunded", "due"], currency: d.currency },
  };
}

export function exceptionText(type: string, data: unknown, orderNumber: number | null, timeZone = "UTC"): ExceptionText | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  switch (type) {
    case "LOW_STOCK":
    case "OUT_OF_STOCK": {
      if (typeof d.sku !== "string" || typeof d.warehouse !== "string" || typeof d.available !== "number") return null;
      const reorderPoint = typeof d.reorderPoint === "number" ? d.reorderPoint : 0;
      return { key: type, params: { sku: d.sku, warehouse: d.warehouse, available: d.available, reorderPoint } };
    }
    case "ORDER_BACKORDERED":
    case "UNKNOWN_SKU": {
      const lines = linesOf(d);
      if (lines === null || orderNumber === null) return null;
      return { key: type, params: { order: orderNumber, lines } };
    }
    case "STOCK_RESERVATION_FAILED":
      return str(d.error) ? { key: type, params: { error: d.error } } : null;
    case "CHANNEL_CANCEL_REFUSED":
      return str(d.status) ? { key: type, params: { status: d.status }, orderStatusParam: "status" } : null;
    case "SHORT_PICK": {
      const lines = Array.isArray(d.lines) ? (d.lines as Record<string, unknown>[]) : [];
      if (!num(d.pickListNumber) || orderNumber === null || lines.length === 0) return null;
      if (!lines.every((l) => str(l.sku) && str(l.bin) && num(l.asked) && num(l.picked))) return null;
      const units = lines.reduce((n, l) => n + (l.asked as number) - (l.picked as number), 0);
      return {
        key: type,
        params: {
          list: d.pickListNumber, order: orderNumber, units, putBack: num(d.putBack) ? d.putBack : 0,
          skus: [...new Set(lines.map((l) => l.sku as string))].join(", "), bins: [...new Set(lines.map((l) => l.bin as string))].join(", "),
          binCount: new Set(lines.map((l) => l.bin as string)).size,
        },
      };
    }
    case "DELIVERY_FAILED":
    case "RETURNED_TO_SENDER": {
      const shipment = shipmentRef(d);
      return shipment ? { key: type, params: { shipment, detail: carrierWords(d) } } : null;
    }
    case "SHIPMENT_STALLED": {
      const shipment = shipmentRef(d);
      const since = localTime(d.lastMovementAt, timeZone, true);
      if (!shipment || !since || !num(d.days) || orderNumber === null) return null;
      return { key: type, params: { shipment, order: orderNumber, since, days: d.days } };
    }
    case "SHIPMENT_LATE": {
      const shipment = shipmentRef(d);
      if (!shipment || orderNumber === null) return null;
      if (d.reason === "SHIPPED_AFTER_SHIP_BY") {
        const date = localTime(d.shipBy, timeZone, false);
        return date ? { key: "SHIPMENT_LATE_SHIPPED_AFTER_SHIP_BY", params: { shipment, order: orderNumber, date } } : null;
      }
      if (d.reason === "DELIVERY_OVERDUE" && num(d.transitDays)) {
        const date = localTime(d.shipBy, timeZone, false, d.transitDays);
        return date ? { key: "SHIPMENT_LATE_DELIVERY_OVERDUE", params: { shipment, order: orderNumber, date } } : null;
      }
      return null;
    }
    case "CHANNEL_ORDER_CHANGED": {
      const changes = changesOf(d.diff, d.currency);
      if (!changes || !str(d.orderStatus) || orderNumber === null) return null;
      return { key: type, params: { order: orderNumber, status: d.orderStatus }, orderStatusParam: "status", changes };
    }
    case "REFUND_DUE":
      return refundDueText(d, orderNumber);
    case "ADDRESS_INCOMPLETE": {
      const fields = Array.isArray(d.missing) ? d.missing.filter((f): f is string => (CARRIER_ADDRESS_FIELDS as readonly unknown[]).includes(f)) : [];
      if (fields.length === 0 || orderNumber === null) return null;
      return { key: type, params: { order: orderNumber, missing: fields.join(",") }, addressFieldsParam: "missing" };
    }
    default:
      return null;
  }
}
