-- Read paths measured by bench/ (see bench/RESULTS.md).

-- The picking queue: ALLOCATED orders of one warehouse in claim order
-- (claim-orders.ts: ORDER BY "shipBy" ASC NULLS LAST, "placedAt", id), so a wave
-- claim reads only the rows it takes instead of walking every open order.
-- Partial (raw SQL, not expressible in schema.prisma), like "Order_open_shipBy_idx".
CREATE INDEX "Order_pickable_queue_idx" ON "Order" ("warehouseId", "shipBy" ASC NULLS LAST, "placedAt", "id") WHERE "status" = 'ALLOCATED';

-- Sold in the last 30 days (stock grid, SKU page): only shipments, covering.
CREATE INDEX "StockMovement_shipment_skuId_createdAt_idx" ON "StockMovement" ("skuId", "createdAt") INCLUDE ("warehouseId", "onHandDelta") WHERE "type" = 'SHIPMENT';

-- A SKU's open reservations, oldest first, stopping at the page size (SKU page).
CREATE INDEX "Reservation_active_skuId_createdAt_idx" ON "Reservation" ("skuId", "createdAt") WHERE "status" = 'ACTIVE';
