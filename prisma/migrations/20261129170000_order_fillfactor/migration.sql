-- More room on new pages for the reservation's HOT updates (see 20261129160000_order_hot_allocation): an Order row
-- is about 1.2 kB, so 10 % of a page did not hold one new version; the reservation also updates each OrderLine
-- (reserved/backordered quantities, no indexed column changed when nothing is backordered).
-- Measured on the bench database, interleaved runs (bench/RESULTS.md, 2026-11-29): steady reservations
-- 621/640 → 678/645 orders/s, flash sale 779/755 → 866/800.
ALTER TABLE "Order" SET (fillfactor = 80);
ALTER TABLE "OrderLine" SET (fillfactor = 90);
