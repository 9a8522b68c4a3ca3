/**
 * Where an order's units were actually picked from: the lines of the order's
 * latest pick list (in that warehouse) with picked units, per order line and
 * bin. The stock engine takes shipped units out of these bins first
 * (consume-order-stock.ts), so the books follow the shelves.
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

export interface PickedBin {
  orderLineId: string;
  binId: string;
  quantity: number;
}

export async function readPickedBins(tx: DbTx, orderId: string, warehouseId?: string): Promise<PickedBin[]> {
  return tx.$queryRaw<PickedBin[]>(Prisma.sql`
    WITH latest AS (
      SELECT l.id FROM "PickListOrder" po JOIN "PickList" l ON l.id = po."pickListId"
      WHERE po."orderId" = ${orderId}::uuid AND l.status <> 'CANCELLED'
        AND (${warehouseId ?? null}::uuid IS NULL OR l."warehouseId" = ${warehouseId ?? null}::uuid)
      ORDER BY l."createdAt" DESC, l.number DESC
      LIMIT 1
    )
    SELECT pl."orderLineId"::text AS "orderLineId", pl."binId"::text AS "binId", sum(pl."pickedQty")::int AS quantity
    FROM "PickListLine" pl JOIN latest ON latest.id = pl."pickListId"
    WHERE pl."orderId" = ${orderId}::uuid AND pl."pickedQty" > 0
    GROUP BY 1, 2
    ORDER BY 1, 2`);
}
