import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { createChannel } from "@/server/services/order/order-test-factory";
import { recordScan } from "@/server/services/packing/record-scan";
import { startPacking } from "@/server/services/packing/start-packing";
import { createPackOrder, createSkus, createUserWithPassword, domainFailure, ean, expectCode } from "@/server/services/packing/packing-test-fixtures";

const testDb = withTestDb();
let packer: SessionUser;
let skus: Record<string, string>;

beforeEach(async () => {
  packer = await createUserWithPassword(testDb().db, "WAREHOUSE", "Wagner Armazém");
  await createChannel(testDb().db, "Loja Shopify", "SHOPIFY");
  skus = await createSkus(testDb().db, [
    { code: "CAM-AZ-M", ean: ean(1) },
    { code: "MEIA-01", ean: ean(2) },
    { code: "BONE-01", ean: ean(3) }, // in the catalogue, not in the order
    { code: "CINTO-SEM-EAN", ean: null },
  ]);
});

async function open(lines: { sku: string; quantity: number }[]) {
  const order = await createPackOrder(testDb().db, skus, { lines });
  return startPacking({ actor: packer, code: `#${order.number}` });
}

const scansOf = (packageId: string) =>
  testDb().db.packScan.findMany({
    where: { packageId },
    orderBy: { id: "asc" },
    select: { code: true, result: true, userId: true, orderLineId: true, createdAt: true },
  });

describe("recordScan", () => {
  it("counts repeated scans of one EAN down to zero and logs each one", async () => {
    const pkg = await open([
      { sku: "CAM-AZ-M", quantity: 3 },
      { sku: "MEIA-01", quantity: 1 },
    ]);
    const camLine = pkg.lines[0]!.lineId;

    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await recordScan({ actor: packer, packageId: pkg.packageId, code: `${ean(1)}\r\n` });
      expect(r.result).toBe("ACCEPTED");
      expect(r.lineId).toBe(camLine);
      counts.push(r.lines[0]!.quantity - r.lines[0]!.scanned);
    }
    expect(counts).toEqual([2, 1, 0]);
    const last = await recordScan({ actor: packer, packageId: pkg.packageId, code: ean(2) });
    expect(last).toMatchObject({ result: "ACCEPTED", complete: true, scannedUnits: 4, totalUnits: 4, stillExpected: [] });

    const log = await scansOf(pkg.packageId);
    expect(log.map((s) => [s.code, s.result, s.userId])).toEqual([
      [ean(1), "ACCEPTED", packer.id],
      [ean(1), "ACCEPTED", packer.id],
      [ean(1), "ACCEPTED", packer.id],
      [ean(2), "ACCEPTED", packer.id],
    ]);
    expect(log.every((s) => s.createdAt instanceof Date)).toBe(true);
  });

  it("refuses a wrong EAN, says what was scanned and what is expected, and logs it as WRONG_ITEM", async () => {
    const pkg = await open([
      { sku: "CAM-AZ-M", quantity: 2 },
      { sku: "MEIA-01", quantity: 1 },
    ]);
    await recordScan({ actor: packer, packageId: pkg.packageId, code: ean(1) });

    const r = await recordScan({ actor: packer, packageId: pkg.packageId, code: ean(3) });

    expect(r.result).toBe("WRONG_ITEM");
    expect(r.accepted).toBe(false);
    expect(r.params).toMatchObject({ scanned: ean(3), expectedSkus: "CAM-AZ-M, MEIA-01", remainingUnits: 2 });
    expect(r.stillExpected.map((l) => [l.sku, l.remaining])).toEqual([
      ["CAM-AZ-M", 1],
      ["MEIA-01", 1],
    ]);
    expect(r.lines.map((l) => l.scanned)).toEqual([1, 0]);
    const log = await scansOf(pkg.packageId);
    expect(log.at(-1)).toMatchObject({ code: ean(3), result: "WRONG_ITEM", userId: packer.id, orderLineId: null });
  });

  it("refuses an over-scan of a complete line and an unreadable code, logging both", async () => {
    const pkg = await open([
      { sku: "MEIA-01", quantity: 1 },
      { sku: "CAM-AZ-M", quantity: 1 },
    ]);
    await recordScan({ actor: packer, packageId: pkg.packageId, code: ean(2) });

    const over = await recordScan({ actor: packer, packageId: pkg.packageId, code: ean(2) });
    expect(over.result).toBe("OVER_SCAN");
    expect(over.params).toMatchObject({ scanned: ean(2), sku: "MEIA-01", lineScanned: 1, lineQuantity: 1, expectedSkus: "CAM-AZ-M" });
    expect(over.lines.map((l) => l.scanned)).toEqual([1, 0]);

    const misread = ean(1).slice(0, 12) + String((Number(ean(1)[12]) + 1) % 10);
    const unknown = await recordScan({ actor: packer, packageId: pkg.packageId, code: misread });
    expect(unknown.result).toBe("UNKNOWN_CODE");

    const log = await scansOf(pkg.packageId);
    expect(log.map((s) => s.result)).toEqual(["ACCEPTED", "OVER_SCAN", "UNKNOWN_CODE"]);
    expect(log[1]?.orderLineId).toBe(pkg.lines[0]!.lineId);
  });

  it("accepts the SKU typed by hand for a line without an EAN", async () => {
    const pkg = await open([{ sku: "CINTO-SEM-EAN", quantity: 1 }]);
    expect(pkg.lines[0]!.ean).toBeNull();
    const r = await recordScan({ actor: packer, packageId: pkg.packageId, code: "cinto-sem-ean" });
    expect(r).toMatchObject({ result: "ACCEPTED", complete: true });
  });

  it("never counts more units than ordered when scans of one package arrive at once", async () => {
    const pkg = await open([{ sku: "CAM-AZ-M", quantity: 3 }]);
    const results = await Promise.all(Array.from({ length: 6 }, () => recordScan({ actor: packer, packageId: pkg.packageId, code: ean(1) })));
    expect(results.filter((r) => r.result === "ACCEPTED")).toHaveLength(3);
    expect(results.filter((r) => r.result === "OVER_SCAN")).toHaveLength(3);
    expect(await testDb().db.packScan.count({ where: { packageId: pkg.packageId, result: "ACCEPTED" } })).toBe(3);
  });

  it("refuses scans into a closed package or for an order no longer being picked, without logging them", async () => {
    const pkg = await open([{ sku: "MEIA-01", quantity: 1 }]);
    await testDb().db.package.update({ where: { id: pkg.packageId }, data: { status: "CLOSED" } });
    expectCode(await domainFailure(recordScan({ actor: packer, packageId: pkg.packageId, code: ean(2) })), "INVALID_TRANSITION", "PACKAGE_NOT_OPEN");

    await testDb().db.package.update({ where: { id: pkg.packageId }, data: { status: "OPEN" } });
    await testDb().db.order.update({ where: { id: pkg.order.id }, data: { status: "CANCELLED" } });
    expectCode(await domainFailure(recordScan({ actor: packer, packageId: pkg.packageId, code: ean(2) })), "INVALID_TRANSITION", "PACK_NOT_READY");
    expect(await testDb().db.packScan.count()).toBe(0);
    expectCode(await domainFailure(recordScan({ actor: packer, packageId: "00000000-0000-4000-8000-000000000000", code: ean(2) })), "NOT_FOUND");
  });
});
