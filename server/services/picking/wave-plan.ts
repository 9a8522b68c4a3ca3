/**
 * Wave (batch) planning: choose which orders are picked together and build the
 * pick list, one line per SKU per bin in walking order, each split into totes
 * (one tote per order).
 *
 * Selection rules (pure; no I/O):
 *  - dueBefore: only orders with a due date strictly before it (orders without
 *    a due date are not "due" and wait for a wave without this filter);
 *  - order of consideration: oldest due date first, orders without a due date
 *    last, then order number (natural order), then order id;
 *  - orders that can never be picked in a wave are skipped and reported:
 *    no units, a line in an unknown bin, or more units than maxUnits alone;
 *  - groupBy: the wave takes only the group (carrier or channel) of the FIRST
 *    eligible order, so the most urgent order always gets picked; orders with
 *    no carrier/channel form their own group;
 *  - maxOrders / maxUnits: an order is never split. An order that would exceed
 *    maxUnits is skipped (reported as NO_ROOM) and later, smaller orders may
 *    still fill the wave ("first fit"); the skipped order keeps its place at
 *    the head of the queue for the next wave. Exactly reaching maxUnits fits.
 */
import { DomainError } from "@/server/lib/domain-error";
import { compareWalkingPath, type Bin } from "./pick-path";

export interface WaveOrderLine {
  lineId: string;
  sku: string;
  productName: string;
  ean: string | null;
  quantity: number;
  binId: string;
}
export interface WaveOrder {
  orderId: string;
  orderNumber: string;
  dueAt?: Date;
  carrier?: string | null;
  channelId?: string | null;
  lines: readonly WaveOrderLine[];
}
export interface WaveRule {
  maxOrders?: number;
  maxUnits?: number;
  groupBy?: "carrier" | "channel" | null;
  dueBefore?: Date;
}
export interface WavePlanInput {
  orders: readonly WaveOrder[];
  bins: readonly Bin[];
  rule: WaveRule;
}
export interface WaveToteQuantity { tote: number; orderId: string; quantity: number }
export interface WavePickLine {
  binId: string;
  binCode: string;
  sku: string;
  productName: string;
  ean: string | null;
  totalQuantity: number;
  perTote: WaveToteQuantity[];
}
export type WaveSkipReason = "NO_UNITS" | "UNKNOWN_BIN" | "LARGER_THAN_MAX_UNITS" | "NO_ROOM";
export interface WaveSkippedOrder { orderId: string; reason: WaveSkipReason; binId?: string }
export interface WavePlan {
  orderIds: string[];
  totes: { orderId: string; tote: number }[];
  lines: WavePickLine[];
  totalUnits: number;
  /** The carrier/channel this wave was restricted to (null = orders without one); undefined without groupBy. */
  groupKey?: string | null;
  skipped: WaveSkippedOrder[];
}

const collator = new Intl.Collator("en", { numeric: true });

function unitsOf(order: WaveOrder): number {
  let units = 0;
  for (const line of order.lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 0) {
      throw new DomainError("VALIDATION", `Invalid quantity ${line.quantity} on line ${line.lineId}`, {
        orderId: order.orderId,
        lineId: line.lineId,
        quantity: String(line.quantity),
      });
    }
    units += line.quantity;
  }
  return units;
}

function compareOrders(a: WaveOrder, b: WaveOrder): number {
  const da = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const db = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return collator.compare(a.orderNumber, b.orderNumber) || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);
}

function groupKeyOf(order: WaveOrder, groupBy: "carrier" | "channel"): string | null {
  const value = groupBy === "carrier" ? order.carrier : order.channelId;
  return value === undefined || value === null || value === "" ? null : value;
}

/** Selects the orders of one wave and builds its aggregated pick list. */
export function planWave(input: WavePlanInput): WavePlan {
  const { rule } = input;
  const binById = new Map(input.bins.map((b) => [b.binId, b]));
  const maxOrders = rule.maxOrders ?? Number.POSITIVE_INFINITY;
  const maxUnits = rule.maxUnits ?? Number.POSITIVE_INFINITY;
  const dueBefore = rule.dueBefore?.getTime();

  const skipped: WaveSkippedOrder[] = [];
  const valid: { order: WaveOrder; units: number }[] = [];
  const queue = input.orders
    .filter((o) => dueBefore === undefined || (o.dueAt !== undefined && o.dueAt.getTime() < dueBefore))
    .sort(compareOrders);
  for (const order of queue) {
    const units = unitsOf(order);
    const unknown = order.lines.find((l) => l.quantity > 0 && !binById.has(l.binId));
    if (units === 0) skipped.push({ orderId: order.orderId, reason: "NO_UNITS" });
    else if (unknown) skipped.push({ orderId: order.orderId, reason: "UNKNOWN_BIN", binId: unknown.binId });
    else if (units > maxUnits) skipped.push({ orderId: order.orderId, reason: "LARGER_THAN_MAX_UNITS" });
    else valid.push({ order, units });
  }

  const groupBy = rule.groupBy ?? null;
  const first = valid[0];
  const groupKey = groupBy && first ? groupKeyOf(first.order, groupBy) : undefined;

  const selected: { order: WaveOrder; units: number }[] = [];
  let totalUnits = 0;
  for (const entry of valid) {
    if (selected.length >= maxOrders) break;
    if (groupBy && groupKeyOf(entry.order, groupBy) !== groupKey) continue;
    if (totalUnits + entry.units > maxUnits) {
      skipped.push({ orderId: entry.order.orderId, reason: "NO_ROOM" });
      continue;
    }
    selected.push(entry);
    totalUnits += entry.units;
  }

  const totes = selected.map((s, i) => ({ orderId: s.order.orderId, tote: i + 1 }));
  const byKey = new Map<string, { bin: Bin; pick: WavePickLine }>();
  selected.forEach(({ order }, i) => {
    const tote = i + 1;
    for (const line of order.lines) {
      const bin = binById.get(line.binId);
      if (!bin || line.quantity === 0) continue;
      const key = `${bin.binId}\u0000${line.sku}`;
      let entry = byKey.get(key);
      if (!entry) {
        const pick = { binId: bin.binId, binCode: bin.code, sku: line.sku, productName: line.productName, ean: line.ean, totalQuantity: 0, perTote: [] };
        entry = { bin, pick };
        byKey.set(key, entry);
      }
      const { pick } = entry;
      if (!pick.ean && line.ean) pick.ean = line.ean;
      pick.totalQuantity += line.quantity;
      const last = pick.perTote[pick.perTote.length - 1];
      if (last && last.tote === tote) last.quantity += line.quantity;
      else pick.perTote.push({ tote, orderId: order.orderId, quantity: line.quantity });
    }
  });

  const bySku = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
  const lines = [...byKey.values()]
    .sort((a, b) => compareWalkingPath(a.bin, b.bin) || bySku(a.pick.sku, b.pick.sku))
    .map((e) => e.pick);

  const plan: WavePlan = { orderIds: selected.map((s) => s.order.orderId), totes, lines, totalUnits, skipped };
  if (groupBy) plan.groupKey = groupKey ?? null;
  return plan;
}
