/**
 * Which bins the SKU page's stock forms offer (pure, unit tested): a count or
 * correction chooses a warehouse first, then one of its bins — those where the
 * SKU already has units first, then the others in walking-path order; a
 * transfer takes from a bin holding sellable units of the SKU and puts into a
 * bin of the destination warehouse (the source's by default: the service
 * moves units within a warehouse or to another one). A long list is narrowed
 * by a search over bin and zone codes and grouped by zone.
 */

export interface BinOption {
  binId: string;
  code: string;
  /** The bin's zone (grouping in long lists). */
  zone: string;
  warehouseId: string;
  warehouseCode: string;
  /** This SKU's units in the bin (0 when it has none). */
  onHand: number;
  unavailable: number;
  /** The unavailable units by kind. */
  damaged: number;
  quarantine: number;
  qc: number;
}

export interface WarehouseOption {
  id: string;
  code: string;
  name: string;
  /** Its bins in walking-path order (pick sequence, then code). */
  bins: BinOption[];
}

/** Above this many bins, the bin list gets a search box and zone groups. */
export const MANY_BINS = 12;

export const holdsSku = (b: BinOption): boolean => b.onHand > 0 || b.unavailable > 0;
/** Units a transfer may take from the bin: on hand that is not damaged, in quarantine or in QC. */
export const sellableIn = (b: BinOption): number => Math.max(0, b.onHand - b.unavailable);

/** A warehouse's bins for a count: where the SKU has units first, then the rest; each part in walking-path order. */
export function adjustBins(warehouse: WarehouseOption | undefined): BinOption[] {
  if (!warehouse) return [];
  return [...warehouse.bins.filter(holdsSku), ...warehouse.bins.filter((b) => !holdsSku(b))];
}

/** The warehouse a count starts in: the first one where the SKU has units, else the first. */
export function defaultAdjustWarehouse(warehouses: readonly WarehouseOption[]): string {
  return (warehouses.find((w) => w.bins.some(holdsSku)) ?? warehouses[0])?.id ?? "";
}

/** Transfer sources: only the bins (of every warehouse) holding sellable units of this SKU. */
export function transferSources(warehouses: readonly WarehouseOption[]): BinOption[] {
  return warehouses.flatMap((w) => w.bins.filter((b) => sellableIn(b) > 0));
}

/** Transfer destinations: the bins of the destination warehouse, the source bin left out. */
export function transferTargets(warehouse: WarehouseOption | undefined, fromBinId: string): BinOption[] {
  return warehouse ? warehouse.bins.filter((b) => b.binId !== fromBinId) : [];
}

const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

/** The bins whose code or zone contains the search text (case and accents aside); the chosen bin always stays listed. */
export function searchBins(bins: readonly BinOption[], query: string, keepBinId = ""): BinOption[] {
  const q = fold(query.trim());
  if (q === "") return [...bins];
  return bins.filter((b) => b.binId === keepBinId || fold(b.code).includes(q) || fold(b.zone).includes(q));
}

/**
 * The option groups of a long list: with `heldFirst`, the bins holding the SKU as one group (zone null) ahead of
 * the others; the rest by zone, zones in the order they first appear (walking path), bins kept in list order.
 */
export function binGroups(bins: readonly BinOption[], heldFirst: boolean): { zone: string | null; bins: BinOption[] }[] {
  const groups: { zone: string | null; bins: BinOption[] }[] = [];
  const held = heldFirst ? bins.filter(holdsSku) : [];
  if (held.length > 0) groups.push({ zone: null, bins: held });
  const byZone = new Map<string, BinOption[]>();
  for (const b of bins) {
    if (heldFirst && holdsSku(b)) continue;
    const list = byZone.get(b.zone);
    if (list) list.push(b);
    else byZone.set(b.zone, [b]);
  }
  for (const [zone, list] of byZone) groups.push({ zone, bins: list });
  return groups;
}
