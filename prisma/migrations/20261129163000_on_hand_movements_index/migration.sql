-- The SKU page's on-hand chart reads only the movements that change on hand (get-sku-ledger.ts, onHandSeriesScan:
-- "onHandDelta" <> 0). Reservations and releases (onHandDelta = 0) are most of a busy SKU's ledger and were read
-- and skipped; they are also the rows the ingest hot path writes, and no longer enter this index.
-- The stock grid's sold-30-days figure has its own partial index (type = 'SHIPMENT').
DROP INDEX IF EXISTS "StockMovement_skuId_createdAt_idx";
CREATE INDEX "StockMovement_onHand_skuId_createdAt_idx" ON "StockMovement" ("skuId", "createdAt") INCLUDE ("type", "warehouseId", "onHandDelta") WHERE "onHandDelta" <> 0;
