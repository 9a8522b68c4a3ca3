-- AlterTable
ALTER TABLE "StockMovement" ADD COLUMN     "quantity" INTEGER NOT NULL DEFAULT 0;

-- CreateEnum
CREATE TYPE "PickListStatus" AS ENUM ('OPEN', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PickLineStatus" AS ENUM ('PENDING', 'PICKED', 'SHORT');

-- CreateEnum
CREATE TYPE "PackageStatus" AS ENUM ('OPEN', 'CLOSED', 'SHIPPED');

-- CreateEnum
CREATE TYPE "ScanResult" AS ENUM ('ACCEPTED', 'WRONG_ITEM', 'OVER_SCAN', 'UNKNOWN_CODE');

-- CreateEnum
CREATE TYPE "CarrierKind" AS ENUM ('CORREIOS', 'GENERIC', 'MANUAL');

-- CreateEnum
CREATE TYPE "ShipmentStatus" AS ENUM ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'RETURNED_TO_SENDER');

-- CreateTable
CREATE TABLE "PickList" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" SERIAL NOT NULL,
    "warehouseId" UUID NOT NULL,
    "status" "PickListStatus" NOT NULL DEFAULT 'OPEN',
    "rule" JSONB,
    "createdById" UUID,
    "assignedToId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PickList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PickListOrder" (
    "pickListId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "tote" INTEGER NOT NULL,
    "open" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "PickListOrder_pkey" PRIMARY KEY ("pickListId","orderId")
);

-- CreateTable
CREATE TABLE "PickListLine" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "pickListId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "orderLineId" UUID NOT NULL,
    "skuId" UUID NOT NULL,
    "binId" UUID NOT NULL,
    "tote" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "pickedQty" INTEGER NOT NULL DEFAULT 0,
    "status" "PickLineStatus" NOT NULL DEFAULT 'PENDING',
    "shortReason" TEXT,
    "pickedById" UUID,
    "pickedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PickListLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Package" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" SERIAL NOT NULL,
    "orderId" UUID NOT NULL,
    "status" "PackageStatus" NOT NULL DEFAULT 'OPEN',
    "packerId" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "weightGrams" INTEGER,
    "lengthMm" INTEGER,
    "widthMm" INTEGER,
    "heightMm" INTEGER,
    "overrideById" UUID,
    "overrideReason" TEXT,

    CONSTRAINT "Package_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackScan" (
    "id" BIGSERIAL NOT NULL,
    "packageId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "result" "ScanResult" NOT NULL,
    "orderLineId" UUID,
    "userId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PackScan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Carrier" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CarrierKind" NOT NULL,
    "services" JSONB NOT NULL DEFAULT '[]',
    "trackingToken" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Carrier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shipment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orderId" UUID NOT NULL,
    "packageId" UUID NOT NULL,
    "carrierId" UUID NOT NULL,
    "service" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "status" "ShipmentStatus" NOT NULL DEFAULT 'CREATED',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "shippedAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "lastEventAt" TIMESTAMPTZ(3),

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackingEvent" (
    "id" BIGSERIAL NOT NULL,
    "shipmentId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "status" "ShipmentStatus" NOT NULL,
    "description" TEXT,
    "location" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL DEFAULT 'carrier',

    CONSTRAINT "TrackingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PickList_number_key" ON "PickList"("number");

-- CreateIndex
CREATE INDEX "PickList_warehouseId_status_createdAt_idx" ON "PickList"("warehouseId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "PickListOrder_orderId_idx" ON "PickListOrder"("orderId");

-- CreateIndex
CREATE INDEX "PickListLine_pickListId_idx" ON "PickListLine"("pickListId");

-- CreateIndex
CREATE INDEX "PickListLine_orderId_idx" ON "PickListLine"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Package_number_key" ON "Package"("number");

-- CreateIndex
CREATE INDEX "Package_orderId_idx" ON "Package"("orderId");

-- CreateIndex
CREATE INDEX "PackScan_packageId_id_idx" ON "PackScan"("packageId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Carrier_code_key" ON "Carrier"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_packageId_key" ON "Shipment"("packageId");

-- CreateIndex
CREATE INDEX "Shipment_orderId_idx" ON "Shipment"("orderId");

-- CreateIndex
CREATE INDEX "Shipment_status_createdAt_idx" ON "Shipment"("status", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_carrierId_trackingNumber_key" ON "Shipment"("carrierId", "trackingNumber");

-- CreateIndex
CREATE INDEX "TrackingEvent_shipmentId_occurredAt_idx" ON "TrackingEvent"("shipmentId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingEvent_shipmentId_externalId_key" ON "TrackingEvent"("shipmentId", "externalId");

-- AddForeignKey
ALTER TABLE "PickListOrder" ADD CONSTRAINT "PickListOrder_pickListId_fkey" FOREIGN KEY ("pickListId") REFERENCES "PickList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PickListLine" ADD CONSTRAINT "PickListLine_pickListId_fkey" FOREIGN KEY ("pickListId") REFERENCES "PickList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackScan" ADD CONSTRAINT "PackScan_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "Package"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "Package"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_carrierId_fkey" FOREIGN KEY ("carrierId") REFERENCES "Carrier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackingEvent" ADD CONSTRAINT "TrackingEvent_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ─── Hand-written ───
-- An order is in at most one open pick list: two people building waves at once never share an order.
CREATE UNIQUE INDEX "PickListOrder_one_open_list_per_order" ON "PickListOrder" ("orderId") WHERE "open";
ALTER TABLE "PickListLine" ADD CONSTRAINT "PickListLine_quantities" CHECK ("quantity" > 0 AND "pickedQty" >= 0 AND "pickedQty" <= "quantity");
