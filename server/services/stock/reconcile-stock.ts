/**
 * Stock reconciliation: the stored levels must equal what the append-only
 * ledger says. Five checks, each one set-based query:
 *   BALANCE_LEDGER   StockBalance on hand / reserved / unavailable = SUM of the movements' deltas per SKU × warehouse
 *   BIN_LEDGER       BinStock on hand / unavailable (and each kind: damaged, quarantine, QC) = SUM of the deltas of movements in that bin
 *   RESERVATIONS     StockBalance.reserved = SUM of ACTIVE Reservation quantities
 *   BINS_BALANCE     StockBalance on hand / unavailable = SUM over the warehouse's bins
 *   LINE_RESERVED    OrderLine.reservedQty = SUM of its ACTIVE reservations
 * Safety stock is a setting, not a movement, and is not reconciled.
 * Read-only: it reports, a person decides (a count, or a fix of the cause).
 */
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

export const RECONCILE_CHECKS = ["BALANCE_LEDGER", "BIN_LEDGER", "RESERVATIONS", "BINS_BALANCE", "LINE_RESERVED"] as const;
export type ReconcileCheck = (typeof RECONCILE_CHECKS)[number];

export interface DriftRow {
  check: ReconcileCheck;
  field: "onHand" | "reserved" | "unavailable" | "damaged" | "quarantine" | "qc" | "reservedQty";
  skuId: string;
  sku: string;
  warehouseId: string | null;
  warehouse: string | null;
  binId: string | null;
  bin: string | null;
  orderLineId: string | null;
  orderNumber: number | null;
  stored: number;
  expected: number;
}

export interface ReconcileReport {
  ok: boolean;
  checkedAt: Date;
  scanned: { balances: number; bins: number; movements: number; activeReservations: number };
  driftCount: Record<ReconcileCheck, number>;
  /** Up to `limit` rows per check. */
  drift: DriftRow[];
}

type Raw = Omit<DriftRow, "check" | "sku" | "warehouse" | "bin" | "orderNumber">;

const CHECK_SQL: Record<ReconcileCheck, Prisma.Sql> = {
  BALANCE_LEDGER: Prisma.sql`
    WITH m AS (
      SELECT "skuId", "warehouseId", sum("onHandDelta")::int AS on_hand, sum("reservedDelta")::int AS reserved, sum("unavailableDelta")::int AS unavailable
      FROM "StockMovement" GROUP BY 1, 2
    ), j AS (
      SELECT COALESCE(b."skuId", m."skuId") AS "skuId", COALESCE(b."warehouseId", m."warehouseId") AS "warehouseId",
        COALESCE(b."onHand", 0) AS s_on, COALESCE(m.on_hand, 0) AS e_on, COALESCE(b.reserved, 0) AS s_res, COALESCE(m.reserved, 0) AS e_res,
        COALESCE(b.unavailable, 0) AS s_un, COALESCE(m.unavailable, 0) AS e_un
      FROM "StockBalance" b FULL JOIN m ON m."skuId" = b."skuId" AND m."warehouseId" = b."warehouseId"
    )
    SELECT "skuId", "warehouseId", NULL::uuid AS "binId", NULL::uuid AS "orderLineId", f.field, f.stored, f.expected
    FROM j CROSS JOIN LATERAL (VALUES ('onHand', s_on, e_on), ('reserved', s_res, e_res), ('unavailable', s_un, e_un)) AS f(field, stored, expected)
    WHERE f.stored <> f.expected`,
  BIN_LEDGER: Prisma.sql`
    WITH m AS (
      SELECT "skuId", "binId", sum("onHandDelta")::int AS on_hand, sum("unavailableDelta")::int AS unavailable,
        COALESCE(sum("unavailableDelta") FILTER (WHERE "unavailableKind" = 'DAMAGED'), 0)::int AS damaged,
        COALESCE(sum("unavailableDelta") FILTER (WHERE "unavailableKind" = 'QUARANTINE'), 0)::int AS quarantine,
        COALESCE(sum("unavailableDelta") FILTER (WHERE "unavailableKind" = 'QC'), 0)::int AS qc
      FROM "StockMovement" WHERE "binId" IS NOT NULL GROUP BY 1, 2
    ), j AS (
      SELECT COALESCE(b."skuId", m."skuId") AS "skuId", COALESCE(b."binId", m."binId") AS "binId",
        COALESCE(b."onHand", 0) AS s_on, COALESCE(m.on_hand, 0) AS e_on, COALESCE(b.unavailable, 0) AS s_un, COALESCE(m.unavailable, 0) AS e_un,
        COALESCE(b.damaged, 0) AS s_dmg, COALESCE(m.damaged, 0) AS e_dmg, COALESCE(b.quarantine, 0) AS s_qua, COALESCE(m.quarantine, 0) AS e_qua,
        COALESCE(b.qc, 0) AS s_qc, COALESCE(m.qc, 0) AS e_qc
      FROM "BinStock" b FULL JOIN m ON m."skuId" = b."skuId" AND m."binId" = b."binId"
    )
    SELECT j."skuId", bn."warehouseId", j."binId", NULL::uuid AS "orderLineId", f.field, f.stored, f.expected
    FROM j JOIN "Bin" bn ON bn.id = j."binId"
    CROSS JOIN LATERAL (VALUES ('onHand', s_on, e_on), ('unavailable', s_un, e_un), ('damaged', s_dmg, e_dmg), ('quarantine', s_qua, e_qua), ('qc', s_qc, e_qc))
      AS f(field, stored, expected)
    WHERE f.stored <> f.expected`,
  RESERVATIONS: Prisma.sql`
    WITH r AS (SELECT "skuId", "warehouseId", sum(quantity)::int AS q FROM "Reservation" WHERE status = 'ACTIVE' GROUP BY 1, 2)
    SELECT COALESCE(b."skuId", r."skuId") AS "skuId", COALESCE(b."warehouseId", r."warehouseId") AS "warehouseId", NULL::uuid AS "binId",
      NULL::uuid AS "orderLineId", 'reserved' AS field, COALESCE(b.reserved, 0) AS stored, COALESCE(r.q, 0) AS expected
    FROM "StockBalance" b FULL JOIN r ON r."skuId" = b."skuId" AND r."warehouseId" = b."warehouseId"
    WHERE COALESCE(b.reserved, 0) <> COALESCE(r.q, 0)`,
  BINS_BALANCE: Prisma.sql`
    WITH s AS (
      SELECT bs."skuId", bn."warehouseId", sum(bs."onHand")::int AS on_hand, sum(bs.unavailable)::int AS unavailable
      FROM "BinStock" bs JOIN "Bin" bn ON bn.id = bs."binId" GROUP BY 1, 2
    ), j AS (
      SELECT COALESCE(b."skuId", s."skuId") AS "skuId", COALESCE(b."warehouseId", s."warehouseId") AS "warehouseId",
        COALESCE(b."onHand", 0) AS s_on, COALESCE(s.on_hand, 0) AS e_on, COALESCE(b.unavailable, 0) AS s_un, COALESCE(s.unavailable, 0) AS e_un
      FROM "StockBalance" b FULL JOIN s ON s."skuId" = b."skuId" AND s."warehouseId" = b."warehouseId"
    )
    SELECT "skuId", "warehouseId", NULL::uuid AS "binId", NULL::uuid AS "orderLineId", f.field, f.stored, f.expected
    FROM j CROSS JOIN LATERAL (VALUES ('onHand', s_on, e_on), ('unavailable', s_un, e_un)) AS f(field, stored, expected)
    WHERE f.stored <> f.expected`,
  LINE_RESERVED: Prisma.sql`
    WITH r AS (SELECT "orderLineId", sum(quantity)::int AS q FROM "Reservation" WHERE status = 'ACTIVE' GROUP BY 1)
    SELECT l."skuId", NULL::uuid AS "warehouseId", NULL::uuid AS "binId", l.id AS "orderLineId", 'reservedQty' AS field,
      l."reservedQty" AS stored, COALESCE(r.q, 0) AS expected
    FROM "OrderLine" l LEFT JOIN r ON r."orderLineId" = l.id
    WHERE l."skuId" IS NOT NULL AND (l."reservedQty" > 0 OR r.q IS NOT NULL) AND l."reservedQty" <> COALESCE(r.q, 0)`,
};

export async function reconcileStock(opts: { limit?: number } = {}): Promise<ReconcileReport> {
  const limit = opts.limit ?? 200;
  const driftCount = {} as Record<ReconcileCheck, number>;
  const raw: (Raw & { check: ReconcileCheck })[] = [];
  for (const check of RECONCILE_CHECKS) {
    const rows = await db.$queryRaw<Raw[]>(Prisma.sql`SELECT * FROM (${CHECK_SQL[check]}) x ORDER BY "skuId", "warehouseId", "binId", "orderLineId", field`);
    driftCount[check] = rows.length;
    raw.push(...rows.slice(0, limit).map((r) => ({ ...r, check })));
  }
  const names = await namesFor(raw);
  const drift = raw.map((r) => ({
    ...r,
    sku: names.sku.get(r.skuId) ?? r.skuId,
    warehouse: r.warehouseId ? (names.warehouse.get(r.warehouseId) ?? r.warehouseId) : null,
    bin: r.binId ? (names.bin.get(r.binId) ?? r.binId) : null,
    orderNumber: r.orderLineId ? (names.line.get(r.orderLineId) ?? null) : null,
  }));
  const [scanned] = await db.$queryRaw<ReconcileReport["scanned"][]>(Prisma.sql`
    SELECT (SELECT count(*)::int FROM "StockBalance") AS balances, (SELECT count(*)::int FROM "BinStock") AS bins,
      (SELECT count(*)::int FROM "StockMovement") AS movements, (SELECT count(*)::int FROM "Reservation" WHERE status = 'ACTIVE') AS "activeReservations"`);
  return {
    ok: Object.values(driftCount).every((n) => n === 0),
    checkedAt: new Date(),
    scanned: scanned ?? { balances: 0, bins: 0, movements: 0, activeReservations: 0 },
    driftCount,
    drift,
  };
}

async function namesFor(rows: readonly Raw[]) {
  const ids = (pick: (r: Raw) => string | null) => [...new Set(rows.map(pick).filter((x): x is string => x !== null))];
  const [skus, warehouses, bins, lines] = await Promise.all([
    db.sku.findMany({ where: { id: { in: ids((r) => r.skuId) } }, select: { id: true, code: true } }),
    db.warehouse.findMany({ where: { id: { in: ids((r) => r.warehouseId) } }, select: { id: true, code: true } }),
    db.bin.findMany({ where: { id: { in: ids((r) => r.binId) } }, select: { id: true, code: true } }),
    db.orderLine.findMany({ where: { id: { in: ids((r) => r.orderLineId) } }, select: { id: true, order: { select: { number: true } } } }),
  ]);
  return {
    sku: new Map(skus.map((s) => [s.id, s.code])),
    warehouse: new Map(warehouses.map((w) => [w.id, w.code])),
    bin: new Map(bins.map((b) => [b.id, b.code])),
    line: new Map(lines.map((l) => [l.id, l.order.number])),
  };
}
