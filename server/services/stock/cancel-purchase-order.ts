/**
 * Cancels a purchase order that has received nothing (OPEN → CANCELLED), with
 * the reason: its lines stop counting as incoming stock at once (incoming is
 * read from OPEN and PARTIALLY_RECEIVED purchase orders only) and it can no
 * longer be received. One with received units is closed short instead
 * (close-purchase-order-short.ts). Audited as purchaseOrder.cancelled.
 */
import { z } from "zod";
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/services/order/actor";
import { audit } from "@/server/services/audit/audit-log";
import { PO_AUDIT } from "@/server/services/stock/purchase-order-history";
import { poReason, transitionPurchaseOrder, type PoStateChange } from "@/server/services/stock/purchase-order-transition";
import { inStockTx } from "@/server/services/stock/stock-tx";

export const cancelPurchaseOrderInput = z.object({ purchaseOrderId: z.string().uuid(), reason: poReason });
export type CancelPurchaseOrderInput = z.infer<typeof cancelPurchaseOrderInput>;

export async function cancelPurchaseOrder(opts: { actor: Actor; input: CancelPurchaseOrderInput; tx?: DbTx }): Promise<PoStateChange> {
  const { input } = opts;
  return inStockTx(opts.tx, async (tx) => {
    const po = await transitionPurchaseOrder(tx, { purchaseOrderId: input.purchaseOrderId, change: "cancel", from: "OPEN", to: "CANCELLED" });
    const units = po.lines.reduce((n, l) => n + l.quantityOrdered - l.quantityReceived, 0);
    await audit(tx, opts.actor, PO_AUDIT.cancelled, "PurchaseOrder", po.id, { number: po.number, previousStatus: "OPEN", status: "CANCELLED", reason: input.reason, units });
    return { purchaseOrderId: po.id, number: po.number, status: "CANCELLED", state: "CANCELLED", units };
  });
}
