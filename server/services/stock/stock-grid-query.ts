/**
 * The /stock page's URL: filters, search and the keyset cursor as query
 * parameters (shareable; the back button undoes a change). Pure, shared by
 * the page (server) and the filter bar (client).
 */
import { z } from "zod";

export const STOCK_GRID_FILTERS = ["ALL", "LOW", "OUT", "BACKORDERED"] as const;
export type StockGridFilter = (typeof STOCK_GRID_FILTERS)[number];
export const STOCK_GRID_PAGE_SIZE = 50;

export interface StockGridQuery {
  warehouseId?: string;
  filter: StockGridFilter;
  search?: string;
  /** Last SKU code of the previous page. */
  after?: string;
}

const schema = {
  warehouseId: z.string().uuid(),
  filter: z.enum(STOCK_GRID_FILTERS),
  search: z.string().trim().min(1).max(100),
  after: z.string().min(1).max(200),
};
type Key = keyof typeof schema;
const KEYS = Object.keys(schema) as Key[];

type ParamSource = Record<string, string | string[] | undefined> | URLSearchParams;

function read(source: ParamSource, key: string): string | undefined {
  if (source instanceof URLSearchParams) return source.get(key) ?? undefined;
  const v = source[key];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads the query; values that do not parse are dropped and named in `invalid`. */
export function parseStockGridQuery(source: ParamSource): { query: StockGridQuery; invalid: string[] } {
  const query: StockGridQuery = { filter: "ALL" };
  const invalid: string[] = [];
  for (const key of KEYS) {
    const raw = read(source, key);
    if (raw === undefined || raw === "") continue;
    const parsed = schema[key].safeParse(raw);
    if (!parsed.success) invalid.push(key);
    else if (key === "filter") query.filter = parsed.data as StockGridFilter;
    else query[key] = parsed.data;
  }
  return { query, invalid };
}

/** The URL form of a query (defaults omitted), the inverse of parseStockGridQuery. */
export function stockGridQueryString(query: StockGridQuery): string {
  const params = new URLSearchParams();
  if (query.warehouseId) params.set("warehouseId", query.warehouseId);
  if (query.filter !== "ALL") params.set("filter", query.filter);
  if (query.search) params.set("search", query.search);
  if (query.after) params.set("after", query.after);
  return params.toString();
}

export function stockGridHref(query: StockGridQuery): string {
  const qs = stockGridQueryString(query);
  return qs ? `/stock?${qs}` : "/stock";
}
