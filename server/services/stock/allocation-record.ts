/**
 * What Order.allocation holds: the allocation decision with its reasons, so
 * the order detail can say which warehouse ships what and why (the UI
 * translates `reasons`; `summary` is the English one-liner for logs/timeline).
 */
import type { AllocatedLine, AllocationReason, AllocationResult, AllocationWarehouse } from "@/server/services/stock/allocation";

export interface RecordShipment {
  warehouseId: string;
  warehouseCode: string;
  lines: AllocatedLine[];
}

export interface RaceLost {
  sku: string;
  warehouseId: string;
  warehouseCode: string;
  quantity: number;
}

export interface OrderAllocationRecord {
  at: string;
  destinationState: string | null;
  policy: "BACKORDER" | "HOLD";
  allowSplit: boolean;
  summary: string;
  reasons: AllocationReason[];
  /** What was reserved, per warehouse. */
  shipments: RecordShipment[];
  /** Units waiting for stock (SKUs we know). */
  backordered: AllocatedLine[];
  /** Lines whose SKU code is not in the catalogue: they wait until someone fixes the SKU. */
  unknownSkus: AllocatedLine[];
  /** Another order took the stock between reading and reserving: allocation ran again on fresh numbers. */
  retry?: { lost: RaceLost[]; summary: string; reasons: AllocationReason[]; lostAgain: RaceLost[] };
}

export function recordShipments(result: AllocationResult, whById: ReadonlyMap<string, AllocationWarehouse>): RecordShipment[] {
  return result.shipments.map((s) => ({ warehouseId: s.warehouseId, warehouseCode: whById.get(s.warehouseId)?.code ?? s.warehouseId, lines: s.lines }));
}

/** Merges shipments of two attempts (same warehouse → one shipment). */
export function mergeShipments(a: readonly RecordShipment[], b: readonly RecordShipment[]): RecordShipment[] {
  const out = new Map<string, RecordShipment>();
  for (const s of [...a, ...b]) {
    const cur = out.get(s.warehouseId) ?? { warehouseId: s.warehouseId, warehouseCode: s.warehouseCode, lines: [] };
    for (const l of s.lines) {
      const same = cur.lines.find((x) => x.lineId === l.lineId);
      if (same) same.quantity += l.quantity;
      else cur.lines.push({ ...l });
    }
    out.set(s.warehouseId, cur);
  }
  return [...out.values()];
}

/** Removes the (sku, warehouse) pairs that could not be reserved from a shipment list. */
export function withoutLost(shipments: readonly RecordShipment[], lost: readonly RaceLost[]): RecordShipment[] {
  const gone = new Set(lost.map((l) => `${l.sku}\u0000${l.warehouseId}`));
  return shipments
    .map((s) => ({ ...s, lines: s.lines.filter((l) => !gone.has(`${l.sku}\u0000${s.warehouseId}`)) }))
    .filter((s) => s.lines.length > 0);
}
