/**
 * A purchase order to a supplier: its open quantities are the "incoming" stock
 * of the 360° view. An expected date may not be before the merchant's today.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import type { Actor } from "@/server/services/order/actor";
import { audit } from "@/server/services/audit/audit-log";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { PO_AUDIT } from "@/server/services/stock/purchase-order-history";
import { assertExpectedDateNotPast } from "@/server/services/stock/purchase-order-state";

export const createPurchaseOrderInput = z.object({
  warehouseId: z.string().uuid(),
  supplier: z.string().trim().min(1).max(200),
  expectedAt: z.coerce.date().optional(),
  lines: z.array(z.object({
    skuId: z.string().uuid(),
    quantity: z.number().int().positive().max(1_000_000),
    /** Agreed cost per unit in cents (exact integer): PurchaseOrderLine.unitCostCents. */
    unitCostCents: z.number().int().min(0).max(100_000_000).optional(),
  })).min(1).max(500),
});
export type CreatePurchaseOrderInput = z.infer<typeof createPurchaseOrderInput>;

export interface CreatedPurchaseOrder {
  id: string;
  number: number;
  status: "OPEN";
  lines: { id: string; skuId: string; quantityOrdered: number; unitCostCents: number | null }[];
}

export async function createPurchaseOrder(opts: { actor: Actor; input: CreatePurchaseOrderInput; now?: Date }): Promise<CreatedPurchaseOrder> {
  const { input } = opts;
  if (input.expectedAt) assertExpectedDateNotPast(input.expectedAt, { now: opts.now ?? new Date(), timeZone: (await getMerchantSettings()).timeZone });
  const merged = new Map<string, number>();
  for (const l of input.lines) merged.set(l.skuId, (merged.get(l.skuId) ?? 0) + l.quantity);
  const costs = unitCosts(input.lines);
  return db.$transaction(async (tx) => {
    const warehouse = await tx.warehouse.findUnique({ where: { id: input.warehouseId }, select: { id: true, active: true, code: true } });
    if (!warehouse) throw new DomainError("NOT_FOUND", `Warehouse ${input.warehouseId} not found.`, { warehouseId: input.warehouseId });
    if (!warehouse.active) throw new DomainError("VALIDATION", `Warehouse ${warehouse.code} is inactive.`, { field: "warehouseId", rule: "WAREHOUSE_INACTIVE", warehouse: warehouse.code });
    const skus = await tx.sku.findMany({ where: { id: { in: [...merged.keys()] } }, select: { id: true } });
    const missing = [...merged.keys()].filter((id) => !skus.some((s) => s.id === id));
    if (missing.length) throw new DomainError("NOT_FOUND", `SKU ${missing.join(", ")} not found.`, { skuId: missing.join(",") });
    const po = await tx.purchaseOrder.create({
      data: {
        warehouseId: input.warehouseId,
        supplier: input.supplier,
        expectedAt: input.expectedAt ?? null,
        lines: { create: [...merged].map(([skuId, quantityOrdered]) => ({ skuId, quantityOrdered, unitCostCents: costs.get(skuId) ?? null })) },
      },
      select: { id: true, number: true, lines: { select: { id: true, skuId: true, quantityOrdered: true, unitCostCents: true } } },
    });
    await audit(tx, opts.actor, PO_AUDIT.created, "PurchaseOrder", po.id, {
      number: po.number, supplier: input.supplier, warehouse: warehouse.code, lines: po.lines.length,
      units: po.lines.reduce((n, l) => n + l.quantityOrdered, 0), status: "OPEN", to: input.expectedAt?.toISOString() ?? null,
    });
    return { id: po.id, number: po.number, status: "OPEN" as const, lines: po.lines };
  });
}

/** One cost per SKU: lines of the same SKU are merged, so they must agree on the cost. */
function unitCosts(lines: CreatePurchaseOrderInput["lines"]): Map<string, number> {
  const costs = new Map<string, number>();
  for (const l of lines) {
    if (l.unitCostCents === undefined) continue;
    const seen = costs.get(l.skuId);
    if (seen !== undefined && seen !== l.unitCostCents) {
      throw new DomainError("VALIDATION", `SKU ${l.skuId} appears twice with different unit costs.`, { field: "unitCostCents", rule: "UNIT_COST_CONFLICT", skuId: l.skuId });
    }
    costs.set(l.skuId, l.unitCostCents);
  }
  return costs;
}
