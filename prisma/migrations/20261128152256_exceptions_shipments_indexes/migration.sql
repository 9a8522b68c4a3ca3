-- DropIndex
DROP INDEX "Sku_name_idx";

-- DropIndex
DROP INDEX "Exception_status_createdAt_idx";

-- DropIndex
DROP INDEX "Shipment_status_createdAt_idx";

-- AlterTable
ALTER TABLE "Exception" ADD COLUMN     "resolutionNote" TEXT,
ADD COLUMN     "resolvedById" UUID,
ADD COLUMN     "shipmentId" UUID;

-- CreateIndex
CREATE INDEX "Exception_status_createdAt_id_idx" ON "Exception"("status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Exception_status_type_createdAt_id_idx" ON "Exception"("status", "type", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Exception_shipmentId_idx" ON "Exception"("shipmentId");

-- CreateIndex
CREATE INDEX "Shipment_createdAt_id_idx" ON "Shipment"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Shipment_status_createdAt_id_idx" ON "Shipment"("status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Shipment_carrierId_createdAt_id_idx" ON "Shipment"("carrierId", "createdAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "Exception" ADD CONSTRAINT "Exception_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exception" ADD CONSTRAINT "Exception_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Package" ADD CONSTRAINT "Package_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- ─── Hand-written ───
-- Delivery exceptions written before the column existed kept their shipment in data.shipmentId.
UPDATE "Exception" e SET "shipmentId" = s.id
FROM "Shipment" s
WHERE e."shipmentId" IS NULL AND e.data ? 'shipmentId' AND s.id::text = e.data->>'shipmentId';
-- A resolved exception says when; an open one does not.
ALTER TABLE "Exception" ADD CONSTRAINT "Exception_resolved_when" CHECK (("status" = 'RESOLVED') = ("resolvedAt" IS NOT NULL));
-- At most one OPEN package per order: two pack stations opening the same order share one box.
CREATE UNIQUE INDEX "Package_one_open_per_order" ON "Package" ("orderId") WHERE "status" = 'OPEN';
-- Stock: a SKU's movements in a time window (sold in 30 days, on-hand series) without visiting the heap.
CREATE INDEX "StockMovement_skuId_createdAt_idx" ON "StockMovement" ("skuId", "createdAt") INCLUDE ("type", "warehouseId", "onHandDelta");
-- Stock grid search: lower(code) LIKE 'prefix%' OR lower(name) LIKE 'prefix%' (get-stock-grid.ts). Replaces Sku_name_idx,
-- which no query used (nothing filters or sorts SKUs by their exact name).
CREATE INDEX "Sku_code_lower_idx" ON "Sku" (lower("code") text_pattern_ops);
CREATE INDEX "Sku_name_lower_idx" ON "Sku" (lower("name") text_pattern_ops);
