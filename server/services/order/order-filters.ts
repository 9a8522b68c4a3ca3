/**
 * The one filter shape of the orders workspace, shared by the list, the status
 * counts, the CSV export and the URL of the orders page (so a filtered view can
 * be shared and the back button works). Pure: safe to import from the browser.
 */
import { z } from "zod";
import {
  FULFILLMENT_STATUSES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
} from "@/server/services/order/order-dimensions";

/** Stages after which a ship-by date no longer matters (same list as the partial index in the migration). */
export const SHIPPED_OR_CLOSED = ["SHIPPED", "DELIVERED", "RETURN_REQUESTED", "RETURNED", "CANCELLED"] as const;

export const ORDER_SORTS = ["placed_desc", "placed_asc", "total_desc", "ship_by_asc"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
export const DEFAULT_ORDER_SORT: OrderSort = "placed_desc";

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;

const day = z.iso.date();

export const orderFilterSchema = z.object({
  channelId: z.guid().optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  paymentStatus: z.enum(PAYMENT_STATUSES).optional(),
  fulfillmentStatus: z.enum(FULFILLMENT_STATUSES).optional(),
  onHold: z.boolean().optional(),
  /** First day placed (inclusive), a calendar day in the merchant's time zone. */
  from: day.optional(),
  /** Last day placed (inclusive), a calendar day in the merchant's time zone. */
  to: day.optional(),
  /** Ship-by date passed and not shipped yet. */
  overdue: z.boolean().optional(),
  /** Order number (#1042), channel id/number, e-mail, customer name prefix or exact SKU. */
  q: z.string().trim().max(120).optional(),
});
export type OrderFilter = z.infer<typeof orderFilterSchema>;

export const orderSortSchema = z.enum(ORDER_SORTS);

export const orderListInput = z.object({
  filter: orderFilterSchema.default({}),
  sort: orderSortSchema.default(DEFAULT_ORDER_SORT),
  /** Opaque keyset cursor from the previous page's nextCursor. */
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
});
export type OrderListInput = z.input<typeof orderListInput>;

// ─── URL search params ───

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function readParam(source: ParamSource, key: string): string | undefined {
  const v = source instanceof URLSearchParams ? (source.get(key) ?? undefined) : source[key];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined || first.trim() === "" ? undefined : first;
}

/** "true"/"false" become booleans; anything else stays a string and fails validation. */
const bool = (v: string): boolean | string => (v === "true" ? true : v === "false" ? false : v);

const FILTER_KEYS = ["channelId", "status", "paymentStatus", "fulfillmentStatus", "onHold", "from", "to", "overdue", "q"] as const;

export interface ParsedOrderQuery {
  filter: OrderFilter;
  sort: OrderSort;
  /** Parameters that were present but not valid (dropped from `filter`). */
  invalid: string[];
}

/**
 * Reads the filter and sort from a URL. Invalid values are dropped and named
 * in `invalid` (a page ignores them; the export refuses them).
 */
export function parseOrderQuery(source: ParamSource): ParsedOrderQuery {
  const filter: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const key of FILTER_KEYS) {
    const raw = readParam(source, key);
    if (raw === undefined) continue;
    const value = key === "onHold" || key === "overdue" ? bool(raw) : raw;
    const parsed = orderFilterSchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined && parsed.data !== "") filter[key] = parsed.data;
    else if (!parsed.success) invalid.push(key);
  }
  const rawSort = readParam(source, "sort");
  const sort = orderSortSchema.safeParse(rawSort ?? DEFAULT_ORDER_SORT);
  if (!sort.success) invalid.push("sort");
  return { filter: filter as OrderFilter, sort: sort.success ? sort.data : DEFAULT_ORDER_SORT, invalid };
}

/** The URL form of a filter and sort (defaults omitted), the inverse of parseOrderQuery. */
export function orderQueryString(filter: OrderFilter, sort: OrderSort = DEFAULT_ORDER_SORT): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = filter[key];
    if (v === undefined || v === "") continue;
    params.set(key, String(v));
  }
  if (sort !== DEFAULT_ORDER_SORT) params.set("sort", sort);
  return params.toString();
}

/** The first day is after the last (?from=2026-11-30&to=2026-11-01): no order can match; the page says so. */
export function isInvertedDateRange(filter: Pick<OrderFilter, "from" | "to">): boolean {
  return filter.from !== undefined && filter.to !== undefined && filter.from > filter.to;
}
