/**
 * The stock ledger of the demo data. Orders are streamed, so this keeps only
 * running totals per SKU × warehouse and per bin while they pass; once every
 * order is known, finalize() decides the closing levels and back-computes the
 * opening receipts so that, for every SKU × warehouse and every bin, the sum
 * of the ledger's deltas equals the stored level (zero reconciliation drift).
 */
import type { CatalogItem } from "./catalog";
import { MovementQueue, type PendingMovement } from "./movement-queue";
import type { Rng } from "./rng";
import { WH_COUNT, type StockPlan } from "./stock-plan";
import type { BinStockRow, ExceptionRow, SkuRow, StockBalanceRow, StockData, StockMovementRow, UnavailableKind, UserRow } from "./types";

export class StockLedger {
  /** Units in ACTIVE reservations, per sku × warehouse. */
  readonly reserved: Int32Array;
  /** Units that left each slot through orders (shipped minus returned). */
  readonly slotOut: Int32Array;
  private nextId: number;
  private readonly queue = new MovementQueue();

  constructor(private readonly plan: StockPlan, skus: readonly SkuRow[]) {
    this.reserved = new Int32Array(plan.slotsBySkuWh.length);
    this.slotOut = new Int32Array(plan.slots.length);
    // Ids 1..slots are kept for the opening receipts, which come first in time but are computed last.
    this.nextId = plan.slots.length + 1;
    for (const m of plan.planned) {
      const slot = plan.slots[m.slot]!;
      this.schedule({
        type: m.type, skuId: skus[slot.sku]!.id, warehouseId: plan.warehouses[slot.wh]!.id, binId: plan.bins[slot.bin]!.id,
        onHandDelta: m.onHandDelta, reservedDelta: 0, unavailableDelta: m.unavailableDelta, unavailableKind: m.unavailableKind, reason: m.reason,
        actorId: m.actor.id, actorLabel: m.actor.name, orderId: null, purchaseOrderId: m.purchaseOrderId, createdAt: m.createdAt,
      });
    }
  }

  /** A ledger row; it gets its id when its time has come (see MovementQueue). */
  schedule(row: PendingMovement): void {
    this.queue.push(row);
  }

  /** Hands out the rows due by `until` (every order placed up to then has been generated). */
  drain(out: StockMovementRow[], until: number): void {
    this.nextId = this.queue.drain(out, this.nextId, until);
  }

  finalize(rng: Rng, catalog: readonly CatalogItem[], skus: readonly SkuRow[], opening: { at: Date; actor: UserRow; alertAt: Date }): StockData {
    const { plan } = this;
    const slotUnavailable = new Int32Array(plan.slots.length);
    const slotByKind: Record<UnavailableKind, Int32Array> = {
      DAMAGED: new Int32Array(plan.slots.length), QUARANTINE: new Int32Array(plan.slots.length), QC: new Int32Array(plan.slots.length),
    };
    const slotIn = new Int32Array(plan.slots.length);
    const slotAdjustUp = new Int32Array(plan.slots.length);
    const movements: StockMovementRow[] = [];
    for (const m of plan.planned) {
      slotUnavailable[m.slot]! += m.unavailableDelta;
      if (m.unavailableKind) slotByKind[m.unavailableKind][m.slot]! += m.unavailableDelta;
      slotIn[m.slot]! += m.onHandDelta;
      if (m.onHandDelta > 0) slotAdjustUp[m.slot]! += m.onHandDelta;
    }
    // Whatever is still due after the newest order (late returns, receipts).
    this.nextId = this.queue.drain(movements, this.nextId);

    const balances: StockBalanceRow[] = [];
    const binStocks: BinStockRow[] = [];
    const exceptions: ExceptionRow[] = [];
    plan.slotsBySkuWh.forEach((slotIdx, key) => {
      if (slotIdx.length === 0) return;
      const sku = Math.floor(key / WH_COUNT);
      const wh = key % WH_COUNT;
      const item = catalog[sku]!;
      const skuRow = skus[sku]!;
      const warehouse = plan.warehouses[wh]!;
      const reserved = this.reserved[key]!;
      const safety = plan.safety[key]!;
      const unavailable = slotIdx.reduce((n, s) => n + slotUnavailable[s]!, 0);
      const cls = plan.stockClass[key]!;
      // Closing "free" stock by class; OUT leaves nothing available (on hand − reserved − unavailable − safety ≤ 0).
      const free = cls === "OUT" ? rng.int(0, safety) - safety : cls === "LOW" ? rng.int(1, Math.max(1, item.reorderPoint)) : item.reorderPoint + rng.int(10, 120);
      const base = reserved + unavailable + safety + free;

      // Split across the SKU's bins; each bin keeps at least its own damaged units.
      const perSlot = slotIdx.map((s) => slotUnavailable[s]!);
      const rest = base - unavailable;
      if (perSlot.length === 1) perSlot[0]! += rest;
      else {
        const first = Math.round(rest * rng.float(0.55, 0.8));
        perSlot[0]! += first;
        perSlot[1]! += rest - first;
      }
      let onHand = 0;
      slotIdx.forEach((s, i) => {
        // Goods received or found later are still on the shelf (keeps every running balance ≥ 0).
        const binOnHand = perSlot[i]! + slotAdjustUp[s]!;
        const openingQty = binOnHand + this.slotOut[s]! - slotIn[s]!;
        if (openingQty < 0) throw new Error(`seed bug: negative opening stock for ${item.code} in slot ${s}`);
        onHand += binOnHand;
        binStocks.push({
          skuId: skuRow.id, binId: plan.bins[plan.slots[s]!.bin]!.id, onHand: binOnHand, unavailable: slotUnavailable[s]!,
          damaged: slotByKind.DAMAGED[s]!, quarantine: slotByKind.QUARANTINE[s]!, qc: slotByKind.QC[s]!,
        });
        if (openingQty > 0) {
          movements.push({
            id: s + 1, type: "RECEIPT", skuId: skuRow.id, warehouseId: warehouse.id, binId: plan.bins[plan.slots[s]!.bin]!.id,
            onHandDelta: openingQty, reservedDelta: 0, unavailableDelta: 0, unavailableKind: null, reason: "Inventário inicial (implantação)",
            actorId: opening.actor.id, actorLabel: opening.actor.name, orderId: null, purchaseOrderId: null, createdAt: opening.at,
          });
        }
      });
      balances.push({ skuId: skuRow.id, warehouseId: warehouse.id, onHand, reserved, unavailable, safety });

      const available = Math.max(0, onHand - reserved - unavailable - safety);
      if (cls !== "OK") {
        exceptions.push({
          id: rng.uuid(), type: cls === "OUT" ? "OUT_OF_STOCK" : "LOW_STOCK", status: "OPEN", orderId: null, skuId: skuRow.id, warehouseId: warehouse.id,
          message: cls === "OUT"
            ? `${item.code} is out of stock at ${warehouse.name}`
            : `${item.code} is low at ${warehouse.name}: ${available} available (reorder point ${item.reorderPoint})`,
          data: { sku: item.code, warehouse: warehouse.code, warehouseId: warehouse.id, available, reorderPoint: item.reorderPoint, onHand, reserved },
          createdAt: opening.alertAt, resolvedAt: null,
        });
      }
    });
    return { balances, binStocks, movements, exceptions };
  }
}
