/**
 * Purchase orders, newest first (keyset by number), filtered by what the
 * merchant sees them as (purchase-order-state.ts: RECEIVED means in full,
 * CLOSED_SHORT received with lines short), and one purchase order with its
 * lines for the receiving screen.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { purchaseOrderTotalCents } from "@/server/services/stock/get-purchase-order-detail";
import { PO_STATES, poState, type PoState, type PoStatus } from "@/server/services/stock/purchase-order-state";

export const listPurchaseOrdersInput = z.object({
  /** A state (purchase-order-state.ts), not only a stored status: CLOSED_SHORT is one too. */
  status: z.enum(PO_STATES).optional(),
  warehouseId: z.string().uuid().optional(),
  /** Number of the last purchase order already shown. */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListPurchaseOrdersInput = z.input<typeof listPurchaseOrdersInput>;

export interface PurchaseOrderSummary {
  id: string;
  number: number;
  supplier: string;
  status: PoStatus;
  state: PoState;
  warehouseId: string;
  warehouseCode: string;
  expectedAt: Date | null;
  createdAt: Date;
  unitsOrdered: number;
  unitsReceived: number;
  /** Σ unit cost × ordered; null when a line has no cost. */
  totalCostCents: number | null;
}

/** RECEIVED and CLOSED_SHORT are one stored status told apart by the lines: is any line short? */
function stateWhere(state: PoState | undefined): Prisma.PurchaseOrderWhereInput {
  if (state === undefined) return {};
  if (state !== "RECEIVED" && state !== "CLOSED_SHORT") return { status: state };
  const short: Prisma.PurchaseOrderLineWhereInput = { quantityReceived: { lt: db.purchaseOrderLine.fields.quantityOrdered } };
  return { status: "RECEIVED", lines: state === "CLOSED_SHORT" ? { some: short } : { none: short } };
}

export async function listPurchaseOrders(raw: ListPurchaseOrdersInput): Promise<{ rows: PurchaseOrderSummary[]; nextCursor: number | null }> {
  const input = listPurchaseOrdersInput.parse(raw);
  const rows = await db.purchaseOrder.findMany({
    where: { ...stateWhere(input.status), warehouseId: input.warehouseId, ...(input.before ? { number: { lt: input.before } } : {}) },
    orderBy: { number: "desc" },
    take: input.limit + 1,
    select: {
      id: true, number: true, supplier: true, status: true, warehouseId: true, expectedAt: true, createdAt: true,
      warehouse: { select: { code: true } }, lines: { select: { quantityOrdered: true, quantityReceived: true, unitCostCents: true } },
    },
  });
  const page = rows.slice(0, input.limit).map((po) => ({
    id: po.id, number: po.number, supplier: po.supplier, status: po.status, state: poState(po.status, po.lines), warehouseId: po.warehouseId, warehouseCode: po.warehouse.code,
    expectedAt: po.expectedAt, createdAt: po.createdAt,
    unitsOrdered: po.lines.reduce((n, l) => n + l.quantityOrdered, 0), unitsReceived: po.lines.reduce((n, l) => n + l.quantityReceived, 0),
    totalCostCents: purchaseOrderTotalCents(po.lines),
  }));
  return { rows: page, nextCursor: rows.length > input.limit ? (page[page.length - 1]?.number ?? null) : null };
}

export interface PurchaseOrderDetail extends Omit<PurchaseOrderSummary, "unitsOrdered" | "unitsReceived" | "totalCostCents" | "state"> {
  lines: { id: string; skuId: string; skuCode: string; skuName: string; quantityOrdered: number; quantityReceived: number }[];
}

export async function getPurchaseOrder(opts: { id: string }): Promise<PurchaseOrderDetail> {
  const po = await db.purchaseOrder.findUnique({
    where: { id: opts.id },
    select: {
      id: true, number: true, supplier: true, status: true, warehouseId: true, expectedAt: true, createdAt: true, warehouse: { select: { code: true } },
      lines: { select: { id: true, skuId: true, quantityOrdered: true, quantityReceived: true, sku: { select: { code: true, name: true } } }, orderBy: { sku: { code: "asc" } } },
    },
  });
  if (!po) throw new DomainError("NOT_FOUND", `Purchase order ${opts.id} not found.`);
  return {
    id: po.id, number: po.number, supplier: po.supplier, status: po.status, warehouseId: po.warehouseId, warehouseCode: po.warehouse.code,
    expectedAt: po.expectedAt, createdAt: po.createdAt,
    lines: po.lines.map((l) => ({ id: l.id, skuId: l.skuId, skuCode: l.sku.code, skuName: l.sku.name, quantityOrdered: l.quantityOrdered, quantityReceived: l.quantityReceived })),
  };
}
