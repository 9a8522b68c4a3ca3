/**
 * CSV export of the orders list's current filter and sort. Streamed: rows are
 * read in keyset batches (never all at once, never OFFSET) and written as they
 * come, up to EXPORT_MAX_ROWS; beyond that the file ends with a line saying so.
 * Written for the reader's spreadsheet, like the catalogue export: the header
 * and the statuses, platform and yes/no in the user's language (labels come
 * from the caller, which knows the request's locale); in pt-BR the delimiter
 * is ";" and money has a decimal comma ("1234,56", what Excel in Brazil
 * reads), in English "," and "1234.56". Times are ISO 8601 UTC plus the
 * merchant's wall time.
 */
import type { SessionUser } from "@/server/auth/options";
import { toCsv, type CsvCell, type CsvDelimiter } from "@/server/lib/csv";
import type { Locale } from "@/server/i18n/locales";
import { formatCsvPrice } from "@/server/services/catalog/catalog-csv-columns";
import { assertMayViewOrders } from "@/server/services/order/order-access";
import type { FulfillmentStatus, OrderStatus, PaymentStatus } from "@/server/services/order/order-dimensions";
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
  /** The values a person reads as words: order, payment and fulfilment statuses, platforms, yes / no. */
  values: {
    status: Record<OrderStatus, string>;
    paymentStatus: Record<PaymentStatus, string>;
    fulfillmentStatus: Record<FulfillmentStatus, string>;
    platform: Record<string, string>;
    yes: string;
    no: string;
  };
  /** The last line when the export stopped at the cap. */
  truncated: string;
}

/** The spreadsheet convention of the reader's language (as the catalogue export): ";" in pt-BR, "," in English. */
export function ordersCsvDelimiter(locale: Locale): CsvDelimiter {
  return locale === "pt-BR" ? ";" : ",";
}

function rowCells(r: OrderRow, opts: { timeZone: string; locale: Locale; labels: CsvLabels }): CsvCell[] {
  const v = opts.labels.values;
  return [
    r.number,
    r.externalNumber,
    r.channel.name,
    v.platform[r.channel.platform] ?? r.channel.platform,
    r.customerName,
    r.customerEmail,
    v.status[r.status as OrderStatus] ?? r.status,
    v.paymentStatus[r.paymentStatus as PaymentStatus] ?? r.paymentStatus,
    v.fulfillmentStatus[r.fulfillmentStatus as FulfillmentStatus] ?? r.fulfillmentStatus,
    r.onHold ? v.yes : v.no,
    formatCsvPrice(r.totalCents, opts.locale),
    r.currency,
    r.lineCount,
    r.placedAt.toISOString(),
    formatInZone(r.placedAt, opts.timeZone),
    r.shipBy?.toISOString() ?? null,
    r.shipBy ? formatInZone(r.shipBy, opts.timeZone) : null,
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
  /** The reader's language: delimiter and decimal separator (labels are already in it). */
  locale: Locale;
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

  const delimiter = ordersCsvDelimiter(opts.locale);
  const write = (rows: CsvCell[][], bom = false) => toCsv(rows, { delimiter, guardFormulas: true, bom });
  yield write([CSV_COLUMNS.map((c) => opts.labels.columns[c])], true);
  let written = 0;
  let cursor: string | null = null;
  for (;;) {
    const limit = Math.min(batchSize, maxRows - written);
    const page: { rows: OrderRow[]; nextCursor: string | null } = await fetchOrderPage({ filter, sort, cursor, limit, ctx, withEmail: true });
    if (page.rows.length > 0) yield write(page.rows.map((r) => rowCells(r, opts)));
    written += page.rows.length;
    cursor = page.nextCursor;
    if (cursor === null) return;
    if (written >= maxRows) {
      yield write([[opts.labels.truncated]]);
      return;
    }
  }
}
