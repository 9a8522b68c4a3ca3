/**
 * "Where would this order ship from, and why?" — a hypothetical order
 * (destination UF + SKU codes and quantities) through the same allocate() and
 * current availability as a real reservation, without writing anything.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { allocate, type AllocationResult } from "@/server/services/stock/allocation";

export const dryRunAllocationInput = z.object({
  destinationState: z.string().trim().min(2).max(2).transform((s) => s.toUpperCase()),
  lines: z.array(z.object({ sku: z.string().trim().min(1).max(100), quantity: z.number().int().positive().max(1_000_000) })).min(1).max(100),
  /** Defaults to the merchant's setting. */
  allowSplit: z.boolean().optional(),
});
export type DryRunAllocationInput = z.input<typeof dryRunAllocationInput>;

export interface DryRunAllocation extends AllocationResult {
  allowSplit: boolean;
  unknownSkus: string[];
  warehouses: { id: string; code: string; name: string; state: string; available: Record<string, number> }[];
}

export async function dryRunAllocation(raw: DryRunAllocationInput): Promise<DryRunAllocation> {
  const input = dryRunAllocationInput.parse(raw);
  const codes = [...new Set(input.lines.map((l) => l.sku))];
  const [skus, warehouses, settings] = await Promise.all([
    db.sku.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } }),
    db.warehouse.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true, state: true, active: true } }),
    db.merchantSettings.findUnique({ where: { id: 1 }, select: { allowSplitShipments: true } }),
  ]);
  const codeById = new Map(skus.map((s) => [s.id, s.code]));
  const balances = await db.stockBalance.findMany({
    where: { skuId: { in: skus.map((s) => s.id) }, warehouseId: { in: warehouses.map((w) => w.id) } },
    select: { skuId: true, warehouseId: true, onHand: true, reserved: true, unavailable: true, safety: true },
  });
  const availability: Record<string, Record<string, number>> = {};
  for (const b of balances) {
    (availability[b.warehouseId] ??= {})[codeById.get(b.skuId) as string] = Math.max(0, b.onHand - b.reserved - b.unavailable - b.safety);
  }
  const known = new Set(skus.map((s) => s.code));
  const allowSplit = input.allowSplit ?? settings?.allowSplitShipments ?? false;
  const result = allocate({
    order: {
      destinationState: input.destinationState,
      lines: input.lines.map((l, i) => ({ lineId: String(i + 1), sku: l.sku, quantity: l.quantity })).filter((l) => known.has(l.sku)),
    },
    warehouses,
    availability,
    allowSplit,
  });
  return {
    ...result,
    allowSplit,
    unknownSkus: codes.filter((c) => !known.has(c)),
    warehouses: warehouses.map((w) => ({ id: w.id, code: w.code, name: w.name, state: w.state, available: availability[w.id] ?? {} })),
  };
}
