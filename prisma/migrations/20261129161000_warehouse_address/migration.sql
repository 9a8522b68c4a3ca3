-- AlterTable
ALTER TABLE "Warehouse" ADD COLUMN     "district" TEXT,
ADD COLUMN     "line1" TEXT,
ADD COLUMN     "line2" TEXT,
ADD COLUMN     "postalCode" TEXT;


-- The sender's CEP as warehouse-address.ts stores it (validated there; this is the last line).
ALTER TABLE "Warehouse" ADD CONSTRAINT "Warehouse_postalCode_cep" CHECK ("postalCode" IS NULL OR "postalCode" ~ '^[0-9]{5}-[0-9]{3}$');
