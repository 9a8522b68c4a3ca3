/**
 * The box holds exactly the order's reserved units: the pack station expects,
 * per line, the reserved and unshipped units; a short box closes only with a
 * supervisor's recorded override; shipping consumes exactly what the box
 * holds, once — the rest stays reserved for a second box (partial shipment).
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { systemActor } from "@/server/services/order/actor";
import { closePackage } from "@/server/services/packing/close-package";
import { recordScan } from "@/server/services/packing/record-scan";
import { startPacking } from "@/server/services/packing/start-packing";
import { ADMIN_PASSWORD, createUserWithPassword, domainFailure, expectCode } from "@/server/services/packing/packing-test-fixtures";
import { createShipment } from "@/server/services/shipping/create-shipment";
import { invoice, makeCarrier, makeUser, shippingWorld, ADDRESS } from "@/server/services/shipping/shipping-test-factory";
import { reconcileStock } from "@/server/services/stock/reconcile-stock";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { balance, capture, lines, type World } from "@/server/services/stock/stock-test-fixtures";

const testDb = withTestDb();

const BOX = { weightGrams: 900, lengthMm: 300, widthMm: 200, heightMm: 100 };

/** A captured order with its stock reserved through the stock engine, moved to PICKING (picking is another feature). */
async function pickedOrder(w: World, orderLines: { sku: string; quantity: number }[]): Promise<{ id: string; number: number }> {
  const orderId = await capture(w, { lines: orderLines });
  await reserveOrderStock({ orderId, actor: systemActor("test") });
  return db.order.update({
    where: { id: orderId },
    data: { status: "PICKING", fulfillmentStatus: "PICKING", paymentStatus: "PAID", shippingAddress: ADDRESS },
    select: { id: true, number: true },
  });
}

/** SHIPMENT movements of the order: on-hand delta per SKU id. */
async function shipped(orderId: string): Promise<Record<string, number>> {
  const moved = await db.stockMovement.groupBy({ by: ["skuId"], where: { orderId, type: "SHIPMENT" }, _sum: { onHandDelta: true, reservedDelta: true } });
  for (const m of moved) expect(m._sum.reservedDelta).toBe(m._sum.onHandDelta);
  return Object.fromEntries(moved.map((m) => [m.skuId, m._sum.onHandDelta ?? 0]));
}

async function scanAll(packageId: string, codes: string[]) {
  const packer = await makeUser("WAREHOUSE");
  for (const code of codes) await recordScan({ actor: packer, packageId, code });
}

describe("packing holds exactly the reserved units", () => {
  it("expects the reserved, unshipped units of each line — not the ordered quantity", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 10 }, { sku: "B", onHand: 5 }]);
    const packer = await makeUser("WAREHOUSE");
    const o = await pickedOrder(w, [{ sku: "A", quantity: 3 }, { sku: "B", quantity: 1 }]);
    // One A already left in an earlier shipment, B waits for stock: this box holds 2 × A and nothing else.
    await db.orderLine.updateMany({ where: { orderId: o.id, sku: "A" }, data: { reservedQty: 2, shippedQty: 1 } });
    await db.orderLine.updateMany({ where: { orderId: o.id, sku: "B" }, data: { reservedQty: 0, backorderedQty: 1 } });

    const pkg = await startPacking({ actor: packer, code: `#${o.number}` });
    expect(pkg.lines.map((l) => [l.sku, l.quantity])).toEqual([["A", 2]]);
    expect(pkg.totalUnits).toBe(2);
    await scanAll(pkg.packageId, ["A", "A"]);
    const third = await recordScan({ actor: packer, packageId: pkg.packageId, code: "A" });
    expect(third.result).toBe("OVER_SCAN");
    const b = await recordScan({ actor: packer, packageId: pkg.packageId, code: "B" });
    expect(b.accepted).toBe(false);

    const closed = await closePackage({ actor: packer, packageId: pkg.packageId, box: BOX });
    expect(closed).toMatchObject({ scannedUnits: 2, totalUnits: 2, override: null, orderStatus: "PACKED" });
  });

  it("refuses to close a short box without an override, and records who overrode and why", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 10 }]);
    const packer = await makeUser("WAREHOUSE");
    const admin = await createUserWithPassword(testDb().db, "ADMIN", "Ana Admin");
    const o = await pickedOrder(w, [{ sku: "A", quantity: 3 }]);
    const pkg = await startPacking({ actor: packer, code: `#${o.number}` });
    await scanAll(pkg.packageId, ["A", "A"]);

    const e = await domainFailure(closePackage({ actor: packer, packageId: pkg.packageId, box: BOX }));
    expectCode(e, "GUARD_FAILED", "PACKAGE_INCOMPLETE");
    expect(e.params.remainingUnits).toBe(1);
    expect((await db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).status).toBe("OPEN");
    expect((await db.order.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("PICKING");

    const closed = await closePackage({
      actor: packer,
      packageId: pkg.packageId,
      box: BOX,
      override: { email: admin.email, password: ADMIN_PASSWORD, reason: "third unit damaged" },
    });
    expect(closed.override).toMatchObject({ byId: admin.id, reason: "third unit damaged" });
    const row = await db.package.findUniqueOrThrow({ where: { id: pkg.packageId } });
    expect(row).toMatchObject({ status: "CLOSED", overrideById: admin.id, overrideReason: "third unit damaged" });
  });

  it("refuses to close a box that holds more than the order still has reserved", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 10 }]);
    const packer = await makeUser("WAREHOUSE");
    const admin = await createUserWithPassword(testDb().db, "ADMIN", "Ana Admin");
    const o = await pickedOrder(w, [{ sku: "A", quantity: 2 }]);
    const pkg = await startPacking({ actor: packer, code: `#${o.number}` });
    await scanAll(pkg.packageId, ["A", "A"]);
    // Part of the reservation went back after the scans (e.g. a short pick elsewhere).
    await db.orderLine.updateMany({ where: { orderId: o.id }, data: { reservedQty: 1, backorderedQty: 1 } });
    const override = { email: admin.email, password: ADMIN_PASSWORD, reason: "ship what we have" };
    const e = await domainFailure(closePackage({ actor: packer, packageId: pkg.packageId, box: BOX, override }));
    expectCode(e, "GUARD_FAILED", "PACKAGE_OVER_RESERVED");
    expect((await db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).status).toBe("OPEN");
  });
});

describe("shipping consumes exactly what the box holds, once", () => {
  it("consumes the scanned units per SKU, and a second shipment of the box consumes nothing", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 10 }, { sku: "B", onHand: 4 }]);
    const [packer, op, wh] = [await makeUser("WAREHOUSE"), await makeUser("OPERATOR"), await makeUser("WAREHOUSE")];
    const carrier = await makeCarrier();
    const o = await pickedOrder(w, [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 3 }]);
    const pkg = await startPacking({ actor: packer, code: `#${o.number}` });
    await scanAll(pkg.packageId, ["A", "B", "A", "B", "B"]);
    await closePackage({ actor: packer, packageId: pkg.packageId, box: BOX });
    await invoice(o.id, op);

    const r = await createShipment({ actor: wh, input: { packageId: pkg.packageId, carrierId: carrier.id, service: "SEDEX" } });
    expect(r).toMatchObject({ orderStatus: "SHIPPED", partial: false });

    const moved = await db.stockMovement.groupBy({ by: ["skuId"], where: { orderId: o.id, type: "SHIPMENT" }, _sum: { onHandDelta: true, reservedDelta: true } });
    const bySku = Object.fromEntries(moved.map((m) => [m.skuId, m._sum]));
    expect(bySku[w.sku.A as string]).toEqual({ onHandDelta: -2, reservedDelta: -2 });
    expect(bySku[w.sku.B as string]).toEqual({ onHandDelta: -3, reservedDelta: -3 });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 8, reserved: 0 });
    expect(await balance(w, "B", "SP1")).toMatchObject({ onHand: 1, reserved: 0 });
    expect(await lines(o.id)).toEqual([
      { sku: "A", quantity: 2, reservedQty: 0, backorderedQty: 0, shippedQty: 2 },
      { sku: "B", quantity: 3, reservedQty: 0, backorderedQty: 0, shippedQty: 3 },
    ]);
    expect(await db.reservation.count({ where: { orderId: o.id, status: "ACTIVE" } })).toBe(0);

    const movesBefore = await db.stockMovement.count({ where: { orderId: o.id } });
    const again = await domainFailure(createShipment({ actor: wh, input: { packageId: pkg.packageId, carrierId: carrier.id, service: "SEDEX" } }));
    expectCode(again, "DUPLICATE", "PACKAGE_ALREADY_SHIPPED");
    expect(await db.stockMovement.count({ where: { orderId: o.id } })).toBe(movesBefore);
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 8, reserved: 0 });
  });

  it("a box closed short by override ships alone; the unit left stays reserved and a second box completes the order", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 10 }, { sku: "B", onHand: 4 }]);
    const [packer, op, wh] = [await makeUser("WAREHOUSE"), await makeUser("OPERATOR"), await makeUser("WAREHOUSE")];
    const admin = await createUserWithPassword(testDb().db, "ADMIN", "Ana Admin");
    const carrier = await makeCarrier();
    const o = await pickedOrder(w, [{ sku: "A", quantity: 3 }, { sku: "B", quantity: 1 }]);
    const first = await startPacking({ actor: packer, code: `#${o.number}` });
    await scanAll(first.packageId, ["A", "B", "A"]);
    await closePackage({ actor: packer, packageId: first.packageId, box: BOX, override: { email: admin.email, password: ADMIN_PASSWORD, reason: "third unit damaged" } });
    // Nothing else is packed while the short box waits for its NF-e and carrier.
    expectCode(await domainFailure(startPacking({ actor: packer, code: `#${o.number}` })), "INVALID_TRANSITION", "PACK_NOT_READY");
    await invoice(o.id, op);

    const r1 = await createShipment({ actor: wh, input: { packageId: first.packageId, carrierId: carrier.id, service: "SEDEX" } });
    expect(r1).toMatchObject({ orderStatus: "INVOICED", partial: true });
    expect(await db.order.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ status: "INVOICED", fulfillmentStatus: "PARTIALLY_SHIPPED" });
    expect(await shipped(o.id)).toEqual({ [w.sku.A as string]: -2, [w.sku.B as string]: -1 });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 8, reserved: 1 });
    expect(await balance(w, "B", "SP1")).toMatchObject({ onHand: 3, reserved: 0 });
    expect(await lines(o.id)).toEqual([
      { sku: "A", quantity: 3, reservedQty: 1, backorderedQty: 0, shippedQty: 2 },
      { sku: "B", quantity: 1, reservedQty: 0, backorderedQty: 0, shippedQty: 1 },
    ]);
    const active = await db.reservation.findMany({ where: { orderId: o.id, status: "ACTIVE" }, select: { skuId: true, quantity: true } });
    expect(active).toEqual([{ skuId: w.sku.A, quantity: 1 }]);
    expect((await reconcileStock()).ok).toBe(true);
    const partialEvent = await db.orderEvent.findFirst({ where: { orderId: o.id, type: "order.partially_shipped" } });
    expect(partialEvent).toMatchObject({ fromStatus: "INVOICED", toStatus: "INVOICED", actorLabel: wh.name });
    expect(partialEvent?.data).toMatchObject({ package: first.packageNumber, units: 3, fulfillment: { from: "PACKED", to: "PARTIALLY_SHIPPED" } });

    // Shipping the same box again (a retry, a second tab) consumes nothing.
    const movesBefore = await db.stockMovement.count({ where: { orderId: o.id } });
    expectCode(await domainFailure(createShipment({ actor: wh, input: { packageId: first.packageId, carrierId: carrier.id, service: "SEDEX" } })), "DUPLICATE", "PACKAGE_ALREADY_SHIPPED");
    expect(await db.stockMovement.count({ where: { orderId: o.id } })).toBe(movesBefore);
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 8, reserved: 1 });

    // The pack station opens a second box for the unit still reserved, and nothing else.
    const second = await startPacking({ actor: packer, code: `#${o.number}` });
    expect(second).toMatchObject({ resumed: false, totalUnits: 1 });
    expect(second.packageId).not.toBe(first.packageId);
    expect(second.lines.map((l) => [l.sku, l.quantity])).toEqual([["A", 1]]);
    expect((await recordScan({ actor: packer, packageId: second.packageId, code: "B" })).accepted).toBe(false);
    await scanAll(second.packageId, ["A"]);
    const closed = await closePackage({ actor: packer, packageId: second.packageId, box: BOX });
    expect(closed).toMatchObject({ orderStatus: "INVOICED", override: null, scannedUnits: 1, totalUnits: 1 });
    // While that box waits for the carrier, no third box can take the same reserved unit.
    const waiting = await domainFailure(startPacking({ actor: packer, code: `#${o.number}` }));
    expectCode(waiting, "GUARD_FAILED", "PACKAGE_AWAITING_SHIPMENT");
    expect(waiting.params.package).toBe(closed.packageNumber);

    const r2 = await createShipment({ actor: wh, input: { packageId: second.packageId, carrierId: carrier.id, service: "SEDEX" } });
    expect(r2).toMatchObject({ orderStatus: "SHIPPED", partial: false });
    expect(await db.order.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ status: "SHIPPED", fulfillmentStatus: "SHIPPED" });
    expect(await shipped(o.id)).toEqual({ [w.sku.A as string]: -3, [w.sku.B as string]: -1 });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 7, reserved: 0 });
    expect((await lines(o.id)).map((l) => [l.sku, l.reservedQty, l.shippedQty])).toEqual([["A", 0, 3], ["B", 0, 1]]);
    expect(await db.reservation.count({ where: { orderId: o.id, status: "ACTIVE" } })).toBe(0);
    expect(await db.reservation.aggregate({ where: { orderId: o.id, status: "CONSUMED" }, _sum: { quantity: true } })).toEqual({ _sum: { quantity: 4 } });
    expect(await db.shipment.count({ where: { orderId: o.id } })).toBe(2);
    const report = await reconcileStock();
    expect(report.drift).toEqual([]);
    expect(report.ok).toBe(true);
    const types = (await db.orderEvent.findMany({ where: { orderId: o.id }, orderBy: { id: "asc" }, select: { type: true } })).map((e) => e.type);
    expect(types.slice(-5)).toEqual(["shipment.created", "order.partially_shipped", "order.package_closed", "shipment.created", "order.shipped"]);
  });

  it("does not open a new box while a shipped-short order has nothing reserved left", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 2 }]);
    const [packer, op, wh] = [await makeUser("WAREHOUSE"), await makeUser("OPERATOR"), await makeUser("WAREHOUSE")];
    const carrier = await makeCarrier();
    const o = await pickedOrder(w, [{ sku: "A", quantity: 3 }]);
    const pkg = await startPacking({ actor: packer, code: `#${o.number}` });
    await scanAll(pkg.packageId, ["A", "A"]);
    await closePackage({ actor: packer, packageId: pkg.packageId, box: BOX });
    await invoice(o.id, op);
    expect(await createShipment({ actor: wh, input: { packageId: pkg.packageId, carrierId: carrier.id, service: "SEDEX" } })).toMatchObject({ partial: true });

    const e = await domainFailure(startPacking({ actor: packer, code: `#${o.number}` }));
    expectCode(e, "GUARD_FAILED", "NOTHING_TO_PACK");
    expect(await db.package.count({ where: { orderId: o.id } })).toBe(1);
    expect((await reconcileStock()).ok).toBe(true);
  });
});
