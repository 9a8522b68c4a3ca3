/**
 * What reserving an order needs to know, read in ONE statement (for a whole
 * batch of orders): the order,
 * its lines, the active warehouses, the availability of the ordered SKUs in
 * them and the merchant's backorder settings. Not locked: the reservation
 * statement locks the order and re-checks every number it relies on.
 */
import { CACHED_PLAN, runSql, type DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { AllocationWarehouse } from "@/server/services/stock/allocation";

export interface ContextLine {
  id: string;
  lineNo: number;
  sku: string;
  skuId: string | null;
  quantity: number;
  reservedQty: number;
  backorderedQty: number;
  shippedQty: number;
}

export interface BalanceRow {
  skuId: string;
  warehouseId: string;
  available: number;
}

export interface ReservationContext {
  order: { id: string; number: number; status: string; shipState: string | null; warehouseId: string | null; holds: string[] };
  /**
   * A context its capture handed over (CaptureResult.reservation): the channel version the order was captured at. The
   * reservation statement goes on only while the order is still at it (a channel update may have changed its lines
   * since, reserve-order-stock.ts then reads the order afresh). Absent from a context read by itself.
   */
  capturedVersion?: Date;
  lines: ContextLine[];
  warehouses: AllocationWarehouse[];
  balances: BalanceRow[];
  settings: { backorderPolicy: "BACKORDER" | "HOLD"; allowSplit: boolean };
}

/** The active warehouses, as allocation sees them (a JSON array; null when there are none). */
export const WAREHOUSES_JSON = Prisma.sql`(SELECT json_agg(json_build_object('id', w.id, 'code', w.code, 'name', w.name, 'state', w.state, 'active', w.active) ORDER BY w.code)
         FROM "Warehouse" w WHERE w.active)`;

/** The merchant's backorder settings (a JSON object; null before they were first saved). */
export const SETTINGS_JSON = Prisma.sql`(SELECT json_build_object('backorderPolicy', s."backorderPolicy", 'allowSplit', s."allowSplitShipments")
         FROM "MerchantSettings" s WHERE s.id = 1)`;

/** Availability of the SKUs the subquery yields, in every active warehouse (a JSON array of BalanceRow; null when none). */
export function balancesJson(skuIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT json_agg(json_build_object('skuId', b."skuId", 'warehouseId', b."warehouseId",
                'available', b."onHand" - b.reserved - b.unavailable - b.safety))
         FROM "StockBalance" b JOIN "Warehouse" w ON w.id = b."warehouseId" AND w.active
         WHERE b."skuId" IN (${skuIds}))`;
}

export interface ContextRow {
  id: string;
  number: number;
  status: string;
  shipState: string | null;
  warehouseId: string | null;
  holds: string[] | null;
  lines: ContextLine[] | null;
  warehouses: AllocationWarehouse[] | null;
  balances: BalanceRow[] | null;
  settings: { backorderPolicy: "BACKORDER" | "HOLD"; allowSplit: boolean } | null;
}

/** The contexts of several orders (a reservation batch), by order id; a missing order is absent from the map. */
export async function readReservationContexts(tx: DbTx | undefined, orderIds: readonly string[]): Promise<Map<string, ReservationContext>> {
  const rows = await runSql<ContextRow>(tx, Prisma.sql`${CACHED_PLAN}
    SELECT o.id, o.number, o.status::text AS status, o."shipState", o."warehouseId",
      (SELECT array_agg(h.reason::text) FROM "OrderHold" h WHERE h."orderId" = o.id AND h."releasedAt" IS NULL) AS holds,
      (SELECT json_agg(json_build_object('id', l.id, 'lineNo', l."lineNo", 'sku', l.sku, 'skuId', l."skuId", 'quantity', l.quantity,
                'reservedQty', l."reservedQty", 'backorderedQty', l."backorderedQty", 'shippedQty', l."shippedQty") ORDER BY l."lineNo")
         FROM "OrderLine" l WHERE l."orderId" = o.id) AS lines,
      ${WAREHOUSES_JSON} AS warehouses,
      ${balancesJson(Prisma.sql`SELECT l."skuId" FROM "OrderLine" l WHERE l."orderId" = o.id AND l."skuId" IS NOT NULL`)} AS balances,
      ${SETTINGS_JSON} AS settings
    FROM "Order" o WHERE o.id = ANY(${[...orderIds]}::uuid[])`);
  return new Map(rows.map((row) => [row.id, contextOf(row)]));
}

/** A context from the row shapes above (also what order capture returns for the order it just wrote). */
export function contextOf(row: ContextRow): ReservationContext {
  return {
    order: { id: row.id, number: row.number, status: row.status, shipState: row.shipState, warehouseId: row.warehouseId, holds: row.holds ?? [] },
    lines: row.lines ?? [],
    warehouses: row.warehouses ?? [],
    balances: row.balances ?? [],
    settings: row.settings ?? { backorderPolicy: "BACKORDER", allowSplit: false },
  };
}

/** Fresh availability of some SKUs in the given (active) warehouses, for the retry after a lost race. */
export async function readAvailability(tx: DbTx, skuIds: readonly string[], warehouseIds: readonly string[]): Promise<BalanceRow[]> {
  if (skuIds.length === 0 || warehouseIds.length === 0) return [];
  return tx.$queryRaw<BalanceRow[]>(Prisma.sql`
    SELECT b."skuId", b."warehouseId", b."onHand" - b.reserved - b.unavailable - b.safety AS available
    FROM "StockBalance" b
    WHERE b."skuId" = ANY(${[...skuIds]}::uuid[]) AND b."warehouseId" = ANY(${[...warehouseIds]}::uuid[])`);
}
