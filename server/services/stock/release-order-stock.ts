/**
 * Give back what an order holds (cancel, fraud rejection): every ACTIVE
 * reservation becomes RELEASED, StockBalance.reserved goes down by the same
 * quantity (conditional: never below 0), one RELEASE movement per
 * reservation, the lines' reservedQty goes to 0 and — the order no longer
 * waits for anything — its backorders are cleared and its ORDER_BACKORDERED
 * exception resolved. One statement; then the freed units go to the orders
 * waiting for those SKUs (auto-reserve-backorders.ts).
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { Actor } from "@/server/services/order/actor";
import { autoReserveBackorders, type AutoReserveResult } from "@/server/services/stock/auto-reserve-backorders";
import { pairsOf, refreshStockAlerts } from "@/server/services/stock/stock-alerts";
import { inStockTx, who } from "@/server/services/stock/stock-tx";

export interface ReleaseResult {
  released: { skuId: string; warehouseId: string; quantity: number }[];
  refilled: AutoReserveResult;
}

export async function releaseOrderStock(opts: {
  orderId: string;
  actor: Actor;
  reason: string;
  tx?: DbTx;
  /**
   * false: do not hand the freed units to waiting orders here. For a caller that
   * re-reserves this same order first (its lines changed) and then refills the others
   * with what is left (autoReserveBackorders with the returned `released` pairs).
   */
  refill?: boolean;
}): Promise<ReleaseResult> {
  return inStockTx(opts.tx, async (tx) => {
    const { actorId, actorLabel } = who(opts.actor);
    const rows = await tx.$queryRaw<{ pairs: number; updated: number; released: ReleaseResult["released"] | null; number: number }[]>(Prisma.sql`
      WITH rel AS (
        UPDATE "Reservation" SET status = 'RELEASED', "closedAt" = now()
        WHERE "orderId" = ${opts.orderId}::uuid AND status = 'ACTIVE'
        RETURNING id, "orderLineId", "skuId", "warehouseId", quantity
      ), agg AS (
        SELECT "skuId", "warehouseId", sum(quantity)::int AS quantity FROM rel GROUP BY 1, 2
      ), locked AS MATERIALIZED (
        SELECT b."skuId", b."warehouseId" FROM "StockBalance" b
        JOIN agg a ON a."skuId" = b."skuId" AND a."warehouseId" = b."warehouseId"
        ORDER BY b."skuId", b."warehouseId" FOR UPDATE OF b
      ), bal AS (
        UPDATE "StockBalance" b SET reserved = b.reserved - a.quantity
        FROM agg a JOIN locked k ON k."skuId" = a."skuId" AND k."warehouseId" = a."warehouseId"
        WHERE b."skuId" = a."skuId" AND b."warehouseId" = a."warehouseId" AND b.reserved >= a.quantity
        RETURNING 1
      ), mov AS (
        INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "reservedDelta", reason, "actorId", "actorLabel", "orderId")
        SELECT 'RELEASE'::"MovementType", "skuId", "warehouseId", -quantity, ${opts.reason}, ${actorId}::uuid, ${actorLabel}, ${opts.orderId}::uuid
        FROM rel
        RETURNING 1
      ), lines AS (
        UPDATE "OrderLine" l SET "reservedQty" = l."reservedQty" - s.quantity, "backorderedQty" = 0
        FROM (
          SELECT l2.id, COALESCE(sum(r.quantity), 0)::int AS quantity
          FROM "OrderLine" l2 LEFT JOIN rel r ON r."orderLineId" = l2.id
          WHERE l2."orderId" = ${opts.orderId}::uuid GROUP BY l2.id
        ) s
        WHERE l.id = s.id AND (s.quantity > 0 OR l."backorderedQty" > 0)
        RETURNING 1
      ), exc AS (
        UPDATE "Exception" SET status = 'RESOLVED', "resolvedAt" = now()
        WHERE "orderId" = ${opts.orderId}::uuid AND type = 'ORDER_BACKORDERED' AND status = 'OPEN'
        RETURNING 1
      ), ev AS (
        INSERT INTO "OrderEvent" ("orderId", type, "actorId", "actorLabel", reason, data)
        SELECT ${opts.orderId}::uuid, 'stock.released', ${actorId}::uuid, ${actorLabel}, ${opts.reason},
          jsonb_build_object('units', sum(quantity), 'reservations', count(*))
        FROM rel HAVING count(*) > 0
        RETURNING 1
      )
      SELECT (SELECT count(*)::int FROM agg) AS pairs, (SELECT count(*)::int FROM bal) AS updated,
        (SELECT json_agg(agg) FROM agg) AS released`);
    const r = rows[0];
    if (!r || r.pairs !== r.updated) {
      throw new Error(`release of order ${opts.orderId}: ${r?.updated ?? 0} of ${r?.pairs ?? 0} balances had the reserved units (run reconcile-stock)`);
    }
    const released = r.released ?? [];
    const refilled = opts.refill === false ? { filled: [], allocated: [] } : await autoReserveBackorders({ tx, pairs: released, trigger: opts.reason });
    await refreshStockAlerts(tx, pairsOf(released));
    return { released, refilled };
  });
}
