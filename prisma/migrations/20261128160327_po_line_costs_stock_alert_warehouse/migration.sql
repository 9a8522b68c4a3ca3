-- AlterTable
ALTER TABLE "PurchaseOrderLine" ADD COLUMN     "unitCostCents" INTEGER;

-- AlterTable
ALTER TABLE "Exception" ADD COLUMN     "warehouseId" UUID;

-- AddForeignKey
ALTER TABLE "Exception" ADD CONSTRAINT "Exception_warehouseId_fkey" FOREIGN KEY ("warehouseId") REFERENCES "Warehouse"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- ─── Hand-written ───
-- Unit costs are exact cents, never negative.
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_unitCostCents_nonneg" CHECK ("unitCostCents" >= 0);

-- Purchase orders created before the column existed kept their unit costs in the creation audit entry
-- (AuditLog action 'purchaseOrder.created', data.unitCosts = [{lineId, skuId, unitCostCents}]). The first entry
-- of a purchase order wins; anything that is not a whole number of cents in range is left out (null = no cost).
UPDATE "PurchaseOrderLine" l SET "unitCostCents" = x.cost
FROM (
  SELECT DISTINCT ON (c->>'lineId') a."entityId" AS po_id, c->>'lineId' AS line_id, (c->>'unitCostCents')::int AS cost
  FROM "AuditLog" a
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(a.data->'unitCosts') = 'array' THEN a.data->'unitCosts' ELSE '[]'::jsonb END) c
  WHERE a.entity = 'PurchaseOrder' AND a.action = 'purchaseOrder.created'
    AND jsonb_typeof(c) = 'object' AND (c->>'unitCostCents') ~ '^[0-9]{1,9}$'
  ORDER BY c->>'lineId', a.id
) x
WHERE l."unitCostCents" IS NULL AND l.id::text = x.line_id AND l."purchaseOrderId"::text = x.po_id;

-- Stock alerts written before the column existed kept their warehouse in data.warehouseId; seeded ones only
-- carry the warehouse code in data.warehouse.
UPDATE "Exception" e SET "warehouseId" = w.id
FROM "Warehouse" w
WHERE e."warehouseId" IS NULL AND e.type IN ('LOW_STOCK', 'OUT_OF_STOCK') AND w.id::text = e.data->>'warehouseId';
UPDATE "Exception" e SET "warehouseId" = w.id
FROM "Warehouse" w
WHERE e."warehouseId" IS NULL AND e.type IN ('LOW_STOCK', 'OUT_OF_STOCK') AND w.code = e.data->>'warehouse';

-- Duplicate OPEN alerts (nothing prevented them before): keep the newest of each type × SKU × warehouse.
UPDATE "Exception" e SET status = 'RESOLVED', "resolvedAt" = now(), "resolutionNote" = 'Duplicate alert closed by migration'
FROM (
  SELECT id, row_number() OVER (PARTITION BY type, "skuId", "warehouseId" ORDER BY "createdAt" DESC, id DESC) AS n
  FROM "Exception"
  WHERE status = 'OPEN' AND type IN ('LOW_STOCK', 'OUT_OF_STOCK') AND "skuId" IS NOT NULL AND "warehouseId" IS NOT NULL
) d
WHERE e.id = d.id AND d.n > 1;

-- At most one OPEN stock alert per type × SKU × warehouse (stock-alerts.ts, reserve-statement.ts insert with
-- ON CONFLICT DO NOTHING against it). Its leading (skuId, warehouseId) also serves their "open alert of this pair?"
-- lookups; nothing else filters exceptions by SKU, so there is no separate (skuId, status) index.
CREATE UNIQUE INDEX "Exception_one_open_stock_alert" ON "Exception" ("skuId", "warehouseId", type)
  WHERE status = 'OPEN' AND type IN ('LOW_STOCK', 'OUT_OF_STOCK');
