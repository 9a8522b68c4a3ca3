/** Output schemas of the stock router (inputs live next to their services). */
import { z } from "zod";
import { PO_STATES, PO_STATUSES } from "@/server/services/stock/purchase-order-state";
import { UNAVAILABLE_KINDS } from "@/server/services/stock/stock-statuses";

const int = z.number().int();
const health = z.enum(["OUT", "LOW", "OK"]);
const movementType = z.enum([
  "RECEIPT", "ADJUSTMENT", "RESERVATION", "RELEASE", "PICK", "SHIPMENT", "RETURN", "TRANSFER_OUT", "TRANSFER_IN", "TO_UNAVAILABLE", "FROM_UNAVAILABLE",
]);
const unavailableKind = z.enum(UNAVAILABLE_KINDS);
const poStatus = z.enum(PO_STATUSES);

const summary = z.object({ onHand: int, reserved: int, unavailable: int, safety: int, available: int });
const gridLevels = summary.extend({ incoming: int, sold30d: int });

export const stockGridOutput = z.object({
  warehouses: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), state: z.string(), active: z.boolean() })),
  rows: z.array(z.object({
    skuId: z.string(), code: z.string(), name: z.string(), ean: z.string().nullable(), reorderPoint: int, active: z.boolean(),
    health, backorderedUnits: int, total: gridLevels, warehouses: z.array(gridLevels.extend({ warehouseId: z.string() })),
  })),
  nextCursor: z.string().nullable(),
});

export const ledgerOutput = z.object({
  rows: z.array(z.object({
    id: z.string(), type: movementType, createdAt: z.date(), warehouseCode: z.string(), binCode: z.string().nullable(),
    onHandDelta: int, reservedDelta: int, unavailableDelta: int, unavailableKind: unavailableKind.nullable(), quantity: int, reason: z.string().nullable(),
    actorLabel: z.string(), orderId: z.string().nullable(), orderNumber: int.nullable(), purchaseOrderId: z.string().nullable(), purchaseOrderNumber: int.nullable(),
  })),
  nextCursor: z.string().nullable(),
});

export const skuDetailOutput = z.object({
  sku: z.object({
    id: z.string(), code: z.string(), name: z.string(), ean: z.string().nullable(), ncm: z.string().nullable(),
    weightGrams: int, lengthMm: int, widthMm: int, heightMm: int, reorderPoint: int, priceCents: int, active: z.boolean(),
    variant: z.string().nullable(), product: z.object({ id: z.string(), name: z.string() }),
  }),
  health,
  levels: z.object({
    warehouses: z.array(summary.extend({ warehouseId: z.string(), code: z.string(), name: z.string(), incoming: int, sold30d: int })),
    total: gridLevels,
  }),
  bins: z.array(z.object({
    binId: z.string(), code: z.string(), warehouseId: z.string(), warehouseCode: z.string(), pickSequence: int, onHand: int, unavailable: int,
    damaged: int, quarantine: int, qc: int,
  })),
  reservations: z.array(z.object({
    id: z.string(), orderId: z.string(), orderNumber: int, orderStatus: z.string(), customerName: z.string(), placedAt: z.date(),
    warehouseCode: z.string(), quantity: int, createdAt: z.date(),
  })),
  backorders: z.array(z.object({ orderId: z.string(), orderNumber: int, orderStatus: z.string(), customerName: z.string(), placedAt: z.date(), quantity: int })),
  incoming: z.array(z.object({
    purchaseOrderId: z.string(), number: int, supplier: z.string(), status: z.string(), warehouseCode: z.string(), expectedAt: z.date().nullable(),
    ordered: int, received: int, open: int,
  })),
  ledger: ledgerOutput,
  series: z.array(z.object({ date: z.string(), onHand: int })),
});

const allocatedLine = z.object({ lineId: z.string(), sku: z.string(), quantity: int });
const reason = z.object({
  code: z.string(), warehouseId: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number()])), decisive: z.boolean().optional(),
});

export const dryRunOutput = z.object({
  shipments: z.array(z.object({ warehouseId: z.string(), lines: z.array(allocatedLine) })),
  backordered: z.array(allocatedLine),
  reasons: z.array(reason),
  summary: z.string(),
  allowSplit: z.boolean(),
  unknownSkus: z.array(z.string()),
  warehouses: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), state: z.string(), available: z.record(z.string(), int) })),
});

export const locationsOutput = z.array(z.object({
  id: z.string(), code: z.string(), name: z.string(), city: z.string(), state: z.string(), active: z.boolean(),
  bins: z.array(z.object({ id: z.string(), code: z.string(), zone: z.string(), pickSequence: int })),
}));

const poSummary = z.object({
  id: z.string(), number: int, supplier: z.string(), status: poStatus, warehouseId: z.string(), warehouseCode: z.string(),
  expectedAt: z.date().nullable(), createdAt: z.date(),
});
export const purchaseOrdersOutput = z.object({ rows: z.array(poSummary.extend({ state: z.enum(PO_STATES), unitsOrdered: int, unitsReceived: int, totalCostCents: int.nullable() })), nextCursor: int.nullable() });
export const purchaseOrderOutput = poSummary.extend({
  lines: z.array(z.object({ id: z.string(), skuId: z.string(), skuCode: z.string(), skuName: z.string(), quantityOrdered: int, quantityReceived: int })),
});
export const createdPurchaseOrderOutput = z.object({
  id: z.string(), number: int, status: z.literal("OPEN"), lines: z.array(z.object({ id: z.string(), skuId: z.string(), quantityOrdered: int })),
});
export const receiveOutput = z.object({
  purchaseOrderId: z.string(), number: int, status: poStatus, receivedUnits: int, backorderUnitsFilled: int, ordersAllocated: int,
});

/** A threshold change (safety stock, reorder point): from → to, and what lowering it let waiting orders reserve. */
export const thresholdOutput = z.object({ from: int, to: int, backorderUnitsFilled: int, ordersAllocated: int });

export const ledgerOpOutput = z.object({
  changes: z.array(z.object({
    type: movementType, sku: z.string(), warehouse: z.string(), bin: z.string(), onHandDelta: int, unavailableDelta: int, binOnHandAfter: int,
  })),
  backorderUnitsFilled: int,
  ordersAllocated: int,
});

const checkName = z.enum(["BALANCE_LEDGER", "BIN_LEDGER", "RESERVATIONS", "BINS_BALANCE", "LINE_RESERVED"]);
export const reconcileOutput = z.object({
  ok: z.boolean(),
  checkedAt: z.date(),
  scanned: z.object({ balances: int, bins: int, movements: int, activeReservations: int }),
  driftCount: z.record(checkName, int),
  drift: z.array(z.object({
    check: checkName, field: z.enum(["onHand", "reserved", "unavailable", "damaged", "quarantine", "qc", "reservedQty"]), skuId: z.string(), sku: z.string(),
    warehouseId: z.string().nullable(), warehouse: z.string().nullable(), binId: z.string().nullable(), bin: z.string().nullable(),
    orderLineId: z.string().nullable(), orderNumber: int.nullable(), stored: int, expected: int,
  })),
});
