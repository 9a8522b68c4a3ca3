/**
 * A returned unit back on a shelf (the returns inspection decides): RETURN
 * movement referencing the order, on hand up in the chosen bin — sellable
 * (restock; waiting backorders get it) or straight to unavailable as
 * damaged, in quarantine or held for quality control. For the returns feature to call from its
 * disposition step, inside its own transaction.
 */
import type { DbTx } from "@/server/db";
import type { UnavailableKind } from "@/server/generated/prisma/enums";
import type { Actor } from "@/server/services/order/actor";
import { autoReserveBackorders } from "@/server/services/stock/auto-reserve-backorders";
import { ledgerOpResult, type LedgerOpResult } from "@/server/services/stock/ledger-op-result";
import { pairsOf, refreshStockAlerts } from "@/server/services/stock/stock-alerts";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { inStockTx } from "@/server/services/stock/stock-tx";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

export async function returnStock(opts: {
  actor: Actor;
  orderId: string | null;
  skuId: string;
  binId: string;
  quantity: number;
  condition: "SELLABLE" | UnavailableKind;
  reason: string;
  tx?: DbTx;
}): Promise<LedgerOpResult> {
  return inStockTx(opts.tx, async (tx) => {
    const { applied, increased } = await applyBinChanges(tx, {
      actor: opts.actor,
      changes: [{
        type: "RETURN", skuId: opts.skuId, binId: opts.binId, onHandDelta: opts.quantity,
        unavailableDelta: opts.condition === "SELLABLE" ? 0 : opts.quantity, unavailableKind: opts.condition === "SELLABLE" ? undefined : opts.condition,
        reason: opts.reason, orderId: opts.orderId,
      }],
    });
    const refill = increased.length ? await autoReserveBackorders({ tx, pairs: increased, trigger: ledgerReason("returnRestocked") }) : undefined;
    await refreshStockAlerts(tx, pairsOf(applied));
    return ledgerOpResult(applied, refill);
  });
}
