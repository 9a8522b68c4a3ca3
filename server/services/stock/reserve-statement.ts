/**
 * The reservation itself: ONE statement (it runs on its own, autocommitted, on
 * the hot path) that
 *   0. locks the order and goes on only if it may still hold stock (a cancel
 *      that won the race leaves nothing reserved for a cancelled order),
 * and, for each (SKU, warehouse) the allocation asked for (lines sharing a SKU
 * aggregated first: a row is updated once per statement),
 *   1. locks the StockBalance rows in primary-key order (no deadlock between
 *      two orders that want the same SKUs),
 *   2. increments `reserved` only WHERE on hand − reserved − unavailable −
 *      safety ≥ the quantity — the affected rows decide; oversell is
 *      impossible by construction and the CHECK constraint is the last guard,
 *   3. writes the Reservation rows, the RESERVATION ledger rows and the
 *      OrderLine quantities for the rows that succeeded,
 *   4. opens a LOW_STOCK / OUT_OF_STOCK alert where a reservation crossed the
 *      reorder point or took the last unit (stock-alerts.ts).
 * When every row succeeded (or `final`), it also writes the planned
 * backorders, the Order's warehouse + allocation, the timeline event and the
 * exceptions. Otherwise the caller retries on fresh numbers.
 *
 * When it backorders, it also locks the balances the order could still take
 * from (`checkPairs`) and reports whether any has stock now: a transaction that
 * freed stock a moment ago (a cancel) may have handed it out before this
 * backorder was visible, so the caller then runs the backorder sweep. Locking
 * waits for such a transaction to finish, so nothing slips between the two.
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { ALERT_COLUMNS, ALERT_DATA, ALERT_MESSAGE, ALERT_ON_CONFLICT, alertMatches } from "@/server/services/stock/stock-alerts";
import { RESERVABLE_STATUSES } from "@/server/services/stock/stock-statuses";

export interface ReserveRequest {
  lineId: string;
  skuId: string;
  warehouseId: string;
  quantity: number;
}

export interface ReserveStatementInput {
  orderId: string;
  requests: readonly ReserveRequest[];
  /** Quantities already known to wait for stock (allocation backorders, unknown SKUs). */
  plannedBackorders: readonly { lineId: string; quantity: number }[];
  /** Last attempt: write everything even if some rows failed (failed quantities become backorders). */
  final: boolean;
  actor: { actorId: string | null; actorLabel: string };
  movementReason: string;
  warehouseId: string | null;
  allocation: unknown;
  summary: string;
  /** Exception texts (null = do not raise). */
  backorderException: string | null;
  unknownSkuException: { message: string; data: unknown } | null;
  /** Balances to re-check under lock if the order ends up backordered. */
  checkPairs: readonly { skuId: string; warehouseId: string }[];
}

export interface ReserveStatementResult {
  /** False when the order is gone or no longer in a stage that holds stock: nothing was written. */
  orderOk: boolean;
  finalized: boolean;
  /** Backordered, but one of checkPairs has available stock now: run the backorder sweep. */
  recheck: boolean;
  /** (SKU, warehouse) pairs whose reservation succeeded. */
  succeeded: { skuId: string; warehouseId: string }[];
  /** Units backordered by this statement (0 when not finalized). */
  backorderedUnits: number;
}

export async function runReserveStatement(tx: DbTx, p: ReserveStatementInput): Promise<ReserveStatementResult> {
  const rows = await tx.$queryRaw<{ order_ok: boolean; finalized: boolean; recheck: boolean | null; backordered: number; succeeded: { skuId: string; warehouseId: string }[] | null }[]>(Prisma.sql`
    WITH ord AS MATERIALIZED (
      SELECT id FROM "Order" WHERE id = ${p.orderId}::uuid AND status::text = ANY(${[...RESERVABLE_STATUSES]}::text[])
      FOR UPDATE
    ), req AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(p.requests)}::jsonb) AS r("lineId" uuid, "skuId" uuid, "warehouseId" uuid, quantity int)
    ), agg AS (
      SELECT "skuId", "warehouseId", sum(quantity)::int AS quantity FROM req GROUP BY 1, 2
    ), checkp AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(p.checkPairs)}::jsonb) AS c("skuId" uuid, "warehouseId" uuid)
    ), lockset AS (
      SELECT "skuId", "warehouseId" FROM agg UNION SELECT "skuId", "warehouseId" FROM checkp
    ), locked AS MATERIALIZED (
      SELECT b."skuId", b."warehouseId", b."onHand" - b.reserved - b.unavailable - b.safety AS available FROM "StockBalance" b
      JOIN lockset s ON s."skuId" = b."skuId" AND s."warehouseId" = b."warehouseId"
      -- jsonb_to_recordset is estimated at 100 rows: without this the planner hash-joins every StockBalance row.
      WHERE b."skuId" = ANY(${[...new Set([...p.requests, ...p.checkPairs].map((r) => r.skuId))]}::uuid[])
        AND (SELECT count(*) FROM ord) = 1
      ORDER BY b."skuId", b."warehouseId"
      FOR UPDATE OF b
    ), upd AS (
      UPDATE "StockBalance" b SET reserved = b.reserved + a.quantity
      FROM agg a JOIN locked k ON k."skuId" = a."skuId" AND k."warehouseId" = a."warehouseId"
      WHERE b."skuId" = a."skuId" AND b."warehouseId" = a."warehouseId"
        AND b."onHand" - b.reserved - b.unavailable - b.safety >= a.quantity
      RETURNING b."skuId", b."warehouseId", b."onHand" AS onhand, b.reserved, b."onHand" - b.reserved - b.unavailable - b.safety AS available
    ), crossed AS (
      -- Stock alerts (stock-alerts.ts) only where this reservation crossed the reorder point or reached 0: the
      -- common case reads nothing more. Later reservations see the crossed level under the lock, so none opens a duplicate;
      -- ALERT_ON_CONFLICT covers an alert committed by another transaction after this statement's snapshot.
      SELECT u."skuId", u."warehouseId", s.code AS scode, w.code AS wcode, w.name AS wname, s."reorderPoint" AS rp, u.onhand, u.reserved,
        GREATEST(0, u.available)::int AS available, CASE WHEN u.available <= 0 THEN 'OUT_OF_STOCK' ELSE 'LOW_STOCK' END AS want
      FROM upd u JOIN locked k ON k."skuId" = u."skuId" AND k."warehouseId" = u."warehouseId"
      JOIN "Sku" s ON s.id = u."skuId" JOIN "Warehouse" w ON w.id = u."warehouseId"
      WHERE s.active AND w.active AND ((k.available > 0 AND u.available <= 0) OR (k.available > s."reorderPoint" AND u.available <= s."reorderPoint"))
    ), alert_resolve AS (
      UPDATE "Exception" e SET status = 'RESOLVED', "resolvedAt" = now()
      FROM crossed a WHERE a.want = 'OUT_OF_STOCK' AND e.type = 'LOW_STOCK' AND ${alertMatches(Prisma.sql`a."skuId"`, Prisma.sql`a."warehouseId"`)}
      RETURNING e.id
    ), alert_open AS (
      INSERT INTO "Exception" ${ALERT_COLUMNS}
      SELECT a.want, a."skuId", a."warehouseId", ${ALERT_MESSAGE}, ${ALERT_DATA} FROM crossed a
      WHERE NOT EXISTS (SELECT 1 FROM "Exception" e WHERE e.type = a.want AND ${alertMatches(Prisma.sql`a."skuId"`, Prisma.sql`a."warehouseId"`)})
      ${ALERT_ON_CONFLICT}
      RETURNING id
    ), ok AS (
      SELECT r.* FROM req r JOIN upd u ON u."skuId" = r."skuId" AND u."warehouseId" = r."warehouseId"
    ), fin AS (
      SELECT (SELECT count(*) FROM ord) = 1 AND (${p.final}::boolean OR (SELECT count(*) FROM upd) = (SELECT count(*) FROM agg)) AS v
    ), planned AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(p.plannedBackorders)}::jsonb) AS b("lineId" uuid, quantity int)
    ), per_line AS (
      SELECT "lineId", sum(reserved)::int AS reserved, sum(backordered)::int AS backordered FROM (
        SELECT "lineId", quantity AS reserved, 0 AS backordered FROM ok
        UNION ALL
        SELECT "lineId", 0, quantity FROM planned WHERE (SELECT v FROM fin)
        UNION ALL
        SELECT r."lineId", 0, r.quantity FROM req r
        WHERE ${p.final}::boolean AND (SELECT count(*) FROM ord) = 1
          AND NOT EXISTS (SELECT 1 FROM upd u WHERE u."skuId" = r."skuId" AND u."warehouseId" = r."warehouseId")
      ) x GROUP BY "lineId"
    ), bo AS (
      SELECT coalesce(sum(p.backordered), 0)::int AS total,
             coalesce(sum(p.backordered) FILTER (WHERE l."skuId" IS NOT NULL), 0)::int AS known,
             jsonb_agg(jsonb_build_object('lineId', l.id, 'lineNo', l."lineNo", 'sku', l.sku, 'quantity', p.backordered) ORDER BY l."lineNo")
               FILTER (WHERE p.backordered > 0 AND l."skuId" IS NOT NULL) AS lines
      FROM per_line p JOIN "OrderLine" l ON l.id = p."lineId"
    ), upd_lines AS (
      UPDATE "OrderLine" l SET "reservedQty" = l."reservedQty" + p.reserved, "backorderedQty" = l."backorderedQty" + p.backordered
      FROM per_line p WHERE l.id = p."lineId" AND l."orderId" = ${p.orderId}::uuid
      RETURNING l.id
    ), ins_res AS (
      INSERT INTO "Reservation" ("orderId", "orderLineId", "skuId", "warehouseId", quantity)
      SELECT ${p.orderId}::uuid, "lineId", "skuId", "warehouseId", quantity FROM ok
      RETURNING id
    ), ins_mov AS (
      INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "reservedDelta", reason, "actorId", "actorLabel", "orderId")
      SELECT 'RESERVATION'::"MovementType", "skuId", "warehouseId", quantity, ${p.movementReason}, ${p.actor.actorId}::uuid, ${p.actor.actorLabel}, ${p.orderId}::uuid
      FROM ok
      RETURNING id
    ), upd_order AS (
      UPDATE "Order" SET "warehouseId" = COALESCE(${p.warehouseId}::uuid, "warehouseId"), allocation = ${JSON.stringify(p.allocation)}::jsonb
      WHERE id = ${p.orderId}::uuid AND (SELECT v FROM fin)
      RETURNING id
    ), ins_event AS (
      INSERT INTO "OrderEvent" ("orderId", type, "actorId", "actorLabel", reason, data)
      SELECT ${p.orderId}::uuid, CASE WHEN bo.total > 0 THEN 'stock.backordered' ELSE 'stock.reserved' END,
        ${p.actor.actorId}::uuid, ${p.actor.actorLabel}, ${p.summary},
        jsonb_build_object('reservedUnits', (SELECT coalesce(sum(quantity), 0) FROM ok), 'backorderedUnits', bo.total,
          'warehouseId', ${p.warehouseId}::uuid)
      FROM bo WHERE (SELECT v FROM fin) AND EXISTS (SELECT 1 FROM per_line)
      RETURNING id
    ), ins_backorder_exc AS (
      INSERT INTO "Exception" (type, "orderId", message, data)
      SELECT 'ORDER_BACKORDERED', ${p.orderId}::uuid, ${p.backorderException}::text, jsonb_build_object('lines', bo.lines)
      FROM bo
      WHERE ${p.backorderException}::text IS NOT NULL AND (SELECT v FROM fin) AND bo.known > 0
        AND NOT EXISTS (SELECT 1 FROM "Exception" e WHERE e."orderId" = ${p.orderId}::uuid AND e.type = 'ORDER_BACKORDERED' AND e.status = 'OPEN')
      RETURNING id
    ), ins_unknown_exc AS (
      INSERT INTO "Exception" (type, "orderId", message, data)
      SELECT 'UNKNOWN_SKU', ${p.orderId}::uuid, ${p.unknownSkuException?.message ?? null}::text, ${JSON.stringify(p.unknownSkuException?.data ?? null)}::jsonb
      WHERE ${p.unknownSkuException?.message ?? null}::text IS NOT NULL AND (SELECT v FROM fin)
      RETURNING id
    )
    SELECT (SELECT count(*) FROM ord) = 1 AS order_ok, (SELECT v FROM fin) AS finalized,
      CASE WHEN (SELECT v FROM fin) THEN (SELECT total FROM bo) ELSE 0 END AS backordered,
      (SELECT v FROM fin) AND (SELECT known FROM bo) > 0 AND EXISTS (
        SELECT 1 FROM locked k JOIN checkp c ON c."skuId" = k."skuId" AND c."warehouseId" = k."warehouseId"
        LEFT JOIN (SELECT a.* FROM agg a JOIN upd u ON u."skuId" = a."skuId" AND u."warehouseId" = a."warehouseId") t
          ON t."skuId" = k."skuId" AND t."warehouseId" = k."warehouseId"
        WHERE k.available - COALESCE(t.quantity, 0) > 0) AS recheck,
      (SELECT json_agg(json_build_object('skuId', "skuId", 'warehouseId', "warehouseId")) FROM upd) AS succeeded`);
  const row = rows[0];
  if (!row) throw new Error("reservation statement returned no row");
  return { orderOk: row.order_ok, finalized: row.finalized, recheck: row.recheck === true, succeeded: row.succeeded ?? [], backorderedUnits: row.backordered };
}
