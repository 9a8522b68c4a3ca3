/**
 * One order at a time: channel, customer, stage and path, lines and totals,
 * then its timeline, holds and stock effects. Everything is drawn from one
 * seeded stream in a fixed order, so order i is the same on every run.
 */
import { regionOfUf } from "@/server/services/stock/brazil-regions";
import { channelPrice, type ChannelSpec } from "./channels";
import { addBusinessDays, type OrderClock } from "./clock";
import { customerAt } from "./customers";
import { recordOrderStock, type StockContext } from "./order-stock";
import { COVERAGE, buildPath, fulfillmentStatusFor, paymentStatusFor, statusForAge, type PaymentKind } from "./pipeline";
import { Rng, WeightedTable, deriveSeed } from "./rng";
import { WH_COUNT, skuWhKey } from "./stock-plan";
import { activeHoldReason, buildEvents, buildHold, stageTimes, type Actors } from "./timeline";
import type { ChannelRow, JsonValue, OrderBatch, OrderEventRow, OrderLineRow, OrderStatus, Role, UserRow, WarehouseRow } from "./types";

export interface OrderWorld extends StockContext {
  seed: number;
  orders: number;
  now: Date;
  /** Real placement times. */
  clock: OrderClock;
  /** A clock at a fixed reference time: every random decision that depends on an order's age uses it, so the draws do not depend on `now`. */
  decisionClock: OrderClock;
  channels: readonly { row: ChannelRow; spec: ChannelSpec }[];
  users: Record<Role, UserRow>;
  full: boolean;
}

const SOUTH = new Set(["PR", "SC", "RS"]);
const NOTES = ["Entregar na portaria", "Embalar para presente, por favor", "Deixar com o zelador se não houver ninguém", "Ligar antes de entregar"];

export class OrderFactory {
  private readonly rng: Rng;
  private readonly perChannel: number[];
  private readonly channelTable: WeightedTable<number>;
  private readonly skuTables: WeightedTable<number>[];
  private readonly customerCount: number;
  private readonly seen: Uint8Array;
  private readonly coverage = new Map<number, OrderStatus>();

  constructor(private readonly w: OrderWorld) {
    this.rng = new Rng(deriveSeed(w.seed, "orders", w.orders));
    this.perChannel = w.channels.map(() => 0);
    this.channelTable = new WeightedTable(w.channels.map((c, i) => [i, c.spec.weight] as const));
    // A long tail: a few best sellers, many slow movers.
    const pop = new Rng(deriveSeed(w.seed, "popularity"));
    const rank = pop.shuffle(w.skus.map((_, i) => i));
    const weight = new Float64Array(w.skus.length);
    rank.forEach((sku, r) => (weight[sku] = 1 / Math.pow(r + 4, 0.9)));
    this.skuTables = w.plan.stockedSkus.map((list) => new WeightedTable(list.map((sku) => [sku, weight[sku]!] as const)));
    this.customerCount = Math.max(20, Math.ceil(w.orders * 0.55));
    this.seen = new Uint8Array(this.customerCount);
    for (const [status, hours] of COVERAGE) {
      let i = w.decisionClock.indexAtAge(hours, w.orders);
      while (i >= 0 && this.coverage.has(i)) i--;
      if (i >= 0) this.coverage.set(i, status);
    }
  }

  make(i: number, out: OrderBatch): OrderStatus {
    const { rng, w } = this;
    const u = rng.next();
    const placedAt = w.clock.timeAt(i, w.orders, u);
    const ageHours = (w.decisionClock.end.getTime() - w.decisionClock.timeAt(i, w.orders, u).getTime()) / 3_600_000;
    const ch = this.channelTable.draw(rng);
    const channel = w.channels[ch]!;
    const k = this.perChannel[ch]!++;
    const externalId = channel.spec.externalId(k, rng);
    const custIdx = Math.floor(this.customerCount * Math.pow(rng.next(), 1.6));
    const customer = customerAt(w.seed, custIdx);

    const pref = SOUTH.has(customer.city.uf) ? 1 : 0;
    const wh = rng.chance(0.9) ? pref : (pref + 1) % WH_COUNT;
    let status = this.coverage.get(i) ?? statusForAge(rng, ageHours);
    if (status === "BACKORDERED" && w.plan.outSkus[wh]!.length === 0) status = "APPROVED";
    let kind: PaymentKind = rng.weighted(channel.spec.kinds);
    if (status === "FRAUD_REVIEW") kind = "card";
    const path = buildPath(rng, status, kind);
    const orderId = rng.uuid();
    const number = i + 1;

    // Lines: distinct SKUs stocked in the warehouse that serves (or would serve) the order.
    const nLines = rng.weighted([[1, 55], [2, 28], [3, 12], [4, 5]]);
    const skuIdx: number[] = [];
    for (let l = 0; l < nLines; l++) {
      for (let attempt = 0; attempt < 4; attempt++) {
        const s = this.skuTables[wh]!.draw(rng);
        if (!skuIdx.includes(s)) { skuIdx.push(s); break; }
      }
    }
    const isOut = (s: number): boolean => w.plan.stockClass[skuWhKey(s, wh)] === "OUT";
    const stuckWaiting = path.includes("BACKORDERED") && !path.includes("ALLOCATED");
    const outHere = w.plan.outSkus[wh]!;
    if (stuckWaiting && !skuIdx.some(isOut) && outHere.length > 0) skuIdx[0] = rng.pick(outHere);
    const backordered = new Set<number>();
    if (stuckWaiting) skuIdx.forEach((s, l) => isOut(s) && backordered.add(l));
    else if (path.includes("BACKORDERED")) backordered.add(0);

    const lines: OrderLineRow[] = skuIdx.map((s, l) => {
      const sku = w.skus[s]!;
      const quantity = rng.weighted([[1, 80], [2, 14], [3, 4], [4, 2]]);
      const unit = channelPrice(sku.priceCents, channel.spec.priceFactor);
      const discount = rng.chance(0.12) ? Math.round((quantity * unit * rng.pick([5, 10, 15, 20])) / 100) : 0;
      return {
        id: rng.uuid(), orderId, lineNo: l + 1, externalId: `${externalId}-${l + 1}`, sku: sku.code, skuId: sku.id, name: sku.name, quantity,
        unitPriceCents: unit, discountCents: discount, taxCents: 0, totalCents: quantity * unit - discount,
        reservedQty: 0, backorderedQty: 0, shippedQty: 0,
      };
    });
    const subtotal = lines.reduce((n, l) => n + l.quantity * l.unitPriceCents, 0);
    const discount = lines.reduce((n, l) => n + l.discountCents, 0);
    const warehouse = w.plan.warehouses[wh]!;
    const nearby = regionOfUf(customer.city.uf) === regionOfUf(warehouse.state);
    const shipping =
      channel.spec.platform === "MANUAL" ? (rng.chance(0.7) ? 0 : rng.int(150, 300) * 10)
      : subtotal - discount >= 19_900 && rng.chance(0.8) ? 0
      : nearby ? rng.int(129, 249) * 10 : rng.int(249, 499) * 10;

    const times = stageTimes(rng, path, placedAt, w.clock.end, kind);
    const last = times[times.length - 1]!;
    const actors: Actors = { users: w.users, channelLabel: `channel:${channel.row.name}`, manual: channel.spec.platform === "MANUAL" };
    const events: OrderEventRow[] = [];
    buildEvents(rng, actors, { orderId, number, path, times, kind, warehouse: warehouse.code, full: w.full }, events);
    const holdReason = activeHoldReason(rng, status, kind, ageHours);
    if (holdReason) buildHold(rng, actors, { orderId, status, full: w.full }, holdReason, last + (w.clock.end.getTime() - last) * rng.float(0.05, 0.5), null, out.holds, events);
    const approvedAt = path.indexOf("APPROVED");
    if (status === "DELIVERED" && approvedAt >= 0 && rng.chance(0.015)) {
      // A wrong address caught and fixed before allocation: history only.
      const from = times[approvedAt]!;
      const gap = times[approvedAt + 1]! - from;
      buildHold(rng, actors, { orderId, status: "APPROVED", full: w.full }, "INCORRECT_ADDRESS", from + gap * 0.2, from + gap * 0.6, out.holds, events);
    }
    const allocated = path.includes("ALLOCATED") || path.includes("BACKORDERED");
    // Every order reserves when it is captured (the app's capture path); one never allocated still holds that, or released it when cancelled.
    const reservedAtCapture = !allocated;
    const allocatedAt = times[Math.max(path.indexOf("ALLOCATED"), path.indexOf("BACKORDERED"))] ?? times[0]!;
    const allocation = allocationJson(warehouse, customer.city.uf, lines, stuckWaiting ? backordered : new Set(), nearby, allocatedAt);
    recordOrderStock(rng, w, { orderId, number, full: w.full, summary: allocation.summary, reasons: allocation.reasons, wh, path, times, lines, skuIdx, backordered, reservedAtCapture }, out, events);
    events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const e of events) out.events.push(e);
    for (const l of lines) out.lines.push(l);
    if (backordered.size > 0) this.backorderException(out, { orderId, number, path, times, lines, warehouse, backordered });

    if (!this.seen[custIdx]) {
      this.seen[custIdx] = 1;
      const createdAt = new Date(placedAt.getTime() - customer.signupLeadMinutes * 60_000);
      out.customers.push({ id: customer.id, name: customer.name, email: customer.email, phone: customer.phone, document: customer.document, createdAt, updatedAt: createdAt });
    }
    const firstPaid = path.indexOf("PAYMENT_AUTHORIZED");
    out.orders.push({
      id: orderId, number, channelId: channel.row.id, externalId, externalNumber: channel.spec.externalNumber(k, externalId),
      customerId: customer.id, customerName: customer.name, customerEmail: customer.email,
      status, paymentStatus: paymentStatusFor(path, kind), fulfillmentStatus: fulfillmentStatusFor(status), onHold: holdReason !== null,
      currency: "BRL", subtotalCents: subtotal, discountCents: discount, shippingCents: shipping, taxCents: 0, totalCents: subtotal - discount + shipping,
      paymentMethod: channel.spec.methodLabel[kind], placedAt, channelUpdatedAt: new Date(firstPaid >= 0 ? times[firstPaid]! : placedAt.getTime()),
      shipBy: addBusinessDays(placedAt, rng.int(1, 3)), shippingAddress: customer.address,
      // Marketplaces and the shop counter do not pass a billing address on.
      billingAddress: channel.spec.platform === "SHOPIFY" || channel.spec.platform === "WOOCOMMERCE" ? customer.address : null,
      shipState: customer.city.uf, note: rng.chance(0.05) ? rng.pick(NOTES) : null, test: false,
      warehouseId: status === "CANCELLED" && !allocated ? null : warehouse.id,
      allocation: status === "CANCELLED" && !allocated ? null : allocation.json,
      version: events.length - 1, createdAt: new Date(times[0]!), updatedAt: new Date(Math.max(last, events[events.length - 1]!.createdAt.getTime())),
    });
    return status;
  }

  private backorderException(out: OrderBatch, o: { orderId: string; number: number; path: readonly OrderStatus[]; times: readonly number[]; lines: readonly OrderLineRow[]; warehouse: WarehouseRow; backordered: ReadonlySet<number> }): void {
    const waiting = o.lines.filter((_, l) => o.backordered.has(l));
    const first = waiting[0]!;
    const at = (s: OrderStatus): number | undefined => { const i = o.path.indexOf(s); return i < 0 ? undefined : o.times[i]; };
    const resolvedAt = at("ALLOCATED") ?? at("CANCELLED") ?? null;
    out.exceptions.push({
      // Message and data as server/services/stock/reserve-statement.ts writes them.
      id: this.rng.uuid(), type: "ORDER_BACKORDERED", status: resolvedAt === null ? "OPEN" : "RESOLVED", orderId: o.orderId, skuId: first.skuId, warehouseId: null,
      message: `Order #${o.number} is waiting for stock: some lines are backordered.`,
      data: { lines: waiting.map((l) => ({ lineId: l.id, lineNo: l.lineNo, sku: l.sku, quantity: l.quantity })), warehouse: o.warehouse.code },
      createdAt: new Date(at("BACKORDERED") ?? o.times[0]!), resolvedAt: resolvedAt === null ? null : new Date(resolvedAt),
    });
  }
}

/** Same shape as the record the reservation stores (server/services/stock/allocation-record.ts OrderAllocationRecord). */
function allocationJson(
  wh: WarehouseRow, uf: string, lines: readonly OrderLineRow[], backordered: ReadonlySet<number>, nearby: boolean, at: number,
): { json: JsonValue; summary: string; reasons: JsonValue[] } {
  const item = (l: OrderLineRow): JsonValue => ({ lineId: l.id, sku: l.sku, quantity: l.quantity });
  const shipped = lines.filter((_, i) => !backordered.has(i));
  const waiting = lines.filter((_, i) => backordered.has(i));
  const proximity = uf === wh.state ? "SAME_STATE" : nearby ? "SAME_REGION" : "OTHER_REGION";
  const units = waiting.reduce((n, l) => n + l.quantity, 0);
  const reasons: JsonValue[] = [
    waiting.length === 0
      ? { code: "HAS_ALL_LINES", warehouseId: wh.id, params: { warehouse: wh.code, lines: lines.length }, decisive: true }
      : { code: "PARTIAL_BACKORDER", params: { lines: waiting.length, units } },
    { code: proximity, warehouseId: wh.id, params: { warehouse: wh.code, state: wh.state, region: regionOfUf(wh.state) ?? "", destinationState: uf } },
  ];
  const prox = proximity === "SAME_STATE" ? "same state as customer" : proximity === "SAME_REGION" ? `same region as customer (${regionOfUf(uf) ?? ""})` : "different region from customer";
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? "" : "s"}`;
  const head = waiting.length === 0 ? `has all ${plural(lines.length, "line")}` : `ships ${shipped.length} of ${plural(lines.length, "line")}`;
  const tail = waiting.length === 0 ? "" : `; ${plural(waiting.length, "line")} (${plural(units, "unit")}) backordered`;
  const summary = `${wh.code} warehouse: ${head}, ${prox}${tail}`;
  return {
    summary,
    reasons,
    json: {
      at: new Date(at).toISOString(), destinationState: uf, policy: "BACKORDER", allowSplit: false, summary, reasons,
      shipments: shipped.length > 0 ? [{ warehouseId: wh.id, warehouseCode: wh.code, lines: shipped.map(item) }] : [],
      backordered: waiting.map(item), unknownSkus: [],
    },
  };
}
