/**
 * Moves a purchase order from one status to another with ONE conditional
 * UPDATE whose row count is checked: the status it must still be in is part
 * of the WHERE. Receiving locks the same row (SELECT … FOR UPDATE) before it
 * reads the status, so a cancel/close and a receipt on one purchase order are
 * serialised by that row: whichever commits first wins and the other finds the
 * status changed (0 rows here; PO_CLOSED there). Runs inside the caller's
 * transaction, which writes the audit row with it.
 */
import { z } from "zod";
import type { DbTx } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { MAX_PO_REASON, poChangeRefusal, type PoChange, type PoState, type PoStatus } from "@/server/services/stock/purchase-order-state";

/** Why a purchase order is cancelled, closed short or re-dated: required, shown in its history. */
export const poReason = z.string().trim().min(1).max(MAX_PO_REASON);

/** What a cancel or close did. */
export interface PoStateChange {
  purchaseOrderId: string;
  number: number;
  status: PoStatus;
  state: PoState;
  /** Units that will not arrive any more. */
  units: number;
}

export interface TransitionedPo {
  id: string;
  number: number;
  lines: { skuCode: string; quantityOrdered: number; quantityReceived: number }[];
}

export async function transitionPurchaseOrder(
  tx: DbTx,
  opts: { purchaseOrderId: string; change: PoChange; from: PoStatus; to: PoStatus },
): Promise<TransitionedPo> {
  const { count } = await tx.purchaseOrder.updateMany({ where: { id: opts.purchaseOrderId, status: opts.from }, data: { status: opts.to } });
  // Read after the UPDATE: it waited for any receipt holding the row, so the lines are the committed ones.
  const po = await tx.purchaseOrder.findUnique({
    where: { id: opts.purchaseOrderId },
    select: { id: true, number: true, status: true, lines: { select: { quantityOrdered: true, quantityReceived: true, sku: { select: { code: true } } }, orderBy: { sku: { code: "asc" } } } },
  });
  if (!po) throw new DomainError("NOT_FOUND", `Purchase order ${opts.purchaseOrderId} not found.`);
  const lines = po.lines.map((l) => ({ skuCode: l.sku.code, quantityOrdered: l.quantityOrdered, quantityReceived: l.quantityReceived }));
  if (count !== 1) throw poChangeRefusal(opts.change, { number: po.number, status: po.status, lines });
  return { id: po.id, number: po.number, lines };
}
