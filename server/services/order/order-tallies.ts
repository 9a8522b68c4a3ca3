/**
 * Exact order counts and the daily sales series without reading "Order": the
 * statement triggers of migration 20261129125721_order_tallies keep, per
 * database session (shard = its backend pid), how many orders each channel has
 * in each status, and per 15 minutes of placement and currency how many orders
 * were placed and the revenue received on them. A figure is the sum over the
 * shards; no two transactions ever write the same row, so ingest never waits on
 * a counter.
 *
 * Compaction folds the rows of sessions that have ended into shard 0, so the
 * sums stay short however many connections come and go. It runs from the
 * readers, at most once a minute per process, and is safe beside writers and
 * other compactions (a row is moved by whichever DELETE takes it).
 */
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { ORDER_STATUSES, type OrderStatus } from "@/server/services/order/order-dimensions";

const COMPACT_EVERY_MS = 60_000;
let lastCompacted = { tallies: 0, sales: 0 };

/** Sessions that have ended: their rows can move to shard 0 (nothing writes them any more). */
const ENDED = Prisma.sql`t.shard <> 0 AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = t.shard)`;

export async function compactOrderTallies(): Promise<void> {
  await db.$executeRaw`
    WITH moved AS (DELETE FROM "OrderTally" t WHERE ${ENDED} RETURNING t."channelId", t.status, t.orders)
    INSERT INTO "OrderTally" ("channelId", status, shard, orders)
    SELECT "channelId", status, 0, sum(orders) FROM moved GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("channelId", status, shard) DO UPDATE SET orders = "OrderTally".orders + excluded.orders`;
}

/** The buckets from `since` on: what the dashboard reads. */
export async function compactSalesRollup(since: Date): Promise<void> {
  await db.$executeRaw`
    WITH moved AS (DELETE FROM "SalesRollup" t WHERE t.bucket >= ${since} AND ${ENDED} RETURNING t.bucket, t.currency, t.orders, t."revenueCents")
    INSERT INTO "SalesRollup" (bucket, currency, shard, orders, "revenueCents")
    SELECT bucket, currency, 0, sum(orders), sum("revenueCents") FROM moved GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (bucket, currency, shard) DO UPDATE
      SET orders = "SalesRollup".orders + excluded.orders, "revenueCents" = "SalesRollup"."revenueCents" + excluded."revenueCents"`;
}

async function maybeCompact(kind: keyof typeof lastCompacted, run: () => Promise<void>): Promise<void> {
  const now = Date.now();
  if (now - lastCompacted[kind] < COMPACT_EVERY_MS) return;
  lastCompacted = { ...lastCompacted, [kind]: now };
  await run();
}

export interface OrderTallies {
  /** Orders per status, every status listed (0 for none). */
  byStatus: Map<OrderStatus, number>;
  /** Orders per channel id. */
  byChannel: Map<string, number>;
  /** Orders per status within one channel: `${channelId} ${status}`. */
  byChannelStatus: Map<string, number>;
}

export async function orderTallies(): Promise<OrderTallies> {
  await maybeCompact("tallies", compactOrderTallies);
  return toTallies(await db.$queryRaw<TallyRow[]>`
    SELECT "channelId"::text AS "channelId", status::text AS status, sum(orders)::int AS n FROM "OrderTally" GROUP BY 1, 2 HAVING sum(orders) <> 0`);
}

type TallyRow = { channelId: string; status: OrderStatus; n: number };

function toTallies(rows: TallyRow[]): OrderTallies {
  const byStatus = new Map<OrderStatus, number>(ORDER_STATUSES.map((s) => [s, 0]));
  const byChannel = new Map<string, number>();
  const byChannelStatus = new Map<string, number>();
  for (const r of rows) {
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.n);
    byChannel.set(r.channelId, (byChannel.get(r.channelId) ?? 0) + r.n);
    byChannelStatus.set(`${r.channelId} ${r.status}`, r.n);
  }
  return { byStatus, byChannel, byChannelStatus };
}

export interface SalesDay {
  /** The merchant's calendar day, YYYY-MM-DD. */
  day: string;
  currency: string;
  orders: number;
  /** Totals of orders not cancelled with payment PAID or PARTIALLY_REFUNDED (refunds not taken off). */
  receivedCents: number;
}

/**
 * Orders and revenue per calendar day of the merchant's time zone from `since`
 * (a 15-minute boundary: a local midnight in any time zone in use) on, and
 * before `until` when given (also a local midnight).
 */
export async function salesByDay(opts: { since: Date; until?: Date; timeZone: string }): Promise<SalesDay[]> {
  await maybeCompact("sales", () => compactSalesRollup(opts.since));
  const rows = await db.$queryRaw<{ day: string; currency: string; orders: number; received: bigint }[]>`
    SELECT to_char(bucket AT TIME ZONE ${opts.timeZone}, 'YYYY-MM-DD') AS day, currency, sum(orders)::int AS orders, sum("revenueCents")::bigint AS received
    FROM "SalesRollup" WHERE bucket >= ${opts.since}${opts.until ? Prisma.sql` AND bucket < ${opts.until}` : Prisma.empty}
    GROUP BY 1, 2 HAVING sum(orders) <> 0 OR sum("revenueCents") <> 0 ORDER BY 1, 2`;
  return rows.map((r) => ({ day: r.day, currency: r.currency, orders: r.orders, receivedCents: Number(r.received) }));
}

/** Keys of the 15-minute series: `YYYY-MM-DD HH:MM currency` (UTC). */
type SalesByBucket = Map<string, { orders: number; receivedCents: number }>;

/**
 * The tallies and the 15-minute series as kept, beside the same figures counted from "Order" itself: they
 * agree unless something wrote around the triggers (tests assert it after every kind of write).
 */
export async function checkOrderTallies(): Promise<{ kept: OrderTallies; counted: OrderTallies; keptSales: SalesByBucket; countedSales: SalesByBucket }> {
  const counted = toTallies(await db.$queryRaw<TallyRow[]>`
    SELECT "channelId"::text AS "channelId", status::text AS status, count(*)::int AS n FROM "Order" GROUP BY 1, 2`);
  const bucketKey = (col: string) => Prisma.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' ' || currency`);
  const sales = async (sql: Prisma.Sql): Promise<SalesByBucket> =>
    new Map((await db.$queryRaw<{ k: string; orders: number; received: bigint }[]>(sql)).map((r) => [r.k, { orders: r.orders, receivedCents: Number(r.received) }]));
  return {
    kept: await orderTallies(),
    counted,
    keptSales: await sales(Prisma.sql`SELECT ${bucketKey("bucket")} AS k, sum(orders)::int AS orders, sum("revenueCents")::bigint AS received
      FROM "SalesRollup" GROUP BY 1 HAVING sum(orders) <> 0 OR sum("revenueCents") <> 0`),
    countedSales: await sales(Prisma.sql`SELECT ${bucketKey('"sales_bucket"("placedAt")')} AS k, count(*)::int AS orders,
      sum("order_received_cents"(status, "paymentStatus", "totalCents"))::bigint AS received FROM "Order" GROUP BY 1`),
  };
}
