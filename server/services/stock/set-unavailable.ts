/**
 * Units found damaged, put in quarantine or held for quality control
 * (TO_UNAVAILABLE, with their kind), or cleared back to sale from one of those
 * kinds (FROM_UNAVAILABLE). They stay on hand in their bin but cannot be
 * promised. Units promised to open orders cannot be marked unavailable
 * (release or reallocate those orders first); cleared units go to waiting
 * backorders.
 */
import { z } from "zod";
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/services/order/actor";
import { autoReserveBackorders } from "@/server/services/stock/auto-reserve-backorders";
import { ledgerOpResult, type LedgerOpResult } from "@/server/services/stock/ledger-op-result";
import { pairsOf, refreshStockAlerts } from "@/server/services/stock/stock-alerts";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { UNAVAILABLE_KINDS } from "@/server/services/stock/stock-statuses";
import { inStockTx } from "@/server/services/stock/stock-tx";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

export const setUnavailableInput = z.object({
  skuId: z.string().uuid(),
  binId: z.string().uuid(),
  quantity: z.number().int().positive().max(10_000_000),
  direction: z.enum(["TO_UNAVAILABLE", "FROM_UNAVAILABLE"]),
  kind: z.enum(UNAVAILABLE_KINDS),
  reason: z.string().trim().min(3).max(500),
});
export type SetUnavailableInput = z.infer<typeof setUnavailableInput>;

export async function setUnavailable(opts: { actor: Actor; input: SetUnavailableInput; tx?: DbTx }): Promise<LedgerOpResult> {
  const { input } = opts;
  return inStockTx(opts.tx, async (tx) => {
    const sign = input.direction === "TO_UNAVAILABLE" ? 1 : -1;
    const { applied, increased } = await applyBinChanges(tx, {
      actor: opts.actor,
      changes: [{ type: input.direction, skuId: input.skuId, binId: input.binId, unavailableDelta: sign * input.quantity, unavailableKind: input.kind, reason: input.reason }],
    });
    const refill = increased.length ? await autoReserveBackorders({ tx, pairs: increased, trigger: ledgerReason("unitsCleared") }) : undefined;
    await refreshStockAlerts(tx, pairsOf(applied));
    return ledgerOpResult(applied, refill);
  });
}
