/**
 * Which of the claimed candidates go into a wave, with the rule semantics of
 * planWave (wave-plan.ts): candidates arrive already in priority order (ship-by
 * first, undated last, then placement time); an order is never split; an
 * order larger than maxUnits alone is skipped, and one that does not fit the
 * room left is skipped while later, smaller orders may still fill the wave
 * ("first fit"). Orders with nothing to pick in the warehouse are skipped.
 * Pure: the database work is in create-pick-list.ts.
 */

export interface WaveCandidate {
  id: string;
  /** Units this order has reserved in the wave's warehouse; null when not read (no maxUnits: nothing to count). */
  units: number | null;
}

export type WaveSelectSkip = "NO_UNITS" | "LARGER_THAN_MAX_UNITS" | "NO_ROOM";

export interface WaveSelection {
  selected: string[];
  units: number;
  skipped: { orderId: string; reason: WaveSelectSkip }[];
}

export function selectWaveOrders(candidates: readonly WaveCandidate[], rule: { maxOrders?: number; maxUnits?: number }): WaveSelection {
  const maxOrders = rule.maxOrders ?? Number.POSITIVE_INFINITY;
  const maxUnits = rule.maxUnits ?? Number.POSITIVE_INFINITY;
  const selected: string[] = [];
  const skipped: WaveSelection["skipped"] = [];
  let units = 0;
  for (const c of candidates) {
    if (selected.length >= maxOrders) break;
    if (c.units === null) {
      if (rule.maxUnits !== undefined) throw new Error("selectWaveOrders: maxUnits needs every candidate's units");
      selected.push(c.id);
    } else if (c.units <= 0) skipped.push({ orderId: c.id, reason: "NO_UNITS" });
    else if (c.units > maxUnits) skipped.push({ orderId: c.id, reason: "LARGER_THAN_MAX_UNITS" });
    else if (units + c.units > maxUnits) skipped.push({ orderId: c.id, reason: "NO_ROOM" });
    else {
      selected.push(c.id);
      units += c.units;
    }
  }
  return { selected, units, skipped };
}
