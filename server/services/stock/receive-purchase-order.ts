/**
 * Goods from a supplier arrive, partially or fully, into chosen bins: one
 * RECEIPT movement per bin (purchaseOrderId as the reference), the levels,
 * the PO lines' received quantities and status (OPEN → PARTIALLY_RECEIVED →
 * RECEIVED), all in one transaction; then the new units go to the orders
 * waiting for them, oldest first.
 */
import { z } from "zod";
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import type { Actor } from "@/server/services/order/actor";
import { autoReserveBackorders } from "@/server/services/stock/auto-reserve-backorders";
import { pairsOf, refreshStockAlerts } from "@/server/services/stock/stock-alerts";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { inStockTx } from "@/server/services/stock/stock-tx";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";
import { audit } from "@/server/services/audit/audit-log";
import { PO_AUDIT } from "@/server/services/stock/purchase-order-history";
import { isPoOpen, poState, type PoStatus } from "@/server/services/stock/purchase-order-state";

export const receivePurchaseOrderInput = z.object({
  purchaseOrderId: z.string().uuid(),
  lines: z.array(z.object({ lineId: z.string().uuid(), binId: z.string().uuid(), quantity: z.number().int().positive().max(1_000_000) })).min(1).max(500),
  note: z.string().trim().max(500).optional(),
});
export type ReceivePurchaseOrderInput = z.infer<typeof receivePurchaseOrderInput>;

export interface ReceiveResult {
  purchaseOrderId: string;
  number: number;
  status: PoStatus;
  receivedUnits: number;
  backorderUnitsFilled: number;
  ordersAllocated: number;
}

interface PoRow {
  id: string;
  number: number;
  status: ReceiveResult["status"];
  warehouseId: string;
  lines: { id: string; skuId: string; quantityOrdered: number; quantityReceived: number }[];
}

export async function receivePurchaseOrder(opts: { actor: Actor; input: ReceivePurchaseOrderInput; tx?: DbTx }): Promise<ReceiveResult> {
  const { input } = opts;
  return inStockTx(opts.tx, async (tx) => {
    const rows = await tx.$queryRaw<PoRow[]>(Prisma.sql`
      SELECT po.id, po.number, po.status::text AS status, po."warehouseId",
        (SELECT json_agg(json_build_object('id', l.id, 'skuId', l."skuId", 'quantityOrdered', l."quantityOrdered", 'quantityReceived', l."quantityReceived"))
           FROM "PurchaseOrderLine" l WHERE l."purchaseOrderId" = po.id) AS lines
      FROM "PurchaseOrder" po WHERE po.id = ${input.purchaseOrderId}::uuid FOR UPDATE OF po`);
    const po = rows[0];
    if (!po) throw new DomainError("NOT_FOUND", `Purchase order ${input.purchaseOrderId} not found.`);
    if (!isPoOpen(po.status)) {
      // Cancelled, fully received or closed short (a cancel/close that won the row lock first lands here).
      const state = poState(po.status, po.lines);
      throw new DomainError("VALIDATION", `Purchase order #${po.number} is ${state}; nothing more can be received.`, { field: "purchaseOrderId", rule: "PO_CLOSED", status: state, number: po.number });
    }
    const byId = new Map(po.lines.map((l) => [l.id, l]));
    const receiving = new Map<string, number>();
    for (const r of input.lines) {
      const line = byId.get(r.lineId);
      if (!line) throw new DomainError("VALIDATION", `Line ${r.lineId} is not on purchase order #${po.number}.`, { field: "lineId", rule: "LINE_NOT_ON_PO", number: po.number });
      receiving.set(r.lineId, (receiving.get(r.lineId) ?? 0) + r.quantity);
    }
    for (const [lineId, q] of receiving) {
      const line = byId.get(lineId) as PoRow["lines"][number];
      const open = line.quantityOrdered - line.quantityReceived;
      if (q > open) {
        throw new DomainError("VALIDATION", `Purchase order #${po.number}: ${q} received but only ${open} still expected on that line.`, {
          field: "quantity", rule: "OVER_RECEIVED", number: po.number, expected: open, received: q,
        });
      }
    }
    const binIds = [...new Set(input.lines.map((l) => l.binId))];
    const bins = await tx.bin.findMany({ where: { id: { in: binIds } }, select: { id: true, warehouseId: true, code: true } });
    const foreign = binIds.filter((id) => bins.find((b) => b.id === id)?.warehouseId !== po.warehouseId);
    if (foreign.length) {
      const codes = foreign.map((id) => bins.find((b) => b.id === id)?.code ?? id).join(", ");
      throw new DomainError("VALIDATION", `Bin ${codes} is not in the purchase order's warehouse.`, { field: "binId", rule: "BIN_OTHER_WAREHOUSE", bins: codes });
    }

    const reason = input.note ? ledgerReason("receiptNote", { number: po.number, note: input.note }) : ledgerReason("receipt", { number: po.number });
    const { applied, increased } = await applyBinChanges(tx, {
      actor: opts.actor,
      changes: input.lines.map((l) => ({
        type: "RECEIPT" as const, skuId: (byId.get(l.lineId) as PoRow["lines"][number]).skuId, binId: l.binId, onHandDelta: l.quantity,
        reason, purchaseOrderId: po.id,
      })),
    });
    await tx.$executeRaw(Prisma.sql`
      UPDATE "PurchaseOrderLine" l SET "quantityReceived" = l."quantityReceived" + r.q
      FROM jsonb_to_recordset(${JSON.stringify([...receiving].map(([id, q]) => ({ id, q })))}::jsonb) AS r(id uuid, q int)
      WHERE l.id = r.id`);
    const complete = po.lines.every((l) => l.quantityReceived + (receiving.get(l.id) ?? 0) >= l.quantityOrdered);
    const status = complete ? "RECEIVED" : "PARTIALLY_RECEIVED";
    await tx.purchaseOrder.update({ where: { id: po.id }, data: { status } });
    const receivedUnits = input.lines.reduce((n, l) => n + l.quantity, 0);
    await audit(tx, opts.actor, PO_AUDIT.received, "PurchaseOrder", po.id, { units: receivedUnits, status, ...(input.note ? { reason: input.note } : {}) });
    const refill = await autoReserveBackorders({ tx, pairs: increased, trigger: ledgerReason("receipt", { number: po.number }) });
    await refreshStockAlerts(tx, pairsOf(applied));
    return {
      purchaseOrderId: po.id, number: po.number, status, receivedUnits,
      backorderUnitsFilled: refill.filled.reduce((n, f) => n + f.quantity, 0), ordersAllocated: refill.allocated.length,
    };
  });
}
