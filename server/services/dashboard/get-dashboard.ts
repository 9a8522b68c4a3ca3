/**
 * The landing dashboard's figures. Counts per status and channel are exact and
 * current (all time); the daily series, the orders placed and the revenue are
 * for a period (dashboard-period.ts: whole calendar days in the merchant's time
 * zone, last 30 days by default) and read from the tallies the database keeps
 * beside "Order" (order-tallies.ts), so a million-order store never scans its
 * orders on page load. The period just before is read in the same statement,
 * for the comparison figures.
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
import { nextDay } from "@/server/lib/zoned-time";
import { DEFAULT_DASHBOARD_PERIOD, periodRange, type DashboardPeriod } from "@/server/services/dashboard/dashboard-period";
import { ORDER_STATUSES, type OrderStatus } from "@/server/services/order/order-state-machine";
import { orderTallies, salesByDay } from "@/server/services/order/order-tallies";

/** A count, and whether it stopped at a cap (the orders list's filtered counts; the dashboard's are exact). */
export interface CappedCount {
  count: number;
  capped: boolean;
}

export interface DashboardData {
  byStatus: { status: OrderStatus; count: number; capped: boolean }[];
  byChannel: { channelId: string; name: string; platform: string; count: number; capped: boolean }[];
  /** Every day of the period, oldest first (0 where nothing was placed). */
  daily: { day: string; orders: number; revenueCents: number }[];
  currency: string;
  /** Revenue of the window in currencies other than the merchant's (not in `daily`), by currency. */
  otherCurrencies: { currency: string; revenueCents: number }[];
  period: PeriodView;
  /** Orders placed in the period (any status, any currency): the orders list with `from`/`to` counts the same. */
  orders: number;
  /** Revenue in the merchant's currency, the sum of `daily`. */
  revenueCents: number;
  previous: { orders: number; revenueCents: number };
}

/** The period as the UI needs it: calendar days, inclusive (the orders list's `from`/`to`). */
export interface PeriodView {
  key: DashboardPeriod;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

/** The merchant's calendar day of an order, for the daily series. */
const DAY_SQL = (timeZone: string) => Prisma.sql`to_char(date_trunc('day', o."placedAt" AT TIME ZONE ${timeZone}), 'YYYY-MM-DD')`;

/**
 * The refunds to take off: those of PARTIALLY_REFUNDED orders in the window (a REFUNDED order adds nothing in the
 * first place), each order's capped at its total. A separate statement on Order(paymentStatus, placedAt) and
 * OrderEvent(orderId, id): it reads those few orders only, and keeps the window's aggregate free of a per-row
 * subquery (whose estimated cost alone would make PostgreSQL JIT-compile the big scan).
 */
function refundsInWindow(opts: { timeZone: string; since: Date; until: Date }) {
  return db.$queryRaw<{ day: string; currency: string; refunded: bigint }[]>`
    SELECT ${DAY_SQL(opts.timeZone)} AS day, o.currency, sum(least(r.refunded, o."totalCents"))::bigint AS refunded
    FROM "Order" o
    CROSS JOIN LATERAL (
      SELECT coalesce(sum((e.data->>'amountCents')::bigint), 0) AS refunded FROM "OrderEvent" e WHERE e."orderId" = o.id AND e.type = 'payment.refunded'
    ) r
    WHERE o."paymentStatus" = 'PARTIALLY_REFUNDED' AND o.status <> 'CANCELLED' AND o."placedAt" >= ${opts.since} AND o."placedAt" < ${opts.until}
    GROUP BY 1, 2`;
}

export async function getDashboard(opts: { timeZone: string; currency: string; period?: DashboardPeriod; now?: Date }): Promise<DashboardData> {
  // One instant for every statement, so an order on the edge of the window is in all of them or in none.
  const range = periodRange(opts.period ?? DEFAULT_DASHBOARD_PERIOD, opts.now ?? new Date(), opts.timeZone);
  const window = { since: range.previous.start, until: range.end, timeZone: opts.timeZone };
  const [channels, tallies, sales, refunds] = await Promise.all([
    db.channel.findMany({ select: { id: true, name: true, platform: true }, orderBy: { name: "asc" } }),
    orderTallies(),
    salesByDay(window),
    refundsInWindow(window),
  ]);
  const refunded = new Map(refunds.map((r) => [`${r.day} ${r.currency}`, Number(r.refunded)]));
  const daily = new Map<string, { day: string; orders: number; revenueCents: number }>();
  for (let day = range.from; day <= range.to; day = nextDay(day)) daily.set(day, { day, orders: 0, revenueCents: 0 });
  const previous = { orders: 0, revenueCents: 0 };
  const inPrevious = (day: string) => day >= range.previous.from && day <= range.previous.to;
  const others = new Map<string, number>();
  for (const r of sales) {
    const kept = r.receivedCents - (refunded.get(`${r.day} ${r.currency}`) ?? 0);
    const d = daily.get(r.day);
    if (d === undefined) {
      if (!inPrevious(r.day)) continue; // this month's comparison skips the end of last month
      previous.orders += r.orders;
      if (r.currency === opts.currency) previous.revenueCents += kept;
      continue;
    }
    d.orders += r.orders;
    if (r.currency === opts.currency) d.revenueCents += kept;
    else if (kept > 0) others.set(r.currency, (others.get(r.currency) ?? 0) + kept);
  }
  const days = [...daily.values()];
  const exact = (count: number | undefined): CappedCount => ({ count: count ?? 0, capped: false });
  return {
    currency: opts.currency,
    byStatus: ORDER_STATUSES.map((status) => ({ status, ...exact(tallies.byStatus.get(status)) })),
    byChannel: channels.map((c) => ({ channelId: c.id, name: c.name, platform: c.platform, ...exact(tallies.byChannel.get(c.id)) })),
    daily: days,
    otherCurrencies: [...others].sort(([a], [b]) => a.localeCompare(b)).map(([currency, revenueCents]) => ({ currency, revenueCents })),
    period: { key: range.period, from: range.from, to: range.to, previousFrom: range.previous.from, previousTo: range.previous.to },
    orders: days.reduce((a, d) => a + d.orders, 0),
    revenueCents: days.reduce((a, d) => a + d.revenueCents, 0),
    previous,
  };
}
