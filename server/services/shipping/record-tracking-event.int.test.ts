import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { systemActor } from "@/server/services/order/actor";
import { recordTrackingEvent, TRACKING_CLOCK_SKEW_MS, type TrackingEventInput } from "./record-tracking-event";
import { createShipment } from "./create-shipment";
import { insertShipment, invoice, makeCarrier, makeUser, packedOrder, shippedOrder, shippingWorld, timeline } from "./shipping-test-factory";

withTestDb();

const carrierActor = systemActor("carrier:correios");
const at = (iso: string) => new Date(iso);
const event = (externalId: string, status: TrackingEventInput["status"], occurredAt: string, extra: Partial<TrackingEventInput> = {}): TrackingEventInput => ({
  externalId,
  status,
  occurredAt: at(occurredAt),
  ...extra,
});
const record = (shipmentId: string, e: TrackingEventInput) => recordTrackingEvent({ shipmentId, event: e, source: "carrier", actor: carrierActor });

async function oneShipment() {
  const w = await shippingWorld([{ sku: "A", onHand: 5 }]);
  const carrier = await makeCarrier();
  const orderId = await shippedOrder(w);
  const shipmentId = await insertShipment({ orderId, carrierId: carrier.id, trackingNumber: "SS123456785BR", shippedAt: at("2026-03-01T12:00:00Z") });
  return { w, carrier, orderId, shipmentId };
}

describe("recordTrackingEvent", () => {
  it("stores an event once: the same event id again is a no-op", async () => {
    const { orderId, shipmentId } = await oneShipment();
    const e = event("ev-1", "IN_TRANSIT", "2026-03-02T10:00:00Z", { location: "Cajamar / SP", description: "Objeto postado" });
    expect(await record(shipmentId, e)).toMatchObject({ result: "stored", status: "IN_TRANSIT", applied: true });
    expect(await record(shipmentId, e)).toMatchObject({ result: "duplicate", status: "IN_TRANSIT", applied: false });
    expect(await db.trackingEvent.count({ where: { shipmentId } })).toBe(1);
    const tracking = (await timeline(orderId)).filter((x) => x.type === "shipment.tracking");
    expect(tracking).toHaveLength(1);
    expect(tracking[0]).toMatchObject({
      actorLabel: "carrier:correios",
      data: expect.objectContaining({ status: "IN_TRANSIT", location: "Cajamar / SP", description: "Objeto postado", trackingNumber: "SS123456785BR" }),
    });
    expect(await db.shipment.findUniqueOrThrow({ where: { id: shipmentId } })).toMatchObject({ status: "IN_TRANSIT", lastEventAt: at("2026-03-02T10:00:00Z") });
  });

  it("keeps an older event as history: DELIVERED then an older IN_TRANSIT stays DELIVERED", async () => {
    const { orderId, shipmentId } = await oneShipment();
    await record(shipmentId, event("ev-d", "DELIVERED", "2026-03-04T15:00:00Z"));
    const late = await record(shipmentId, event("ev-t", "IN_TRANSIT", "2026-03-02T09:00:00Z"));
    expect(late).toMatchObject({ result: "stored", status: "DELIVERED", applied: false });
    expect(await db.shipment.findUniqueOrThrow({ where: { id: shipmentId } })).toMatchObject({
      status: "DELIVERED",
      lastEventAt: at("2026-03-04T15:00:00Z"),
      deliveredAt: at("2026-03-04T15:00:00Z"),
    });
    expect(await db.trackingEvent.count({ where: { shipmentId } })).toBe(2);
    const tracking = (await timeline(orderId)).filter((x) => x.type === "shipment.tracking");
    expect(tracking.map((x) => (x.data as { applied: boolean }).applied)).toEqual([true, false]);
  });

  it("DELIVERED delivers the order (system actor carrier:<code>) with a timeline event", async () => {
    const { orderId, shipmentId } = await oneShipment();
    const r = await record(shipmentId, event("ev-d", "DELIVERED", "2026-03-04T15:00:00Z"));
    expect(r.orderDelivered).toBe(true);
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "DELIVERED", fulfillmentStatus: "DELIVERED" });
    expect((await timeline(orderId)).at(-1)).toMatchObject({ type: "order.delivered", fromStatus: "SHIPPED", toStatus: "DELIVERED", actorLabel: "carrier:correios" });
  });

  it("delivers the order only when every shipment of it is delivered", async () => {
    const { carrier, orderId, shipmentId } = await oneShipment();
    const second = await insertShipment({ orderId, carrierId: carrier.id, trackingNumber: "PN000000080BR" });
    await record(shipmentId, event("a", "DELIVERED", "2026-03-04T15:00:00Z"));
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("SHIPPED");
    expect((await record(second, event("b", "DELIVERED", "2026-03-05T11:00:00Z"))).orderDelivered).toBe(true);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("DELIVERED");
    expect((await timeline(orderId)).filter((e) => e.type === "order.delivered")).toHaveLength(1);
  });

  it("does not deliver an order that still has items to ship", async () => {
    const w = await shippingWorld([{ sku: "A", onHand: 5 }, { sku: "B", onHand: 0 }]);
    const carrier = await makeCarrier();
    const o = await packedOrder(w, { lines: [{ sku: "A", quantity: 1 }, { sku: "B", quantity: 1 }], scans: { A: 1 } });
    await invoice(o.orderId, await makeUser("OPERATOR"));
    const s = await createShipment({ actor: await makeUser("WAREHOUSE"), input: { packageId: o.packageId, carrierId: carrier.id, service: "SEDEX" } });
    const r = await record(s.shipmentId, event("d", "DELIVERED", new Date().toISOString()));
    expect(r).toMatchObject({ status: "DELIVERED", orderDelivered: false });
    expect(await db.order.findUniqueOrThrow({ where: { id: o.orderId } })).toMatchObject({ status: "INVOICED", fulfillmentStatus: "PARTIALLY_SHIPPED" });
  });

  it("a failed attempt opens one exception with a timeline event; delivery resolves it", async () => {
    const { orderId, shipmentId } = await oneShipment();
    await record(shipmentId, event("f1", "DELIVERY_FAILED", "2026-03-03T14:00:00Z", { description: "Destinatário ausente" }));
    await record(shipmentId, event("o2", "OUT_FOR_DELIVERY", "2026-03-04T08:00:00Z"));
    await record(shipmentId, event("f2", "DELIVERY_FAILED", "2026-03-04T14:00:00Z"));
    const open = await db.exception.findMany({ where: { orderId } });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ type: "DELIVERY_FAILED", status: "OPEN", shipmentId, data: expect.objectContaining({ shipmentId, trackingNumber: "SS123456785BR" }) });
    expect(open[0]?.message).toContain("Destinatário ausente");
    const exceptionEvents = (await timeline(orderId)).filter((e) => e.type === "shipment.exception");
    expect(exceptionEvents).toHaveLength(1);
    expect(exceptionEvents[0]).toMatchObject({ data: expect.objectContaining({ exceptionType: "DELIVERY_FAILED", shipmentId }) });

    await record(shipmentId, event("d", "DELIVERED", "2026-03-05T10:00:00Z"));
    expect(await db.exception.findFirstOrThrow({ where: { orderId } })).toMatchObject({
      status: "RESOLVED",
      resolvedAt: expect.any(Date),
      resolvedById: null,
      resolutionNote: expect.stringContaining("DELIVERED"),
    });
  });

  it("returned to sender opens an exception and leaves the order SHIPPED", async () => {
    const { orderId, shipmentId } = await oneShipment();
    await record(shipmentId, event("r", "RETURNED_TO_SENDER", "2026-03-09T10:00:00Z"));
    expect(await db.exception.findFirstOrThrow({ where: { orderId } })).toMatchObject({ type: "RETURNED_TO_SENDER", status: "OPEN" });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("SHIPPED");
  });
});

describe("shipping.addEvent (router)", () => {
  it("lets WAREHOUSE type an event (timeline names them) and refuses MANAGER", async () => {
    const { orderId, shipmentId } = await oneShipment();
    const wh = await makeUser("WAREHOUSE");
    const input = { shipmentId, status: "OUT_FOR_DELIVERY" as const, occurredAt: new Date(Date.now() - 60_000), location: "São Paulo / SP" };
    await expect(createCaller({ user: await makeUser("MANAGER") }).shipping.addEvent(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const r = await createCaller({ user: wh }).shipping.addEvent(input);
    expect(r).toMatchObject({ result: "stored", status: "OUT_FOR_DELIVERY", applied: true });
    const row = await db.trackingEvent.findFirstOrThrow({ where: { shipmentId } });
    expect(row).toMatchObject({ source: "manual", location: "São Paulo / SP" });
    expect(row.externalId).toMatch(/^manual:/);
    expect((await timeline(orderId)).at(-1)).toMatchObject({ type: "shipment.tracking", actorLabel: wh.name });
    await expect(createCaller({ user: wh }).shipping.addEvent({ ...input, occurredAt: new Date(Date.now() + 3 * 86_400_000) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("the shipment detail lists events newest first and the open exceptions", async () => {
    const { shipmentId } = await oneShipment();
    await record(shipmentId, event("1", "IN_TRANSIT", "2026-03-02T10:00:00Z"));
    await record(shipmentId, event("2", "DELIVERY_FAILED", "2026-03-03T10:00:00Z"));
    await record(shipmentId, event("3", "IN_TRANSIT", "2026-03-01T18:00:00Z"));
    const d = await createCaller({ user: await makeUser("MANAGER") }).shipping.get({ id: shipmentId });
    expect(d.events.map((e) => [e.status, e.applied])).toEqual([["DELIVERY_FAILED", true], ["IN_TRANSIT", true], ["IN_TRANSIT", false]]);
    expect(d.exceptions).toEqual([expect.objectContaining({ type: "DELIVERY_FAILED", status: "OPEN" })]);
    // The router keeps the sentence the page shows in the reader's language.
    expect(d.exceptions[0]?.text).toMatchObject({ key: "DELIVERY_FAILED", params: { shipment: expect.stringMatching(/\S+ \S+/) } });
    expect(d.recipient).toMatchObject({ name: "Maria Silva", city: "São Paulo", postalCode: "05422-010" });
  });

  it("refuses an event dated before its order was placed (a typed year, a wrong clock) and stores nothing", async () => {
    const { orderId, shipmentId } = await oneShipment();
    const { placedAt, number } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { placedAt: true, number: true } });
    const before = new Date(placedAt.getTime() - TRACKING_CLOCK_SKEW_MS - 60_000).toISOString();
    await expect(record(shipmentId, event("ev-old", "IN_TRANSIT", before))).rejects.toMatchObject({
      code: "VALIDATION",
      params: { rule: "TRACKING_BEFORE_ORDER", field: "occurredAt", order: number },
    });
    expect(await db.trackingEvent.count({ where: { shipmentId } })).toBe(0);
    // Within the clock allowance it is news like any other.
    const near = new Date(placedAt.getTime() - TRACKING_CLOCK_SKEW_MS + 60_000).toISOString();
    expect(await record(shipmentId, event("ev-near", "IN_TRANSIT", near))).toMatchObject({ result: "stored", applied: true });
  });
});
