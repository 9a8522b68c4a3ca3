/**
 * The words of the stock CSV in the reader's language, from a next-intl translator over the whole catalogue
 * (getTranslations() in the route, createTranslator in tests): the header (stock.csv.columns.*, with the
 * per-warehouse pair stock.csv.onHandAt / availableAt), the health words and yes / no (stock.csv.*), and the
 * file name. English keeps the README's identifiers; Portuguese headers are snake_case without accents (as the
 * catalogue's) and never one of the cycle-count import's column names, so an exported file with count columns
 * added reads back (stock-count-rows.ts).
 */
import type { Locale } from "@/server/i18n/locales";
import type { Say } from "@/server/services/order/export-labels";
import { STOCK_EXPORT_COLUMNS, type StockCsvLabels, type StockExportColumn } from "@/server/services/stock/export-stock-grid";
import type { StockHealth } from "@/server/services/stock/stock-math";

const HEALTH: readonly StockHealth[] = ["OUT", "LOW", "OK"];

export function stockCsvLabels(say: Say): StockCsvLabels {
  return {
    columns: Object.fromEntries(STOCK_EXPORT_COLUMNS.map((c) => [c, say(`stock.csv.columns.${c}`)])) as Record<StockExportColumn, string>,
    onHandAt: (warehouse) => say("stock.csv.onHandAt", { warehouse }),
    availableAt: (warehouse) => say("stock.csv.availableAt", { warehouse }),
    health: Object.fromEntries(HEALTH.map((h) => [h, say(`stock.csv.health.${h}`)])) as Record<StockHealth, string>,
    yes: say("stock.csv.yes"),
    no: say("stock.csv.no"),
  };
}

/** The download's name before the time stamp, in the reader's language like the catalogue's: "stock" / "estoque". */
export function stockCsvFilePrefix(locale: Locale): string {
  return locale === "pt-BR" ? "estoque" : "stock";
}
