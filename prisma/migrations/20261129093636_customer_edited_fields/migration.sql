-- The customer fields a person corrected (server/services/customer/update-customer.ts). The capture
-- statement's customer upsert (server/services/order/capture-order.ts) reads this list on the row it
-- already updates and keeps those fields: no extra lookup, no index. A constant default: no table rewrite.
ALTER TABLE "Customer" ADD COLUMN     "editedFields" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_editedFields_check"
  CHECK ("editedFields" <@ ARRAY['name', 'phone', 'document']::TEXT[]);
