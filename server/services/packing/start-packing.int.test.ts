import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { createChannel } from "@/server/services/order/order-test-factory";
import { recordScan } from "@/server/services/packing/record-scan";
import { startPacking } from "@/server/services/packing/start-packing";
import { createPackOrder, createSkus, createUserWithPassword, domainFailure, ean, expectCode } from "@/server/services/packing/packing-test-fixtures";

const testDb = withTestDb();
let packer: SessionUser;
let other: SessionUser;
let skus: Record<string, string>;

beforeEach(async () => {
  packer = await createUserWithPassword(testDb().db, "WAREHOUSE", "Wagner Armazém");
  other = await createUserWithPassword(testDb().db, "WAREHOUSE", "Paula Packer");
  await createChannel(testDb().db, "Loja Shopify", "SHOPIFY");
  skus = await createSkus(testDb().db, [
    { code: "CAM-AZ-M", ean: ean(1), weightGrams: 180, dims: [300, 250, 20] },
    { code: "MEIA-01", ean: ean(2), weightGrams: 50, dims: [150, 100, 30] },
  ]);
});

describe("startPacking", () => {
  it("opens a package for an order in PICKING found by its number, with the expected lines", async () => {
    const order = await createPackOrder(testDb().db, skus, {
      lines: [
        { sku: "CAM-AZ-M", quantity: 2 },
        { sku: "MEIA-01", quantity: 1 },
      ],
    });

    const view = await startPacking({ actor: packer, code: `#${order.number}` });

    expect(view.resumed).toBe(false);
    expect(view.order).toMatchObject({ id: order.id, number: order.number, status: "PICKING" });
    expect(view.lines.map((l) => [l.sku, l.ean, l.productName, l.quantity, l.scanned])).toEqual([
      ["CAM-AZ-M", ean(1), "Product CAM-AZ-M", 2, 0],
      ["MEIA-01", ean(2), "Product MEIA-01", 1, 0],
    ]);
    expect(view).toMatchObject({ totalUnits: 3, scannedUnits: 0, complete: false, packerName: "Wagner Armazém", status: "OPEN" });
    // 2 × 180 g + 50 g; the longest sides of the largest items.
    expect(view.defaults).toEqual({ weightGrams: 410, lengthMm: 300, widthMm: 250, heightMm: 30 });
    const row = await testDb().db.package.findUniqueOrThrow({ where: { id: view.packageId } });
    expect(row).toMatchObject({ orderId: order.id, status: "OPEN", packerId: packer.id, closedAt: null });
    expect(row.startedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("finds the order by the number without #, and by the channel's number", async () => {
    const order = await createPackOrder(testDb().db, skus, { lines: [{ sku: "MEIA-01", quantity: 1 }], externalNumber: "#5001" });
    expect((await startPacking({ actor: packer, code: String(order.number) })).order.id).toBe(order.id);
    expect((await startPacking({ actor: packer, code: "#5001" })).order.id).toBe(order.id);
  });

  it("resumes the open package and rebuilds the counts from the accepted scans", async () => {
    const order = await createPackOrder(testDb().db, skus, {
      lines: [
        { sku: "CAM-AZ-M", quantity: 2 },
        { sku: "MEIA-01", quantity: 1 },
      ],
    });
    const first = await startPacking({ actor: packer, code: `#${order.number}` });
    await recordScan({ actor: packer, packageId: first.packageId, code: ean(1) });
    await recordScan({ actor: packer, packageId: first.packageId, code: ean(9) }); // refused: not counted

    const again = await startPacking({ actor: other, code: `${order.number}\r\n` });

    expect(again.resumed).toBe(true);
    expect(again.packageId).toBe(first.packageId);
    expect(again.lines.map((l) => l.scanned)).toEqual([1, 0]);
    expect(again.scannedUnits).toBe(1);
    expect(again.packerName).toBe("Wagner Armazém");
    expect(again.recentScans.map((s) => s.result)).toEqual(["WRONG_ITEM", "ACCEPTED"]);
    expect(await testDb().db.package.count()).toBe(1);
  });

  it("finds the order by the tote label of an open or completed pick list", async () => {
    const order = await createPackOrder(testDb().db, skus, { lines: [{ sku: "MEIA-01", quantity: 1 }] });
    const decoy = await createPackOrder(testDb().db, skus, { lines: [{ sku: "CAM-AZ-M", quantity: 1 }] });
    const warehouse = await testDb().db.warehouse.create({ data: { code: "SP1", name: "São Paulo", city: "São Paulo", state: "SP" } });
    const list = await testDb().db.pickList.create({
      data: {
        warehouseId: warehouse.id,
        status: "COMPLETED",
        orders: {
          create: [
            { orderId: decoy.id, tote: 1 },
            { orderId: order.id, tote: 2, open: false },
          ],
        },
      },
    });

    const view = await startPacking({ actor: packer, code: `PL${list.number}-T2` });
    expect(view.order.id).toBe(order.id);
    expect((await startPacking({ actor: packer, code: `pl${list.number}-t1` })).order.id).toBe(decoy.id);

    await testDb().db.pickList.update({ where: { id: list.id }, data: { status: "CANCELLED" } });
    expectCode(await domainFailure(startPacking({ actor: packer, code: `PL${list.number}-T2` })), "NOT_FOUND", "TOTE_NOT_FOUND");
    expectCode(await domainFailure(startPacking({ actor: packer, code: `PL${list.number}-T9` })), "NOT_FOUND", "TOTE_NOT_FOUND");
  });

  it("refuses orders that are not being picked, on hold, or unknown — and opens nothing", async () => {
    const allocated = await createPackOrder(testDb().db, skus, { lines: [{ sku: "MEIA-01", quantity: 1 }], status: "ALLOCATED" });
    const held = await createPackOrder(testDb().db, skus, { lines: [{ sku: "MEIA-01", quantity: 1 }], onHold: true });
    const packed = await createPackOrder(testDb().db, skus, { lines: [{ sku: "MEIA-01", quantity: 1 }], status: "PACKED" });

    const notReady = await domainFailure(startPacking({ actor: packer, code: `#${allocated.number}` }));
    expectCode(notReady, "INVALID_TRANSITION", "PACK_NOT_READY");
    expect(notReady.params).toMatchObject({ current: "ALLOCATED", number: allocated.number });
    const onHold = await domainFailure(startPacking({ actor: packer, code: `#${held.number}` }));
    expectCode(onHold, "ORDER_ON_HOLD");
    expect(onHold.params.holds).toBe("HIGH_FRAUD_RISK");
    expectCode(await domainFailure(startPacking({ actor: packer, code: `#${packed.number}` })), "INVALID_TRANSITION", "PACK_NOT_READY");
    expectCode(await domainFailure(startPacking({ actor: packer, code: "#999999" })), "NOT_FOUND", "ORDER_NOT_FOUND");
    expectCode(await domainFailure(startPacking({ actor: packer, code: " \r\n" })), "VALIDATION", "CODE_REQUIRED");
    expect(await testDb().db.package.count()).toBe(0);
  });

  it("resumes a PACKED order's package that is still open", async () => {
    const order = await createPackOrder(testDb().db, skus, { lines: [{ sku: "MEIA-01", quantity: 1 }], status: "PACKED" });
    const open = await testDb().db.package.create({ data: { orderId: order.id, packerId: other.id } });
    const view = await startPacking({ actor: packer, code: `#${order.number}` });
    expect(view).toMatchObject({ packageId: open.id, resumed: true });
  });

  it("gives two stations opening the same order at once one package", async () => {
    const order = await createPackOrder(testDb().db, skus, { lines: [{ sku: "MEIA-01", quantity: 1 }] });
    const [a, b] = await Promise.all([
      startPacking({ actor: packer, code: `#${order.number}` }),
      startPacking({ actor: other, code: `#${order.number}` }),
    ]);
    expect(a.packageId).toBe(b.packageId);
    expect(await testDb().db.package.count({ where: { orderId: order.id } })).toBe(1);
  });
});
