/**
 * Closes the rest of a partially received purchase order: the supplier will
 * not send it. PARTIALLY_RECEIVED → RECEIVED with the lines kept as they are
 * (ordered vs received), which is what "closed short" is (purchase-order-state.ts):
 * the units still missing stop counting as incoming and nothing more can be
 * received. Audited as purchaseOrder.closedShort with the reason and, per SKU,
 * what did not come.
 */
import { z } from "zod";
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/services/order/actor";
import { audit } from "@/server/services/audit/audit-log";
import { PO_AUDIT } from "@/server/services/stock/purchase-order-history";
import { lineShortfall } from "@/server/services/stock/purchase-order-state";
import { poReason, transitionPurchaseOrder, type PoStateChange } from "@/server/services/stock/purchase-order-transition";
import { inStockTx } from "@/server/services/stock/stock-tx";

export const closePurchaseOrderShortInput = z.object({ purchaseOrderId: z.string().uuid(), reason: poReason });
export type ClosePurchaseOrderShortInput = z.infer<typeof closePurchaseOrderShortInput>;

export async function closePurchaseOrderShort(opts: { actor: Actor; input: ClosePurchaseOrderShortInput; tx?: DbTx }): Promise<PoStateChange> {
  const { input } = opts;
  return inStockTx(opts.tx, async (tx) => {
    const po = await transitionPurchaseOrder(tx, { purchaseOrderId: input.purchaseOrderId, change: "closeShort", from: "PARTIALLY_RECEIVED", to: "RECEIVED" });
    const short = po.lines.filter((l) => lineShortfall(l) > 0).map((l) => ({ sku: l.skuCode, ordered: l.quantityOrdered, received: l.quantityReceived, notDelivered: lineShortfall(l) }));
    const units = short.reduce((n, l) => n + l.notDelivered, 0);
    await audit(tx, opts.actor, PO_AUDIT.closedShort, "PurchaseOrder", po.id, {
      number: po.number, previousStatus: "PARTIALLY_RECEIVED", status: "RECEIVED", reason: input.reason, units, lines: short,
    });
    // A PARTIALLY_RECEIVED purchase order always has a line short, so this reads CLOSED_SHORT.
    return { purchaseOrderId: po.id, number: po.number, status: "RECEIVED", state: units > 0 ? "CLOSED_SHORT" : "RECEIVED", units };
  });
}
