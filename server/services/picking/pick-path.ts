/**
 * Walking path through the warehouse: bins carry a pickSequence set by the
 * warehouse layout (serpentine aisles, one-way routes…); the location parts
 * only break ties, compared naturally so "A-2" comes before "A-10".
 */

export type BinPart = string | number;

export interface Bin {
  binId: string;
  /** e.g. "A-01-02-03" (zone-aisle-shelf-position). */
  code: string;
  zone: BinPart;
  aisle: BinPart;
  shelf: BinPart;
  position: BinPart;
  /** Lower is visited first. Non-finite values (unsequenced bins) go last. */
  pickSequence: number;
}

export type WalkingPathKey = Pick<Bin, "code" | "zone" | "aisle" | "shelf" | "position" | "pickSequence">;

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function comparePart(a: BinPart, b: BinPart): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

function sequence(n: number): number {
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

/** Comparator: pickSequence, then zone, aisle, shelf, position, code. */
export function compareWalkingPath(a: WalkingPathKey, b: WalkingPathKey): number {
  const sa = sequence(a.pickSequence);
  const sb = sequence(b.pickSequence);
  if (sa !== sb) return sa < sb ? -1 : 1;
  return (
    comparePart(a.zone, b.zone) ||
    comparePart(a.aisle, b.aisle) ||
    comparePart(a.shelf, b.shelf) ||
    comparePart(a.position, b.position) ||
    collator.compare(a.code, b.code) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** New array in walking order (stable for items at the same location). */
export function sortByWalkingPath<T extends WalkingPathKey>(items: readonly T[]): T[] {
  return [...items].sort(compareWalkingPath);
}
