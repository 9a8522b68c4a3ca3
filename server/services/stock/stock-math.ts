/**
 * Pure stock arithmetic for the 360° stock view (see DOMAIN.md "Stock").
 * available = on hand − reserved − unavailable − safety, never below 0.
 */

export interface StockQuantities {
  onHand: number;
  reserved: number;
  /** Damaged, quarantine, QC: physically there but not sellable. */
  unavailable: number;
  /** Safety stock held back from sale. */
  safety: number;
}

export interface StockLevelInput {
  warehouseId: string;
  onHand: number;
  reserved: number;
  unavailable: number;
}

export interface StockSummary extends StockQuantities {
  available: number;
}

export interface WarehouseStockSummary extends StockSummary {
  warehouseId: string;
}

export interface StockRollUp {
  /** One row per warehouse, in order of first appearance in the input. */
  warehouses: WarehouseStockSummary[];
  total: StockSummary;
}

export type StockHealth = "OUT" | "LOW" | "OK";

/** What can still be promised: never negative. */
export function availableQuantity(q: StockQuantities): number {
  return Math.max(0, q.onHand - q.reserved - q.unavailable - q.safety);
}

/**
 * Aggregates stock levels (several rows per warehouse are allowed, e.g. one per
 * bin) into per-warehouse figures and a total.
 *
 * Safety stock is configured per warehouse, so it is applied once per
 * warehouse after its rows are summed (not once per bin row).
 *
 * The total `available` is the SUM of the per-warehouse available figures and
 * NOT availableQuantity(totals). Two reasons:
 *  - safety stock is held back in each warehouse separately; a warehouse cannot
 *    lend its surplus to cover another one's safety stock;
 *  - availability is clamped at 0 per warehouse. A warehouse that is
 *    over-reserved (reserved > on hand, e.g. after a count correction) has
 *    negative raw availability; computed from totals, that deficit would be
 *    subtracted from a healthy warehouse's stock and hide units that really
 *    can be sold and shipped from there.
 * Example: A has 10 on hand, 0 reserved; B has 0 on hand, 5 reserved.
 * From totals: 10 − 5 = 5. Per warehouse: 10 + 0 = 10, which is correct,
 * because B's orders cannot be shipped from A without a reallocation.
 */
export function rollUp(
  levels: readonly StockLevelInput[],
  safetyByWarehouse: Readonly<Record<string, number>>,
): StockRollUp {
  const byWarehouse = new Map<string, WarehouseStockSummary>();
  for (const level of levels) {
    let row = byWarehouse.get(level.warehouseId);
    if (!row) {
      row = {
        warehouseId: level.warehouseId,
        onHand: 0,
        reserved: 0,
        unavailable: 0,
        safety: safetyByWarehouse[level.warehouseId] ?? 0,
        available: 0,
      };
      byWarehouse.set(level.warehouseId, row);
    }
    row.onHand += level.onHand;
    row.reserved += level.reserved;
    row.unavailable += level.unavailable;
  }

  const warehouses = [...byWarehouse.values()];
  const total: StockSummary = { onHand: 0, reserved: 0, unavailable: 0, safety: 0, available: 0 };
  for (const row of warehouses) {
    row.available = availableQuantity(row);
    total.onHand += row.onHand;
    total.reserved += row.reserved;
    total.unavailable += row.unavailable;
    total.safety += row.safety;
    total.available += row.available;
  }
  return { warehouses, total };
}

/**
 * At or below the reorder point. Out of stock (0) counts as low when a reorder
 * point is set; without a reorder point (null/undefined) nothing is "low".
 */
export function isLowStock(available: number, reorderPoint: number | null | undefined): boolean {
  if (reorderPoint === null || reorderPoint === undefined) return false;
  return available <= reorderPoint;
}

/** OUT when nothing is available, LOW at or below the reorder point, else OK. */
export function stockHealth(available: number, reorderPoint: number | null | undefined): StockHealth {
  if (available <= 0) return "OUT";
  if (isLowStock(available, reorderPoint)) return "LOW";
  return "OK";
}
