/**
 * The landing dashboard's figures. Counts per status and channel are exact and
 * the daily series is read from the tallies the database keeps beside "Order"
 * (order-tallies.ts), so a million-order store never scans its orders on page
 * load. The window is today and the 29 days before, in the merchant's time zone.
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
import { ymdInZone, zonedDayStart } from "@/server/lib/zoned-time";
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

/** The first instant of the window: local midnight `days - 1` days before today in the merchant's time zone. */
export function windowStart(now: Date, days: number, timeZone: string): Date {
  const today = ymdInZone(now, timeZone);
  const first = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(4, 6)) - 1, Number(today.slice(6, 8)) - (days - 1)));
  return zonedDayStart(first.toISOString().slice(0, 10), timeZone);
}

export async function getDashboard(opts: { timeZone: string; currency: string; days?: number; now?: Date }): Promise<DashboardData> {
  const days = opts.days ?? 30;
  // One instant for both statements, so an order on the edge of the window is in both or in neither.
  const since = windowStart(opts.now ?? new Date(), days, opts.timeZone);
  const [channels, tallies, sales, refunds] = await Promise.all([
    db.channel.findMany({ select: { id: true, name: true, platform: true }, orderBy: { name: "asc" } }),
    orderTallies(),
    salesByDay({ since, timeZone: opts.timeZone }),
    refundsInWindow({ timeZone: opts.timeZone, since }),
  ]);
  const refunded = new Map(refunds.map((r) => [`${r.day} ${r.currency}`, Number(r.refunded)]));
  const daily = new Map<string, { day: string; orders: number; revenueCents: number }>();
  const others = new Map<string, number>();
  for (const r of sales) {
    const d = daily.get(r.day) ?? { day: r.day, orders: 0, revenueCents: 0 };
    const kept = r.receivedCents - (refunded.get(`${r.day} ${r.currency}`) ?? 0);
    d.orders += r.orders;
    if (r.currency === opts.currency) d.revenueCents += kept;
    else if (kept > 0) others.set(r.currency, (others.get(r.currency) ?? 0) + kept);
    daily.set(r.day, d);
  }
  const exact = (count: number | undefined): CappedCount => ({ count: count ?? 0, capped: false });
  return {
    currency: opts.currency,
    byStatus: ORDER_STATUSES.map((status) => ({ status, ...exact(tallies.byStatus.get(status)) })),
    byChannel: channels.map((c) => ({ channelId: c.id, name: c.name, platform: c.platform, ...exact(tallies.byChannel.get(c.id)) })),
    daily: [...daily.values()],
    otherCurrencies: [...others].sort(([a], [b]) => a.localeCompare(b)).map(([currency, revenueCents]) => ({ currency, revenueCents })),
  };
}
