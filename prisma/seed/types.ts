/**
 * Plain rows, one interface per table, with exactly the columns the seed
 * writes. Keys are the database column names: write.ts inserts them with
 * json_populate_recordset, which matches JSON keys to columns by name.
 */
import type {
  ChannelPlatform,
  FulfillmentStatus,
  HoldReason,
  MovementType,
  OrderStatus,
  PaymentStatus,
  PurchaseOrderStatus,
  ReservationStatus,
  Role,
  UnavailableKind,
} from "@/server/generated/prisma/client";

export type { ChannelPlatform, FulfillmentStatus, HoldReason, MovementType, OrderStatus, PaymentStatus, Role, UnavailableKind };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface UserRow { id: string; email: string; name: string; role: Role; locale: string; active: boolean; createdAt: Date }

export interface ChannelRow { id: string; platform: ChannelPlatform; name: string; defaultCurrency: string; active: boolean; createdAt: Date }

export interface WarehouseRow {
  id: string; code: string; name: string; city: string; state: string; active: boolean;
  /** Sender address on shipping labels. */
  line1: string | null; line2: string | null; district: string | null; postalCode: string | null;
}

export interface BinRow {
  id: string; warehouseId: string; code: string; zone: string; aisle: string; shelf: string; position: string; pickSequence: number;
}

export interface ProductRow { id: string; name: string; brand: string | null; description: string | null; createdAt: Date; updatedAt: Date }

export interface SkuRow {
  id: string; productId: string; variant: string | null; code: string; name: string; ean: string; weightGrams: number; lengthMm: number; widthMm: number; heightMm: number;
  ncm: string; priceCents: number; reorderPoint: number; active: boolean;
}

export interface CustomerRow { id: string; name: string; email: string; phone: string; document: string; createdAt: Date; updatedAt: Date }

export interface AddressJson {
  [key: string]: string;
  name: string; line1: string; line2: string; district: string; city: string; state: string; postalCode: string; country: "BR"; phone: string;
}

export interface OrderRow {
  id: string; number: number; channelId: string; externalId: string; externalNumber: string | null;
  customerId: string; customerName: string; customerEmail: string;
  status: OrderStatus; paymentStatus: PaymentStatus; fulfillmentStatus: FulfillmentStatus; onHold: boolean; currency: string;
  subtotalCents: number; discountCents: number; shippingCents: number; taxCents: number; totalCents: number;
  paymentMethod: string; placedAt: Date; channelUpdatedAt: Date; shipBy: Date;
  shippingAddress: AddressJson; billingAddress: AddressJson | null; shipState: string; note: string | null; test: boolean;
  warehouseId: string | null; allocation: JsonValue; version: number; createdAt: Date; updatedAt: Date;
}

export interface OrderLineRow {
  id: string; orderId: string; lineNo: number; externalId: string; sku: string; skuId: string; name: string; quantity: number;
  unitPriceCents: number; discountCents: number; taxCents: number; totalCents: number;
  reservedQty: number; backorderedQty: number; shippedQty: number;
}

export interface OrderHoldRow {
  id: string; orderId: string; reason: HoldReason; note: string | null; createdById: string | null; createdAt: Date;
  releasedAt: Date | null; releasedById: string | null; releaseNote: string | null;
}

export interface OrderEventRow {
  orderId: string; type: string; fromStatus: OrderStatus | null; toStatus: OrderStatus | null;
  actorId: string | null; actorLabel: string; reason: string | null; data: JsonValue; createdAt: Date;
}

export interface ReservationRow {
  id: string; orderId: string; orderLineId: string; skuId: string; warehouseId: string; quantity: number;
  status: ReservationStatus; createdAt: Date; closedAt: Date | null;
}

export interface StockMovementRow {
  id: number; type: MovementType; skuId: string; warehouseId: string; binId: string | null;
  onHandDelta: number; reservedDelta: number; unavailableDelta: number; unavailableKind: UnavailableKind | null; reason: string | null;
  actorId: string | null; actorLabel: string; orderId: string | null; purchaseOrderId: string | null; createdAt: Date;
}

export interface StockBalanceRow { skuId: string; warehouseId: string; onHand: number; reserved: number; unavailable: number; safety: number }

/** unavailable = damaged + quarantine + qc (a CHECK in the database). */
export interface BinStockRow { skuId: string; binId: string; onHand: number; unavailable: number; damaged: number; quarantine: number; qc: number }

export interface PurchaseOrderRow {
  id: string; number: number; warehouseId: string; supplier: string; status: PurchaseOrderStatus; expectedAt: Date | null; createdAt: Date;
}

export interface PurchaseOrderLineRow {
  id: string; purchaseOrderId: string; skuId: string; quantityOrdered: number; quantityReceived: number; unitCostCents: number | null;
}

export interface ExceptionRow {
  /** warehouseId: set on stock alerts (LOW_STOCK / OUT_OF_STOCK), as server/services/stock/stock-alerts.ts writes them. */
  id: string; type: string; status: "OPEN" | "RESOLVED"; orderId: string | null; skuId: string | null; warehouseId: string | null;
  message: string; data: JsonValue; createdAt: Date; resolvedAt: Date | null;
}

export interface MerchantSettingsRow {
  id: number; companyName: string; timeZone: string; currency: string; backorderPolicy: "BACKORDER" | "HOLD";
  allowSplitShipments: boolean; unpaidReservationHours: number | null; updatedAt: Date;
}

/** Everything one batch of orders brings, ready to insert in this order. */
export interface OrderBatch {
  customers: CustomerRow[];
  orders: OrderRow[];
  lines: OrderLineRow[];
  holds: OrderHoldRow[];
  events: OrderEventRow[];
  reservations: ReservationRow[];
  movements: StockMovementRow[];
  exceptions: ExceptionRow[];
}

/** Rows that exist before any order: people, channels, places, products, purchase orders. */
export interface BaseData {
  users: UserRow[];
  settings: MerchantSettingsRow;
  channels: ChannelRow[];
  warehouses: WarehouseRow[];
  bins: BinRow[];
  products: ProductRow[];
  skus: SkuRow[];
  purchaseOrders: PurchaseOrderRow[];
  purchaseOrderLines: PurchaseOrderLineRow[];
}

/** Rows that can only be computed once every order is known. */
export interface StockData {
  balances: StockBalanceRow[];
  binStocks: BinStockRow[];
  movements: StockMovementRow[];
  exceptions: ExceptionRow[];
}
