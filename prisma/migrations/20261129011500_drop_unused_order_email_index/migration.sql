-- Searching orders by e-mail is case-insensitive and uses "Order_customerEmail_lower_idx"
-- (order-filter-sql.ts); nothing reads the plain index, and every order insert and
-- non-HOT update paid for it (bench/RESULTS.md: 19 indexes on "Order").
DROP INDEX "Order_customerEmail_idx";
