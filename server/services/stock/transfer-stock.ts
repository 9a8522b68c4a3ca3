/**
 * Move sellable units bin → bin, in one warehouse or to another one: a
 * TRANSFER_OUT movement at the source bin and a TRANSFER_IN at the
 * destination, in the same transaction. Leaving a warehouse cannot take units
 * promised to its open orders; arriving ones go to waiting backorders there.
 * The source must hold the units (BIN_SHORT); a destination warehouse, when
 * sent, must be the destination bin's (BIN_NOT_IN_WAREHOUSE).
 */
import { z } from "zod";
import type { DbTx } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import type { Actor } from "@/server/services/order/actor";
import { assertBinInWarehouse } from "@/server/services/stock/bin-in-warehouse";
import { autoReserveBackorders } from "@/server/services/stock/auto-reserve-backorders";
import { ledgerOpResult, type LedgerOpResult } from "@/server/services/stock/ledger-op-result";
import { pairsOf, refreshStockAlerts } from "@/server/services/stock/stock-alerts";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { inStockTx } from "@/server/services/stock/stock-tx";

export const transferStockInput = z.object({
  skuId: z.string().uuid(),
  fromBinId: z.string().uuid(),
  /** The destination warehouse the form chose; when sent, toBinId must be one of its bins. */
  toWarehouseId: z.string().uuid().optional(),
  toBinId: z.string().uuid(),
  quantity: z.number().int().positive().max(10_000_000),
  reason: z.string().trim().min(3).max(500),
});
export type TransferStockInput = z.infer<typeof transferStockInput>;

export async function transferStock(opts: { actor: Actor; input: TransferStockInput; tx?: DbTx }): Promise<LedgerOpResult> {
  const { input } = opts;
  if (input.fromBinId === input.toBinId) throw new DomainError("VALIDATION", "Source and destination bins are the same.", { field: "toBinId", rule: "SAME_BIN" });
  return inStockTx(opts.tx, async (tx) => {
    if (input.toWarehouseId) await assertBinInWarehouse(tx, { binId: input.toBinId, warehouseId: input.toWarehouseId, field: "toBinId" });
    const bins = await tx.bin.findMany({ where: { id: { in: [input.fromBinId, input.toBinId] } }, select: { id: true, code: true, warehouse: { select: { code: true } } } });
    const label = (id: string) => {
      const b = bins.find((x) => x.id === id);
      return b ? `${b.warehouse.code}/${b.code}` : id;
    };
    const reason = ledgerReason("transfer", { from: label(input.fromBinId), to: label(input.toBinId), note: input.reason });
    const { applied, increased } = await applyBinChanges(tx, {
      actor: opts.actor,
      changes: [
        { type: "TRANSFER_OUT", skuId: input.skuId, binId: input.fromBinId, onHandDelta: -input.quantity, reason },
        { type: "TRANSFER_IN", skuId: input.skuId, binId: input.toBinId, onHandDelta: input.quantity, reason },
      ],
    });
    const refill = increased.length ? await autoReserveBackorders({ tx, pairs: increased, trigger: reason }) : undefined;
    await refreshStockAlerts(tx, pairsOf(applied));
    return ledgerOpResult(applied, refill);
  });
}
