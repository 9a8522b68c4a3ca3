/**
 * CSV export of the orders list's current filter and sort. Streamed: rows are
 * read in keyset batches (never all at once, never OFFSET) and written as they
 * come, up to EXPORT_MAX_ROWS; beyond that the file ends with a line saying so.
 * Money is a decimal string ("1234.56"), times are ISO 8601 UTC plus the
 * merchant's wall time; the header is in the user's language (labels come
 * from the caller, which knows the request's locale).
 */
import type { SessionUser } from "@/server/auth/options";
import { centsToDecimalString } from "@/server/lib/money";
import { assertMayViewOrders } from "@/server/services/order/order-access";
import { DEFAULT_ORDER_SORT, type OrderFilter, type OrderSort } from "@/server/services/order/order-filters";
import { fetchOrderPage, filterContext, type OrderRow } from "@/server/services/order/list-orders";
import { formatInZone } from "@/server/lib/zoned-time";

export const EXPORT_BATCH_SIZE = 5_000;
export const EXPORT_MAX_ROWS = 100_000;

export const CSV_COLUMNS = [
  "number",
  "externalNumber",
  "channel",
  "platform",
  "customerName",
  "customerEmail",
  "status",
  "paymentStatus",
  "fulfillmentStatus",
  "onHold",
  "total",
  "currency",
  "lines",
  "placedAtUtc",
  "placedAtLocal",
  "shipByUtc",
  "shipByLocal",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface CsvLabels {
  columns: Record<CsvColumn, string>;
  /** The last line when the export stopped at the cap. */
  truncated: string;
}

type Cell = string | number | boolean | null;

/** RFC 4180 quoting; text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: Cell, text = false): string {
  if (value === null) return "";
  let s = String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const EOL = "\r\n";

function csvLine(cells: string[]): string {
  return cells.join(",") + EOL;
}

function rowCells(r: OrderRow, timeZone: string): string[] {
  return [
    csvCell(r.number),
    csvCell(r.externalNumber, true),
    csvCell(r.channel.name, true),
    csvCell(r.channel.platform),
    csvCell(r.customerName, true),
    csvCell(r.customerEmail, true),
    csvCell(r.status),
    csvCell(r.paymentStatus),
    csvCell(r.fulfillmentStatus),
    csvCell(r.onHold),
    csvCell(centsToDecimalString(r.totalCents)),
    csvCell(r.currency),
    csvCell(r.lineCount),
    csvCell(r.placedAt.toISOString()),
    csvCell(formatInZone(r.placedAt, timeZone)),
    csvCell(r.shipBy?.toISOString() ?? null),
    csvCell(r.shipBy ? formatInZone(r.shipBy, timeZone) : null),
  ];
}

/** Yields the file in chunks: a UTF-8 BOM and the header first (so spreadsheets read accents), then one chunk per batch. */
export async function* exportOrdersCsv(opts: {
  actor: SessionUser;
  filter?: OrderFilter;
  sort?: OrderSort;
  labels: CsvLabels;
  /** The merchant's time zone for the local-time columns. */
  timeZone: string;
  now?: Date;
  maxRows?: number;
  batchSize?: number;
}): AsyncGenerator<string> {
  assertMayViewOrders(opts.actor);
  const filter = opts.filter ?? {};
  const sort = opts.sort ?? DEFAULT_ORDER_SORT;
  const maxRows = opts.maxRows ?? EXPORT_MAX_ROWS;
  const batchSize = opts.batchSize ?? EXPORT_BATCH_SIZE;
  const ctx = await filterContext(filter, opts.now, opts.timeZone);

  yield "\uFEFF" + csvLine(CSV_COLUMNS.map((c) => csvCell(opts.labels.columns[c], true)));
  let written = 0;
  let cursor: string | null = null;
  for (;;) {
    const limit = Math.min(batchSize, maxRows - written);
    const page: { rows: OrderRow[]; nextCursor: string | null } = await fetchOrderPage({ filter, sort, cursor, limit, ctx, withEmail: true });
    if (page.rows.length > 0) yield page.rows.map((r) => csvLine(rowCells(r, opts.timeZone))).join("");
    written += page.rows.length;
    cursor = page.nextCursor;
    if (cursor === null) return;
    if (written >= maxRows) {
      yield csvLine([csvCell(opts.labels.truncated, true)]);
      return;
    }
  }
}
