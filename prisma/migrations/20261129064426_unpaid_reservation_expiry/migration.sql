-- Unpaid orders give their reserved stock back after this many hours (null: never);
-- applied by server/services/order/expire-unpaid-reservations.ts.
ALTER TABLE "MerchantSettings" ADD COLUMN "unpaidReservationHours" INTEGER;
ALTER TABLE "MerchantSettings" ADD CONSTRAINT "MerchantSettings_unpaidReservationHours_check"
  CHECK ("unpaidReservationHours" IS NULL OR "unpaidReservationHours" BETWEEN 1 AND 720);
