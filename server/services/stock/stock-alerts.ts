/**
 * Low-stock and out-of-stock alerts as Exception rows (type LOW_STOCK /
 * OUT_OF_STOCK, skuId and warehouseId set; `data` keeps the numbers plus the
 * sku / warehouse codes for display).
 *
 * The rule, per SKU × warehouse (a StockBalance row), with stock-math's
 * available = max(0, on hand − reserved − unavailable − safety):
 *   - OUT_OF_STOCK when available = 0,
 *   - LOW_STOCK    when 0 < available ≤ Sku.reorderPoint,
 *   - no alert     above the reorder point, or when the SKU or the warehouse is inactive.
 * The two are exclusive: entering OUT resolves the LOW alert and vice versa;
 * back above the reorder point resolves whichever is open.
 *
 * At most one OPEN alert per type × SKU × warehouse: the partial unique index
 * "Exception_one_open_stock_alert" (skuId, warehouseId, type) WHERE status =
 * 'OPEN' AND type IN (LOW_STOCK, OUT_OF_STOCK) guarantees it, and every insert
 * of an alert goes through ALERT_ON_CONFLICT (ON CONFLICT DO NOTHING against that
 * index). The NOT EXISTS checks below are the common-case filter; they read the
 * statement's snapshot, which can miss an alert another transaction committed
 * meanwhile (a job refreshing bare SKU ids holds no balance lock; the reservation
 * statement takes its locks in the same statement, so its snapshot predates
 * the wait). ON CONFLICT then waits for / skips that row instead of failing the
 * caller's transaction with a unique violation.
 *
 * refreshStockAlerts runs in the caller's transaction, after the levels
 * changed, as ONE statement. Bare SKU ids (every warehouse of the SKU) are for
 * jobs and tests.
 *
 * The reservation hot path does not call this: reserve-statement.ts raises an
 * alert in its own statement when a reservation crossed a threshold, with the
 * fragments below (same message, data, matching and conflict handling).
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

export interface StockPair {
  skuId: string;
  warehouseId: string;
}

/** A SKU × warehouse pair, or a bare SKU id meaning every warehouse that holds a balance for it. */
export type AlertTarget = string | StockPair;

export const STOCK_ALERT_TYPES = ["LOW_STOCK", "OUT_OF_STOCK"] as const;
export type StockAlertType = (typeof STOCK_ALERT_TYPES)[number];

/** Pure form of the rule (the SQL below mirrors it). */
export function stockAlertFor(available: number, reorderPoint: number, active = true): StockAlertType | null {
  if (!active) return null;
  if (available <= 0) return "OUT_OF_STOCK";
  if (available <= reorderPoint) return "LOW_STOCK";
  return null;
}

/** An OPEN alert row `e` about SKU × warehouse (its predicate implies the partial unique index's, so the index serves it). */
export function alertMatches(skuId: Prisma.Sql, warehouseId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`e."skuId" = ${skuId} AND e."warehouseId" = ${warehouseId} AND e.status = 'OPEN' AND e.type IN ('LOW_STOCK', 'OUT_OF_STOCK')`;
}

/** Columns of an alert INSERT; the SELECT gives type, skuId, warehouseId, ALERT_MESSAGE, ALERT_DATA. */
export const ALERT_COLUMNS = Prisma.sql`(type, "skuId", "warehouseId", message, data)`;

/** Conflict clause of an alert INSERT: a concurrent transaction opened the same alert first — keep that one. */
export const ALERT_ON_CONFLICT = Prisma.sql`ON CONFLICT ("skuId", "warehouseId", type) WHERE status = 'OPEN' AND type IN ('LOW_STOCK', 'OUT_OF_STOCK') DO NOTHING`;

/** Message of a new alert; `a` has scode, wname, available, rp. */
export const ALERT_MESSAGE = Prisma.sql`CASE WHEN a.want = 'OUT_OF_STOCK' THEN a.scode || ' is out of stock at ' || a.wname
  ELSE a.scode || ' is low at ' || a.wname || ': ' || a.available || ' available (reorder point ' || a.rp || ')' END`;

/** Data of a new alert; `a` has skuId, warehouseId, scode, wcode, available, rp, onhand, reserved. */
export const ALERT_DATA = Prisma.sql`jsonb_build_object('sku', a.scode, 'warehouse', a.wcode, 'warehouseId', a."warehouseId",
  'available', a.available, 'reorderPoint', a.rp, 'onHand', a.onhand, 'reserved', a.reserved)`;

export interface RefreshResult {
  opened: number;
  resolved: number;
}

export async function refreshStockAlerts(tx: DbTx, targets: readonly AlertTarget[]): Promise<RefreshResult> {
  if (targets.length === 0) return { opened: 0, resolved: 0 };
  const rows = JSON.stringify(targets.map((t) => (typeof t === "string" ? { skuId: t, warehouseId: null } : t)));
  const out = await tx.$queryRaw<RefreshResult[]>(Prisma.sql`
    WITH t AS (
      SELECT DISTINCT * FROM jsonb_to_recordset(${rows}::jsonb) AS t("skuId" uuid, "warehouseId" uuid)
    ), a AS MATERIALIZED (
      SELECT DISTINCT b."skuId", b."warehouseId", s.code AS scode, w.code AS wcode, w.name AS wname, s."reorderPoint" AS rp,
        b."onHand" AS onhand, b.reserved, x.available,
        CASE WHEN NOT (s.active AND w.active) THEN NULL
             WHEN x.available = 0 THEN 'OUT_OF_STOCK'
             WHEN x.available <= s."reorderPoint" THEN 'LOW_STOCK' END AS want
      FROM t JOIN "StockBalance" b ON b."skuId" = t."skuId" AND (t."warehouseId" IS NULL OR b."warehouseId" = t."warehouseId")
      JOIN "Sku" s ON s.id = b."skuId" JOIN "Warehouse" w ON w.id = b."warehouseId"
      CROSS JOIN LATERAL (SELECT GREATEST(0, b."onHand" - b.reserved - b.unavailable - b.safety)::int AS available) x
    ), open AS MATERIALIZED (
      SELECT e.id, e.type, a."skuId", a."warehouseId", a.want
      FROM a JOIN "Exception" e ON ${alertMatches(Prisma.sql`a."skuId"`, Prisma.sql`a."warehouseId"`)}
    ), resolved AS (
      UPDATE "Exception" e SET status = 'RESOLVED', "resolvedAt" = now()
      FROM open o WHERE e.id = o.id AND o.type IS DISTINCT FROM o.want
      RETURNING e.id
    ), opened AS (
      INSERT INTO "Exception" ${ALERT_COLUMNS}
      SELECT a.want, a."skuId", a."warehouseId", ${ALERT_MESSAGE}, ${ALERT_DATA}
      FROM a WHERE a.want IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM open o WHERE o."skuId" = a."skuId" AND o."warehouseId" = a."warehouseId" AND o.type = a.want)
      ${ALERT_ON_CONFLICT}
      RETURNING id
    )
    SELECT (SELECT count(*) FROM opened)::int AS opened, (SELECT count(*) FROM resolved)::int AS resolved`);
  return out[0] ?? { opened: 0, resolved: 0 };
}

/** The distinct SKU × warehouse pairs of a list of changes (input of refreshStockAlerts). */
export function pairsOf(rows: readonly StockPair[]): StockPair[] {
  return [...new Map(rows.map((r) => [`${r.skuId}|${r.warehouseId}`, { skuId: r.skuId, warehouseId: r.warehouseId }])).values()];
}
