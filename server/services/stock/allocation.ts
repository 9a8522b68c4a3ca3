/**
 * Explainable allocation of an order's lines to warehouses (pure).
 *
 * Ranking of single warehouses, in order:
 *  1. fewest shipments: a warehouse that has every line in full wins;
 *  2. nearest to the destination: same state, then same macro-region, then other;
 *  3. most total available of the ordered SKUs (drawing from deeper stock);
 *  4. warehouse code ascending (then id), so the result is deterministic.
 * When no single warehouse has everything:
 *  - allowSplit and the active warehouses together can fill the order: the
 *    smallest set of warehouses that fills it (sizes 1..n, exact search when at
 *    most EXACT_SEARCH_LIMIT warehouses hold any ordered SKU, greedy beyond),
 *    sets of the same size ranked by worst proximity, then summed proximity,
 *    then total available, then codes. Each line goes wholly to one warehouse
 *    when one has enough; only otherwise is its quantity split.
 *  - otherwise the single warehouse that can ship the most units (then rules
 *    2–4) ships what it has and the rest is backordered. If even all warehouses
 *    together cannot fill the order we do not multiply shipments for an order
 *    that stays incomplete anyway.
 * Every decision is recorded as structured reasons for the UI to translate.
 */
import { DomainError } from "@/server/lib/domain-error";
import { BRAZIL_REGIONS, BRAZIL_UFS, UF_REGION, regionOfUf, type BrazilRegion, type BrazilUf } from "./brazil-regions";
import { describeAllocation } from "./allocation-summary";
import {
  COMBO_KEYS, FULL_KEYS, PARTIAL_KEYS, assign, combo, compareRank, fills, greedyCover, single, subsets,
  type Candidate, type Proximity, type RuleKey,
} from "./allocation-rank";

export { BRAZIL_REGIONS, BRAZIL_UFS, UF_REGION, regionOfUf, type BrazilRegion, type BrazilUf };

/** Exact subset search is used up to this many warehouses holding ordered SKUs. */
export const EXACT_SEARCH_LIMIT = 12;

export interface AllocationLine { lineId: string; sku: string; quantity: number }
export interface AllocationWarehouse {
  id: string;
  code: string;
  name: string;
  /** UF, e.g. "SP". */
  state: string;
  /** Macro-region; only used when `state` is not a known UF. */
  region?: string;
  active: boolean;
}
export interface AllocationInput {
  order: { destinationState: string; lines: readonly AllocationLine[] };
  warehouses: readonly AllocationWarehouse[];
  /** warehouseId → sku → available units. Missing means 0. */
  availability: Readonly<Record<string, Readonly<Record<string, number>>>>;
  allowSplit: boolean;
}
export interface AllocatedLine { lineId: string; sku: string; quantity: number }
export interface AllocationShipment { warehouseId: string; lines: AllocatedLine[] }

export type AllocationReasonCode =
  | "HAS_ALL_LINES" | "SAME_STATE" | "SAME_REGION" | "OTHER_REGION" | "MOST_AVAILABLE"
  | "TIE_BREAK_CODE" | "MOST_UNITS" | "NEAREST_COMBINATION" | "SPLIT_REQUIRED" | "LINE_SPLIT"
  | "GREEDY_SEARCH" | "SPLIT_NOT_ALLOWED" | "INSUFFICIENT_STOCK" | "PARTIAL_BACKORDER"
  | "NO_STOCK" | "NO_ACTIVE_WAREHOUSE" | "INACTIVE_SKIPPED" | "EXCLUDED";

export interface AllocationReason {
  code: AllocationReasonCode;
  warehouseId?: string;
  /** Values for the translated message. */
  params: Record<string, string | number>;
  /** This rule is what made the choice win over the runner-up. */
  decisive?: boolean;
}
export interface AllocationResult {
  shipments: AllocationShipment[];
  backordered: AllocatedLine[];
  reasons: AllocationReason[];
  summary: string;
}

const norm = (s: string | undefined): string => (s ?? "").trim().toUpperCase();

function proximityOf(wh: AllocationWarehouse, destState: string, destRegion: BrazilRegion | undefined): Proximity {
  const state = norm(wh.state);
  if (state !== "" && state === destState) return 0;
  const region = regionOfUf(state) ?? BRAZIL_REGIONS.find((r) => norm(r) === norm(wh.region));
  return destRegion !== undefined && region === destRegion ? 1 : 2;
}

function proximityReason(c: Candidate, destState: string, decisive: boolean): AllocationReason {
  const code = c.proximity === 0 ? "SAME_STATE" : c.proximity === 1 ? "SAME_REGION" : "OTHER_REGION";
  const region = regionOfUf(norm(c.wh.state)) ?? c.wh.region ?? "";
  const reason: AllocationReason = {
    code,
    warehouseId: c.wh.id,
    params: { warehouse: c.wh.code, state: norm(c.wh.state), region, destinationState: destState },
  };
  if (decisive) reason.decisive = true;
  return reason;
}

/** Why `winner` beat `runnerUp`, as reasons (the proximity reason is added by the caller). */
function decisiveReasons(winner: Candidate, runnerUp: Candidate | undefined, rule: RuleKey | null): AllocationReason[] {
  if (!runnerUp) return [];
  const base = { warehouseId: winner.wh.id, decisive: true as const };
  if (rule === "AVAILABILITY") {
    return [{ ...base, code: "MOST_AVAILABLE", params: { warehouse: winner.wh.code, available: winner.totalAvailable, runnerUp: runnerUp.wh.code, runnerUpAvailable: runnerUp.totalAvailable } }];
  }
  if (rule === "CODE") {
    return [{ ...base, code: "TIE_BREAK_CODE", params: { warehouse: winner.wh.code, runnerUp: runnerUp.wh.code } }];
  }
  if (rule === "UNITS") {
    return [{ ...base, code: "MOST_UNITS", params: { warehouse: winner.wh.code, units: winner.coveredUnits, runnerUp: runnerUp.wh.code, runnerUpUnits: runnerUp.coveredUnits } }];
  }
  return [];
}


function allocateExcluding(input: AllocationInput, excluded: ReadonlySet<string>): AllocationResult {
  const reasons: AllocationReason[] = [];
  for (const l of input.order.lines) {
    if (!Number.isInteger(l.quantity) || l.quantity < 0) {
      throw new DomainError("VALIDATION", `Invalid quantity ${l.quantity} on line ${l.lineId}`, { lineId: l.lineId, quantity: String(l.quantity) });
    }
  }
  const lines = input.order.lines.filter((l) => l.quantity > 0);
  const destState = norm(input.order.destinationState);
  const destRegion = regionOfUf(destState);
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const demand = new Map<string, number>();
  for (const l of lines) demand.set(l.sku, (demand.get(l.sku) ?? 0) + l.quantity);

  for (const wh of input.warehouses) {
    if (seen.has(wh.id)) continue;
    seen.add(wh.id);
    if (excluded.has(wh.id)) { reasons.push({ code: "EXCLUDED", warehouseId: wh.id, params: { warehouse: wh.code } }); continue; }
    if (!wh.active) { reasons.push({ code: "INACTIVE_SKIPPED", warehouseId: wh.id, params: { warehouse: wh.code } }); continue; }
    const raw = input.availability[wh.id] ?? {};
    const stock = new Map<string, number>();
    let totalAvailable = 0;
    let coveredUnits = 0;
    for (const [sku, qty] of demand) {
      const v = raw[sku] ?? 0;
      const avail = Number.isFinite(v) && v > 0 ? Math.floor(v) : 0;
      stock.set(sku, avail);
      totalAvailable += avail;
      coveredUnits += Math.min(avail, qty);
    }
    const fillsAll = [...demand].every(([sku, q]) => (stock.get(sku) ?? 0) >= q);
    candidates.push({ wh, proximity: proximityOf(wh, destState, destRegion), stock, totalAvailable, coveredUnits, fillsAll });
  }

  const finish = (shipments: AllocationShipment[], backordered: AllocatedLine[]): AllocationResult => {
    const units = backordered.reduce((s, b) => s + b.quantity, 0);
    if (backordered.length > 0 && shipments.length > 0) {
      reasons.push({ code: "PARTIAL_BACKORDER", params: { lines: backordered.length, units } });
    }
    const whById = new Map(input.warehouses.map((w) => [w.id, w]));
    return { shipments, backordered, reasons, summary: describeAllocation({ shipments, backordered, reasons, lineCount: lines.length, whById }) };
  };
  const backorderAll = (): AllocatedLine[] => lines.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity }));

  if (lines.length === 0) return finish([], []);
  if (candidates.length === 0) {
    reasons.push({ code: "NO_ACTIVE_WAREHOUSE", params: { lines: lines.length } });
    return finish([], backorderAll());
  }

  const ranked = [...candidates].sort((a, b) => compareRank(single(a), single(b), FULL_KEYS).cmp);
  const best = ranked[0] as Candidate;
  const runnerUp = ranked[1];
  if (best.fillsAll) {
    const rule = runnerUp ? compareRank(single(best), single(runnerUp), FULL_KEYS).rule : null;
    reasons.push({ code: "HAS_ALL_LINES", warehouseId: best.wh.id, params: { warehouse: best.wh.code, lines: lines.length }, ...(rule === "FILLS_ALL" ? { decisive: true } : {}) });
    reasons.push(proximityReason(best, destState, rule === "PROXIMITY"));
    reasons.push(...decisiveReasons(best, runnerUp, rule));
    const { shipments } = assign(lines, [best]);
    return finish(shipments, []);
  }

  const pool = ranked.filter((c) => c.coveredUnits > 0);
  const canFill = fills(pool, demand);
  if (canFill && input.allowSplit) {
    let chosen: Candidate[] = [];
    let rule: RuleKey | null = null;
    let other: Candidate[] | undefined;
    if (pool.length <= EXACT_SEARCH_LIMIT) {
      for (let size = 2; size <= pool.length && chosen.length === 0; size++) {
        const feasible = [...subsets(pool, size)].filter((s) => fills(s, demand));
        feasible.sort((a, b) => compareRank(combo(a), combo(b), COMBO_KEYS).cmp);
        chosen = feasible[0] ?? [];
        other = feasible[1];
      }
      if (other) rule = compareRank(combo(chosen), combo(other), COMBO_KEYS).rule;
    } else {
      reasons.push({ code: "GREEDY_SEARCH", params: { warehouses: pool.length, limit: EXACT_SEARCH_LIMIT } });
      chosen = greedyCover(pool, demand);
    }
    const members = [...chosen].sort((a, b) => compareRank(single(a), single(b), COMBO_KEYS).cmp);
    const { shipments, backordered, splitLines } = assign(lines, members);
    reasons.push({ code: "SPLIT_REQUIRED", params: { shipments: shipments.length, lines: lines.length } });
    for (const m of members) reasons.push(proximityReason(m, destState, false));
    if (other && rule) {
      const params = { warehouses: combo(chosen).codeKey.split("\u0000").join(", "), runnerUp: combo(other).codeKey.split("\u0000").join(", ") };
      const code = rule === "PROXIMITY" ? "NEAREST_COMBINATION" : rule === "AVAILABILITY" ? "MOST_AVAILABLE" : "TIE_BREAK_CODE";
      reasons.push({ code, params, decisive: true });
    }
    for (const s of splitLines) {
      reasons.push({ code: "LINE_SPLIT", params: { lineId: s.line.lineId, sku: s.line.sku, quantity: s.line.quantity, warehouses: s.parts } });
    }
    return finish(shipments, backordered);
  }

  const short = [...demand].reduce((s, [sku, q]) => s + Math.max(0, q - pool.reduce((t, c) => t + (c.stock.get(sku) ?? 0), 0)), 0);
  reasons.push(canFill ? { code: "SPLIT_NOT_ALLOWED", params: { lines: lines.length } } : { code: "INSUFFICIENT_STOCK", params: { units: short } });
  const partial = [...candidates].sort((a, b) => compareRank(single(a), single(b), PARTIAL_KEYS).cmp);
  const pick = partial[0] as Candidate;
  if (pick.coveredUnits === 0) {
    reasons.push({ code: "NO_STOCK", params: { lines: lines.length } });
    return finish([], backorderAll());
  }
  const next = partial[1];
  const rule = next ? compareRank(single(pick), single(next), PARTIAL_KEYS).rule : null;
  reasons.push(proximityReason(pick, destState, rule === "PROXIMITY"));
  reasons.push(...decisiveReasons(pick, next, rule));
  const { shipments, backordered } = assign(lines, [pick]);
  return finish(shipments, backordered);
}

/** Allocates an order's lines to warehouses and explains why. */
export function allocate(input: AllocationInput): AllocationResult {
  return allocateExcluding(input, new Set());
}

/** Allocates again without the given warehouses (e.g. one that could not fulfil). */
export function reallocate(input: AllocationInput, excludedWarehouseIds: readonly string[]): AllocationResult {
  return allocateExcluding(input, new Set(excludedWarehouseIds));
}
