/**
 * From parsed CSV rows to draft orders, without the database: header mapping,
 * every field of every row checked (all problems of a row reported, each with
 * its column; every readable SKU cell is handed on for the catalogue check even
 * when other cells of its row failed), rows grouped into orders by
 * order_external_id, and order
 * details compared across the rows of an order (after normalising: "10,00"
 * and "10.00" agree; an empty shipping is 0, an empty payment status PENDING).
 */
import { z } from "zod";
import { isPlausiblePhone, normalizeCep, normalizeUf, parseDocument } from "@/server/lib/br-documents";
import { AmbiguousDecimalError, parseBrazilianOrDotDecimal } from "@/server/lib/money";
import { parseDateTimeInZone, ymdInZone } from "@/server/lib/zoned-time";
import { CSV_COLUMNS, CSV_PAYMENT_STATUS, columnForHeader, type CsvColumnKey } from "@/server/services/order/csv-order-columns";
import { csvIssue, type CsvIssue } from "@/server/services/order/csv-order-issues";
import { MAX_CENTS, MAX_QUANTITY } from "@/server/services/order/manual-order-input";

export const MAX_IMPORT_ROWS = 50_000;
/** Earliest placed-at day (in the merchant's time zone) an import accepts: anything older is a typo (1990 for 2019), not a real order. */
export const MIN_PLACED_AT_DAY = "20000101";
/** How far in the future a placed-at may be (clock skew, time zones); later would top "newest first" forever. */
export const MAX_PLACED_AT_AHEAD_MS = 24 * 60 * 60 * 1000;

/** Why a placed-at cannot be an order's date, or null when it can (also used by other order entry paths). */
export function placedAtProblem(at: Date, when: { now: Date; timeZone: string }): "date_in_future" | "date_too_old" | null {
  if (at.getTime() > when.now.getTime() + MAX_PLACED_AT_AHEAD_MS) return "date_in_future";
  if (ymdInZone(at, when.timeZone) < MIN_PLACED_AT_DAY) return "date_too_old";
  return null;
}

export interface DraftOrderHeader {
  externalNumber?: string;
  placedAt: Date;
  customer: { name: string; email?: string; phone?: string; document?: string };
  address: { line1: string; line2?: string; district?: string; city: string; state: string; postalCode: string };
  shippingCents: number;
  /** Undefined: the channel's default currency. */
  currency?: string;
  paymentStatus: "PENDING" | "AUTHORIZED" | "PAID";
  paymentMethod?: string;
  note?: string;
}

export interface DraftLine {
  row: number;
  sku: string;
  quantity: number;
  /** Null: the catalogue price. */
  unitPriceCents: number | null;
  discountCents: number;
}

export interface DraftOrder {
  externalId: string;
  rows: number[];
  /** From the order's first row; null when that row's order details have errors. */
  header: DraftOrderHeader | null;
  lines: DraftLine[];
}

export interface ReadResult {
  orders: DraftOrder[];
  issues: CsvIssue[];
  /** Non-blank data rows. */
  total: number;
  /** Column key → header as written in the file. */
  headers: Partial<Record<CsvColumnKey, string>>;
  /**
   * Every readable SKU cell, also on rows that make no line (a bad quantity or
   * price, no order id): the catalogue check reports an unknown or inactive
   * SKU together with the row's other problems, not after they are fixed.
   */
  skuCells: { row: number; sku: string }[];
}

type Parsed = Partial<Record<CsvColumnKey, string | number | Date | undefined>>;

const ORDER_KEYS = CSV_COLUMNS.filter((c) => c.level === "order" && c.key !== "orderExternalId").map((c) => c.key);

/** What an empty cell means, so that "" and its default agree across the rows of an order. */
const DEFAULTS: Partial<Record<CsvColumnKey, string>> = { shipping: "0", paymentStatus: "PENDING" };

function comparable(key: CsvColumnKey, v: Parsed[CsvColumnKey]): string {
  if (v instanceof Date) return v.toISOString();
  return v === undefined ? (DEFAULTS[key] ?? "") : String(v);
}

export function readOrderRows(rows: readonly string[][], opts: { timeZone: string; maxRows?: number; now?: Date }): ReadResult {
  const now = opts.now ?? new Date();
  const issues: CsvIssue[] = [];
  const header = rows[0];
  const dataRows = rows.slice(1).map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (!header || dataRows.length === 0) return { orders: [], issues: [csvIssue(1, "", "empty_file")], total: 0, headers: {}, skuCells: [] };
  const maxRows = opts.maxRows ?? MAX_IMPORT_ROWS;
  if (dataRows.length > maxRows) return { orders: [], issues: [csvIssue(1, "", "too_many_rows", { max: maxRows })], total: dataRows.length, headers: {}, skuCells: [] };

  // Header → column keys.
  const keyAt: (CsvColumnKey | null)[] = [];
  const headers: Partial<Record<CsvColumnKey, string>> = {};
  for (const text of header) {
    // A column without a header is allowed as long as it stays empty (checked per row).
    const col = text.trim() === "" ? undefined : columnForHeader(text);
    keyAt.push(col?.key ?? null);
    if (text.trim() === "") continue;
    if (!col) issues.push(csvIssue(1, text.trim(), "unknown_column", { column: text.trim() }));
    else if (headers[col.key] !== undefined) issues.push(csvIssue(1, text.trim(), "duplicate_column", { column: text.trim() }));
    else headers[col.key] = text.trim();
  }
  for (const c of CSV_COLUMNS) if (c.required && headers[c.key] === undefined) issues.push(csvIssue(1, c.name, "missing_column", { column: c.name }));
  if (issues.length > 0) return { orders: [], issues, total: dataRows.length, headers, skuCells: [] };

  const skuCells: ReadResult["skuCells"] = [];
  const groups = new Map<string, { order: DraftOrder; first: { row: number; values: Parsed; failed: Set<CsvColumnKey> } }>();
  for (const { row, cells } of dataRows) {
    const raw: Partial<Record<CsvColumnKey, string>> = {};
    cells.forEach((cell, i) => {
      const key = keyAt[i];
      if (key) raw[key] = cell.trim();
      else if (cell.trim() !== "") issues.push(csvIssue(row, "", "extra_fields", { position: i + 1 }));
    });
    const { values, failed } = parseRow(row, raw, headers, { timeZone: opts.timeZone, now }, issues);
    if (typeof values.sku === "string") skuCells.push({ row, sku: values.sku });
    const externalId = values.orderExternalId as string | undefined;
    if (externalId === undefined) continue;
    const group = groups.get(externalId);
    const line: DraftLine | null =
      failed.has("sku") || failed.has("quantity") || failed.has("unitPrice") || failed.has("discount")
        ? null
        : { row, sku: values.sku as string, quantity: values.quantity as number, unitPriceCents: (values.unitPrice as number | undefined) ?? null, discountCents: (values.discount as number | undefined) ?? 0 };
    if (!group) {
      const orderFailed = ORDER_KEYS.some((k) => failed.has(k));
      groups.set(externalId, {
        order: { externalId, rows: [row], header: orderFailed ? null : toHeader(values), lines: line ? [line] : [] },
        first: { row, values, failed },
      });
      continue;
    }
    group.order.rows.push(row);
    if (line) group.order.lines.push(line);
    for (const key of ORDER_KEYS) {
      if (failed.has(key) || group.first.failed.has(key)) continue;
      const mine = comparable(key, values[key]);
      const theirs = comparable(key, group.first.values[key]);
      if (mine !== theirs) issues.push(csvIssue(row, headers[key] ?? key, "differs_from_first_row", { row: group.first.row, value: raw[key] ?? "" }));
    }
  }
  return { orders: [...groups.values()].map((g) => g.order), issues, total: dataRows.length, headers, skuCells };
}

function toHeader(v: Parsed): DraftOrderHeader {
  const s = (k: CsvColumnKey) => v[k] as string | undefined;
  return {
    externalNumber: s("channelExternalId"),
    placedAt: v.placedAt as Date,
    customer: { name: s("customerName") as string, email: s("customerEmail"), phone: s("customerPhone"), document: s("customerDocument") },
    address: {
      line1: s("addressLine1") as string,
      line2: s("addressLine2"),
      district: s("district"),
      city: s("city") as string,
      state: s("state") as string,
      postalCode: s("postalCode") as string,
    },
    shippingCents: (v.shipping as number | undefined) ?? 0,
    currency: s("currency"),
    paymentStatus: (s("paymentStatus") as DraftOrderHeader["paymentStatus"] | undefined) ?? "PENDING",
    paymentMethod: s("paymentMethod"),
    note: s("note"),
  };
}

function parseRow(
  row: number,
  raw: Partial<Record<CsvColumnKey, string>>,
  headers: Partial<Record<CsvColumnKey, string>>,
  when: { timeZone: string; now: Date },
  issues: CsvIssue[],
): { values: Parsed; failed: Set<CsvColumnKey> } {
  const values: Parsed = {};
  const failed = new Set<CsvColumnKey>();
  for (const col of CSV_COLUMNS) {
    const text = raw[col.key] ?? "";
    const column = headers[col.key] ?? col.name;
    const fail = (code: Parameters<typeof csvIssue>[2], params: Record<string, string | number> = { value: text }) => {
      issues.push(csvIssue(row, column, code, params));
      failed.add(col.key);
    };
    if (text === "") {
      if (col.required) fail("required", {});
      continue;
    }
    if (text.length > col.maxLength && col.key !== "currency") {
      fail("too_long", { max: col.maxLength });
      continue;
    }
    const parsed = parseField(col.key, text, when);
    if (typeof parsed === "object" && parsed !== null && "issue" in parsed) fail(parsed.issue, parsed.params ?? { value: text });
    else values[col.key] = parsed;
  }
  return { values, failed };
}

type FieldResult = string | number | Date | { issue: Parameters<typeof csvIssue>[2]; params?: Record<string, string | number> };

function amount(text: string): FieldResult {
  try {
    const cents = parseBrazilianOrDotDecimal(text);
    if (cents < 0) return { issue: "negative_amount" };
    if (cents > MAX_CENTS) return { issue: "amount_too_large", params: {} };
    return cents;
  } catch (e) {
    return { issue: e instanceof AmbiguousDecimalError ? "ambiguous_amount" : "invalid_amount" };
  }
}

function placedAt(text: string, when: { timeZone: string; now: Date }): FieldResult {
  const at = parseDateTimeInZone(text, when.timeZone);
  if (!at) return { issue: "invalid_date" };
  const problem = placedAtProblem(at, when);
  return problem ? { issue: problem } : at;
}

function parseField(key: CsvColumnKey, text: string, when: { timeZone: string; now: Date }): FieldResult {
  switch (key) {
    case "placedAt":
      return placedAt(text, when);
    case "customerEmail":
      return z.email().safeParse(text).success ? text.toLowerCase() : { issue: "invalid_email" };
    case "customerPhone":
      return isPlausiblePhone(text) ? text : { issue: "invalid_phone" };
    case "customerDocument":
      return parseDocument(text)?.value ?? { issue: "invalid_document" };
    case "state":
      return normalizeUf(text) ?? { issue: "invalid_uf" };
    case "postalCode":
      return normalizeCep(text) ?? { issue: "invalid_cep" };
    case "quantity": {
      const n = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
      return n >= 1 && n <= MAX_QUANTITY ? n : { issue: "invalid_quantity", params: { value: text, max: MAX_QUANTITY } };
    }
    case "unitPrice":
    case "discount":
    case "shipping":
      return amount(text);
    case "currency":
      return /^[A-Za-z]{3}$/.test(text) ? text.toUpperCase() : { issue: "invalid_currency" };
    case "paymentStatus":
      return CSV_PAYMENT_STATUS[text.toLowerCase()] ?? { issue: "invalid_payment_status" };
    default:
      return text;
  }
}
