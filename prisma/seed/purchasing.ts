/**
 * About twenty purchase orders: received ones (their receipts are in the
 * ledger), partially received ones, open ones with an expected date in the
 * future (the "incoming" stock, mostly for SKUs that are out or low) and one
 * cancelled.
 */
import type { Rng } from "./rng";
import { skuWhKey, type StockPlan } from "./stock-plan";
import type { PurchaseOrderLineRow, PurchaseOrderRow, UserRow } from "./types";
import type { CatalogItem, Category } from "./catalog";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

const SUPPLIERS: Record<Category, readonly string[]> = {
  FASHION: ["Malharia Vale do Itajaí Ltda", "Confecções Bom Retiro Ltda", "Têxtil Santa Catarina S.A.", "Jeans Brasil Indústria e Comércio"],
  HOME: ["Cama Mesa & Banho Blumenau Ltda", "Cerâmica Porto Ferreira Ltda", "Velas Serra Gaúcha ME"],
  ELECTRONICS: ["TechSul Importadora Ltda", "Distribuidora Conecta Eletrônicos", "Acessórios Paulista Comércio Ltda"],
};

const DAY = 86_400_000;
const STATUSES = [
  ...Array<"RECEIVED">(7).fill("RECEIVED"),
  ...Array<"PARTIALLY_RECEIVED">(5).fill("PARTIALLY_RECEIVED"),
  ...Array<"OPEN">(7).fill("OPEN"),
  "CANCELLED",
] as const;

/** Unit cost of a seeded purchase order line as a share of the SKU's price. */
const COST_SHARE = 0.45;

export interface PurchasingResult {
  purchaseOrders: PurchaseOrderRow[];
  lines: PurchaseOrderLineRow[];
}

/** Adds the receipts to plan.planned (RECEIPT movements carrying purchaseOrderId). */
export function buildPurchaseOrders(rng: Rng, plan: StockPlan, catalog: readonly CatalogItem[], skuIds: readonly string[], receiver: UserRow, now: Date): PurchasingResult {
  const purchaseOrders: PurchaseOrderRow[] = [];
  const lines: PurchaseOrderLineRow[] = [];
  const categories: Category[] = ["FASHION", "HOME", "ELECTRONICS"];
  STATUSES.forEach((status, i) => {
    const wh = rng.chance(0.6) ? 0 : 1;
    const category = categories[i % categories.length]!;
    const warehouse = plan.warehouses[wh]!;
    const ageDays = status === "RECEIVED" ? rng.int(25, 85) : status === "PARTIALLY_RECEIVED" ? rng.int(8, 25) : status === "OPEN" ? rng.int(1, 10) : rng.int(30, 60);
    const createdAt = new Date(now.getTime() - ageDays * DAY - rng.int(0, DAY));
    const expectedAt =
      status === "OPEN" ? new Date(now.getTime() + rng.int(3, 30) * DAY) : new Date(createdAt.getTime() + rng.int(7, 15) * DAY);
    const po: PurchaseOrderRow = { id: rng.uuid(), number: i + 1, warehouseId: warehouse.id, supplier: rng.pick(SUPPLIERS[category]), status, expectedAt, createdAt };
    purchaseOrders.push(po);

    // Receipts only land on OK-class stock, so LOW/OUT levels stay as planned; open orders favour LOW/OUT (incoming).
    const inCategory = plan.stockedSkus[wh]!.filter((sku) => catalog[sku]!.category === category);
    const classOf = (sku: number): string => plan.stockClass[skuWhKey(sku, wh)]!;
    const pool = status === "OPEN" || status === "CANCELLED"
      ? [...inCategory.filter((s) => classOf(s) !== "OK"), ...rng.shuffle(inCategory.filter((s) => classOf(s) === "OK"))]
      : rng.shuffle(inCategory.filter((s) => classOf(s) === "OK"));
    const chosen = pool.slice(0, rng.int(3, 8));
    const receivedAt = new Date(Math.min(now.getTime() - DAY / 2, expectedAt.getTime() + rng.int(-2, 2) * DAY));
    chosen.forEach((sku, lineIdx) => {
      const ordered = rng.int(2, 20) * 12;
      const received =
        status === "RECEIVED" ? ordered
        : status === "PARTIALLY_RECEIVED" ? (lineIdx === 0 ? Math.floor(ordered / 2) : rng.weighted([[ordered, 2], [Math.floor(ordered * rng.float(0.2, 0.9)), 2], [0, 1]]))
        : 0;
      // Supplier cost: a fixed share of the list price (no rng draw, so the rest of the seed stays as it was).
      const unitCostCents = Math.round(catalog[sku]!.priceCents * COST_SHARE);
      lines.push({ id: rng.uuid(), purchaseOrderId: po.id, skuId: skuIds[sku]!, quantityOrdered: ordered, quantityReceived: received, unitCostCents });
      if (received > 0) {
        const slot = plan.slotsBySkuWh[skuWhKey(sku, wh)]![0]!;
        plan.planned.push({
          type: "RECEIPT", slot, onHandDelta: received, unavailableDelta: 0, unavailableKind: null,
          reason: ledgerReason("receiptNote", { number: po.number, note: `NF-e ${100 + po.number * 37}` }), actor: receiver, purchaseOrderId: po.id, createdAt: receivedAt,
        });
      }
    });
  });
  return { purchaseOrders, lines };
}
