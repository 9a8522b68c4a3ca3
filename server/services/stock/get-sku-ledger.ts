/**
 * One SKU's stock ledger, newest first, keyset by movement id (`before` = the
 * last id of the previous page), through the (skuId, id) index; and the
 * on-hand-over-time series for the chart: the running sum of the ledger per
 * day of the merchant's time zone.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { MovementType, UnavailableKind } from "@/server/generated/prisma/enums";

export const skuLedgerInput = z.object({
  skuId: z.string().uuid(),
  warehouseId: z.string().uuid().optional(),
  /** Movement id (decimal string) of the last row already shown. */
  before: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type SkuLedgerInput = z.input<typeof skuLedgerInput>;

export interface LedgerRow {
  id: string;
  type: MovementType;
  createdAt: Date;
  warehouseCode: string;
  binCode: string | null;
  onHandDelta: number;
  reservedDelta: number;
  unavailableDelta: number;
  unavailableKind: UnavailableKind | null;
  quantity: number;
  reason: string | null;
  actorLabel: string;
  orderId: string | null;
  orderNumber: number | null;
  purchaseOrderId: string | null;
  purchaseOrderNumber: number | null;
}

export async function getSkuLedger(raw: SkuLedgerInput): Promise<{ rows: LedgerRow[]; nextCursor: string | null }> {
  const input = skuLedgerInput.parse(raw);
  const wh = input.warehouseId ?? null;
  const before = input.before ?? null;
  // The page's ids first, from the (skuId, id) index alone (an index-only scan that stops after limit + 1
  // entries); only then the rows and their joins. Written as one query the planner walks the primary key
  // backwards and filters by SKU — hundreds of thousands of other SKUs' rows for a busy ledger.
  const rows = await db.$queryRaw<LedgerRow[]>(Prisma.sql`
    SELECT m.id::text AS id, m.type::text AS type, m."createdAt", w.code AS "warehouseCode", b.code AS "binCode",
      m."onHandDelta", m."reservedDelta", m."unavailableDelta", m."unavailableKind"::text AS "unavailableKind", m.quantity, m.reason, m."actorLabel",
      m."orderId", o.number AS "orderNumber", m."purchaseOrderId", po.number AS "purchaseOrderNumber"
    FROM (
      SELECT k.id FROM "StockMovement" k
      WHERE k."skuId" = ${input.skuId}::uuid
        AND (${wh}::uuid IS NULL OR k."warehouseId" = ${wh}::uuid)
        AND (${before}::bigint IS NULL OR k.id < ${before}::bigint)
      ORDER BY k.id DESC
      LIMIT ${input.limit + 1}
    ) page
    JOIN "StockMovement" m ON m.id = page.id
    JOIN "Warehouse" w ON w.id = m."warehouseId"
    LEFT JOIN "Bin" b ON b.id = m."binId"
    LEFT JOIN "Order" o ON o.id = m."orderId"
    LEFT JOIN "PurchaseOrder" po ON po.id = m."purchaseOrderId"
    ORDER BY m.id DESC`);
  const page = rows.slice(0, input.limit);
  return { rows: page, nextCursor: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null };
}

export interface SeriesPoint {
  /** Day in the merchant's time zone, YYYY-MM-DD. */
  date: string;
  onHand: number;
}

/**
 * On hand at the end of each of the last `days` days (merchant's time zone).
 * Only the window's movements are read (by SKU and time): the level before the
 * window is today's stored level minus what moved since — the ledger and the
 * levels agree (reconcile-stock.ts checks it), and a busy SKU's years of
 * history are never scanned.
 */
export async function getOnHandSeries(opts: { skuId: string; warehouseId?: string; days?: number }): Promise<SeriesPoint[]> {
  return (await onHandSeriesScan(opts, false)).series;
}

/**
 * The series and, from the same pass over the partial (skuId, createdAt) INCLUDE (type,
 * warehouseId, onHandDelta) WHERE onHandDelta <> 0 index, the units shipped in the last 30 days per
 * warehouse (the SKU page needs both; a window of ≥ 31 days covers the 30).
 * Rows are bucketed by day with width_bucket() against the window's day
 * starts, computed once, instead of formatting every movement's timestamp; the
 * last bound is tomorrow's start, so rows dated later stay outside the chart.
 */
export async function onHandSeriesScan(
  opts: { skuId: string; warehouseId?: string; days?: number },
  withSold: boolean,
): Promise<{ series: SeriesPoint[]; sold30d: { warehouseId: string; units: number }[] }> {
  const days = opts.days ?? 90;
  if (withSold && days < 31) throw new Error("onHandSeriesScan: the sold-30-days figure needs a window of at least 31 days.");
  const wh = opts.warehouseId ?? null;
  const settings = await db.merchantSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  const tz = settings?.timeZone ?? "America/Sao_Paulo";
  const rows = await db.$queryRaw<{ day: string | null; warehouseId: string | null; delta: number; sold: number }[]>(Prisma.sql`
    WITH b AS (
      SELECT array_agg((date_trunc('day', now() AT TIME ZONE ${tz}) - make_interval(days => g)) AT TIME ZONE ${tz} ORDER BY g DESC) AS at
      FROM generate_series(-1, ${days - 1}::int) g
    )
    SELECT NULL::text AS day, NULL::text AS "warehouseId", COALESCE(sum(s."onHand"), 0)::int AS delta, 0 AS sold
    FROM "StockBalance" s WHERE s."skuId" = ${opts.skuId}::uuid AND (${wh}::uuid IS NULL OR s."warehouseId" = ${wh}::uuid)
    UNION ALL
    SELECT to_char(b.at[x.i] AT TIME ZONE ${tz}, 'YYYY-MM-DD'), x."warehouseId"::text, x.delta, x.sold
    FROM b, (
      SELECT width_bucket(m."createdAt", b.at) AS i, m."warehouseId", sum(m."onHandDelta")::int AS delta,
        COALESCE(sum(-m."onHandDelta") FILTER (WHERE ${withSold} AND m.type = 'SHIPMENT' AND m."createdAt" >= now() - interval '30 days'), 0)::int AS sold
      FROM "StockMovement" m, b
      WHERE m."skuId" = ${opts.skuId}::uuid AND m."createdAt" >= b.at[1]
        AND (${wh}::uuid IS NULL OR m."warehouseId" = ${wh}::uuid) AND m."onHandDelta" <> 0
      GROUP BY 1, 2
    ) x`);
  const byDay = new Map<string, number>();
  const sold = new Map<string, number>();
  for (const r of rows) {
    if (r.day === null) continue;
    byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.delta);
    if (r.sold !== 0 && r.warehouseId) sold.set(r.warehouseId, (sold.get(r.warehouseId) ?? 0) + r.sold);
  }
  const current = rows.find((r) => r.day === null)?.delta ?? 0;
  let level = current - [...byDay.values()].reduce((n, d) => n + d, 0);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const points: SeriesPoint[] = [];
  const [y, mo, d] = today.split("-").map(Number) as [number, number, number];
  for (let i = days - 1; i >= 0; i--) {
    const date = new Date(Date.UTC(y, mo - 1, d - i)).toISOString().slice(0, 10);
    level += byDay.get(date) ?? 0;
    points.push({ date, onHand: level });
  }
  return { series: points, sold30d: [...sold].map(([warehouseId, units]) => ({ warehouseId, units })) };
}
