/**
 * A form that chose a warehouse and then one of its bins sends both; the bin
 * must really be of that warehouse (a stale page, or a hand-made request,
 * could pair them otherwise). Refused with VALIDATION, rule
 * BIN_NOT_IN_WAREHOUSE (stock.errors), naming the bin and both warehouses.
 */
import type { DbTx } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";

export async function assertBinInWarehouse(tx: DbTx, opts: { binId: string; warehouseId: string; field: string }): Promise<void> {
  const [bin, warehouse] = await Promise.all([
    tx.bin.findUnique({ where: { id: opts.binId }, select: { code: true, warehouseId: true, warehouse: { select: { code: true } } } }),
    tx.warehouse.findUnique({ where: { id: opts.warehouseId }, select: { code: true } }),
  ]);
  if (!bin) throw new DomainError("NOT_FOUND", `Bin ${opts.binId} not found.`, { binId: opts.binId });
  if (!warehouse) throw new DomainError("NOT_FOUND", `Warehouse ${opts.warehouseId} not found.`, { warehouseId: opts.warehouseId });
  if (bin.warehouseId !== opts.warehouseId) {
    throw new DomainError("VALIDATION", `Bin ${bin.code} belongs to warehouse ${bin.warehouse.code}, not ${warehouse.code}.`, {
      rule: "BIN_NOT_IN_WAREHOUSE", field: opts.field, bin: bin.code, binWarehouse: bin.warehouse.code, warehouse: warehouse.code,
    });
  }
}
