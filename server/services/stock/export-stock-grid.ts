/**
 * CSV export of the stock grid with the grid's own filters (stockGridInput:
 * warehouse, LOW / OUT / BACKORDERED, search, inactive SKUs). Streamed: the
 * grid is read page by page (keyset by SKU code, getStockGrid) and each page
 * is written as it comes, so 10,000 SKUs never sit in memory at once.
 *
 * One row per SKU with the totals over the selected warehouses, then on hand
 * and available per warehouse. Column names are stable identifiers (README
 * "Stock"), not translated, so a spreadsheet or script can rely on them.
 */
import { z } from "zod";
import { toCsv, type CsvCell } from "@/server/lib/csv";
import { getStockGrid, stockGridInput, type GridRow } from "@/server/services/stock/get-stock-grid";

export const stockExportInput = stockGridInput.omit({ after: true, limit: true });
export type StockExportInput = z.input<typeof stockExportInput>;

export const STOCK_EXPORT_COLUMNS = [
  "sku", "name", "ean", "active", "health", "reorder_point",
  "on_hand", "reserved", "unavailable", "safety", "available", "incoming", "sold_30d", "backordered",
] as const;

const PAGE = 200;

function cells(r: GridRow, warehouseIds: readonly string[]): CsvCell[] {
  const t = r.total;
  const perWarehouse = warehouseIds.flatMap((id) => {
    const w = r.warehouses.find((x) => x.warehouseId === id);
    return [w?.onHand ?? 0, w?.available ?? 0];
  });
  return [
    r.code, r.name, r.ean, r.active ? "yes" : "no", r.health, r.reorderPoint,
    t.onHand, t.reserved, t.unavailable, t.safety, t.available, t.incoming, t.sold30d, r.backorderedUnits,
    ...perWarehouse,
  ];
}

/** Yields the file in chunks: a UTF-8 BOM and the header first, then one chunk per page of SKUs. */
export async function* exportStockGridCsv(raw: StockExportInput, opts: { pageSize?: number } = {}): AsyncGenerator<string> {
  const input = stockExportInput.parse(raw);
  const limit = opts.pageSize ?? PAGE;
  let page = await getStockGrid({ ...input, limit });
  const warehouses = page.warehouses;
  const ids = warehouses.map((w) => w.id);
  const header = [...STOCK_EXPORT_COLUMNS, ...warehouses.flatMap((w) => [`on_hand_${w.code}`, `available_${w.code}`])];
  yield toCsv([header], { bom: true });
  for (;;) {
    if (page.rows.length > 0) yield toCsv(page.rows.map((r) => cells(r, ids)), { guardFormulas: true });
    if (page.nextCursor === null) return;
    page = await getStockGrid({ ...input, limit, after: page.nextCursor });
  }
}
