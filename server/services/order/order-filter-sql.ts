/**
 * The orders filter as SQL conditions on `"Order" o`, written so PostgreSQL
 * can answer them from the indexes in the init migration at a million orders:
 * plain equality on the indexed enum/uuid columns, the partial indexes'
 * predicates repeated literally (onHold, open ship-by), and a search that is an
 * `o.id IN (… UNION ALL …)` of index lookups rather than an OR the planner
 * could only answer with a sequential scan.
 */
import { Prisma } from "@/server/generated/prisma/client";
import { foldSql, foldText } from "@/server/lib/text-fold";
import { SHIPPED_OR_CLOSED, type OrderFilter } from "@/server/services/order/order-filters";
import { nextDay, zonedDayStart } from "@/server/lib/zoned-time";

/** The customer name as its search index holds it (case and accents aside). */
const NAME = foldSql('"customerName"');

export interface FilterContext {
  /** The merchant's time zone: date filters are calendar days there. */
  timeZone: string;
  /** "Now" for the overdue filter. */
  now: Date;
}

/** Literal, not parameters: the partial index "Order_open_shipBy_idx" is only used when its predicate is provably implied. */
export const OPEN_STATUS_SQL = Prisma.raw(`o.status NOT IN (${SHIPPED_OR_CLOSED.map((s) => `'${s}'`).join(", ")})`);

const MAX_INT4 = 2_147_483_647;
const ts = (d: Date) => Prisma.sql`${d.toISOString()}::timestamptz`;

/**
 * Search modes, from the shape of `q`:
 *  - a number ("1042", "#1042"): our order number, or the channel's id/number, exactly;
 *  - contains "@": the customer e-mail, case-insensitive (lower(customerEmail) index);
 *  - anything else: channel order id exactly, customer name prefix (text_pattern_ops
 *    index on lower(customerName)) or a line with exactly this SKU (OrderLine.sku index).
 * "ids" searches are a union of index lookups yielding order ids (column `id`);
 * "where" searches are a plain indexable condition on `o`.
 */
export type Search = { kind: "ids"; sql: Prisma.Sql } | { kind: "where"; sql: Prisma.Sql };

export function search(raw: string | undefined): Search | null {
  const q = raw?.trim() ?? "";
  if (q === "") return null;
  const numeric = /^#?(\d{1,18})$/.exec(q);
  if (numeric) {
    const digits = numeric[1] ?? "";
    const texts = Prisma.join([...new Set([q, digits])]);
    const arms = [
      Prisma.sql`SELECT id FROM "Order" WHERE "externalId" IN (${texts})`,
      Prisma.sql`SELECT id FROM "Order" WHERE "externalNumber" IN (${texts})`,
    ];
    const n = Number(digits);
    if (n <= MAX_INT4) arms.unshift(Prisma.sql`SELECT id FROM "Order" WHERE number = ${n}`);
    return { kind: "ids", sql: Prisma.join(arms, " UNION ALL ") };
  }
  if (q.includes("@")) return { kind: "where", sql: Prisma.sql`lower(o."customerEmail") = lower(${q}::text)` };
  // Prefix match as a range on the text_pattern_ops index: [p, p || U+10FFFF) holds exactly the
  // strings starting with p, and unlike LIKE with a bound parameter it stays indexable in a generic plan.
  // The name is folded (case and accents aside: "joao" finds "João"), as its index is.
  const folded = foldText(q);
  return {
    kind: "ids",
    sql: Prisma.sql`SELECT id FROM "Order" WHERE "externalId" = ${q}
      UNION ALL
      SELECT id FROM "Order" WHERE ${NAME} ~>=~ ${folded} AND ${NAME} ~<~ (${folded} || chr(1114111))
      UNION ALL
      SELECT "orderId" FROM "OrderLine" WHERE sku = ${q}`,
  };
}

export function searchCondition(raw: string | undefined): Prisma.Sql | null {
  const s = search(raw);
  if (!s) return null;
  return s.kind === "where" ? s.sql : Prisma.sql`o.id IN (${s.sql})`;
}

/** The filter's conditions on `o` (ANDed by the caller). `ignoreStatus` for the status tab counts. */
export function orderConditions(filter: OrderFilter, ctx: FilterContext, opts: { ignoreStatus?: boolean } = {}): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (filter.channelId) c.push(Prisma.sql`o."channelId" = ${filter.channelId}::uuid`);
  if (filter.status && !opts.ignoreStatus) c.push(Prisma.sql`o.status = ${filter.status}::"OrderStatus"`);
  if (filter.paymentStatus) c.push(Prisma.sql`o."paymentStatus" = ${filter.paymentStatus}::"PaymentStatus"`);
  if (filter.fulfillmentStatus) c.push(Prisma.sql`o."fulfillmentStatus" = ${filter.fulfillmentStatus}::"FulfillmentStatus"`);
  // Bare column (not "= true") so the partial index WHERE "onHold" matches.
  if (filter.onHold === true) c.push(Prisma.sql`o."onHold"`);
  if (filter.onHold === false) c.push(Prisma.sql`NOT o."onHold"`);
  if (filter.from) c.push(Prisma.sql`o."placedAt" >= ${ts(zonedDayStart(filter.from, ctx.timeZone))}`);
  if (filter.to) c.push(Prisma.sql`o."placedAt" < ${ts(zonedDayStart(nextDay(filter.to), ctx.timeZone))}`);
  if (filter.overdue) c.push(Prisma.sql`o."shipBy" < ${ts(ctx.now)} AND ${OPEN_STATUS_SQL}`);
  const search = searchCondition(filter.q);
  if (search) c.push(search);
  return c;
}

export function andAll(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}
