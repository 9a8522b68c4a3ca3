/**
 * The two stock thresholds a merchant plans with:
 *  - safety stock per SKU × warehouse: units kept back from sale there
 *    (available = on hand − reserved − unavailable − safety, never below 0);
 *  - the SKU's reorder point: at or below it, a warehouse's availability is a
 *    LOW_STOCK exception.
 * Neither moves a unit, so neither is a ledger movement: each change is an
 * AuditLog row (who, when, from → to, why). Lowering safety stock frees units
 * for the orders waiting for this SKU there (oldest first); both re-check the
 * low / out-of-stock alerts.
 */
import { z } from "zod";
import type { DbTx } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { actorFields, type Actor } from "@/server/services/order/actor";
import { autoReserveBackorders } from "@/server/services/stock/auto-reserve-backorders";
import { refreshStockAlerts } from "@/server/services/stock/stock-alerts";
import { inStockTx } from "@/server/services/stock/stock-tx";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

const units = z.number().int().min(0).max(10_000_000);
const reason = z.string().trim().min(3).max(500);

export const setSafetyStockInput = z.object({ skuId: z.string().uuid(), warehouseId: z.string().uuid(), safety: units, reason });
export type SetSafetyStockInput = z.infer<typeof setSafetyStockInput>;

export const setReorderPointInput = z.object({ skuId: z.string().uuid(), reorderPoint: units, reason });
export type SetReorderPointInput = z.infer<typeof setReorderPointInput>;

export interface ThresholdResult {
  from: number;
  to: number;
  backorderUnitsFilled: number;
  ordersAllocated: number;
}

/** The AuditLog row of a threshold change on a SKU: who (and their name then), from → to, why. */
function audit(tx: DbTx, actor: Actor, action: string, skuId: string, data: Record<string, string | number>) {
  const who = actorFields(actor);
  return tx.auditLog.create({ data: { actorId: who.actorId, action, entity: "Sku", entityId: skuId, data: { ...data, by: who.actorLabel } } });
}

export async function setSafetyStock(opts: { actor: Actor; input: SetSafetyStockInput }): Promise<ThresholdResult> {
  const { skuId, warehouseId, safety, reason: why } = opts.input;
  return inStockTx(undefined, async (tx) => {
    const [sku, warehouse] = await Promise.all([
      tx.sku.findUnique({ where: { id: skuId }, select: { code: true } }),
      tx.warehouse.findUnique({ where: { id: warehouseId }, select: { code: true } }),
    ]);
    if (!sku) throw new DomainError("NOT_FOUND", `SKU ${skuId} not found.`);
    if (!warehouse) throw new DomainError("NOT_FOUND", `Warehouse ${warehouseId} not found.`);
    // The balance row under lock (created empty where this SKU never had stock): reservations of this pair wait for us.
    await tx.$executeRaw`INSERT INTO "StockBalance" ("skuId", "warehouseId") VALUES (${skuId}::uuid, ${warehouseId}::uuid) ON CONFLICT DO NOTHING`;
    const [row] = await tx.$queryRaw<{ safety: number }[]>`
      SELECT safety FROM "StockBalance" WHERE "skuId" = ${skuId}::uuid AND "warehouseId" = ${warehouseId}::uuid FOR UPDATE`;
    const from = row?.safety ?? 0;
    if (from === safety) return { from, to: safety, backorderUnitsFilled: 0, ordersAllocated: 0 };
    await tx.stockBalance.update({ where: { skuId_warehouseId: { skuId, warehouseId } }, data: { safety } });
    await audit(tx, opts.actor, "sku.safety_stock_changed", skuId, { sku: sku.code, warehouseId, warehouse: warehouse.code, from, to: safety, reason: why });
    const refill =
      safety < from ? await autoReserveBackorders({ tx, pairs: [{ skuId, warehouseId }], trigger: ledgerReason("safetyLowered", { sku: sku.code, warehouse: warehouse.code }), actor: opts.actor }) : null;
    await refreshStockAlerts(tx, [{ skuId, warehouseId }]);
    return {
      from, to: safety,
      backorderUnitsFilled: refill?.filled.reduce((n, f) => n + f.quantity, 0) ?? 0,
      ordersAllocated: refill?.allocated.length ?? 0,
    };
  });
}

export async function setReorderPoint(opts: { actor: Actor; input: SetReorderPointInput }): Promise<ThresholdResult> {
  const { skuId, reorderPoint, reason: why } = opts.input;
  return inStockTx(undefined, async (tx) => {
    const [sku] = await tx.$queryRaw<{ code: string; reorderPoint: number }[]>`
      SELECT code, "reorderPoint" FROM "Sku" WHERE id = ${skuId}::uuid FOR UPDATE`;
    if (!sku) throw new DomainError("NOT_FOUND", `SKU ${skuId} not found.`);
    const from = sku.reorderPoint;
    if (from === reorderPoint) return { from, to: reorderPoint, backorderUnitsFilled: 0, ordersAllocated: 0 };
    await tx.sku.update({ where: { id: skuId }, data: { reorderPoint } });
    await audit(tx, opts.actor, "sku.reorder_point_changed", skuId, { sku: sku.code, from, to: reorderPoint, reason: why });
    await refreshStockAlerts(tx, [skuId]);
    return { from, to: reorderPoint, backorderUnitsFilled: 0, ordersAllocated: 0 };
  });
}
