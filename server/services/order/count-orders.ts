/**
 * The status tab counts of the orders list: the current filter without its
 * status, per status, each capped at COUNT_CAP like the dashboard's (so a
 * million-order store never counts the whole table; the UI shows "100,000+").
 *
 * With no filter, or a channel only (the orders page as it opens), the counts
 * are exact and read from the tallies kept beside "Order" (order-tallies.ts).
 * "Not on hold" (with or without a channel) is exact too: the tallies less the
 * orders on hold, which are few and read through their partial index.
 * Otherwise two bounded passes at most:
 *  1. one scan of at most SINGLE_PASS_MAX + 1 matching rows, grouped by
 *     status — exact and enough whenever the filter matches that few orders
 *     (most filtered views, and small stores);
 *  2. otherwise one capped count per status (LIMIT inside each), each a range
 *     on an index that starts with status (or channelId, status).
 * A search is evaluated once (a MATERIALIZED CTE), not once per status.
 */
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/auth/options";
import type { CappedCount } from "@/server/services/dashboard/get-dashboard";
import { assertMayViewOrders } from "@/server/services/order/order-access";
import { ORDER_STATUSES, type OrderStatus } from "@/server/services/order/order-dimensions";
import { andAll, orderConditions, search } from "@/server/services/order/order-filter-sql";
import type { OrderFilter } from "@/server/services/order/order-filters";
import { filterContext } from "@/server/services/order/list-orders";
import { orderTallies } from "@/server/services/order/order-tallies";

/** Where a filtered count stops: the UI shows "100,000+". */
export const COUNT_CAP = 100_000;

/** Above this many matches, one capped count per status is cheaper than reading them all in one pass. */
export const SINGLE_PASS_MAX = 10_000;

export interface OrderCounts {
  byStatus: ({ status: OrderStatus } & CappedCount)[];
  /** Sum over the statuses; capped when any of them is. */
  total: CappedCount;
}

export async function countOrders(opts: {
  actor: SessionUser;
  filter?: OrderFilter;
  now?: Date;
  /** For tests: a smaller cap than COUNT_CAP. */
  cap?: number;
}): Promise<OrderCounts> {
  assertMayViewOrders(opts.actor);
  const cap = opts.cap ?? COUNT_CAP;
  const filter = opts.filter ?? {};
  if (tallyServes(filter)) return fromTallies(filter.channelId, filter.onHold === false);
  const ctx = await filterContext(filter, opts.now);
  const s = search(filter.q);
  const hits = s?.kind === "ids";
  const conditions = orderConditions(hits ? { ...filter, q: undefined } : filter, ctx, { ignoreStatus: true });
  if (hits) conditions.push(Prisma.sql`o.id IN (SELECT id FROM hits)`);
  const withHits = hits ? Prisma.sql`WITH hits AS MATERIALIZED (${s.sql}) ` : Prisma.empty;
  const where = andAll(conditions);

  const singlePass = Math.min(cap, SINGLE_PASS_MAX);
  const all = await db.$queryRaw<{ k: string; n: number }[]>(Prisma.sql`${withHits}
    SELECT s.status::text AS k, count(*)::int AS n
    FROM (SELECT o.status FROM "Order" o WHERE ${where} LIMIT ${singlePass + 1}) s GROUP BY 1`);
  let found = new Map(all.map((r) => [r.k, r.n]));

  if (all.reduce((a, r) => a + r.n, 0) > singlePass) {
    const parts = ORDER_STATUSES.map(
      (status) => Prisma.sql`SELECT ${status}::text AS k, count(*)::int AS n
        FROM (SELECT 1 FROM "Order" o WHERE o.status = ${status}::"OrderStatus" AND ${where} LIMIT ${cap + 1}) s`,
    );
    const rows = await db.$queryRaw<{ k: string; n: number }[]>(Prisma.sql`${withHits}${Prisma.join(parts, " UNION ALL ")}`);
    found = new Map(rows.map((r) => [r.k, r.n]));
  }

  const byStatus = ORDER_STATUSES.map((status) => {
    const n = found.get(status) ?? 0;
    return { status, count: Math.min(n, cap), capped: n > cap };
  });
  return {
    byStatus,
    total: { count: byStatus.reduce((a, x) => a + x.count, 0), capped: byStatus.some((x) => x.capped) },
  };
}

/** The tallies know channel and status; "not on hold" is them less the held orders. Anything else needs the orders themselves. */
function tallyServes(filter: OrderFilter): boolean {
  return Object.entries(filter).every(
    ([key, value]) => key === "channelId" || key === "status" || value === undefined || (key === "onHold" && value === false),
  );
}

async function fromTallies(channelId: string | undefined, notHeld: boolean): Promise<OrderCounts> {
  const [tallies, held] = await Promise.all([orderTallies(), notHeld ? heldByStatus(channelId) : new Map<string, number>()]);
  const byStatus = ORDER_STATUSES.map((status) => {
    const all = (channelId ? tallies.byChannelStatus.get(`${channelId} ${status}`) : tallies.byStatus.get(status)) ?? 0;
    return { status, count: Math.max(0, all - (held.get(status) ?? 0)), capped: false };
  });
  return { byStatus, total: { count: byStatus.reduce((a, x) => a + x.count, 0), capped: false } };
}

/** Orders on hold per status: the partial index WHERE "onHold" (the bare column, so the planner matches it). */
async function heldByStatus(channelId: string | undefined): Promise<Map<string, number>> {
  const channel = channelId ? Prisma.sql`AND o."channelId" = ${channelId}::uuid` : Prisma.empty;
  const rows = await db.$queryRaw<{ k: string; n: number }[]>(Prisma.sql`
    SELECT o.status::text AS k, count(*)::int AS n FROM "Order" o WHERE o."onHold" ${channel} GROUP BY 1`);
  return new Map(rows.map((r) => [r.k, r.n]));
}
