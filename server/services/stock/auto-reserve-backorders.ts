/**
 * Stock arrived (receipt, return, count up, transfer in, release of another
 * order's reservation): give it to the orders waiting for that SKU in that
 * warehouse, oldest order first (the partial index OrderLine_backordered_idx
 * finds them). Each filled line gets the same rows as a reservation at
 * capture (Reservation, RESERVATION movement, line quantities) and its order
 * a "stock.reserved" timeline event. An order whose lines are now all reserved
 * leaves BACKORDERED through the state machine (ALLOCATE), its OUT_OF_STOCK
 * hold is released (the reason is gone) and its ORDER_BACKORDERED exception
 * resolved.
 *
 * The balance row is locked first; waiting orders are locked with SKIP LOCKED
 * so this never waits on an order someone is changing (that order is served
 * at the next arrival or by the next sweep).
 */
import { db, type DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { Actor } from "@/server/services/order/actor";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import { RESERVABLE_STATUSES } from "@/server/services/stock/stock-statuses";
import { STOCK_SYSTEM_ACTOR, inStockTx, who } from "@/server/services/stock/stock-tx";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

const BATCH = 100;

export interface FilledLine {
  orderId: string;
  orderLineId: string;
  skuId: string;
  warehouseId: string;
  quantity: number;
}

export interface AutoReserveResult {
  filled: FilledLine[];
  /** Orders that moved BACKORDERED → ALLOCATED. */
  allocated: string[];
}

interface Candidate {
  lineId: string;
  orderId: string;
  backorderedQty: number;
}

export async function autoReserveBackorders(opts: {
  pairs: readonly { skuId: string; warehouseId: string }[];
  /** Why stock arrived, for the ledger and the timeline (e.g. "Receipt of PO #12"). */
  trigger: string;
  actor?: Actor;
  tx?: DbTx;
  /** Orders that must not take these units (the order that has just given them back: REALLOCATE). */
  skipOrderIds?: readonly string[];
}): Promise<AutoReserveResult> {
  const pairs = [...new Map(opts.pairs.map((p) => [`${p.skuId}|${p.warehouseId}`, p])).values()].sort((a, b) =>
    a.skuId === b.skuId ? (a.warehouseId < b.warehouseId ? -1 : 1) : a.skuId < b.skuId ? -1 : 1,
  );
  if (pairs.length === 0) return { filled: [], allocated: [] };
  return inStockTx(opts.tx, async (tx) => {
    const filled: FilledLine[] = [];
    for (const pair of pairs) filled.push(...(await fillPair(tx, pair, opts.trigger, opts.actor ?? STOCK_SYSTEM_ACTOR, opts.skipOrderIds ?? [])));
    const allocated = await advanceFilledOrders(tx, [...new Set(filled.map((f) => f.orderId))]);
    return { filled, allocated };
  });
}

/**
 * An order that has just been backordered looks once more, under the balance
 * locks, for stock that another transaction freed while this one was deciding
 * (a cancel whose refill ran before this order's backorder was visible).
 * Without it, stock could sit idle while this order waits.
 */
export async function sweepOrderBackorders(tx: DbTx, orderId: string, trigger: string): Promise<AutoReserveResult> {
  const pairs = await tx.$queryRaw<{ skuId: string; warehouseId: string }[]>(Prisma.sql`
    SELECT DISTINCT b."skuId", b."warehouseId"
    FROM "OrderLine" l JOIN "StockBalance" b ON b."skuId" = l."skuId" JOIN "Warehouse" w ON w.id = b."warehouseId" AND w.active
    WHERE l."orderId" = ${orderId}::uuid AND l."backorderedQty" > 0`);
  return autoReserveBackorders({ tx, pairs, trigger });
}

/**
 * Safety net for a job (cron): every SKU × warehouse that has sellable stock
 * while lines wait for that SKU gets the usual oldest-first fill. Catches
 * what an arrival skipped because the waiting order was locked at that moment.
 */
export async function sweepAllBackorders(opts: { actor?: Actor } = {}): Promise<AutoReserveResult> {
  const pairs = await db.$queryRaw<{ skuId: string; warehouseId: string }[]>(Prisma.sql`
    SELECT b."skuId", b."warehouseId"
    FROM (SELECT DISTINCT "skuId" FROM "OrderLine" WHERE "backorderedQty" > 0 AND "skuId" IS NOT NULL) w
    JOIN "StockBalance" b ON b."skuId" = w."skuId"
    JOIN "Warehouse" wh ON wh.id = b."warehouseId" AND wh.active
    WHERE b."onHand" - b.reserved - b.unavailable - b.safety > 0`);
  return autoReserveBackorders({ pairs, trigger: ledgerReason("backorderSweep"), actor: opts.actor });
}

async function fillPair(
  tx: DbTx, pair: { skuId: string; warehouseId: string }, trigger: string, actor: Actor, skipOrderIds: readonly string[],
): Promise<FilledLine[]> {
  const head = await tx.$queryRaw<{ available: number; allowSplit: boolean }[]>(Prisma.sql`
    SELECT b."onHand" - b.reserved - b.unavailable - b.safety AS available,
      COALESCE((SELECT s."allowSplitShipments" FROM "MerchantSettings" s WHERE s.id = 1), false) AS "allowSplit"
    FROM "StockBalance" b JOIN "Warehouse" w ON w.id = b."warehouseId" AND w.active
    WHERE b."skuId" = ${pair.skuId}::uuid AND b."warehouseId" = ${pair.warehouseId}::uuid
    FOR UPDATE OF b`);
  let available = head[0]?.available ?? 0;
  const allowSplit = head[0]?.allowSplit ?? false;
  const filled: FilledLine[] = [];
  while (available > 0) {
    const batch = await tx.$queryRaw<Candidate[]>(Prisma.sql`
      SELECT l.id AS "lineId", l."orderId", l."backorderedQty"
      FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId"
      WHERE l."skuId" = ${pair.skuId}::uuid AND l."backorderedQty" > 0
        AND o.status::text = ANY(${[...RESERVABLE_STATUSES]}::text[])
        AND (o."warehouseId" IS NULL OR o."warehouseId" = ${pair.warehouseId}::uuid OR ${allowSplit}::boolean)
        AND o.id <> ALL(${[...skipOrderIds]}::uuid[])
      ORDER BY o."placedAt", o.number, l."lineNo"
      LIMIT ${BATCH}
      FOR UPDATE OF o SKIP LOCKED`);
    const takes: FilledLine[] = [];
    for (const c of batch) {
      if (available <= 0) break;
      const q = Math.min(available, c.backorderedQty);
      takes.push({ orderId: c.orderId, orderLineId: c.lineId, skuId: pair.skuId, warehouseId: pair.warehouseId, quantity: q });
      available -= q;
    }
    if (takes.length > 0) await writeFills(tx, pair, takes, trigger, actor);
    filled.push(...takes);
    if (batch.length < BATCH) break;
  }
  return filled;
}

async function writeFills(tx: DbTx, pair: { skuId: string; warehouseId: string }, takes: readonly FilledLine[], trigger: string, actor: Actor): Promise<void> {
  const { actorId, actorLabel } = who(actor);
  const total = takes.reduce((n, t) => n + t.quantity, 0);
  const rows = await tx.$queryRaw<{ balance: number; lines: number }[]>(Prisma.sql`
    WITH t AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(takes)}::jsonb) AS t("orderLineId" uuid, "orderId" uuid, quantity int)),
    bal AS (
      UPDATE "StockBalance" SET reserved = reserved + ${total}::int
      WHERE "skuId" = ${pair.skuId}::uuid AND "warehouseId" = ${pair.warehouseId}::uuid AND "onHand" - reserved - unavailable - safety >= ${total}::int
      RETURNING 1
    ), lines AS (
      UPDATE "OrderLine" l SET "reservedQty" = l."reservedQty" + t.quantity, "backorderedQty" = l."backorderedQty" - t.quantity
      FROM t WHERE l.id = t."orderLineId" AND l."backorderedQty" >= t.quantity AND EXISTS (SELECT 1 FROM bal)
      RETURNING l.id
    ), res AS (
      INSERT INTO "Reservation" ("orderId", "orderLineId", "skuId", "warehouseId", quantity)
      SELECT "orderId", "orderLineId", ${pair.skuId}::uuid, ${pair.warehouseId}::uuid, quantity FROM t WHERE EXISTS (SELECT 1 FROM bal)
      RETURNING 1
    ), mov AS (
      INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "reservedDelta", reason, "actorId", "actorLabel", "orderId")
      SELECT 'RESERVATION'::"MovementType", ${pair.skuId}::uuid, ${pair.warehouseId}::uuid, quantity, ${ledgerReason("backorderFilled", { trigger })},
        ${actorId}::uuid, ${actorLabel}, "orderId"
      FROM t WHERE EXISTS (SELECT 1 FROM bal)
      RETURNING 1
    ), ord AS (
      UPDATE "Order" o SET "warehouseId" = COALESCE(o."warehouseId", ${pair.warehouseId}::uuid)
      WHERE o.id IN (SELECT "orderId" FROM t) AND EXISTS (SELECT 1 FROM bal)
      RETURNING 1
    ), ev AS (
      INSERT INTO "OrderEvent" ("orderId", type, "actorId", "actorLabel", reason, data)
      SELECT "orderId", 'stock.reserved', ${actorId}::uuid, ${actorLabel}, ${trigger},
        jsonb_build_object('skuId', ${pair.skuId}::uuid, 'warehouseId', ${pair.warehouseId}::uuid, 'quantity', sum(quantity), 'backorderFilled', true)
      FROM t WHERE EXISTS (SELECT 1 FROM bal) GROUP BY "orderId"
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM bal) AS balance, (SELECT count(*)::int FROM lines) AS lines`);
  const r = rows[0];
  // The balance row and the orders are locked by this transaction: a mismatch means corrupted levels.
  if (!r || r.balance !== 1 || r.lines !== takes.length) {
    throw new Error(`backorder fill for sku ${pair.skuId} in ${pair.warehouseId} wrote ${r?.balance ?? 0} balance / ${r?.lines ?? 0} of ${takes.length} lines`);
  }
}

/** Orders whose every line is now reserved: release OUT_OF_STOCK, resolve the exception, BACKORDERED → ALLOCATED. */
export async function advanceFilledOrders(tx: DbTx, orderIds: readonly string[]): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string; status: string; holds: string[] | null }[]>(Prisma.sql`
    SELECT o.id, o.status::text AS status,
      (SELECT array_agg(h.reason::text) FROM "OrderHold" h WHERE h."orderId" = o.id AND h."releasedAt" IS NULL) AS holds
    FROM "Order" o
    WHERE o.id = ANY(${[...orderIds]}::uuid[])
      AND NOT EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o.id AND l."reservedQty" + l."shippedQty" < l.quantity)
    ORDER BY o.id`);
  const allocated: string[] = [];
  for (const o of rows) {
    const holds = o.holds ?? [];
    await tx.exception.updateMany({
      where: { orderId: o.id, type: "ORDER_BACKORDERED", status: "OPEN" },
      data: { status: "RESOLVED", resolvedAt: new Date() },
    });
    if (holds.includes("OUT_OF_STOCK")) {
      await applyOrderActionTx(tx, { orderId: o.id, action: { type: "RELEASE", reason: "OUT_OF_STOCK" }, actor: STOCK_SYSTEM_ACTOR });
    }
    const otherHolds = holds.filter((h) => h !== "OUT_OF_STOCK");
    if (o.status === "BACKORDERED" && otherHolds.length === 0) {
      await applyOrderActionTx(tx, { orderId: o.id, action: { type: "ALLOCATE" }, actor: STOCK_SYSTEM_ACTOR });
      allocated.push(o.id);
    }
  }
  return allocated;
}
