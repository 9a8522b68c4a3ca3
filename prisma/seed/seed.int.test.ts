import { afterAll, beforeAll, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { createTestDb, type TestDb } from "@/server/test/test-db";
import { ORDER_STATUSES } from "@/server/services/order/order-dimensions";
import { reconcileStock } from "@/server/services/stock/reconcile-stock";
import { readDecision } from "@/components/ui/allocation-decision";
import { DEMO_USERS, createGenerator, seed, type SeedSummary } from "./index";

let t: TestDb;
let summary: SeedSummary;

beforeAll(async () => {
  t = await createTestDb();
  summary = await seed(t.db, { orders: 300, seed: 4242 });
});

afterAll(async () => {
  await t?.close();
});

async function one<T = number>(sql: string): Promise<T> {
  const rows = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  const value = Object.values(rows[0] ?? {})[0];
  return (typeof value === "bigint" ? Number(value) : value) as T;
}

async function count(sql: string): Promise<number> {
  return one<number>(`SELECT count(*)::int AS n FROM (${sql}) AS x`);
}

describe("seed (300 orders)", () => {
  it("reports what it wrote", async () => {
    expect(summary.seeded).toBe(true);
    expect(summary.counts.orders).toBe(300);
    expect(await count(`SELECT 1 FROM "Order"`)).toBe(300);
    expect(await count(`SELECT 1 FROM "OrderLine"`)).toBe(summary.counts.orderLines);
    expect(await count(`SELECT 1 FROM "StockMovement"`)).toBe(summary.counts.stockMovements);
    expect(await count(`SELECT 1 FROM "OrderEvent"`)).toBe(summary.counts.orderEvents);
  });

  it("creates the demo users with bcrypt hashes, settings, channels and warehouses", async () => {
    const users = await t.db.user.findMany({ orderBy: { email: "asc" } });
    expect(users.map((u) => [u.email, u.role]).sort()).toEqual(DEMO_USERS.map((u) => [u.email, u.role]).sort());
    const admin = users.find((u) => u.email === "admin@fluxo.demo")!;
    expect(admin.name).toBe("Ana Admin");
    expect(await bcrypt.compare("fluxo-demo", admin.passwordHash)).toBe(true);
    expect(await bcrypt.compare("wrong", admin.passwordHash)).toBe(false);
    expect((await t.db.merchantSettings.findUnique({ where: { id: 1 } }))?.companyName).toBe("Casa Aurora Moda & Casa");
    expect(await count(`SELECT 1 FROM "Channel"`)).toBeGreaterThanOrEqual(3);
    expect(await count(`SELECT DISTINCT secret FROM "Channel" WHERE length(secret) = 48`)).toBe(4);
    const warehouses = await t.db.warehouse.findMany({ orderBy: { code: "asc" } });
    expect(warehouses.map((w) => [w.code, w.city, w.state])).toEqual([["PR", "São José dos Pinhais", "PR"], ["SP", "Cajamar", "SP"]]);
    expect(await count(`SELECT "warehouseId" FROM "Bin" GROUP BY 1 HAVING count(*) >= 100`)).toBe(2);
  });

  it("has ≥200 SKUs whose EAN-13 starts with 789 and has a correct GS1 check digit", async () => {
    expect(await count(`SELECT 1 FROM "Sku"`)).toBeGreaterThanOrEqual(200);
    const bad = await count(`
      SELECT 1 FROM "Sku" WHERE ean !~ '^789[0-9]{10}$'
         OR (10 - (SELECT SUM(substr(ean, i, 1)::int * CASE WHEN i % 2 = 0 THEN 3 ELSE 1 END) FROM generate_series(1, 12) AS i) % 10) % 10
            <> substr(ean, 13, 1)::int`);
    expect(bad).toBe(0);
  });

  it("groups the SKUs into products: every SKU has one, many products have several variants", async () => {
    expect(await count(`SELECT 1 FROM "Product"`)).toBe(summary.counts.products);
    expect(await count(`SELECT 1 FROM "Sku" s LEFT JOIN "Product" p ON p.id = s."productId" WHERE p.id IS NULL`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Product" p WHERE NOT EXISTS (SELECT 1 FROM "Sku" s WHERE s."productId" = p.id)`)).toBe(0);
    expect(await count(`SELECT "productId" FROM "Sku" GROUP BY 1 HAVING count(*) >= 2`)).toBeGreaterThanOrEqual(20);
    // Variants tell a product's SKUs apart; the SKU keeps its full printed name.
    expect(await count(`SELECT 1 FROM "Sku" GROUP BY "productId", variant HAVING count(*) > 1`)).toBe(0);
    const shirt = await t.db.sku.findUniqueOrThrow({ where: { code: "CAM-BAS-M-AZU" }, select: { name: true, variant: true, product: { select: { name: true } } } });
    expect(shirt).toEqual({ name: "Camiseta Básica Algodão Azul M", variant: "Azul / M", product: { name: "Camiseta Básica Algodão" } });
  });

  it("has an order in every pipeline status, with matching payment/fulfilment statuses", async () => {
    const statuses = await t.db.$queryRawUnsafe<{ status: string }[]>(`SELECT DISTINCT status::text AS status FROM "Order"`);
    expect(statuses.map((s) => s.status).sort()).toEqual([...ORDER_STATUSES].sort());
    expect(await count(`SELECT 1 FROM "Order" WHERE status IN ('ALLOCATED','PICKING','PACKED','INVOICED','SHIPPED','DELIVERED') AND "paymentStatus" <> 'PAID'`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Order" WHERE status = 'RECEIVED' AND ("paymentStatus" <> 'PENDING' OR "fulfillmentStatus" <> 'UNFULFILLED')`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Order" WHERE status = 'CANCELLED' AND "paymentStatus" NOT IN ('VOIDED', 'REFUNDED')`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Order" WHERE status = 'SHIPPED' AND "fulfillmentStatus" <> 'SHIPPED'`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Order" o WHERE "onHold" AND NOT EXISTS (SELECT 1 FROM "OrderHold" h WHERE h."orderId" = o.id AND h."releasedAt" IS NULL)`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Order" WHERE "shipBy" < now() AND status IN ('RECEIVED','PAYMENT_AUTHORIZED','FRAUD_REVIEW','APPROVED','BACKORDERED','ALLOCATED','PICKING','PACKED','INVOICED')`)).toBeGreaterThan(0);
  });

  it("adds up every order: lines, subtotal, discount, shipping, tax, total", async () => {
    const bad = await count(`
      SELECT 1 FROM "Order" o
      JOIN (SELECT "orderId", SUM(quantity * "unitPriceCents") AS sub, SUM("discountCents") AS disc, SUM("taxCents") AS tax,
                   bool_and("totalCents" = quantity * "unitPriceCents" - "discountCents" + "taxCents") AS lines_ok
              FROM "OrderLine" GROUP BY 1) l ON l."orderId" = o.id
      WHERE o."totalCents" <> o."subtotalCents" - o."discountCents" + o."shippingCents" + o."taxCents"
         OR o."subtotalCents" <> l.sub OR o."discountCents" <> l.disc OR o."taxCents" <> l.tax OR NOT l.lines_ok`);
    expect(bad).toBe(0);
    expect(await count(`SELECT 1 FROM "Order" o WHERE NOT EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o.id)`)).toBe(0);
  });

  it("puts every PICKING order on one OPEN pick list of its warehouse, its reserved units drawn from bins that hold them", async () => {
    expect(await count(`SELECT 1 FROM "Order" WHERE status = 'PICKING'`)).toBeGreaterThan(0);
    expect(await count(`
      SELECT 1 FROM "Order" o WHERE o.status = 'PICKING' AND (SELECT count(*) FROM "PickListOrder" plo JOIN "PickList" pl ON pl.id = plo."pickListId"
        WHERE plo."orderId" = o.id AND plo.open AND pl.status = 'OPEN' AND pl."warehouseId" = o."warehouseId") <> 1`)).toBe(0);
    // Each reserved line is asked for exactly its reserved units, from bins of the list's warehouse.
    expect(await count(`
      SELECT 1 FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId"
      LEFT JOIN (SELECT "orderLineId", sum(quantity) AS q FROM "PickListLine" GROUP BY 1) p ON p."orderLineId" = l.id
      WHERE o.status = 'PICKING' AND l."reservedQty" > 0 AND COALESCE(p.q, 0) <> l."reservedQty"`)).toBe(0);
    expect(await count(`SELECT 1 FROM "PickListLine" pll JOIN "PickList" pl ON pl.id = pll."pickListId" JOIN "Bin" b ON b.id = pll."binId" WHERE b."warehouseId" <> pl."warehouseId"`)).toBe(0);
    // No bin is asked for more than it holds for sale.
    expect(await count(`
      SELECT 1 FROM (SELECT "skuId", "binId", sum(quantity) AS q FROM "PickListLine" GROUP BY 1, 2) p
      JOIN "BinStock" bs ON bs."skuId" = p."skuId" AND bs."binId" = p."binId" WHERE p.q > bs."onHand" - bs.unavailable`)).toBe(0);
    expect(await count(`SELECT 1 FROM "PickListLine" WHERE status <> 'PENDING' OR "pickedQty" <> 0`)).toBe(0);
  });

  it("has zero ledger drift per SKU × warehouse (onHand, reserved, unavailable)", async () => {
    const drift = await count(`
      SELECT 1 FROM "StockBalance" b
      FULL JOIN (SELECT "skuId", "warehouseId", SUM("onHandDelta") AS oh, SUM("reservedDelta") AS r, SUM("unavailableDelta") AS u
                   FROM "StockMovement" GROUP BY 1, 2) m USING ("skuId", "warehouseId")
      WHERE COALESCE(b."onHand", 0) <> COALESCE(m.oh, 0) OR COALESCE(b.reserved, 0) <> COALESCE(m.r, 0) OR COALESCE(b.unavailable, 0) <> COALESCE(m.u, 0)`);
    expect(drift).toBe(0);
    expect(await count(`SELECT 1 FROM "StockBalance" WHERE "onHand" > 0`)).toBeGreaterThan(200);
  });

  it("has zero ledger drift per SKU × bin, and bins add up to the warehouse balance", async () => {
    const drift = await count(`
      SELECT 1 FROM "BinStock" s
      FULL JOIN (SELECT "skuId", "binId", SUM("onHandDelta") AS oh, SUM("unavailableDelta") AS u
                   FROM "StockMovement" WHERE "binId" IS NOT NULL GROUP BY 1, 2) m USING ("skuId", "binId")
      WHERE COALESCE(s."onHand", 0) <> COALESCE(m.oh, 0) OR COALESCE(s.unavailable, 0) <> COALESCE(m.u, 0)`);
    expect(drift).toBe(0);
    expect(await count(`SELECT 1 FROM "StockMovement" WHERE ("onHandDelta" <> 0 OR "unavailableDelta" <> 0) AND "binId" IS NULL`)).toBe(0);
    expect(await count(`SELECT 1 FROM "StockMovement" WHERE type IN ('RESERVATION', 'RELEASE') AND "binId" IS NOT NULL`)).toBe(0);
    // Ledger screens page newest-first by id: ids follow time, opening receipts first.
    expect(await count(`SELECT 1 FROM (SELECT "createdAt" < lag("createdAt") OVER (ORDER BY id) AS back FROM "StockMovement") x WHERE back`)).toBe(0);
    expect(await one<string>(`SELECT type::text FROM "StockMovement" ORDER BY id LIMIT 1`)).toBe("RECEIPT");
    expect(await count(`SELECT 1 FROM "StockMovement" WHERE type = 'RECEIPT' AND "purchaseOrderId" IS NULL AND "createdAt" >= (SELECT min("placedAt") FROM "Order")`)).toBe(0);
    const mismatch = await count(`
      SELECT 1 FROM "StockBalance" b
      FULL JOIN (SELECT s."skuId", bin."warehouseId", SUM(s."onHand") AS oh, SUM(s.unavailable) AS u
                   FROM "BinStock" s JOIN "Bin" bin ON bin.id = s."binId" GROUP BY 1, 2) x USING ("skuId", "warehouseId")
      WHERE COALESCE(x.oh, 0) <> COALESCE(b."onHand", 0) OR COALESCE(x.u, 0) <> COALESCE(b.unavailable, 0)`);
    expect(mismatch).toBe(0);
  });

  it("stores allocation records the order page reads in the reader's language, and stock events with their reasons", async () => {
    const rows = await t.db.$queryRawUnsafe<{ allocation: unknown }[]>(`SELECT allocation FROM "Order" WHERE allocation IS NOT NULL`);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => readDecision(r.allocation) === null)).toEqual([]);
    expect(await count(`SELECT 1 FROM "OrderEvent" WHERE type IN ('stock.reserved', 'stock.backordered')`)).toBeGreaterThan(0);
    expect(await count(`SELECT 1 FROM "OrderEvent" WHERE type IN ('stock.reserved', 'stock.backordered') AND jsonb_array_length(data -> 'reasons') = 0`)).toBe(0);
  });

  it("passes the application's own stock reconciliation with zero drift", async () => {
    const report = await reconcileStock();
    expect(report.driftCount).toEqual({ BALANCE_LEDGER: 0, BIN_LEDGER: 0, RESERVATIONS: 0, BINS_BALANCE: 0, LINE_RESERVED: 0 });
    expect(report.ok).toBe(true);
    expect(report.scanned.activeReservations).toBeGreaterThan(0);
    expect(report.scanned.movements).toBe(summary.counts.stockMovements);
  });

  it("keeps reserved equal to the ACTIVE reservations, line by line and per SKU × warehouse", async () => {
    expect(await count(`
      SELECT 1 FROM "StockBalance" b
      LEFT JOIN (SELECT "skuId", "warehouseId", SUM(quantity) AS q FROM "Reservation" WHERE status = 'ACTIVE' GROUP BY 1, 2) r USING ("skuId", "warehouseId")
      WHERE b.reserved <> COALESCE(r.q, 0)`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM "OrderLine" l
      LEFT JOIN (SELECT "orderLineId", SUM(quantity) AS q FROM "Reservation" WHERE status = 'ACTIVE' GROUP BY 1) r ON r."orderLineId" = l.id
      WHERE l."reservedQty" <> COALESCE(r.q, 0)`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Reservation" WHERE status = 'ACTIVE'`)).toBeGreaterThan(0);
    // Active reservations belong to open orders that have not shipped, at the order's warehouse: as in the app,
    // an order reserves when it is captured, so those not yet allocated hold their units too.
    expect(await count(`
      SELECT 1 FROM "Reservation" r JOIN "Order" o ON o.id = r."orderId"
      WHERE r.status = 'ACTIVE' AND (o.status NOT IN ('RECEIVED','PAYMENT_AUTHORIZED','FRAUD_REVIEW','APPROVED','BACKORDERED','ALLOCATED','PICKING','PACKED','INVOICED') OR o."warehouseId" <> r."warehouseId")`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Order" WHERE status = 'RECEIVED'`)).toBeGreaterThan(0);
    expect(await count(`
      SELECT 1 FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId"
      WHERE o.status IN ('RECEIVED','PAYMENT_AUTHORIZED','FRAUD_REVIEW','APPROVED') AND l."reservedQty" <> l.quantity`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Reservation" r JOIN "Order" o ON o.id = r."orderId" WHERE o.status IN ('SHIPPED','DELIVERED','RETURN_REQUESTED','RETURNED') AND r.status <> 'CONSUMED'`)).toBe(0);
  });

  it("backorders only SKUs with nothing available, each with an open exception", async () => {
    expect(await count(`SELECT 1 FROM "OrderLine" WHERE "backorderedQty" > 0`)).toBeGreaterThan(0);
    expect(await count(`
      SELECT 1 FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId"
      JOIN "StockBalance" b ON b."skuId" = l."skuId" AND b."warehouseId" = o."warehouseId"
      WHERE l."backorderedQty" > 0 AND b."onHand" - b.reserved - b.unavailable - b.safety > 0`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM "Order" o WHERE status = 'BACKORDERED'
        AND NOT EXISTS (SELECT 1 FROM "Exception" x WHERE x."orderId" = o.id AND x.type = 'ORDER_BACKORDERED' AND x.status = 'OPEN')`)).toBe(0);
  });

  it("records purchase orders whose received quantities match their receipts", async () => {
    const byStatus = await t.db.purchaseOrder.groupBy({ by: ["status"], _count: true });
    expect(byStatus.map((s) => s.status).sort()).toEqual(["CANCELLED", "OPEN", "PARTIALLY_RECEIVED", "RECEIVED"]);
    expect(await count(`SELECT 1 FROM "PurchaseOrder" WHERE status = 'OPEN' AND "expectedAt" <= now()`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM "PurchaseOrderLine" l
      WHERE l."quantityReceived" <> COALESCE((SELECT SUM("onHandDelta") FROM "StockMovement" m WHERE m."purchaseOrderId" = l."purchaseOrderId" AND m."skuId" = l."skuId"), 0)`)).toBe(0);
  });

  it("gives every purchase order line a unit cost and every stock alert its warehouse, as the services write them", async () => {
    expect(await count(`SELECT 1 FROM "PurchaseOrderLine" WHERE "unitCostCents" IS NULL OR "unitCostCents" <= 0`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Exception" WHERE type IN ('LOW_STOCK', 'OUT_OF_STOCK')`)).toBeGreaterThan(0);
    expect(await count(`
      SELECT 1 FROM "Exception" e LEFT JOIN "Warehouse" w ON w.id = e."warehouseId"
      WHERE e.type IN ('LOW_STOCK', 'OUT_OF_STOCK') AND (w.code IS DISTINCT FROM e.data->>'warehouse' OR e.data->>'warehouseId' IS DISTINCT FROM w.id::text)`)).toBe(0);
  });

  it("writes a timeline that starts at placement and ends in the order's status", async () => {
    expect(await count(`SELECT 1 FROM "OrderEvent" e JOIN "Order" o ON o.id = e."orderId" WHERE e."createdAt" < o."placedAt" OR e."createdAt" > now()`)).toBe(0);
    expect(await count(`SELECT 1 FROM (SELECT "createdAt" < lag("createdAt") OVER (PARTITION BY "orderId" ORDER BY id) AS back FROM "OrderEvent") x WHERE back`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM "Order" o
      JOIN LATERAL (SELECT "toStatus" FROM "OrderEvent" e WHERE e."orderId" = o.id AND e."fromStatus" IS DISTINCT FROM e."toStatus" ORDER BY id DESC LIMIT 1) last ON true
      WHERE last."toStatus" <> o.status`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Order" o WHERE NOT EXISTS (SELECT 1 FROM "OrderEvent" e WHERE e."orderId" = o.id AND e.type = 'order.created')`)).toBe(0);
    // Every order that holds or held stock has the reservation engine's event.
    expect(await count(`
      SELECT 1 FROM "Order" o WHERE EXISTS (SELECT 1 FROM "Reservation" r WHERE r."orderId" = o.id)
        AND NOT EXISTS (SELECT 1 FROM "OrderEvent" e WHERE e."orderId" = o.id AND e.type IN ('stock.reserved', 'stock.backordered'))`)).toBe(0);
  });

  it("moves the sequences past the explicit numbers", async () => {
    const created = await t.db.order.create({
      data: { channelId: (await t.db.channel.findFirstOrThrow()).id, externalId: "seq-test", customerName: "Teste", subtotalCents: 0, totalCents: 0, placedAt: new Date(), channelUpdatedAt: new Date() },
    });
    expect(created.number).toBe(301);
    await t.db.order.delete({ where: { id: created.id } });
  });

  it("refuses a second seed, and --if-empty skips", async () => {
    await expect(seed(t.db, { orders: 5 })).rejects.toThrow(/already has data/);
    const skipped = await seed(t.db, { orders: 5, ifEmpty: true });
    expect(skipped.seeded).toBe(false);
    expect(await count(`SELECT 1 FROM "Order"`)).toBe(300);
  });

  it("generates the same first 50 orders for the same seed (pure generator)", () => {
    const first50 = (): string[] => {
      const batch = createGenerator({ orders: 300, seed: 4242, batchSize: 50 }).batches().next().value!;
      return batch.orders.map((o) => `${o.externalId}:${o.totalCents}`);
    };
    const a = first50();
    expect(a).toHaveLength(50);
    expect(first50()).toEqual(a);
  });

  it("wrote exactly what the generator produced", async () => {
    const batch = createGenerator({ orders: 300, seed: 4242, batchSize: 50 }).batches().next().value!;
    const rows = await t.db.order.findMany({ orderBy: { number: "asc" }, take: 50, select: { id: true, externalId: true, totalCents: true, status: true } });
    expect(rows.map((o) => `${o.id}:${o.externalId}:${o.totalCents}:${o.status}`)).toEqual(batch.orders.map((o) => `${o.id}:${o.externalId}:${o.totalCents}:${o.status}`));
  });
});
