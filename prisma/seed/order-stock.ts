/**
 * What an order did to stock: reservations (ACTIVE while it waits in the
 * warehouse, CONSUMED once shipped, RELEASED when cancelled after allocation),
 * the matching ledger movements, and the order line quantities.
 */
import { RESERVING } from "./pipeline";
import type { Rng } from "./rng";
import type { StockLedger } from "./stock";
import { skuWhKey, type StockPlan } from "./stock-plan";
import type { JsonValue, OrderBatch, OrderEventRow, OrderLineRow, OrderStatus, SkuRow, StockMovementRow, UserRow } from "./types";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

export interface StockContext {
  plan: StockPlan;
  ledger: StockLedger;
  skus: readonly SkuRow[];
  picker: UserRow;
}

export interface OrderStockInput {
  orderId: string;
  number: number;
  /** Full timeline: also the stock.* events the reservation engine writes. */
  full: boolean;
  /** The allocation summary, the reason of the stock.reserved event. */
  summary: string;
  /** The allocation reasons by code: the timeline shows them in the reader's language. */
  reasons: readonly JsonValue[];
  wh: number;
  path: readonly OrderStatus[];
  times: readonly number[];
  lines: readonly OrderLineRow[];
  /** SKU index per line. */
  skuIdx: readonly number[];
  /** Lines that were waiting for stock when the order went BACKORDERED. */
  backordered: ReadonlySet<number>;
  /** Never allocated (still before allocation, or cancelled then): its lines were reserved when it was captured. */
  reservedAtCapture: boolean;
}

/** Texts as the stock services write them (server/services/stock/*). */
/** As the app writes them (server/services/stock/ledger-reasons.ts), so they read in the reader's language. */
const REASON = {
  reserve: (n: number) => ledgerReason("orderReserved", { number: n }),
  ship: (n: number) => ledgerReason("orderShipped", { number: n }),
  release: (n: number) => ledgerReason("orderCancelledPlain", { number: n }),
  ret: (n: number) => ledgerReason("orderReturned", { number: n, note: "produto em perfeito estado, de volta à prateleira" }),
};

export function recordOrderStock(rng: Rng, c: StockContext, o: OrderStockInput, out: OrderBatch, events: OrderEventRow[]): void {
  const at = (s: OrderStatus): number | null => {
    const i = o.path.indexOf(s);
    return i < 0 ? null : o.times[i]!;
  };
  const tBack = at("BACKORDERED");
  const tAlloc = at("ALLOCATED");
  const tCapture = o.reservedAtCapture ? o.times[0]! : null;
  if (tBack === null && tAlloc === null && tCapture === null) return;
  const status = o.path[o.path.length - 1]!;
  const tShip = at("SHIPPED");
  const tReturn = at("RETURNED");
  const tCancel = at("CANCELLED");
  const warehouseId = c.plan.warehouses[o.wh]!.id;
  /** Units reserved / waiting at each reservation moment (stock.* timeline events). */
  const moments = new Map<number, { reserved: number; waiting: number }>();
  const moment = (t: number) => moments.get(t) ?? (moments.set(t, { reserved: 0, waiting: 0 }).get(t)!);
  let released = 0;

  o.lines.forEach((line, l) => {
    const waitedForStock = o.backordered.has(l);
    // Still waiting (now, or when it was cancelled): never reserved.
    if (tBack !== null && waitedForStock) moment(tBack).waiting += line.quantity;
    if (waitedForStock && tAlloc === null) {
      if (status === "BACKORDERED") line.backorderedQty = line.quantity;
      return;
    }
    const reservedAt = tCapture ?? (tBack !== null && !waitedForStock ? tBack : (tAlloc ?? tBack)!);
    moment(reservedAt).reserved += line.quantity;
    const q = line.quantity;
    const sku = o.skuIdx[l]!;
    const key = skuWhKey(sku, o.wh);
    const skuId = c.skus[sku]!.id;
    const active = RESERVING.has(status);
    const closedAt = tShip ?? (status === "CANCELLED" ? tCancel : null);
    out.reservations.push({
      id: rng.uuid(), orderId: o.orderId, orderLineId: line.id, skuId, warehouseId, quantity: q,
      status: active ? "ACTIVE" : tShip !== null ? "CONSUMED" : "RELEASED",
      createdAt: new Date(reservedAt), closedAt: closedAt === null ? null : new Date(closedAt),
    });
    const move = (m: Pick<StockMovementRow, "type" | "binId" | "onHandDelta" | "reservedDelta" | "reason" | "createdAt"> & { actor?: UserRow }): void => {
      c.ledger.schedule({
        type: m.type, skuId, warehouseId, binId: m.binId, onHandDelta: m.onHandDelta, reservedDelta: m.reservedDelta,
        unavailableDelta: 0, unavailableKind: null, reason: m.reason, actorId: m.actor?.id ?? null, actorLabel: m.actor?.name ?? "system", orderId: o.orderId, purchaseOrderId: null, createdAt: m.createdAt,
      });
    };
    move({ type: "RESERVATION", binId: null, onHandDelta: 0, reservedDelta: q, reason: REASON.reserve(o.number), createdAt: new Date(reservedAt) });

    if (active) {
      c.ledger.reserved[key]! += q;
      line.reservedQty = q;
    } else if (tShip !== null) {
      const slots = c.plan.slotsBySkuWh[key]!;
      const slot = slots.length > 1 && rng.chance(0.3) ? slots[1]! : slots[0]!;
      const binId = c.plan.bins[c.plan.slots[slot]!.bin]!.id;
      c.ledger.slotOut[slot]! += q;
      line.shippedQty = q;
      move({ type: "SHIPMENT", binId, onHandDelta: -q, reservedDelta: -q, reason: REASON.ship(o.number), createdAt: new Date(tShip), actor: c.picker });
      if (tReturn !== null) {
        // Back on the shelf it was picked from.
        c.ledger.slotOut[slot]! -= q;
        move({ type: "RETURN", binId, onHandDelta: q, reservedDelta: 0, reason: REASON.ret(o.number), createdAt: new Date(tReturn), actor: c.picker });
      }
    } else {
      move({ type: "RELEASE", binId: null, onHandDelta: 0, reservedDelta: -q, reason: REASON.release(o.number), createdAt: new Date(tCancel ?? reservedAt) });
      released += q;
    }
  });

  if (!o.full) return;
  // Half a second before the stage change the reservation engine reports what it did (after the capture, for a captured order).
  for (const [t, m] of moments) {
    events.push({
      orderId: o.orderId, type: m.waiting > 0 ? "stock.backordered" : "stock.reserved", fromStatus: null, toStatus: null,
      actorId: null, actorLabel: "system", reason: o.summary, data: { reservedUnits: m.reserved, backorderedUnits: m.waiting, warehouseId, reasons: [...o.reasons] },
      createdAt: new Date(t === tCapture ? t + 500 : t - 500),
    });
  }
  if (released > 0 && tCancel !== null) {
    events.push({
      orderId: o.orderId, type: "stock.released", fromStatus: null, toStatus: null, actorId: null, actorLabel: "system",
      reason: REASON.release(o.number), data: { units: released }, createdAt: new Date(tCancel + 200),
    });
  }
}
