-- CreateIndex
CREATE INDEX "Order_externalNumber_idx" ON "Order"("externalNumber");

-- CreateIndex
CREATE INDEX "Order_totalCents_id_idx" ON "Order"("totalCents" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Order_shipBy_id_idx" ON "Order"("shipBy", "id");

