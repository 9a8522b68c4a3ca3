-- The reservation's UPDATE "Order" (warehouseId + allocation, on every captured order) becomes a HOT update:
-- no index names the columns it sets, and new Order pages keep 10 % free so the new row version fits on the
-- same page. A non-HOT update wrote a new entry into every one of the 19 Order indexes.
-- Measured on the bench database (bench/RESULTS.md, 2026-11-29): steady reservations 567–643 → 683–702 orders/s.

-- The picking queue without "warehouseId": the claim walks the ALLOCATED orders in claim order and keeps those
-- of its warehouse (a handful of warehouses share the queue); the per-warehouse counts read the heap rows.
DROP INDEX IF EXISTS "Order_pickable_queue_idx";
CREATE INDEX "Order_pickable_queue_idx" ON "Order" ("shipBy" ASC NULLS LAST, "placedAt", "id") WHERE "status" = 'ALLOCATED';

ALTER TABLE "Order" SET (fillfactor = 90);
