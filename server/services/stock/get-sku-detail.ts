/**
 * Everything the SKU page shows: levels per warehouse (stock-math rollUp) and
 * per bin, the open reservations with their orders, the orders waiting for
 * it, incoming purchase orders, the first ledger page and the on-hand chart.
 */
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { getSkuLedger, onHandSeriesScan, type LedgerRow, type SeriesPoint } from "@/server/services/stock/get-sku-ledger";
import { rollUp, stockHealth, type StockHealth, type StockSummary, type WarehouseStockSummary } from "@/server/services/stock/stock-math";

const LIST_LIMIT = 100;

export interface SkuDetail {
  sku: {
    id: string; code: string; name: string; ean: string | null; ncm: string | null; weightGrams: number; lengthMm: number; widthMm: number; heightMm: number;
    reorderPoint: number; priceCents: number; active: boolean; variant: string | null; product: { id: string; name: string };
  };
  health: StockHealth;
  levels: { warehouses: (WarehouseStockSummary & { code: string; name: string; incoming: number; sold30d: number })[]; total: StockSummary & { incoming: number; sold30d: number } };
  bins: (
    { binId: string; code: string; warehouseId: string; warehouseCode: string; pickSequence: number; onHand: number; unavailable: number } & Record<"damaged" | "quarantine" | "qc", number>
  )[];
  reservations: { id: string; orderId: string; orderNumber: number; orderStatus: string; customerName: string; placedAt: Date; warehouseCode: string; quantity: number; createdAt: Date }[];
  backorders: { orderId: string; orderNumber: number; orderStatus: string; customerName: string; placedAt: Date; quantity: number }[];
  incoming: { purchaseOrderId: string; number: number; supplier: string; status: string; warehouseCode: string; expectedAt: Date | null; ordered: number; received: number; open: number }[];
  ledger: { rows: LedgerRow[]; nextCursor: string | null };
  series: SeriesPoint[];
}

export async function getSkuDetail(opts: { skuId: string }): Promise<SkuDetail> {
  const sku = await db.sku.findUnique({
    where: { id: opts.skuId },
    select: {
      id: true, code: true, name: true, ean: true, ncm: true, weightGrams: true, lengthMm: true, widthMm: true, heightMm: true,
      reorderPoint: true, priceCents: true, active: true, variant: true, product: { select: { id: true, name: true } },
    },
  });
  if (!sku) throw new DomainError("NOT_FOUND", `SKU ${opts.skuId} not found.`, { skuId: opts.skuId });
  const [balances, bins, reservations, backorders, incoming, ledger, scan] = await Promise.all([
    db.stockBalance.findMany({ where: { skuId: sku.id }, select: { warehouseId: true, onHand: true, reserved: true, unavailable: true, safety: true, warehouse: { select: { code: true, name: true } } }, orderBy: { warehouse: { code: "asc" } } }),
    db.binStock.findMany({
      where: { skuId: sku.id, OR: [{ onHand: { gt: 0 } }, { unavailable: { gt: 0 } }] },
      select: { onHand: true, unavailable: true, damaged: true, quarantine: true, qc: true, bin: { select: { id: true, code: true, pickSequence: true, warehouseId: true, warehouse: { select: { code: true } } } } },
    }),
    // Joined here rather than a second round trip for the orders; LIMIT in the index order of
    // Reservation(skuId, status, createdAt) when present, else a sort of this SKU's ACTIVE rows.
    db.$queryRaw<SkuDetail["reservations"]>(Prisma.sql`
      SELECT r.id, r."orderId", COALESCE(o.number, 0) AS "orderNumber", COALESCE(o.status::text, '') AS "orderStatus",
        COALESCE(o."customerName", '') AS "customerName", COALESCE(o."placedAt", r."createdAt") AS "placedAt",
        w.code AS "warehouseCode", r.quantity, r."createdAt"
      FROM (
        SELECT id, "orderId", "warehouseId", quantity, "createdAt" FROM "Reservation"
        WHERE "skuId" = ${sku.id}::uuid AND status = 'ACTIVE' ORDER BY "createdAt" LIMIT ${LIST_LIMIT}
      ) r
      JOIN "Warehouse" w ON w.id = r."warehouseId"
      LEFT JOIN "Order" o ON o.id = r."orderId"
      ORDER BY r."createdAt"`),
    db.$queryRaw<SkuDetail["backorders"]>(Prisma.sql`
      SELECT o.id AS "orderId", o.number AS "orderNumber", o.status::text AS "orderStatus", o."customerName", o."placedAt", sum(l."backorderedQty")::int AS quantity
      FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId"
      WHERE l."skuId" = ${sku.id}::uuid AND l."backorderedQty" > 0
      GROUP BY o.id ORDER BY o."placedAt", o.number LIMIT ${LIST_LIMIT}`),
    db.$queryRaw<SkuDetail["incoming"]>(Prisma.sql`
      SELECT po.id AS "purchaseOrderId", po.number, po.supplier, po.status::text AS status, w.code AS "warehouseCode", po."expectedAt",
        l."quantityOrdered" AS ordered, l."quantityReceived" AS received, (l."quantityOrdered" - l."quantityReceived") AS open
      FROM "PurchaseOrderLine" l JOIN "PurchaseOrder" po ON po.id = l."purchaseOrderId" JOIN "Warehouse" w ON w.id = po."warehouseId"
      WHERE l."skuId" = ${sku.id}::uuid AND po.status IN ('OPEN', 'PARTIALLY_RECEIVED') AND l."quantityOrdered" > l."quantityReceived"
      ORDER BY po."expectedAt" NULLS LAST, po.number`),
    getSkuLedger({ skuId: sku.id }),
    // One pass over the 90-day index range gives the chart and the units sold in 30 days.
    onHandSeriesScan({ skuId: sku.id, days: 90 }, true),
  ]);
  const { series, sold30d: sold } = scan;
  const levels = rollUp(balances, Object.fromEntries(balances.map((b) => [b.warehouseId, b.safety])));
  const incomingBy = (code: string | null) => incoming.filter((i) => code === null || i.warehouseCode === code).reduce((n, i) => n + i.open, 0);
  const soldBy = (id: string | null) => sold.filter((s) => id === null || s.warehouseId === id).reduce((n, s) => n + s.units, 0);
  return {
    sku,
    health: stockHealth(levels.total.available, sku.reorderPoint),
    levels: {
      warehouses: levels.warehouses.map((w) => {
        const b = balances.find((x) => x.warehouseId === w.warehouseId);
        const code = b?.warehouse.code ?? "";
        return { ...w, code, name: b?.warehouse.name ?? "", incoming: incomingBy(code), sold30d: soldBy(w.warehouseId) };
      }),
      total: { ...levels.total, incoming: incomingBy(null), sold30d: soldBy(null) },
    },
    bins: bins
      .map((b) => ({ binId: b.bin.id, code: b.bin.code, warehouseId: b.bin.warehouseId, warehouseCode: b.bin.warehouse.code, pickSequence: b.bin.pickSequence, onHand: b.onHand, unavailable: b.unavailable,
        damaged: b.damaged, quarantine: b.quarantine, qc: b.qc }))
      .sort((a, b) => a.warehouseCode.localeCompare(b.warehouseCode) || a.pickSequence - b.pickSequence || a.code.localeCompare(b.code)),
    reservations,
    backorders,
    incoming,
    ledger,
    series,
  };
}
