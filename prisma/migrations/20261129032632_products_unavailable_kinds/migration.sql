-- Products above SKUs, and unavailable stock split by why it cannot be sold.

-- CreateEnum
CREATE TYPE "UnavailableKind" AS ENUM ('DAMAGED', 'QUARANTINE', 'QC');

-- CreateTable
CREATE TABLE "Product" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "brand" TEXT,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- Every existing SKU becomes a product of its own (same id and name); the merchant can
-- regroup variants afterwards.
INSERT INTO "Product" ("id", "name") SELECT "id", "name" FROM "Sku";

-- AlterTable
ALTER TABLE "Sku" ADD COLUMN "productId" UUID, ADD COLUMN "variant" TEXT;
UPDATE "Sku" SET "productId" = "id";
ALTER TABLE "Sku" ALTER COLUMN "productId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Sku_productId_idx" ON "Sku"("productId");
-- Prefix search by name (LIKE 'abc%') and the list's keyset order (lower(name), id).
CREATE INDEX "Product_name_lower_idx" ON "Product" (lower("name") text_pattern_ops);
CREATE INDEX "Product_name_order_idx" ON "Product" (lower("name"), "id");

-- AddForeignKey
ALTER TABLE "Sku" ADD CONSTRAINT "Sku_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Unavailable units per kind. Units set aside before kinds existed had no recorded cause:
-- they are counted as damaged (the only cause the forms offered by name first).
ALTER TABLE "BinStock" ADD COLUMN "damaged" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "quarantine" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "qc" INTEGER NOT NULL DEFAULT 0;
UPDATE "BinStock" SET "damaged" = "unavailable" WHERE "unavailable" <> 0;
ALTER TABLE "BinStock" ADD CONSTRAINT "BinStock_unavailable_kinds"
  CHECK ("damaged" >= 0 AND "quarantine" >= 0 AND "qc" >= 0 AND "unavailable" = "damaged" + "quarantine" + "qc");

-- The ledger says which bucket each unavailable change moved. History is rewritten once,
-- here, to match the backfill above (the append-only trigger allows it under maintenance).
ALTER TABLE "StockMovement" ADD COLUMN "unavailableKind" "UnavailableKind";
SET LOCAL fluxo.ledger_maintenance = 'on';
UPDATE "StockMovement" SET "unavailableKind" = 'DAMAGED' WHERE "unavailableDelta" <> 0;
SET LOCAL fluxo.ledger_maintenance = 'off';
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_unavailable_kind"
  CHECK ("unavailableDelta" = 0 OR "unavailableKind" IS NOT NULL);
