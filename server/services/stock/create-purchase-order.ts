/** A purchase order to a supplier: its open quantities are the "incoming" stock of the 360° view. */
import { z } from "zod";
import { db } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import type { Actor } from "@/server/services/order/actor";
import { who } from "@/server/services/stock/stock-tx";

export const createPurchaseOrderInput = z.object({
  warehouseId: z.string().uuid(),
  supplier: z.string().trim().min(1).max(200),
  expectedAt: z.coerce.date().optional(),
  lines: z.array(z.object({ skuId: z.string().uuid(), quantity: z.number().int().positive().max(1_000_000) })).min(1).max(500),
});
export type CreatePurchaseOrderInput = z.infer<typeof createPurchaseOrderInput>;

export interface CreatedPurchaseOrder {
  id: string;
  number: number;
  status: "OPEN";
  lines: { id: string; skuId: string; quantityOrdered: number }[];
}

export async function createPurchaseOrder(opts: { actor: Actor; input: CreatePurchaseOrderInput }): Promise<CreatedPurchaseOrder> {
  const { input } = opts;
  const merged = new Map<string, number>();
  for (const l of input.lines) merged.set(l.skuId, (merged.get(l.skuId) ?? 0) + l.quantity);
  return db.$transaction(async (tx) => {
    const warehouse = await tx.warehouse.findUnique({ where: { id: input.warehouseId }, select: { id: true, active: true, code: true } });
    if (!warehouse) throw new DomainError("NOT_FOUND", `Warehouse ${input.warehouseId} not found.`, { warehouseId: input.warehouseId });
    if (!warehouse.active) throw new DomainError("VALIDATION", `Warehouse ${warehouse.code} is inactive.`, { field: "warehouseId", warehouse: warehouse.code });
    const skus = await tx.sku.findMany({ where: { id: { in: [...merged.keys()] } }, select: { id: true } });
    const missing = [...merged.keys()].filter((id) => !skus.some((s) => s.id === id));
    if (missing.length) throw new DomainError("NOT_FOUND", `SKU ${missing.join(", ")} not found.`, { skuId: missing.join(",") });
    const po = await tx.purchaseOrder.create({
      data: {
        warehouseId: input.warehouseId,
        supplier: input.supplier,
        expectedAt: input.expectedAt ?? null,
        lines: { create: [...merged].map(([skuId, quantityOrdered]) => ({ skuId, quantityOrdered })) },
      },
      select: { id: true, number: true, lines: { select: { id: true, skuId: true, quantityOrdered: true } } },
    });
    await tx.auditLog.create({
      data: {
        actorId: who(opts.actor).actorId, action: "purchaseOrder.created", entity: "PurchaseOrder", entityId: po.id,
        data: { number: po.number, supplier: input.supplier, warehouse: warehouse.code, lines: po.lines.length },
      },
    });
    return { id: po.id, number: po.number, status: "OPEN" as const, lines: po.lines };
  });
}
