/**
 * What a later version of a channel order changes in its lines and totals,
 * compared with what Fluxo holds. Pure: the caller decides whether to apply it
 * (before approval) or to raise it to a person (afterwards).
 *
 * A channel line is matched to a held line by its external id, else by SKU
 * (each held line matches at most once, in line order). The name is not a
 * change on its own (platforms re-title products); it follows when applied.
 */
import type { ChannelOrderInput, OrderLineInput } from "@/server/channels/types";
import { centsToDecimalString } from "@/server/lib/money";

export interface HeldLine {
  id: string;
  lineNo: number;
  externalId: string | null;
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  discountCents: number;
  taxCents: number;
}

export const TOTAL_KEYS = ["subtotalCents", "discountCents", "shippingCents", "taxCents", "totalCents"] as const;
type TotalKey = (typeof TOTAL_KEYS)[number];
export type Totals = Record<TotalKey, number>;

/** A type (not an interface) so it is a JSON value for Prisma. */
export type LineValues = {
  sku: string;
  quantity: number;
  unitPriceCents: number;
  discountCents: number;
  taxCents: number;
};

export interface LineChange {
  lineId: string;
  lineNo: number;
  externalId: string | null;
  before: LineValues;
  after: LineValues;
  name: string;
}

export interface ChannelLineDiff {
  changed: LineChange[];
  added: OrderLineInput[];
  removed: HeldLine[];
  /** Held lines that match with nothing to change (kept, name refreshed when applied). */
  unchanged: { line: HeldLine; input: OrderLineInput }[];
  totals: { before: Totals; after: Totals } | null;
}

const values = (l: LineValues): LineValues => ({
  sku: l.sku,
  quantity: l.quantity,
  unitPriceCents: l.unitPriceCents,
  discountCents: l.discountCents,
  taxCents: l.taxCents,
});

const sameValues = (a: LineValues, b: LineValues) =>
  a.sku === b.sku && a.quantity === b.quantity && a.unitPriceCents === b.unitPriceCents && a.discountCents === b.discountCents && a.taxCents === b.taxCents;

export const lineTotalCents = (l: LineValues) => l.unitPriceCents * l.quantity - l.discountCents + l.taxCents;

export function totalsOf(o: Totals): Totals {
  return { subtotalCents: o.subtotalCents, discountCents: o.discountCents, shippingCents: o.shippingCents, taxCents: o.taxCents, totalCents: o.totalCents };
}

export function diffChannelLines(held: readonly HeldLine[], heldTotals: Totals, input: Pick<ChannelOrderInput, "lines" | TotalKey>): ChannelLineDiff {
  const free = [...held].sort((a, b) => a.lineNo - b.lineNo);
  const take = (pred: (l: HeldLine) => boolean): HeldLine | undefined => {
    const i = free.findIndex(pred);
    return i < 0 ? undefined : free.splice(i, 1)[0];
  };
  // External ids first for every line, so a SKU match never steals a line another input line names by id.
  const byId = input.lines.map((l) => (l.externalId !== undefined ? take((h) => h.externalId === l.externalId) : undefined));
  const matches = input.lines.map((l, i) => byId[i] ?? take((h) => h.sku === l.sku));

  const diff: ChannelLineDiff = { changed: [], added: [], removed: free, unchanged: [], totals: null };
  input.lines.forEach((l, i) => {
    const h = matches[i];
    if (!h) diff.added.push(l);
    else if (sameValues(h, l)) diff.unchanged.push({ line: h, input: l });
    else diff.changed.push({ lineId: h.id, lineNo: h.lineNo, externalId: l.externalId ?? h.externalId, before: values(h), after: values(l), name: l.name });
  });
  const after = totalsOf(input);
  if (TOTAL_KEYS.some((k) => heldTotals[k] !== after[k])) diff.totals = { before: totalsOf(heldTotals), after };
  return diff;
}

export function hasChanges(d: ChannelLineDiff): boolean {
  return d.changed.length > 0 || d.added.length > 0 || d.removed.length > 0 || d.totals !== null;
}

/** Whether applying the diff changes what the order needs from stock. */
export function affectsStock(d: ChannelLineDiff): boolean {
  return d.added.length > 0 || d.removed.length > 0 || d.changed.some((c) => c.before.quantity !== c.after.quantity || c.before.sku !== c.after.sku);
}

/** The diff as stored on the timeline event and the exception (JSON, integer cents). */
export function diffJson(d: ChannelLineDiff) {
  return {
    changed: d.changed.map((c) => ({ lineNo: c.lineNo, externalId: c.externalId, before: c.before, after: c.after })),
    added: d.added.map((l) => ({ externalId: l.externalId ?? null, ...values(l), name: l.name })),
    removed: d.removed.map((l) => ({ lineNo: l.lineNo, externalId: l.externalId, ...values(l) })),
    totals: d.totals,
  };
}

/** A stable key of what the channel wants (the "after" side), to recognise the same unapplied change again. */
export function changeSignature(input: Pick<ChannelOrderInput, "lines" | TotalKey>): string {
  const lines = input.lines.map((l) => [l.externalId ?? "", l.sku, l.quantity, l.unitPriceCents, l.discountCents, l.taxCents]);
  return JSON.stringify({ lines, totals: totalsOf(input) });
}

const money = (cents: number) => centsToDecimalString(cents);

/** One readable sentence per change, for the exception message. */
export function describeDiff(d: ChannelLineDiff): string[] {
  const out: string[] = [];
  for (const c of d.changed) {
    const parts: string[] = [];
    if (c.before.sku !== c.after.sku) parts.push(`SKU ${c.before.sku} → ${c.after.sku}`);
    if (c.before.quantity !== c.after.quantity) parts.push(`quantity ${c.before.quantity} → ${c.after.quantity}`);
    if (c.before.unitPriceCents !== c.after.unitPriceCents) parts.push(`unit price ${money(c.before.unitPriceCents)} → ${money(c.after.unitPriceCents)}`);
    if (c.before.discountCents !== c.after.discountCents) parts.push(`discount ${money(c.before.discountCents)} → ${money(c.after.discountCents)}`);
    if (c.before.taxCents !== c.after.taxCents) parts.push(`tax ${money(c.before.taxCents)} → ${money(c.after.taxCents)}`);
    out.push(`line ${c.lineNo} (${c.before.sku}): ${parts.join(", ")}`);
  }
  for (const l of d.added) out.push(`new line ${l.sku} × ${l.quantity}`);
  for (const l of d.removed) out.push(`line ${l.lineNo} (${l.sku} × ${l.quantity}) removed`);
  if (d.totals) {
    const { before, after } = d.totals;
    const moved = TOTAL_KEYS.filter((k) => before[k] !== after[k]).map((k) => `${k.replace(/Cents$/, "")} ${money(before[k])} → ${money(after[k])}`);
    out.push(`totals: ${moved.join(", ")}`);
  }
  return out;
}
