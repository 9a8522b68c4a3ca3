/**
 * What a package holds and what shipping it does to the order. Pure.
 *
 * Contents come from the pack station's ACCEPTED scans (one unit per scan, on
 * its order line). A package closed without any scan (packed before Fluxo
 * tracked scans, or demo data) holds the order's reserved, unshipped units.
 *
 * Shipping a package consumes exactly its units from the order's ACTIVE
 * reservations (SHIP with units → server/services/stock/claim-reservations.ts).
 * So a package may hold, per line, at most the units still reserved (and left
 * to ship). Units left out — a box closed short by a supervisor's override, a
 * backordered line — stay reserved (or waiting) for a later package: that is a
 * partial shipment.
 */
export interface ShipLine {
  id: string;
  lineNo: number;
  sku: string;
  quantity: number;
  reservedQty: number;
  shippedQty: number;
}

export interface ShipItem {
  orderLineId: string;
  lineNo: number;
  sku: string;
  quantity: number;
}

export type PlanProblem =
  | { rule: "PACKAGE_EMPTY" }
  | { rule: "PACKAGE_FOREIGN_UNITS"; units: number }
  | { rule: "PACKAGE_OVER_ORDER"; sku: string; packed: number; left: number }
  | { rule: "PACKAGE_UNRESERVED_UNITS"; sku: string; packed: number; reserved: number };

export interface ShipmentPlan {
  items: ShipItem[];
  /** After this package nothing is left to ship (SHIP → SHIPPED, else a partial shipment). */
  allLinesShipped: boolean;
  problems: PlanProblem[];
}

/** Units per order line: from ACCEPTED scans, or the reserved units when the package has no scan. */
export function packageContents(lines: readonly ShipLine[], acceptedScans: readonly { orderLineId: string | null }[]): Map<string, number> {
  const contents = new Map<string, number>();
  const scanned = acceptedScans.filter((s) => s.orderLineId !== null);
  if (scanned.length === 0) {
    for (const l of lines) if (l.reservedQty > 0) contents.set(l.id, l.reservedQty);
    return contents;
  }
  for (const s of scanned) contents.set(s.orderLineId as string, (contents.get(s.orderLineId as string) ?? 0) + 1);
  return contents;
}

export function planShipment(lines: readonly ShipLine[], contents: ReadonlyMap<string, number>): ShipmentPlan {
  const problems: PlanProblem[] = [];
  const known = new Set(lines.map((l) => l.id));
  const foreign = [...contents].filter(([id]) => !known.has(id)).reduce((n, [, q]) => n + q, 0);
  if (foreign > 0) problems.push({ rule: "PACKAGE_FOREIGN_UNITS", units: foreign });
  const items: ShipItem[] = [];
  for (const l of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const packed = contents.get(l.id) ?? 0;
    const left = Math.max(0, l.quantity - l.shippedQty);
    if (packed > left) problems.push({ rule: "PACKAGE_OVER_ORDER", sku: l.sku, packed, left });
    else if (packed > l.reservedQty) problems.push({ rule: "PACKAGE_UNRESERVED_UNITS", sku: l.sku, packed, reserved: l.reservedQty });
    if (packed > 0) items.push({ orderLineId: l.id, lineNo: l.lineNo, sku: l.sku, quantity: packed });
  }
  if (items.length === 0 && foreign === 0) problems.unshift({ rule: "PACKAGE_EMPTY" });
  const allLinesShipped = lines.length > 0 && lines.every((l) => l.shippedQty + (contents.get(l.id) ?? 0) >= l.quantity);
  return { items, allLinesShipped, problems };
}

/** English text of a problem (the UI translates the rule with the same params). */
export function describeProblem(p: PlanProblem): string {
  switch (p.rule) {
    case "PACKAGE_EMPTY":
      return "the package holds nothing that is left to ship";
    case "PACKAGE_FOREIGN_UNITS":
      return `${p.units} scanned unit(s) belong to another order`;
    case "PACKAGE_OVER_ORDER":
      return `${p.sku}: ${p.packed} packed but only ${p.left} left to ship`;
    case "PACKAGE_UNRESERVED_UNITS":
      return `${p.sku}: ${p.packed} packed but only ${p.reserved} reserved in stock`;
  }
}
