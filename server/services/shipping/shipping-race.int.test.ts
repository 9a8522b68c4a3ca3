/** Real concurrency (PostgreSQL only): the row locks behind "exactly once". */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createTestDb, testDatabaseUrl, type TestDb } from "@/server/test/test-db";
import { systemActor } from "@/server/services/order/actor";
import { balance } from "@/server/services/stock/stock-test-fixtures";
import { createShipment } from "./create-shipment";
import { detectDeliveryExceptions } from "./detect-delivery-exceptions";
import { recordTrackingEvent } from "./record-tracking-event";
import { insertShipment, invoice, makeCarrier, makeUser, packedOrder, shippedOrder, shippingWorld } from "./shipping-test-factory";

describe.skipIf(!testDatabaseUrl())("shipping under concurrency (PostgreSQL)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.truncate();
  });

  it("two people shipping the same package at once: one shipment, stock consumed once", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 5 }]);
    const carrier = await makeCarrier();
    const o = await packedOrder(w, { lines: [{ sku: "A", quantity: 2 }] });
    await invoice(o.orderId, await makeUser("OPERATOR"));
    const [a, b] = [await makeUser("WAREHOUSE"), await makeUser("ADMIN")];
    const results = await Promise.allSettled(
      [a, b, a, b].map((actor) => createShipment({ actor, input: { packageId: o.packageId, carrierId: carrier.id, service: "SEDEX" } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "DUPLICATE" });
    expect(await db.shipment.count()).toBe(1);
    expect(await db.stockMovement.count({ where: { orderId: o.orderId, type: "SHIPMENT" } })).toBe(1);
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 3, reserved: 0 });
  });

  it("the last two packages of an order delivered at the same moment deliver the order exactly once", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 1 }]);
    const carrier = await makeCarrier();
    for (let round = 0; round < 5; round++) {
      const orderId = await shippedOrder(w);
      const ids = [
        await insertShipment({ orderId, carrierId: carrier.id, trackingNumber: `R${round}A0000` }),
        await insertShipment({ orderId, carrierId: carrier.id, trackingNumber: `R${round}B0000` }),
      ];
      const at = new Date();
      await Promise.all(ids.map((shipmentId) => recordTrackingEvent({ shipmentId, source: "carrier", actor: systemActor("carrier:correios"), event: { externalId: "d", status: "DELIVERED", occurredAt: at } })));
      expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("DELIVERED");
      expect(await db.orderEvent.count({ where: { orderId, type: "order.delivered" } })).toBe(1);
    }
  });

  it("two delay checks at once open one exception per shipment", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 1 }]);
    const carrier = await makeCarrier();
    const orderId = await shippedOrder(w);
    for (let i = 0; i < 20; i++) await insertShipment({ orderId, carrierId: carrier.id, trackingNumber: `S${i}XXXX`, shippedAt: new Date(Date.now() - 10 * 86_400_000) });
    const runs = await Promise.all([detectDeliveryExceptions({}), detectDeliveryExceptions({}), detectDeliveryExceptions({})]);
    expect(runs.reduce((n, r) => n + r.stalled, 0)).toBe(20);
    expect(await db.exception.count({ where: { type: "SHIPMENT_STALLED" } })).toBe(20);
  });
});
