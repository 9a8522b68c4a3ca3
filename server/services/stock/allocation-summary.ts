/** English one-sentence summary of an allocation (the UI translates `reasons` instead). */
import type { AllocatedLine, AllocationReason, AllocationShipment, AllocationWarehouse } from "./allocation";
import { ledgerReason } from "./ledger-reasons";

export interface SummaryInput {
  shipments: readonly AllocationShipment[];
  backordered: readonly AllocatedLine[];
  reasons: readonly AllocationReason[];
  lineCount: number;
  whById: ReadonlyMap<string, AllocationWarehouse>;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function proximityPhrase(reason: AllocationReason | undefined): string | null {
  if (!reason) return null;
  if (reason.code === "SAME_STATE") return "same state as customer";
  if (reason.code === "SAME_REGION") return `same region as customer (${String(reason.params.region)})`;
  if (reason.code === "OTHER_REGION") return "different region from customer";
  return null;
}

export function describeAllocation(s: SummaryInput): string {
  const has = (code: AllocationReason["code"]): AllocationReason | undefined => s.reasons.find((r) => r.code === code);
  const label = (id: string): string => `${s.whById.get(id)?.code ?? id} warehouse`;
  const all = plural(s.lineCount, "line");
  if (s.lineCount === 0) return ledgerReason("nothingToAllocate");
  if (has("NO_ACTIVE_WAREHOUSE")) return `No active warehouse: all ${all} backordered`;
  if (has("NO_STOCK")) return `No stock in any active warehouse: all ${all} backordered`;

  const units = s.backordered.reduce((n, b) => n + b.quantity, 0);
  const backorderText = s.backordered.length > 0 ? `; ${plural(s.backordered.length, "line")} (${plural(units, "unit")}) backordered` : "";

  if (has("SPLIT_REQUIRED")) {
    const parts = s.shipments.map((sh) => `${label(sh.warehouseId)} (${plural(sh.lines.length, "line")})`);
    return `Split into ${plural(s.shipments.length, "shipment")}: ${parts.join(", ")}; no single warehouse has all ${all}${backorderText}`;
  }

  const shipment = s.shipments[0];
  if (!shipment) return `Nothing allocated${backorderText}`;
  const phrases: string[] = [];
  phrases.push(has("HAS_ALL_LINES") ? `has all ${all}` : `ships ${shipment.lines.length} of ${all}`);
  const prox = proximityPhrase(s.reasons.find((r) => r.warehouseId === shipment.warehouseId && ["SAME_STATE", "SAME_REGION", "OTHER_REGION"].includes(r.code)));
  if (prox) phrases.push(prox);
  const most = has("MOST_AVAILABLE");
  if (most) phrases.push(`most stock available (${String(most.params.available)} units)`);
  if (has("MOST_UNITS")) phrases.push("can ship the most units");
  if (has("TIE_BREAK_CODE")) phrases.push("first by code among equal warehouses");
  const why = has("SPLIT_NOT_ALLOWED") ? " (splitting not allowed)" : has("INSUFFICIENT_STOCK") ? " (not enough stock in all warehouses together)" : "";
  return `${label(shipment.warehouseId)}: ${phrases.join(", ")}${backorderText}${why}`;
}
