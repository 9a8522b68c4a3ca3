/**
 * One SKU's stock ledger, newest first, keyset by movement id (`before` = the
 * last id of the previous page), through the (skuId, id) index; and the
 * on-hand-over-time series for the chart: the running sum of the ledger per
 * day of the merchant's time zone.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { MovementType } from "@/server/generated/prisma/enums";

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
  const rows = await db.$queryRaw<LedgerRow[]>(Prisma.sql`
    SELECT m.id::text AS id, m.type::text AS type, m."createdAt", w.code AS "warehouseCode", b.code AS "binCode",
      m."onHandDelta", m."reservedDelta", m."unavailableDelta", m.quantity, m.reason, m."actorLabel",
      m."orderId", o.number AS "orderNumber", m."purchaseOrderId", po.number AS "purchaseOrderNumber"
    FROM "StockMovement" m
    JOIN "Warehouse" w ON w.id = m."warehouseId"
    LEFT JOIN "Bin" b ON b.id = m."binId"
    LEFT JOIN "Order" o ON o.id = m."orderId"
    LEFT JOIN "PurchaseOrder" po ON po.id = m."purchaseOrderId"
    WHERE m."skuId" = ${input.skuId}::uuid
      AND (${wh}::uuid IS NULL OR m."warehouseId" = ${wh}::uuid)
      AND (${before}::bigint IS NULL OR m.id < ${before}::bigint)
    ORDER BY m.id DESC
    LIMIT ${input.limit + 1}`);
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
  const days = opts.days ?? 90;
  const wh = opts.warehouseId ?? null;
  const settings = await db.merchantSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  const tz = settings?.timeZone ?? "America/Sao_Paulo";
  const rows = await db.$queryRaw<{ day: string | null; delta: number }[]>(Prisma.sql`
    WITH start AS (
      SELECT (date_trunc('day', now() AT TIME ZONE ${tz}) - make_interval(days => ${days - 1}::int)) AT TIME ZONE ${tz} AS at
    )
    SELECT NULL AS day, COALESCE(sum(b."onHand"), 0)::int AS delta
    FROM "StockBalance" b WHERE b."skuId" = ${opts.skuId}::uuid AND (${wh}::uuid IS NULL OR b."warehouseId" = ${wh}::uuid)
    UNION ALL
    SELECT to_char(m."createdAt" AT TIME ZONE ${tz}, 'YYYY-MM-DD'), sum(m."onHandDelta")::int
    FROM "StockMovement" m
    WHERE m."skuId" = ${opts.skuId}::uuid AND m."createdAt" >= (SELECT at FROM start)
      AND (${wh}::uuid IS NULL OR m."warehouseId" = ${wh}::uuid) AND m."onHandDelta" <> 0
    GROUP BY 1`);
  const byDay = new Map(rows.filter((r) => r.day !== null).map((r) => [r.day as string, r.delta]));
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
  return points;
}
