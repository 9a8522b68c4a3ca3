/** Ranking, subset search and line assignment used by allocation.ts (pure helpers). */
import type { AllocatedLine, AllocationLine, AllocationWarehouse } from "./allocation";

export type Proximity = 0 | 1 | 2; // same state, same region, other
export type RuleKey = "FILLS_ALL" | "UNITS" | "PROXIMITY" | "AVAILABILITY" | "CODE";

export interface Candidate {
  wh: AllocationWarehouse;
  proximity: Proximity;
  stock: Map<string, number>;
  /** Sum of available units of the ordered SKUs. */
  totalAvailable: number;
  /** Units of the order this warehouse alone could ship. */
  coveredUnits: number;
  fillsAll: boolean;
}
export interface Rankable {
  fillsAll: boolean;
  coveredUnits: number;
  proximity: readonly number[];
  totalAvailable: number;
  codeKey: string;
  idKey: string;
}
export interface Comparison { cmp: number; rule: RuleKey | null }

export const FULL_KEYS: readonly RuleKey[] = ["FILLS_ALL", "PROXIMITY", "AVAILABILITY", "CODE"];
export const PARTIAL_KEYS: readonly RuleKey[] = ["UNITS", "PROXIMITY", "AVAILABILITY", "CODE"];
export const COMBO_KEYS: readonly RuleKey[] = ["PROXIMITY", "AVAILABILITY", "CODE"];

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareRank(a: Rankable, b: Rankable, keys: readonly RuleKey[]): Comparison {
  for (const key of keys) {
    let c = 0;
    if (key === "FILLS_ALL") c = Number(b.fillsAll) - Number(a.fillsAll);
    else if (key === "UNITS") c = b.coveredUnits - a.coveredUnits;
    else if (key === "AVAILABILITY") c = b.totalAvailable - a.totalAvailable;
    else if (key === "CODE") c = cmpStr(a.codeKey, b.codeKey) || cmpStr(a.idKey, b.idKey);
    else {
      for (let i = 0; i < a.proximity.length && c === 0; i++) c = (a.proximity[i] ?? 0) - (b.proximity[i] ?? 0);
    }
    if (c !== 0) return { cmp: c, rule: key };
  }
  return { cmp: 0, rule: null };
}

export const single = (c: Candidate): Rankable => ({
  fillsAll: c.fillsAll,
  coveredUnits: c.coveredUnits,
  proximity: [c.proximity],
  totalAvailable: c.totalAvailable,
  codeKey: c.wh.code,
  idKey: c.wh.id,
});

export function combo(members: readonly Candidate[]): Rankable {
  const prox: number[] = members.map((m) => m.proximity);
  const sorted = [...members].sort((x, y) => cmpStr(x.wh.code, y.wh.code) || cmpStr(x.wh.id, y.wh.id));
  return {
    fillsAll: true,
    coveredUnits: 0,
    proximity: [Math.max(...prox), prox.reduce((s, p) => s + p, 0)],
    totalAvailable: members.reduce((s, m) => s + m.totalAvailable, 0),
    codeKey: sorted.map((m) => m.wh.code).join("\u0000"),
    idKey: sorted.map((m) => m.wh.id).join("\u0000"),
  };
}


export function* subsets<T>(items: readonly T[], size: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === size) { yield [...acc]; return; }
  for (let i = start; i <= items.length - (size - acc.length); i++) {
    acc.push(items[i] as T);
    yield* subsets(items, size, i + 1, acc);
    acc.pop();
  }
}

export function fills(members: readonly Candidate[], demand: ReadonlyMap<string, number>): boolean {
  for (const [sku, qty] of demand) {
    if (members.reduce((s, m) => s + (m.stock.get(sku) ?? 0), 0) < qty) return false;
  }
  return true;
}

/** Greedy cover: repeatedly add the warehouse shipping most of what is still missing. */
export function greedyCover(pool: readonly Candidate[], demand: ReadonlyMap<string, number>): Candidate[] {
  const missing = new Map(demand);
  const chosen: Candidate[] = [];
  const left = [...pool];
  while ([...missing.values()].some((q) => q > 0) && left.length > 0) {
    const gain = (c: Candidate): number => [...missing].reduce((s, [sku, q]) => s + Math.min(q, c.stock.get(sku) ?? 0), 0);
    left.sort((a, b) => gain(b) - gain(a) || compareRank(single(a), single(b), COMBO_KEYS).cmp);
    const next = left.shift();
    if (!next || gain(next) === 0) break;
    chosen.push(next);
    for (const [sku, q] of missing) missing.set(sku, Math.max(0, q - (next.stock.get(sku) ?? 0)));
  }
  return chosen;
}

/** Assigns lines to ranked members: wholly when one has enough, split otherwise. */
export function assign(lines: readonly AllocationLine[], members: readonly Candidate[]) {
  const left = members.map((m) => new Map(m.stock));
  const perMember: AllocatedLine[][] = members.map(() => []);
  const backordered: AllocatedLine[] = [];
  const splitLines: { line: AllocationLine; parts: number }[] = [];
  // Larger lines first, so small lines do not take the only warehouse able to hold a big one whole.
  const order = lines.map((l, i) => ({ l, i })).sort((a, b) => b.l.quantity - a.l.quantity || a.i - b.i);
  const placed: { i: number; m: number; q: number }[] = [];
  for (const { l, i } of order) {
    const whole = left.findIndex((s) => (s.get(l.sku) ?? 0) >= l.quantity);
    let need = l.quantity;
    let parts = 0;
    left.forEach((s, m) => {
      if (need === 0 || (whole !== -1 && m !== whole)) return;
      const take = Math.min(need, s.get(l.sku) ?? 0);
      if (take === 0) return;
      s.set(l.sku, (s.get(l.sku) ?? 0) - take);
      placed.push({ i, m, q: take });
      need -= take;
      parts++;
    });
    if (parts > 1) splitLines.push({ line: l, parts });
    if (need > 0) backordered.push({ lineId: l.lineId, sku: l.sku, quantity: need });
  }
  placed.sort((a, b) => a.i - b.i);
  for (const p of placed) {
    const l = lines[p.i] as AllocationLine;
    perMember[p.m]?.push({ lineId: l.lineId, sku: l.sku, quantity: p.q });
  }
  const shipments = members
    .map((m, idx) => ({ warehouseId: m.wh.id, lines: perMember[idx] ?? [] }))
    .filter((s) => s.lines.length > 0);
  const order0 = new Map(lines.map((l, i) => [l.lineId, i]));
  backordered.sort((a, b) => (order0.get(a.lineId) ?? 0) - (order0.get(b.lineId) ?? 0));
  return { shipments, backordered, splitLines };
}
