/**
 * The reservation itself: ONE statement (it runs on its own, autocommitted, on
 * the hot path; one statement also serves a batch of orders, see
 * runReserveStatements) that
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
import { CACHED_PLAN, runSql, type DbTx } from "@/server/db";
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
  /** Go on only if the order's channelUpdatedAt is still this (ReservationContext.capturedVersion); otherwise orderOk is false. */
  capturedVersion?: Date;
}

export interface ReserveStatementResult {
  /** False when the order is gone, no longer in a stage that holds stock, or changed since capturedVersion: nothing was written. */
  orderOk: boolean;
  finalized: boolean;
  /** Backordered, but one of checkPairs has available stock now: run the backorder sweep. */
  recheck: boolean;
  /** (SKU, warehouse) pairs whose reservation succeeded. */
  succeeded: { skuId: string; warehouseId: string }[];
  /** Units backordered by this statement (0 when not finalized). */
  backorderedUnits: number;
}

/** One order's reservation (a batch of one). */
export async function runReserveStatement(tx: DbTx | undefined, p: ReserveStatementInput): Promise<ReserveStatementResult> {
  const [r] = await runReserveStatements(tx, [p]);
  if (!r) throw new Error("reservation statement returned no row");
  return r;
}

/**
 * Several orders' reservations in ONE statement (the ingest batcher groups
 * concurrent captures, reserve-order-stock.ts). Orders are locked in id order,
 * balances in (skuId, warehouseId) order. Each balance row hands its available
 * units to the orders in input order (a running sum under the row lock): an
 * order whose request does not fit is not finalized and its caller retries it
 * on fresh numbers, exactly as a single order that lost a race.
 * Results come back in input order. Without `tx`, on the hot-path pool (hotQuery).
 */
export async function runReserveStatements(tx: DbTx | undefined, input: readonly ReserveStatementInput[]): Promise<ReserveStatementResult[]> {
  if (input.length === 0) return [];
  if (new Set(input.map((p) => p.orderId)).size !== input.length) throw new Error("runReserveStatements: an order appears twice in one batch");
  const orders = input.map((p, k) => ({
    k, orderId: p.orderId, final: p.final, actorId: p.actor.actorId, actorLabel: p.actor.actorLabel, reason: p.movementReason,
    warehouseId: p.warehouseId, allocation: p.allocation ?? null, summary: p.summary, backorderException: p.backorderException,
    unknownMessage: p.unknownSkuException?.message ?? null, unknownData: p.unknownSkuException?.data ?? null,
    capturedVersion: p.capturedVersion?.toISOString() ?? null,
  }));
  const requests = input.flatMap((p, k) => p.requests.map((r) => ({ k, ...r })));
  const planned = input.flatMap((p, k) => p.plannedBackorders.map((b) => ({ k, ...b })));
  const checks = input.flatMap((p, k) => p.checkPairs.map((c) => ({ k, skuId: c.skuId, warehouseId: c.warehouseId })));
  const skuIds = [...new Set([...requests, ...checks].map((r) => r.skuId))];
  // A first attempt (not final) backorders only what was planned: a request that does not fit leaves its order unfinalized.
  const mayBackorder = input.some((p) => p.final || p.plannedBackorders.length > 0);
  const raisesOrderExceptions = mayBackorder || input.some((p) => p.unknownSkuException !== null);
  const rows = await runSql<StatementRow>(tx, Prisma.sql`${CACHED_PLAN}
    WITH o_in AS MATERIALIZED (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(orders)}::jsonb) AS o(k int, "orderId" uuid, final boolean, "actorId" uuid,
        "actorLabel" text, reason text, "warehouseId" uuid, allocation jsonb, summary text, "backorderException" text,
        "unknownMessage" text, "unknownData" jsonb, "capturedVersion" timestamptz)
    ), ord AS MATERIALIZED (
      SELECT id, "channelUpdatedAt" FROM "Order" WHERE id = ANY(${[...new Set(input.map((p) => p.orderId))]}::uuid[])
        AND status::text = ANY(${[...RESERVABLE_STATUSES]}::text[])
      ORDER BY id
      FOR UPDATE
    ), oi AS MATERIALIZED (
      -- An order a channel update changed after the capture that read its lines is left to a fresh read.
      SELECT i.* FROM o_in i JOIN ord ON ord.id = i."orderId" AND (i."capturedVersion" IS NULL OR ord."channelUpdatedAt" = i."capturedVersion")
    ), req AS MATERIALIZED (
      SELECT r.* FROM jsonb_to_recordset(${JSON.stringify(requests)}::jsonb) AS r(k int, "lineId" uuid, "skuId" uuid, "warehouseId" uuid, quantity int)
      JOIN oi ON oi.k = r.k
    ), agg AS MATERIALIZED (
      SELECT k, "skuId", "warehouseId", sum(quantity)::int AS quantity FROM req GROUP BY 1, 2, 3
    ), checkp AS MATERIALIZED (
      SELECT c.* FROM jsonb_to_recordset(${JSON.stringify(checks)}::jsonb) AS c(k int, "skuId" uuid, "warehouseId" uuid)
      JOIN oi ON oi.k = c.k
    ), lockset AS (
      SELECT "skuId", "warehouseId" FROM agg UNION SELECT "skuId", "warehouseId" FROM checkp
    ), locked AS MATERIALIZED (
      SELECT b."skuId", b."warehouseId", b."onHand" - b.reserved - b.unavailable - b.safety AS available FROM "StockBalance" b
      JOIN lockset s ON s."skuId" = b."skuId" AND s."warehouseId" = b."warehouseId"
      -- jsonb_to_recordset is estimated at 100 rows: without this the planner hash-joins every StockBalance row.
      WHERE b."skuId" = ANY(${skuIds}::uuid[])
      ORDER BY b."skuId", b."warehouseId"
      FOR UPDATE OF b
    ), fill AS MATERIALIZED (
      -- Under the row lock, each balance serves the orders in input order while the running sum fits.
      SELECT a.k, a."skuId", a."warehouseId", a.quantity,
        sum(a.quantity) OVER (PARTITION BY a."skuId", a."warehouseId" ORDER BY a.k) <= l.available AS fits
      FROM agg a JOIN locked l ON l."skuId" = a."skuId" AND l."warehouseId" = a."warehouseId"
    ), tot AS (
      SELECT "skuId", "warehouseId", sum(quantity)::int AS quantity FROM fill WHERE fits GROUP BY 1, 2
    ), upd AS (
      UPDATE "StockBalance" b SET reserved = b.reserved + t.quantity
      FROM tot t
      WHERE b."skuId" = t."skuId" AND b."warehouseId" = t."warehouseId"
        AND b."onHand" - b.reserved - b.unavailable - b.safety >= t.quantity
      RETURNING b."skuId", b."warehouseId", b."onHand" AS onhand, b.reserved, b."onHand" - b.reserved - b.unavailable - b.safety AS available
    ), okf AS MATERIALIZED (
      -- What was reserved: the rows that fit AND whose balance update went through (the WHERE above is the guard).
      SELECT f.k, f."skuId", f."warehouseId", f.quantity FROM fill f JOIN upd u ON u."skuId" = f."skuId" AND u."warehouseId" = f."warehouseId"
      WHERE f.fits
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
    ), ok AS MATERIALIZED (
      SELECT r.* FROM req r JOIN okf f ON f.k = r.k AND f."skuId" = r."skuId" AND f."warehouseId" = r."warehouseId"
    ), fin AS MATERIALIZED (
      -- An order is finalized when every (SKU, warehouse) it asked for was reserved, or on its last attempt.
      SELECT oi.k, oi.final OR NOT EXISTS (
        SELECT 1 FROM agg a WHERE a.k = oi.k AND NOT EXISTS (SELECT 1 FROM okf f WHERE f.k = a.k AND f."skuId" = a."skuId" AND f."warehouseId" = a."warehouseId")
      ) AS v
      FROM oi
    ), per_line AS MATERIALIZED (
      SELECT k, "lineId", sum(reserved)::int AS reserved, sum(backordered)::int AS backordered FROM (
        SELECT k, "lineId", quantity AS reserved, 0 AS backordered FROM ok
        UNION ALL
        SELECT p.k, p."lineId", 0, p.quantity
        FROM jsonb_to_recordset(${JSON.stringify(planned)}::jsonb) AS p(k int, "lineId" uuid, quantity int)
        JOIN fin ON fin.k = p.k AND fin.v
        UNION ALL
        SELECT r.k, r."lineId", 0, r.quantity FROM req r JOIN oi ON oi.k = r.k AND oi.final
        WHERE NOT EXISTS (SELECT 1 FROM okf f WHERE f.k = r.k AND f."skuId" = r."skuId" AND f."warehouseId" = r."warehouseId")
      ) x GROUP BY k, "lineId"
    ), bo AS MATERIALIZED (
      SELECT p.k, coalesce(sum(p.backordered), 0)::int AS total,
             coalesce(sum(p.backordered) FILTER (WHERE l."skuId" IS NOT NULL), 0)::int AS known,
             jsonb_agg(jsonb_build_object('lineId', l.id, 'lineNo', l."lineNo", 'sku', l.sku, 'quantity', p.backordered) ORDER BY l."lineNo")
               FILTER (WHERE p.backordered > 0 AND l."skuId" IS NOT NULL) AS lines
      FROM per_line p JOIN "OrderLine" l ON l.id = p."lineId"
      GROUP BY p.k
    ), upd_lines AS (
      UPDATE "OrderLine" l SET "reservedQty" = l."reservedQty" + p.reserved, "backorderedQty" = l."backorderedQty" + p.backordered
      FROM per_line p JOIN oi ON oi.k = p.k
      WHERE l.id = p."lineId" AND l."orderId" = oi."orderId"
      RETURNING l.id
    ), ins_res AS (
      INSERT INTO "Reservation" ("orderId", "orderLineId", "skuId", "warehouseId", quantity)
      SELECT oi."orderId", ok."lineId", ok."skuId", ok."warehouseId", ok.quantity FROM ok JOIN oi ON oi.k = ok.k
      RETURNING id
    ), ins_mov AS (
      INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "reservedDelta", reason, "actorId", "actorLabel", "orderId")
      SELECT 'RESERVATION'::"MovementType", ok."skuId", ok."warehouseId", ok.quantity, oi.reason, oi."actorId", oi."actorLabel", oi."orderId"
      FROM ok JOIN oi ON oi.k = ok.k
      RETURNING id
    ), upd_order AS (
      UPDATE "Order" o SET "warehouseId" = COALESCE(oi."warehouseId", o."warehouseId"), allocation = oi.allocation
      FROM oi JOIN fin ON fin.k = oi.k AND fin.v
      WHERE o.id = oi."orderId"
      RETURNING o.id
    ), ins_event AS (
      INSERT INTO "OrderEvent" ("orderId", type, "actorId", "actorLabel", reason, data)
      SELECT oi."orderId", CASE WHEN coalesce(bo.total, 0) > 0 THEN 'stock.backordered' ELSE 'stock.reserved' END,
        oi."actorId", oi."actorLabel", oi.summary,
        jsonb_build_object('reservedUnits', (SELECT coalesce(sum(quantity), 0) FROM ok WHERE ok.k = oi.k), 'backorderedUnits', coalesce(bo.total, 0),
          'warehouseId', oi."warehouseId", 'reasons', oi.allocation -> 'reasons')
      FROM oi JOIN fin ON fin.k = oi.k AND fin.v LEFT JOIN bo ON bo.k = oi.k
      WHERE EXISTS (SELECT 1 FROM per_line p WHERE p.k = oi.k)
      RETURNING id
    )${raisesOrderExceptions ? Prisma.sql`, ins_order_exc AS (
      -- Only in the statements that can raise one (mayBackorder, an unknown SKU): the common one opens no Exception indexes here.
      INSERT INTO "Exception" (type, "orderId", message, data)
      SELECT 'ORDER_BACKORDERED', oi."orderId", oi."backorderException", jsonb_build_object('lines', bo.lines)
      FROM oi JOIN fin ON fin.k = oi.k AND fin.v JOIN bo ON bo.k = oi.k
      WHERE oi."backorderException" IS NOT NULL AND bo.known > 0
        AND NOT EXISTS (SELECT 1 FROM "Exception" e WHERE e."orderId" = oi."orderId" AND e.type = 'ORDER_BACKORDERED' AND e.status = 'OPEN')
      UNION ALL
      SELECT 'UNKNOWN_SKU', oi."orderId", oi."unknownMessage", oi."unknownData"
      FROM oi JOIN fin ON fin.k = oi.k AND fin.v
      WHERE oi."unknownMessage" IS NOT NULL
      RETURNING id
    )` : Prisma.empty}
    SELECT i.k, oi.k IS NOT NULL AS order_ok, coalesce(fin.v, false) AS finalized,
      CASE WHEN fin.v THEN coalesce(bo.total, 0) ELSE 0 END AS backordered,
      coalesce(fin.v AND coalesce(bo.known, 0) > 0 AND EXISTS (
        -- Backordered while one of the balances it could take from has stock after this statement: run the sweep.
        SELECT 1 FROM checkp c JOIN locked l ON l."skuId" = c."skuId" AND l."warehouseId" = c."warehouseId"
        LEFT JOIN upd u ON u."skuId" = c."skuId" AND u."warehouseId" = c."warehouseId"
        WHERE c.k = i.k AND COALESCE(u.available, l.available) > 0), false) AS recheck,
      (SELECT json_agg(json_build_object('skuId', f."skuId", 'warehouseId', f."warehouseId")) FROM okf f WHERE f.k = i.k) AS succeeded
    FROM o_in i LEFT JOIN oi ON oi.k = i.k LEFT JOIN fin ON fin.k = i.k LEFT JOIN bo ON bo.k = i.k
    ORDER BY i.k`);
  if (rows.length !== input.length) throw new Error(`reservation statement returned ${rows.length} rows for ${input.length} orders`);
  return rows.map((row) => ({
    orderOk: row.order_ok, finalized: row.finalized, recheck: row.recheck === true, succeeded: row.succeeded ?? [], backorderedUnits: row.backordered,
  }));
}

interface StatementRow {
  k: number;
  order_ok: boolean;
  finalized: boolean;
  recheck: boolean | null;
  backordered: number;
  succeeded: { skuId: string; warehouseId: string }[] | null;
}
