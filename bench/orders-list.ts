/** Orders workspace queries at scale: list with filters (page 1 and deep), search by e-mail, status counts, the dashboard. */
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { listOrders } from "@/server/services/order/list-orders";
import { countOrders } from "@/server/services/order/count-orders";
import { getDashboard } from "@/server/services/dashboard/get-dashboard";
import { ms, percentile, timeRuns, type Measure } from "./lib";

const RUNS = 200;

export async function benchOrdersList(actor: SessionUser): Promise<Measure[]> {
  const channel = await db.channel.findFirstOrThrow({ where: { platform: "MERCADO_LIVRE" }, select: { id: true } });
  const filter = { status: "DELIVERED" as const, channelId: channel.id };

  const page1 = await timeRuns(() => listOrders({ actor, filter, limit: 50 }), RUNS);

  // A deep page: walk 200 pages (10,000 orders) down, then time fetching the next page from there.
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const r = await listOrders({ actor, filter, limit: 50, cursor });
    if (!r.nextCursor) break;
    cursor = r.nextCursor;
  }
  const deepCursor = cursor;
  const deep = await timeRuns(() => listOrders({ actor, filter, limit: 50, cursor: deepCursor }), RUNS);

  const emails = await db.$queryRaw<{ e: string }[]>`SELECT "customerEmail" AS e FROM "Order" WHERE "customerEmail" IS NOT NULL ORDER BY random() LIMIT 100`;
  const search = await timeRuns((i) => listOrders({ actor, filter: { q: emails[i % emails.length]?.e ?? "x@y.z" }, limit: 50 }), RUNS);

  const counts = await timeRuns(() => countOrders({ actor, filter: { channelId: channel.id } }), 30, 2);
  const notHeldCounts = await timeRuns(() => countOrders({ actor, filter: { onHold: false } }), 30, 2);
  const cappedCounts = await timeRuns(() => countOrders({ actor, filter: { paymentStatus: "PAID" } }), 10, 1);
  const dashboard = await timeRuns(() => getDashboard({ timeZone: "America/Sao_Paulo", currency: "BRL" }), 30, 2);
  const [inWindow] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Order" WHERE "placedAt" >= now() - interval '30 days'`;

  const p = (s: number[]) => percentile(s, 95);
  return [
    { name: "Orders list, status+channel filter, page 1 (p95, server time)", target: "≤ 25 ms", value: ms(p(page1)), pass: p(page1) <= 25 },
    { name: "Orders list, status+channel filter, page 201 (p95)", target: "≤ 25 ms", value: ms(p(deep)), pass: p(deep) <= 25 },
    { name: "Orders search by customer e-mail (p95)", target: "≤ 50 ms", value: ms(p(search)), pass: p(search) <= 50 },
    {
      name: "Status tab counts for a channel (exact, from the tallies; p95)",
      target: "no full scan",
      value: ms(p(counts)),
      pass: null,
      detail: "OrderTally rows summed, the orders table is not read",
    },
    {
      name: "Status tab counts, not on hold (exact: the tallies less the held orders; p95)",
      target: "no full scan",
      value: ms(p(notHeldCounts)),
      pass: null,
      detail: "OrderTally rows, and the held orders through their partial index",
    },
    {
      name: "Status tab counts, filter the tallies cannot serve (paid; capped at 100k per status, p95)",
      target: "no full scan (capped)",
      value: ms(p(cappedCounts)),
      pass: null,
      detail: "capped index counts, shown as 100,000+ above the cap",
    },
    {
      name: "Dashboard: counts per status and channel, 30-day series (p95)",
      target: "",
      value: ms(p(dashboard)),
      pass: null,
      detail: `${(inWindow?.n ?? 0).toLocaleString("en")} orders placed in the last 30 days; read from the tallies`,
    },
  ];
}
