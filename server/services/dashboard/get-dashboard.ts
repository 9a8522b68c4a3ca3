/**
 * The landing dashboard's figures, straight from the database. Status counts
 * are capped (COUNT_CAP) so a million-order store never scans the whole table
 * on page load; the UI shows "100,000+" for a capped figure.
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
  const channels = await db.channel.findMany({ select: { id: true, name: true, platform: true }, orderBy: { name: "asc" } });
  const [byStatus, byChannel, daily] = await Promise.all([
    statusCounts(),
    cappedCounts("channelId", channels.map((c) => c.id)),
    db.$queryRaw<{ day: string; orders: number; revenue: bigint }[]>`
      SELECT to_char(date_trunc('day', "placedAt" AT TIME ZONE ${opts.timeZone}), 'YYYY-MM-DD') AS day,
             count(*)::int AS orders,
             coalesce(sum("totalCents") FILTER (WHERE status <> 'CANCELLED' AND currency = ${opts.currency}), 0)::bigint AS revenue
      FROM "Order"
      WHERE "placedAt" >= now() - make_interval(days => ${days})
      GROUP BY 1 ORDER BY 1`,
  ]);
  return {
    currency: opts.currency,
    byStatus: ORDER_STATUSES.map((status) => ({ status, ...(byStatus.get(status) ?? { count: 0, capped: false }) })),
    byChannel: channels.map((c) => ({ channelId: c.id, name: c.name, platform: c.platform, ...(byChannel.get(c.id) ?? { count: 0, capped: false }) })),
    daily: daily.map((d) => ({ day: d.day, orders: d.orders, revenueCents: Number(d.revenue) })),
  };
}
