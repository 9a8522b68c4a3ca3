/**
 * Cycle count / correction of one bin: either the counted quantity (SET) or a
 * ± delta, always with a reason. A warehouse can never be counted below what
 * it has promised to open orders (INSUFFICIENT_STOCK names the numbers:
 * release or reallocate those orders first). Units found go to waiting
 * backorders. A form that chose the warehouse first sends it too: the bin must
 * be of it (BIN_NOT_IN_WAREHOUSE).
 */
import { z } from "zod";
import type { DbTx } from "@/server/db";
import { ruled } from "@/server/lib/zod-issue-view";
import type { Actor } from "@/server/services/order/actor";
import { assertBinInWarehouse } from "@/server/services/stock/bin-in-warehouse";
import { autoReserveBackorders } from "@/server/services/stock/auto-reserve-backorders";
import { ledgerOpResult, type LedgerOpResult } from "@/server/services/stock/ledger-op-result";
import { pairsOf, refreshStockAlerts } from "@/server/services/stock/stock-alerts";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { inStockTx } from "@/server/services/stock/stock-tx";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

export const adjustStockInput = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("SET"), skuId: z.string().uuid(), warehouseId: z.string().uuid().optional(), binId: z.string().uuid(), counted: z.number().int().min(0).max(10_000_000), reason: z.string().trim().min(3).max(500) }),
  z.object({
    mode: z.literal("DELTA"), skuId: z.string().uuid(), warehouseId: z.string().uuid().optional(), binId: z.string().uuid(),
    delta: z.number().int().min(-10_000_000).max(10_000_000).refine((d) => d !== 0, ruled("NOT_ZERO", "delta must not be 0")),
    reason: z.string().trim().min(3).max(500),
  }),
]);
export type AdjustStockInput = z.infer<typeof adjustStockInput>;

export async function adjustStock(opts: { actor: Actor; input: AdjustStockInput; tx?: DbTx }): Promise<LedgerOpResult> {
  const { input } = opts;
  return inStockTx(opts.tx, async (tx) => {
    if (input.warehouseId) await assertBinInWarehouse(tx, { binId: input.binId, warehouseId: input.warehouseId, field: "binId" });
    const change = input.mode === "SET" ? { countedOnHand: input.counted } : { onHandDelta: input.delta };
    const reason = input.mode === "SET"
      ? ledgerReason("cycleCount", { counted: input.counted, note: input.reason })
      : ledgerReason("adjustment", { note: input.reason });
    const { applied, increased } = await applyBinChanges(tx, {
      actor: opts.actor,
      changes: [{ type: "ADJUSTMENT", skuId: input.skuId, binId: input.binId, reason, ...change }],
    });
    const refill = increased.length ? await autoReserveBackorders({ tx, pairs: increased, trigger: ledgerReason("countFound") }) : undefined;
    await refreshStockAlerts(tx, pairsOf(applied));
    return ledgerOpResult(applied, refill);
  });
}
