import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { createChannel } from "@/server/services/order/order-test-factory";
import { closePackage } from "@/server/services/packing/close-package";
import { recordScan } from "@/server/services/packing/record-scan";
import { startPacking } from "@/server/services/packing/start-packing";
import {
  ADMIN_PASSWORD,
  createPackOrder,
  createSkus,
  createUserWithPassword,
  domainFailure,
  ean,
  expectCode,
} from "@/server/services/packing/packing-test-fixtures";

const testDb = withTestDb();
let packer: SessionUser;
let admin: SessionUser;
let skus: Record<string, string>;

beforeEach(async () => {
  packer = await createUserWithPassword(testDb().db, "WAREHOUSE", "Wagner Armazém");
  admin = await createUserWithPassword(testDb().db, "ADMIN", "Ana Admin");
  await createChannel(testDb().db, "Loja Shopify", "SHOPIFY");
  skus = await createSkus(testDb().db, [
    { code: "CAM-AZ-M", ean: ean(1), weightGrams: 180, dims: [300, 250, 20] },
    { code: "MEIA-01", ean: ean(2), weightGrams: 50, dims: [150, 100, 30] },
  ]);
});

/** An order of 2 × CAM-AZ-M + 1 × MEIA-01 opened at the station, with `scans` scanned. */
async function packageWith(scans: string[]) {
  const order = await createPackOrder(testDb().db, skus, {
    lines: [
      { sku: "CAM-AZ-M", quantity: 2 },
      { sku: "MEIA-01", quantity: 1 },
    ],
  });
  const pkg = await startPacking({ actor: packer, code: `#${order.number}` });
  for (const code of scans) await recordScan({ actor: packer, packageId: pkg.packageId, code });
  return pkg;
}

describe("closePackage", () => {
  it("refuses to close an incomplete package, naming what is missing, and changes nothing", async () => {
    const pkg = await packageWith([ean(1)]);

    const e = await domainFailure(closePackage({ actor: packer, packageId: pkg.packageId }));

    expectCode(e, "GUARD_FAILED", "PACKAGE_INCOMPLETE");
    expect(e.params).toMatchObject({ missing: "1 × CAM-AZ-M, 1 × MEIA-01", remainingUnits: 2 });
    expect(e.message).toContain("1 of 3 units");
    expect(e.message).toContain("1 × MEIA-01");
    expect(await testDb().db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).toMatchObject({ status: "OPEN", closedAt: null });
    expect(await testDb().db.order.findUniqueOrThrow({ where: { id: pkg.order.id } })).toMatchObject({ status: "PICKING" });
  });

  it("closes a complete package with the default box, moves the order to PACKED and writes the timeline event", async () => {
    const pkg = await packageWith([ean(1), ean(2), ean(1)]);

    const closed = await closePackage({ actor: packer, packageId: pkg.packageId });

    expect(closed).toMatchObject({ orderStatus: "PACKED", scannedUnits: 3, totalUnits: 3, override: null });
    expect(closed.box).toEqual({ weightGrams: 410, lengthMm: 300, widthMm: 250, heightMm: 30 });
    const row = await testDb().db.package.findUniqueOrThrow({ where: { id: pkg.packageId } });
    expect(row).toMatchObject({
      status: "CLOSED",
      weightGrams: 410,
      lengthMm: 300,
      widthMm: 250,
      heightMm: 30,
      overrideById: null,
      packerId: packer.id,
    });
    expect(row.closedAt).toEqual(closed.closedAt);
    const order = await testDb().db.order.findUniqueOrThrow({ where: { id: pkg.order.id } });
    expect(order).toMatchObject({ status: "PACKED", fulfillmentStatus: "PACKED" });
    const event = await testDb().db.orderEvent.findFirstOrThrow({ where: { orderId: pkg.order.id, type: "order.packed" } });
    expect(event).toMatchObject({ fromStatus: "PICKING", toStatus: "PACKED", actorId: packer.id, actorLabel: "Wagner Armazém" });
    expect(event.data).toMatchObject({
      packageId: pkg.packageId,
      packageNumber: pkg.packageNumber,
      packer: "Wagner Armazém",
      packerId: packer.id,
      durationSeconds: closed.durationSeconds,
      scannedUnits: 3,
      fulfillment: { from: "PICKING", to: "PACKED" },
    });
    expectCode(await domainFailure(closePackage({ actor: packer, packageId: pkg.packageId })), "INVALID_TRANSITION", "PACKAGE_NOT_OPEN");
  });

  it("records the box the packer edited", async () => {
    const pkg = await packageWith([ean(1), ean(1), ean(2)]);
    const closed = await closePackage({ actor: packer, packageId: pkg.packageId, box: { weightGrams: 650, heightMm: 120 } });
    expect(closed.box).toEqual({ weightGrams: 650, lengthMm: 300, widthMm: 250, heightMm: 120 });
    expect(await testDb().db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).toMatchObject({ weightGrams: 650, heightMm: 120 });
  });

  it("closes incomplete only with a valid ADMIN's password and a reason, recording who and why", async () => {
    const pkg = await packageWith([ean(1)]);
    const reason = "Cliente aceitou receber a meia depois";

    const wrong = await domainFailure(
      closePackage({ actor: packer, packageId: pkg.packageId, override: { email: admin.email, password: "nope", reason } }),
    );
    expectCode(wrong, "FORBIDDEN", "OVERRIDE_REFUSED");
    // A warehouse user's own correct password is no supervisor's.
    const notAdmin = await domainFailure(
      closePackage({ actor: packer, packageId: pkg.packageId, override: { email: packer.email, password: ADMIN_PASSWORD, reason } }),
    );
    expectCode(notAdmin, "FORBIDDEN", "OVERRIDE_REFUSED");
    const noReason = await domainFailure(
      closePackage({ actor: packer, packageId: pkg.packageId, override: { email: admin.email, password: ADMIN_PASSWORD, reason: "  " } }),
    );
    expectCode(noReason, "VALIDATION", "OVERRIDE_REASON_REQUIRED");
    expect(await testDb().db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).toMatchObject({ status: "OPEN" });

    const closed = await closePackage({
      actor: packer,
      packageId: pkg.packageId,
      override: { email: ` ${admin.email.toUpperCase()} `, password: ADMIN_PASSWORD, reason: ` ${reason} ` },
    });

    expect(closed).toMatchObject({
      orderStatus: "PACKED",
      scannedUnits: 1,
      totalUnits: 3,
      override: { byId: admin.id, byName: "Ana Admin", reason },
    });
    expect(await testDb().db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).toMatchObject({
      status: "CLOSED",
      overrideById: admin.id,
      overrideReason: reason,
    });
    const event = await testDb().db.orderEvent.findFirstOrThrow({ where: { orderId: pkg.order.id, type: "order.packed" } });
    expect(event.data).toMatchObject({ override: { byId: admin.id, byName: "Ana Admin", reason }, scannedUnits: 1, totalUnits: 3 });
    expect(event.reason).toBe(reason);
  });

  it("throttles repeated wrong override passwords for an administrator", async () => {
    const pkg = await packageWith([]);
    const attempt = (password: string) =>
      closePackage({ actor: packer, packageId: pkg.packageId, override: { email: admin.email, password, reason: "test" } });
    for (let i = 0; i < 5; i++) expectCode(await domainFailure(attempt(`wrong-${i}`)), "FORBIDDEN", "OVERRIDE_REFUSED");
    // Locked now: even the right password waits.
    expectCode(await domainFailure(attempt(ADMIN_PASSWORD)), "FORBIDDEN", "OVERRIDE_THROTTLED");
    expect(await testDb().db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).toMatchObject({ status: "OPEN" });
  });

  it("ignores an override when the package is complete (nothing to override)", async () => {
    const pkg = await packageWith([ean(1), ean(1), ean(2)]);
    const closed = await closePackage({
      actor: packer,
      packageId: pkg.packageId,
      override: { email: admin.email, password: ADMIN_PASSWORD, reason: "just in case" },
    });
    expect(closed.override).toBeNull();
    expect(await testDb().db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).toMatchObject({ overrideById: null, overrideReason: null });
  });

  it("closes a resumed package of an order already PACKED without packing it twice", async () => {
    const order = await createPackOrder(testDb().db, skus, { lines: [{ sku: "MEIA-01", quantity: 1 }], status: "PACKED" });
    await testDb().db.package.create({ data: { orderId: order.id, packerId: packer.id } });
    const pkg = await startPacking({ actor: packer, code: `#${order.number}` });
    await recordScan({ actor: packer, packageId: pkg.packageId, code: ean(2) });

    const closed = await closePackage({ actor: packer, packageId: pkg.packageId });

    expect(closed.orderStatus).toBe("PACKED");
    expect(await testDb().db.orderEvent.count({ where: { orderId: order.id, type: "order.packed" } })).toBe(0);
    const event = await testDb().db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "order.package_closed" } });
    expect(event).toMatchObject({ fromStatus: "PACKED", toStatus: "PACKED", actorId: packer.id });
    expect(event.data).toMatchObject({ packageId: pkg.packageId, scannedUnits: 1 });
  });

  it("keeps the package open when the order cannot be packed (on hold): the state machine decides", async () => {
    const pkg = await packageWith([ean(1), ean(1), ean(2)]);
    await testDb().db.orderHold.create({ data: { orderId: pkg.order.id, reason: "OTHER", note: "check address" } });
    await testDb().db.order.update({ where: { id: pkg.order.id }, data: { onHold: true } });

    expectCode(await domainFailure(closePackage({ actor: packer, packageId: pkg.packageId })), "ORDER_ON_HOLD");
    expect(await testDb().db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).toMatchObject({ status: "OPEN", closedAt: null });
    expect(await testDb().db.order.findUniqueOrThrow({ where: { id: pkg.order.id } })).toMatchObject({ status: "PICKING" });
  });
});
