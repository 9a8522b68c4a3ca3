/**
 * CSV export of the stock grid with the grid's own filters (stockGridInput:
 * warehouse, LOW / OUT / BACKORDERED, search, inactive SKUs). Streamed: the
 * grid is read page by page (keyset by SKU code, getStockGrid) and each page
 * is written as it comes, so 10,000 SKUs never sit in memory at once.
 *
 * One row per SKU with the totals over the selected warehouses, then on hand
 * and available per warehouse. Written for the reader's spreadsheet like the
 * catalogue and orders exports: the words (header, health, yes / no) come
 * from the caller's labels in the user's language (stock.csv.*, see
 * export-stock-labels.ts) — in English they are the stable identifiers of
 * README "Stock CSV export", so scripts keep working — and pt-BR files use
 * ";" as delimiter (Excel in Brazil), English ",". Quantities are whole
 * numbers without thousands separators in both, so no reader takes one for
 * a decimal.
 */
import { z } from "zod";
import { toCsv, type CsvCell, type CsvDelimiter } from "@/server/lib/csv";
import type { Locale } from "@/server/i18n/locales";
import { getStockGrid, stockGridInput, type GridRow } from "@/server/services/stock/get-stock-grid";
import type { StockHealth } from "@/server/services/stock/stock-math";

export const stockExportInput = stockGridInput.omit({ after: true, limit: true });
export type StockExportInput = z.input<typeof stockExportInput>;

export const STOCK_EXPORT_COLUMNS = [
  "sku", "name", "ean", "active", "health", "reorder_point",
  "on_hand", "reserved", "unavailable", "safety", "available", "incoming", "sold_30d", "backordered",
] as const;
export type StockExportColumn = (typeof STOCK_EXPORT_COLUMNS)[number];

export interface StockCsvLabels {
  columns: Record<StockExportColumn, string>;
  /** The per-warehouse headers, e.g. on_hand_SP1 / em_maos_SP1. */
  onHandAt: (warehouse: string) => string;
  availableAt: (warehouse: string) => string;
  health: Record<StockHealth, string>;
  yes: string;
  no: string;
}

/** The English file: the README's identifiers. */
export const STOCK_CSV_IDENTIFIERS: StockCsvLabels = {
  columns: Object.fromEntries(STOCK_EXPORT_COLUMNS.map((c) => [c, c])) as Record<StockExportColumn, string>,
  onHandAt: (w) => `on_hand_${w}`,
  availableAt: (w) => `available_${w}`,
  health: { OUT: "OUT", LOW: "LOW", OK: "OK" },
  yes: "yes",
  no: "no",
};

/** The spreadsheet convention of the reader's language (as the catalogue and orders exports): ";" in pt-BR, "," in English. */
export function stockCsvDelimiter(locale: Locale): CsvDelimiter {
  return locale === "pt-BR" ? ";" : ",";
}

const PAGE = 200;

function cells(r: GridRow, warehouseIds: readonly string[], labels: StockCsvLabels): CsvCell[] {
  const t = r.total;
  const perWarehouse = warehouseIds.flatMap((id) => {
    const w = r.warehouses.find((x) => x.warehouseId === id);
    return [w?.onHand ?? 0, w?.available ?? 0];
  });
  return [
    r.code, r.name, r.ean, r.active ? labels.yes : labels.no, labels.health[r.health], r.reorderPoint,
    t.onHand, t.reserved, t.unavailable, t.safety, t.available, t.incoming, t.sold30d, r.backorderedUnits,
    ...perWarehouse,
  ];
}

/** Yields the file in chunks: a UTF-8 BOM and the header first, then one chunk per page of SKUs. */
export async function* exportStockGridCsv(
  raw: StockExportInput,
  opts: { pageSize?: number; locale?: Locale; labels?: StockCsvLabels } = {},
): AsyncGenerator<string> {
  const input = stockExportInput.parse(raw);
  const limit = opts.pageSize ?? PAGE;
  const labels = opts.labels ?? STOCK_CSV_IDENTIFIERS;
  const delimiter = stockCsvDelimiter(opts.locale ?? "en");
  let page = await getStockGrid({ ...input, limit });
  const warehouses = page.warehouses;
  const ids = warehouses.map((w) => w.id);
  const header = [...STOCK_EXPORT_COLUMNS.map((c) => labels.columns[c]), ...warehouses.flatMap((w) => [labels.onHandAt(w.code), labels.availableAt(w.code)])];
  yield toCsv([header], { bom: true, delimiter });
  for (;;) {
    if (page.rows.length > 0) yield toCsv(page.rows.map((r) => cells(r, ids, labels)), { guardFormulas: true, delimiter });
    if (page.nextCursor === null) return;
    page = await getStockGrid({ ...input, limit, after: page.nextCursor });
  }
}
