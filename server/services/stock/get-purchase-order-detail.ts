/**
 * One purchase order for its page: header, what the merchant sees it as
 * (purchase-order-state.ts: closed short included) and what may be done with
 * it, lines with the agreed unit cost, what is still open and what will never
 * come, every receipt (the RECEIPT movements carrying the purchase order as
 * reference: when, who, which bin, how many), its history (created, received,
 * cancelled, closed short, re-dated: purchase-order-history.ts) and the bins
 * of its warehouse for the receiving form.
 *
 * Unit costs come from PurchaseOrderLine.unitCostCents (older purchase orders
 * had them backfilled from their creation audit entry by the migration). Lines
 * created without a cost show none, and then neither does the total.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { purchaseOrderHistory, type PoHistoryEntry } from "@/server/services/stock/purchase-order-history";
import {
  dayInZone, lineNotDelivered, lineOpenQuantity, poActions, poState, type PoActions, type PoState, type PoStatus,
} from "@/server/services/stock/purchase-order-state";

export const purchaseOrderDetailInput = z.object({ id: z.string().uuid() });

export interface PurchaseOrderDetail {
  id: string;
  number: number;
  supplier: string;
  status: PoStatus;
  state: PoState;
  /** What the state allows (the role is checked by the procedures). */
  actions: PoActions;
  warehouse: { id: string; code: string; name: string };
  expectedAt: Date | null;
  /** The expected date as the merchant's calendar day (YYYY-MM-DD), for the date field. */
  expectedDay: string | null;
  createdAt: Date;
  createdBy: string | null;
  currency: string;
  lines: {
    id: string; skuId: string; skuCode: string; skuName: string;
    quantityOrdered: number; quantityReceived: number; open: number; notDelivered: number; unitCostCents: number | null; totalCostCents: number | null;
  }[];
  totalCostCents: number | null;
  receipts: { id: string; createdAt: Date; skuCode: string; binCode: string | null; quantity: number; actorLabel: string; reason: string | null }[];
  history: PoHistoryEntry[];
  bins: { id: string; code: string }[];
}

export async function getPurchaseOrderDetail(input: z.infer<typeof purchaseOrderDetailInput>): Promise<PurchaseOrderDetail> {
  const po = await db.purchaseOrder.findUnique({
    where: { id: input.id },
    select: {
      id: true, number: true, supplier: true, status: true, expectedAt: true, createdAt: true,
      warehouse: { select: { id: true, code: true, name: true } },
      lines: { select: { id: true, skuId: true, quantityOrdered: true, quantityReceived: true, unitCostCents: true, sku: { select: { code: true, name: true } } }, orderBy: { sku: { code: "asc" } } },
    },
  });
  if (!po) throw new DomainError("NOT_FOUND", `Purchase order ${input.id} not found.`);
  const [audit, movements, bins, settings, history] = await Promise.all([
    db.auditLog.findFirst({ where: { entity: "PurchaseOrder", entityId: po.id, action: "purchaseOrder.created" }, orderBy: { id: "asc" }, select: { actorId: true } }),
    db.stockMovement.findMany({
      where: { purchaseOrderId: po.id, type: "RECEIPT" },
      orderBy: { id: "desc" },
      take: 500,
      select: { id: true, createdAt: true, onHandDelta: true, actorLabel: true, reason: true, sku: { select: { code: true } }, bin: { select: { code: true } } },
    }),
    db.bin.findMany({ where: { warehouseId: po.warehouse.id }, orderBy: [{ pickSequence: "asc" }, { code: "asc" }], select: { id: true, code: true } }),
    getMerchantSettings(),
    purchaseOrderHistory(po.id),
  ]);
  const creator = audit?.actorId ? await db.user.findUnique({ where: { id: audit.actorId }, select: { name: true } }) : null;

  const lines = po.lines.map((l) => {
    const unitCostCents = l.unitCostCents;
    return {
      id: l.id, skuId: l.skuId, skuCode: l.sku.code, skuName: l.sku.name,
      quantityOrdered: l.quantityOrdered, quantityReceived: l.quantityReceived, open: lineOpenQuantity(po.status, l), notDelivered: lineNotDelivered(po.status, l),
      unitCostCents, totalCostCents: unitCostCents === null ? null : unitCostCents * l.quantityOrdered,
    };
  });
  return {
    id: po.id, number: po.number, supplier: po.supplier, status: po.status, state: poState(po.status, po.lines), actions: poActions(po.status), warehouse: po.warehouse,
    expectedAt: po.expectedAt, expectedDay: po.expectedAt ? dayInZone(po.expectedAt, settings.timeZone) : null, createdAt: po.createdAt, createdBy: creator?.name ?? null, currency: settings.currency,
    lines,
    totalCostCents: purchaseOrderTotalCents(po.lines),
    receipts: movements.map((m) => ({
      id: m.id.toString(), createdAt: m.createdAt, skuCode: m.sku.code, binCode: m.bin?.code ?? null, quantity: m.onHandDelta, actorLabel: m.actorLabel, reason: m.reason,
    })),
    history,
    bins,
  };
}

/** Σ unit cost × quantity ordered, or null when a line has no cost (a partial sum would read as the whole). */
export function purchaseOrderTotalCents(lines: readonly { quantityOrdered: number; unitCostCents: number | null }[]): number | null {
  if (lines.length === 0 || lines.some((l) => l.unitCostCents === null)) return null;
  return lines.reduce((n, l) => n + (l.unitCostCents ?? 0) * l.quantityOrdered, 0);
}
