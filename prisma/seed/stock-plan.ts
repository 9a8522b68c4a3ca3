/**
 * Warehouses, bins and where each SKU lives, plus the stock facts decided
 * before any order exists: which SKUs are out of stock or low, safety stock,
 * damaged units, cycle-count adjustments.
 */
import type { CatalogItem, Category } from "./catalog";
import type { Rng } from "./rng";
import type { BinRow, MovementType, UnavailableKind, UserRow, WarehouseRow } from "./types";

export const WAREHOUSE_SPECS = [
  // The sender address the shipping labels print (remetente): plausible logistics-park addresses with their CEPs.
  { code: "SP", name: "CD São Paulo", city: "Cajamar", state: "SP", line1: "Av. Jordano Mendes, 1500", line2: "Galpão 3", district: "Jordanésia", postalCode: "07776-410" },
  { code: "PR", name: "CD Curitiba", city: "São José dos Pinhais", state: "PR", line1: "Rua Izabel A Redentora, 2800", line2: "Módulo 7", district: "Borda do Campo", postalCode: "83075-200" },
] as const;
export const WH_COUNT = WAREHOUSE_SPECS.length;

const ZONES = ["A", "B", "C"] as const;
const AISLES_PER_ZONE = 4;
const POSITIONS_PER_AISLE = 5;
const SHELVES = 2;
const ZONE_OF: Record<Category, number> = { FASHION: 0, HOME: 1, ELECTRONICS: 2 };

export type StockClass = "OK" | "LOW" | "OUT";

/** One SKU stored in one bin. */
export interface Slot {
  sku: number;
  wh: number;
  /** Index into StockPlan.bins. */
  bin: number;
}

/** A stock movement decided up front; its id is given when the ledger is written. */
export interface PlannedMovement {
  type: MovementType;
  slot: number;
  onHandDelta: number;
  unavailableDelta: number;
  /** Which unavailable bucket unavailableDelta moves (null when it is 0). */
  unavailableKind: UnavailableKind | null;
  reason: string;
  actor: UserRow;
  purchaseOrderId: string | null;
  createdAt: Date;
}

export interface StockPlan {
  warehouses: WarehouseRow[];
  bins: BinRow[];
  slots: Slot[];
  /** Slot indices per sku × warehouse (key sku * WH_COUNT + wh); empty when not stocked there. */
  slotsBySkuWh: number[][];
  stockClass: StockClass[];
  safety: number[];
  /** SKU indices stocked in each warehouse, and the out-of-stock ones among them. */
  stockedSkus: number[][];
  outSkus: number[][];
  planned: PlannedMovement[];
}

export const skuWhKey = (sku: number, wh: number): number => sku * WH_COUNT + wh;

function buildBins(rng: Rng, warehouseId: string): BinRow[] {
  const bins: BinRow[] = [];
  let seq = 0;
  let walk = 0;
  for (const zone of ZONES) {
    for (let a = 1; a <= AISLES_PER_ZONE; a++, walk++) {
      // Serpentine path: up one aisle, down the next, so the picker never walks back empty.
      const positions = Array.from({ length: POSITIONS_PER_AISLE }, (_, i) => i + 1);
      if (walk % 2 === 1) positions.reverse();
      for (const p of positions) {
        for (let s = 1; s <= SHELVES; s++) {
          const aisle = String(a).padStart(2, "0");
          const position = String(p).padStart(2, "0");
          bins.push({
            id: rng.uuid(), warehouseId, code: `${zone}-${aisle}-${s}-${position}`,
            zone, aisle, shelf: String(s), position, pickSequence: ++seq,
          });
        }
      }
    }
  }
  return bins;
}

const UNAVAILABLE_REASONS: readonly (readonly [string, UnavailableKind])[] = [
  ["Avaria no recebimento", "DAMAGED"], ["Embalagem danificada", "DAMAGED"], ["Quarentena: controle de qualidade", "QUARANTINE"], ["Defeito de fabricação", "DAMAGED"],
];

export function buildStockPlan(rng: Rng, catalog: readonly CatalogItem[], warehouse: UserRow, window: { start: Date; end: Date }): StockPlan {
  const warehouses: WarehouseRow[] = WAREHOUSE_SPECS.map((w) => ({
    id: rng.uuid(), code: w.code, name: w.name, city: w.city, state: w.state, active: true,
    line1: w.line1, line2: w.line2, district: w.district, postalCode: w.postalCode,
  }));
  const binsByWh = warehouses.map((w) => buildBins(rng, w.id));
  const bins = binsByWh.flat();
  const binOffset = binsByWh.map((_, w) => binsByWh.slice(0, w).reduce((n, b) => n + b.length, 0));
  const perZone = SHELVES * POSITIONS_PER_AISLE * AISLES_PER_ZONE;

  const slots: Slot[] = [];
  const slotsBySkuWh: number[][] = Array.from({ length: catalog.length * WH_COUNT }, () => []);
  const both: number[] = [];
  catalog.forEach((item, sku) => {
    const where = rng.weighted<readonly number[]>([[[0, 1], 85], [[0], 10], [[1], 5]]);
    if (where.length === WH_COUNT) both.push(sku);
    for (const wh of where) {
      const count = rng.chance(0.35) ? 2 : 1;
      const zone = rng.chance(0.85) ? ZONE_OF[item.category] : rng.int(0, ZONES.length - 1);
      const chosen = new Set<number>();
      while (chosen.size < count) chosen.add(binOffset[wh]! + zone * perZone + rng.int(0, perZone - 1));
      for (const bin of chosen) {
        slotsBySkuWh[skuWhKey(sku, wh)]!.push(slots.length);
        slots.push({ sku, wh, bin });
      }
    }
  });

  // A few SKUs sold out everywhere (stocked in both, so either warehouse can backorder them), a few low.
  const stockClass: StockClass[] = slotsBySkuWh.map(() => "OK");
  const outCount = Math.max(2, Math.round(catalog.length * 0.04));
  for (const sku of rng.shuffle([...both]).slice(0, outCount)) for (let wh = 0; wh < WH_COUNT; wh++) stockClass[skuWhKey(sku, wh)] = "OUT";
  for (let wh = 0; wh < WH_COUNT; wh++) {
    const candidates = rng.shuffle(catalog.map((_, sku) => sku).filter((sku) => slotsBySkuWh[skuWhKey(sku, wh)]!.length > 0 && stockClass[skuWhKey(sku, wh)] === "OK"));
    const lowCount = Math.max(2, Math.round(candidates.length * 0.08));
    for (const sku of candidates.slice(0, lowCount)) stockClass[skuWhKey(sku, wh)] = "LOW";
  }
  const safety = slotsBySkuWh.map((s) => (s.length > 0 && rng.chance(0.3) ? rng.int(2, 6) : 0));

  const stockedSkus = warehouses.map((_, wh) => catalog.map((_, sku) => sku).filter((sku) => slotsBySkuWh[skuWhKey(sku, wh)]!.length > 0));
  const outSkus = stockedSkus.map((list, wh) => list.filter((sku) => stockClass[skuWhKey(sku, wh)] === "OUT"));

  const planned: PlannedMovement[] = [];
  const at = (): Date => rng.date(window.start, window.end);
  const damage = (slot: number): PlannedMovement => {
    const unavailableDelta = rng.int(1, 3);
    const [reason, unavailableKind] = rng.pick(UNAVAILABLE_REASONS);
    return { type: "TO_UNAVAILABLE", slot, onHandDelta: 0, unavailableDelta, unavailableKind, reason, actor: warehouse, purchaseOrderId: null, createdAt: at() };
  };
  const adjustment = (slot: number): PlannedMovement => {
    const delta = rng.chance(0.6) ? -rng.int(1, 4) : rng.int(1, 3);
    return { type: "ADJUSTMENT", slot, onHandDelta: delta, unavailableDelta: 0, unavailableKind: null, reason: `Adjustment: contagem cíclica, ${delta > 0 ? "sobra" : "falta"} de ${Math.abs(delta)} un.`, actor: warehouse, purchaseOrderId: null, createdAt: at() };
  };
  slots.forEach((slot, index) => {
    // Damaged units: counted on hand, not sellable, kept in the bin they were found in.
    if (rng.chance(0.04)) {
      planned.push(damage(index));
    }
    // Cycle counts correct OK-class bins only, so LOW/OUT levels stay exactly as planned.
    if (stockClass[skuWhKey(slot.sku, slot.wh)] === "OK" && rng.chance(0.03)) planned.push(adjustment(index));
  });
  // Small catalogues still get at least one of each.
  if (!planned.some((m) => m.type === "TO_UNAVAILABLE") && slots.length > 0) planned.push(damage(0));
  const okSlot = slots.findIndex((s) => stockClass[skuWhKey(s.sku, s.wh)] === "OK");
  if (!planned.some((m) => m.type === "ADJUSTMENT") && okSlot >= 0) planned.push(adjustment(okSlot));

  return { warehouses, bins, slots, slotsBySkuWh, stockClass, safety, stockedSkus, outSkus, planned };
}
