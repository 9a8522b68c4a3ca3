/**
 * The landing dashboard's figures, straight from the database. Status counts
 * are capped (COUNT_CAP) so a million-order store never scans the whole table
 * on page load; the UI shows "100,000+" for a capped figure.
 *
 * Revenue is money received and kept: per order placed in the window (not
 * cancelled), its total when the payment is PAID, its total less what was
 * refunded when PARTIALLY_REFUNDED (the refunds on its timeline), nothing for
 * REFUNDED, and nothing while the payment is pending, authorized only, partly
 * paid, failed or voided. It is summed per currency: the merchant's currency
 * makes the figure and the daily series; other currencies are reported beside it.
 */
import { Prisma } from "@/server/generated/prisma/client";
import { db } from "@/server/db";
import { ORDER_STATUSES, type OrderStatus } from "@/server/services/order/order-state-machine";

export const COUNT_CAP = 100_000;

export interface CappedCount {
  count: number;
  capped: boolean;
}

export interface DashboardData {
  byStatus: { status: OrderStatus; count: number; capped: boolean }[];
  byChannel: { channelId: string; name: string; platform: string; count: number; capped: boolean }[];
  daily: { day: string; orders: number; revenueCents: number }[];
  currency: string;
  /** Revenue of the window in currencies other than the merchant's (not in `daily`), by currency. */
  otherCurrencies: { currency: string; revenueCents: number }[];
}

/** The merchant's calendar day of an order, for the daily series. */
const DAY_SQL = (timeZone: string) => Prisma.sql`to_char(date_trunc('day', o."placedAt" AT TIME ZONE ${timeZone}), 'YYYY-MM-DD')`;

/**
 * The refunds to take off: those of PARTIALLY_REFUNDED orders in the window (a REFUNDED order adds nothing in the
 * first place), each order's capped at its total. A separate statement on Order(paymentStatus, placedAt) and
 * OrderEvent(orderId, id): it reads those few orders only, and keeps the window's aggregate free of a per-row
 * subquery (whose estimated cost alone would make PostgreSQL JIT-compile the big scan).
 */
function refundsInWindow(opts: { timeZone: string; since: Date }) {
  return db.$queryRaw<{ day: string; currency: string; refunded: bigint }[]>`
    SELECT ${DAY_SQL(opts.timeZone)} AS day, o.currency, sum(least(r.refunded, o."totalCents"))::bigint AS refunded
    FROM "Order" o
    CROSS JOIN LATERAL (
      SELECT coalesce(sum((e.data->>'amountCents')::bigint), 0) AS refunded FROM "OrderEvent" e WHERE e."orderId" = o.id AND e.type = 'payment.refunded'
    ) r
    WHERE o."paymentStatus" = 'PARTIALLY_REFUNDED' AND o.status <> 'CANCELLED' AND o."placedAt" >= ${opts.since}
    GROUP BY 1, 2`;
}

async function cappedCounts(column: "status" | "channelId", values: string[]): Promise<Map<string, CappedCount>> {
  if (values.length === 0) return new Map();
  const col = Prisma.raw(`"${column}"`);
  const cast = column === "status" ? Prisma.raw(`::"OrderStatus"`) : Prisma.raw(`::uuid`);
  const parts = values.map(
    (v) => Prisma.sql`SELECT ${v}::text AS k, count(*)::int AS n FROM (SELECT 1 FROM "Order" WHERE ${col} = ${v}${cast} LIMIT ${COUNT_CAP + 1}) s`,
  );
  const rows = await db.$queryRaw<{ k: string; n: number }[]>(Prisma.sql`${Prisma.join(parts, " UNION ALL ")}`);
  return new Map(rows.map((r) => [r.k, { count: Math.min(r.n, COUNT_CAP), capped: r.n > COUNT_CAP }]));
}

export async function statusCounts(): Promise<Map<string, CappedCount>> {
  return cappedCounts("status", [...ORDER_STATUSES]);
}

export async function getDashboard(opts: { timeZone: string; currency: string; days?: number }): Promise<DashboardData> {
  const days = opts.days ?? 30;
  // One instant for both statements, so an order on the edge of the window is in both or in neither.
  const since = new Date(Date.now() - days * 86_400_000);
  const channels = await db.channel.findMany({ select: { id: true, name: true, platform: true }, orderBy: { name: "asc" } });
  const [byStatus, byChannel, rows, refunds] = await Promise.all([
    statusCounts(),
    cappedCounts("channelId", channels.map((c) => c.id)),
    db.$queryRaw<{ day: string; currency: string; orders: number; revenue: bigint }[]>`
      SELECT ${DAY_SQL(opts.timeZone)} AS day, o.currency, count(*)::int AS orders,
             coalesce(sum(o."totalCents") FILTER (WHERE o.status <> 'CANCELLED' AND o."paymentStatus" IN ('PAID', 'PARTIALLY_REFUNDED')), 0)::bigint AS revenue
      FROM "Order" o
      WHERE o."placedAt" >= ${since}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    refundsInWindow({ timeZone: opts.timeZone, since }),
  ]);
  const refunded = new Map(refunds.map((r) => [`${r.day} ${r.currency}`, Number(r.refunded)]));
  const daily = new Map<string, { day: string; orders: number; revenueCents: number }>();
  const others = new Map<string, number>();
  for (const r of rows) {
    const d = daily.get(r.day) ?? { day: r.day, orders: 0, revenueCents: 0 };
    const kept = Number(r.revenue) - (refunded.get(`${r.day} ${r.currency}`) ?? 0);
    d.orders += r.orders;
    if (r.currency === opts.currency) d.revenueCents += kept;
    else if (kept > 0) others.set(r.currency, (others.get(r.currency) ?? 0) + kept);
    daily.set(r.day, d);
  }
  return {
    currency: opts.currency,
    byStatus: ORDER_STATUSES.map((status) => ({ status, ...(byStatus.get(status) ?? { count: 0, capped: false }) })),
    byChannel: channels.map((c) => ({ channelId: c.id, name: c.name, platform: c.platform, ...(byChannel.get(c.id) ?? { count: 0, capped: false }) })),
    daily: [...daily.values()],
    otherCurrencies: [...others].sort(([a], [b]) => a.localeCompare(b)).map(([currency, revenueCents]) => ({ currency, revenueCents })),
  };
}
