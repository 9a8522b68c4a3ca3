import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { balance, lines } from "@/server/services/stock/stock-test-fixtures";
import { isValidS10 } from "./carriers/s10";
import { createShipment } from "./create-shipment";
import { invoice, makeCarrier, makeUser, packedOrder, shippingWorld, timeline } from "./shipping-test-factory";

withTestDb();

const shipmentMoves = (orderId: string) => db.stockMovement.findMany({ where: { orderId, type: "SHIPMENT" }, orderBy: { id: "asc" } });

describe("createShipment", () => {
  it("ships a CLOSED package of an INVOICED order: S10 tracking number, package SHIPPED, order SHIPPED, stock consumed once", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 10 }, { sku: "B", onHand: 4 }]);
    const [op, wh] = [await makeUser("OPERATOR"), await makeUser("WAREHOUSE")];
    const carrier = await makeCarrier();
    const o = await packedOrder(w, { lines: [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }], scans: { A: 2, B: 1 } });
    await invoice(o.orderId, op);
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 10, reserved: 2 });

    const r = await createShipment({ actor: wh, input: { packageId: o.packageId, carrierId: carrier.id, service: "sedex" } });

    expect(r).toMatchObject({ orderId: o.orderId, orderStatus: "SHIPPED", partial: false });
    expect(isValidS10(r.trackingNumber)).toBe(true);
    expect(r.trackingNumber.startsWith("SS")).toBe(true);
    const s = await db.shipment.findUniqueOrThrow({ where: { id: r.shipmentId } });
    expect(s).toMatchObject({ packageId: o.packageId, carrierId: carrier.id, service: "SEDEX", status: "CREATED", createdById: wh.id });
    expect(s.shippedAt).toBeInstanceOf(Date);
    expect((await db.package.findUniqueOrThrow({ where: { id: o.packageId } })).status).toBe("SHIPPED");
    const order = await db.order.findUniqueOrThrow({ where: { id: o.orderId } });
    expect(order).toMatchObject({ status: "SHIPPED", fulfillmentStatus: "SHIPPED" });

    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 8, reserved: 0 });
    expect(await balance(w, "B", "SP1")).toMatchObject({ onHand: 3, reserved: 0 });
    const moves = await shipmentMoves(o.orderId);
    expect(moves.map((m) => [m.skuId, m.onHandDelta, m.reservedDelta])).toEqual(
      expect.arrayContaining([[w.sku.A, -2, -2], [w.sku.B, -1, -1]]),
    );
    expect(moves).toHaveLength(2);
    expect((await lines(o.orderId)).map((l) => [l.sku, l.shippedQty, l.reservedQty])).toEqual([["A", 2, 0], ["B", 1, 0]]);

    const events = await timeline(o.orderId);
    const created = events.find((e) => e.type === "shipment.created");
    expect(created).toMatchObject({ actorLabel: wh.name, data: expect.objectContaining({ trackingNumber: r.trackingNumber, carrier: "Correios", service: "SEDEX" }) });
    expect(events.at(-1)).toMatchObject({ type: "order.shipped", fromStatus: "INVOICED", toStatus: "SHIPPED", actorLabel: wh.name });
  });

  it("a second call for the same package fails clearly and consumes nothing again", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 5 }]);
    const [op, wh] = [await makeUser("OPERATOR"), await makeUser("WAREHOUSE")];
    const carrier = await makeCarrier();
    const o = await packedOrder(w, { lines: [{ sku: "A", quantity: 3 }] });
    await invoice(o.orderId, op);
    const first = await createShipment({ actor: wh, input: { packageId: o.packageId, carrierId: carrier.id, service: "PAC" } });
    expect(first.trackingNumber.startsWith("PN")).toBe(true);

    const again = createShipment({ actor: wh, input: { packageId: o.packageId, carrierId: carrier.id, service: "PAC" } });
    await expect(again).rejects.toMatchObject({ code: "DUPLICATE", params: { rule: "PACKAGE_ALREADY_SHIPPED", trackingNumber: first.trackingNumber } });
    await expect(again).rejects.toThrow(/already has a shipment/);
    expect(await db.shipment.count()).toBe(1);
    expect(await shipmentMoves(o.orderId)).toHaveLength(1);
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 2, reserved: 0 });
    expect((await lines(o.orderId))[0]).toMatchObject({ shippedQty: 3 });
  });

  it("refuses a package whose order has no NF-e yet, telling to register the invoice", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 5 }]);
    const wh = await makeUser("WAREHOUSE");
    const carrier = await makeCarrier();
    const o = await packedOrder(w, { lines: [{ sku: "A", quantity: 1 }] });

    const attempt = createShipment({ actor: wh, input: { packageId: o.packageId, carrierId: carrier.id, service: "SEDEX" } });
    await expect(attempt).rejects.toMatchObject({ code: "GUARD_FAILED", params: { rule: "INVOICE_REQUIRED", current: "PACKED", order: o.orderNumber } });
    await expect(attempt).rejects.toThrow(/register the invoice/);
    expect(await db.shipment.count()).toBe(0);
    expect((await db.package.findUniqueOrThrow({ where: { id: o.packageId } })).status).toBe("CLOSED");
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 5, reserved: 1 });
    expect(await shipmentMoves(o.orderId)).toHaveLength(0);
  });

  it("a partial shipment leaves the order INVOICED and PARTIALLY_SHIPPED, per line", async () => {
    // B has no stock: backordered, not in the box.
    const w = await shippingWorld([{ sku: "A", onHand: 5 }, { sku: "B", onHand: 0 }]);
    const [op, wh] = [await makeUser("OPERATOR"), await makeUser("WAREHOUSE")];
    const carrier = await makeCarrier();
    const o = await packedOrder(w, { lines: [{ sku: "A", quantity: 2 }, { sku: "B", quantity: 1 }], scans: { A: 2 } });
    await invoice(o.orderId, op);

    const r = await createShipment({ actor: wh, input: { packageId: o.packageId, carrierId: carrier.id, service: "SEDEX" } });

    expect(r).toMatchObject({ orderStatus: "INVOICED", partial: true });
    expect(await db.order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({ status: "INVOICED", fulfillmentStatus: "PARTIALLY_SHIPPED" });
    expect((await lines(o.orderId)).map((l) => [l.sku, l.shippedQty])).toEqual([["A", 2], ["B", 0]]);
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 3, reserved: 0 });
    expect((await timeline(o.orderId)).at(-1)).toMatchObject({ type: "order.partially_shipped", toStatus: "INVOICED" });
  });

  it("ships a box that holds only part of a line's reserved units: only those are consumed, the rest stays reserved", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 5 }]);
    const [op, wh] = [await makeUser("OPERATOR"), await makeUser("WAREHOUSE")];
    const carrier = await makeCarrier();
    const o = await packedOrder(w, { lines: [{ sku: "A", quantity: 3 }], scans: { A: 2 } });
    await invoice(o.orderId, op);
    const r = await createShipment({ actor: wh, input: { packageId: o.packageId, carrierId: carrier.id, service: "SEDEX" } });
    expect(r).toMatchObject({ orderStatus: "INVOICED", partial: true });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 3, reserved: 1 });
    expect((await shipmentMoves(o.orderId)).map((m) => [m.onHandDelta, m.reservedDelta])).toEqual([[-2, -2]]);
    expect((await lines(o.orderId))[0]).toMatchObject({ reservedQty: 1, shippedQty: 2 });
    expect(await db.reservation.findMany({ where: { orderId: o.orderId, status: "ACTIVE" }, select: { quantity: true } })).toEqual([{ quantity: 1 }]);
  });

  it("MANUAL carriers take the typed tracking number, unique per carrier", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 5 }]);
    const [op, wh] = [await makeUser("OPERATOR"), await makeUser("ADMIN")];
    const moto = await makeCarrier({ code: "motoboy", name: "Motoboy", kind: "MANUAL", services: ["Mesmo dia"] });
    const a = await packedOrder(w, { lines: [{ sku: "A", quantity: 1 }] });
    const b = await packedOrder(w, { lines: [{ sku: "A", quantity: 1 }] });
    for (const o of [a, b]) await invoice(o.orderId, op);

    await expect(createShipment({ actor: wh, input: { packageId: a.packageId, carrierId: moto.id, service: "Mesmo dia" } })).rejects.toMatchObject({
      code: "VALIDATION",
      params: { field: "trackingNumber" },
    });
    const r = await createShipment({ actor: wh, input: { packageId: a.packageId, carrierId: moto.id, service: "mesmo dia", trackingNumber: " mb-0001 " } });
    expect(r.trackingNumber).toBe("MB-0001");
    await expect(createShipment({ actor: wh, input: { packageId: b.packageId, carrierId: moto.id, service: "Mesmo dia", trackingNumber: "MB-0001" } })).rejects.toMatchObject({
      code: "DUPLICATE",
      params: { rule: "TRACKING_NUMBER_TAKEN" },
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: b.orderId } })).status).toBe("INVOICED");
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 4, reserved: 1 });
  });

  it("refuses an open package, an inactive carrier and a service the carrier does not offer", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 5 }]);
    const [op, wh] = [await makeUser("OPERATOR"), await makeUser("WAREHOUSE")];
    const carrier = await makeCarrier();
    const off = await makeCarrier({ code: "velha", name: "Velha", kind: "GENERIC", services: ["Normal"], active: false });
    const o = await packedOrder(w, { lines: [{ sku: "A", quantity: 1 }] });
    await invoice(o.orderId, op);
    const input = { packageId: o.packageId, carrierId: carrier.id, service: "SEDEX" };
    await expect(createShipment({ actor: wh, input: { ...input, service: "Jato" } })).rejects.toMatchObject({ code: "VALIDATION", params: { field: "service" } });
    await expect(createShipment({ actor: wh, input: { ...input, carrierId: off.id, service: "Normal" } })).rejects.toMatchObject({ params: { rule: "CARRIER_INACTIVE" } });
    await db.package.update({ where: { id: o.packageId }, data: { status: "OPEN" } });
    await expect(createShipment({ actor: wh, input })).rejects.toMatchObject({ code: "GUARD_FAILED", params: { rule: "PACKAGE_NOT_CLOSED" } });
    expect(await db.shipment.count()).toBe(0);
  });
});

describe("shipping.create (router)", () => {
  it("lets WAREHOUSE and ADMIN create shipments and refuses OPERATOR and MANAGER", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 5 }]);
    const op = await makeUser("OPERATOR");
    const carrier = await makeCarrier();
    const o = await packedOrder(w, { lines: [{ sku: "A", quantity: 1 }] });
    await invoice(o.orderId, op);
    const input = { packageId: o.packageId, carrierId: carrier.id, service: "SEDEX" };
    for (const role of ["OPERATOR", "MANAGER"] as const) {
      await expect(createCaller({ user: await makeUser(role) }).shipping.create(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const ready = await createCaller({ user: await makeUser("WAREHOUSE") }).shipping.readyPackages({});
    expect(ready.ready.map((p) => p.id)).toEqual([o.packageId]);
    const r = await createCaller({ user: await makeUser("WAREHOUSE") }).shipping.create(input);
    expect(r.orderStatus).toBe("SHIPPED");
    expect((await createCaller({ user: await makeUser("WAREHOUSE") }).shipping.readyPackages({})).ready).toEqual([]);
  });

  it("answers a not-invoiced package with PRECONDITION_FAILED and the rule for the UI", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 5 }]);
    const carrier = await makeCarrier();
    const o = await packedOrder(w, { lines: [{ sku: "A", quantity: 1 }] });
    const caller = createCaller({ user: await makeUser("ADMIN") });
    expect((await caller.shipping.readyPackages({})).awaitingInvoice.map((p) => p.id)).toEqual([o.packageId]);
    await expect(caller.shipping.create({ packageId: o.packageId, carrierId: carrier.id, service: "SEDEX" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      cause: expect.objectContaining({ code: "GUARD_FAILED", params: expect.objectContaining({ rule: "INVOICE_REQUIRED" }) }),
    });
  });
});
