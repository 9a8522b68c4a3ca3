-- The customer page: a customer's orders newest first (and the list's per-customer figures)
-- as an index range scan on (customerId, placedAt DESC, id DESC).

-- CreateIndex
CREATE INDEX "Order_customerId_placedAt_id_idx" ON "Order"("customerId", "placedAt" DESC, "id" DESC);

-- The customer list: prefix search by name or e-mail (LIKE 'abc%'), exact CPF/CNPJ,
-- and the list's keyset order (lower(name), id). Hand-written: Prisma cannot express them.
CREATE INDEX "Customer_name_lower_idx" ON "Customer" (lower("name") text_pattern_ops);
CREATE INDEX "Customer_email_lower_idx" ON "Customer" (lower("email") text_pattern_ops);
CREATE INDEX "Customer_name_order_idx" ON "Customer" (lower("name"), "id");
CREATE INDEX "Customer_document_idx" ON "Customer" ("document");
