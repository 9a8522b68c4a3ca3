import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { systemActor } from "@/server/services/order/actor";
import { detectDeliveryExceptions } from "./detect-delivery-exceptions";
import { recordTrackingEvent } from "./record-tracking-event";
import { insertShipment, makeCarrier, makeUser, shippedOrder, shippingWorld, timeline } from "./shipping-test-factory";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/session", () => ({ currentUser: async () => session.user }));
const job = await import("@/app/api/jobs/shipping-exceptions/route");

withTestDb();
beforeEach(async () => {
  session.user = null;
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const DAY = 86_400_000;
const now = new Date("2026-03-20T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

async function setup() {
  const w = await shippingWorld([{ sku: "A", onHand: 5 }]);
  const carrier = await makeCarrier();
  return { w, carrier };
}

describe("detectDeliveryExceptions", () => {
  it("flags a shipment without movement for N days, once, and a new event resolves it", async () => {
    const { w, carrier } = await setup();
    const orderId = await shippedOrder(w);
    const stalled = await insertShipment({ orderId, carrierId: carrier.id, trackingNumber: "SS000000080BR", shippedAt: daysAgo(6), lastEventAt: daysAgo(4) });
    const moving = await insertShipment({ orderId, carrierId: carrier.id, trackingNumber: "SS000000001BR", shippedAt: daysAgo(6), lastEventAt: daysAgo(1) });
    const silent = await insertShipment({ orderId, carrierId: carrier.id, trackingNumber: "SS000000002BR", shippedAt: daysAgo(5) });
    await insertShipment({ orderId, carrierId: carrier.id, trackingNumber: "SS000000003BR", shippedAt: daysAgo(9), lastEventAt: daysAgo(8), status: "DELIVERED" });

    expect(await detectDeliveryExceptions({ now, stalledDays: 3 })).toEqual({ stalled: 2, late: 0, more: false });
    expect(await detectDeliveryExceptions({ now, stalledDays: 3 })).toEqual({ stalled: 0, late: 0, more: false });
    const rows = await db.exception.findMany({ where: { type: "SHIPMENT_STALLED" } });
    expect(rows.map((r) => (r.data as { shipmentId: string }).shipmentId).sort()).toEqual([stalled, silent].sort());
    expect(rows.map((r) => r.shipmentId).sort()).toEqual([stalled, silent].sort());
    expect(rows.every((r) => r.status === "OPEN")).toBe(true);
    expect(rows.map((r) => r.message).join(" ")).toContain("no tracking movement");
    expect((await timeline(orderId)).filter((e) => e.type === "shipment.exception")).toHaveLength(2);
    void moving;

    // A longer threshold flags nothing more; a movement closes the exception.
    expect((await detectDeliveryExceptions({ now, stalledDays: 10 })).stalled).toBe(0);
    await recordTrackingEvent({ shipmentId: stalled, source: "carrier", actor: systemActor("carrier:correios"), event: { externalId: "x", status: "IN_TRANSIT", occurredAt: now } });
    expect(await db.exception.count({ where: { type: "SHIPMENT_STALLED", status: "OPEN" } })).toBe(1);
  });

  it("flags shipments late against the order's ship-by date", async () => {
    const { w, carrier } = await setup();
    const overdue = await shippedOrder(w, { shipBy: daysAgo(10) });
    const shippedLate = await shippedOrder(w, { shipBy: daysAgo(3) });
    const onTime = await shippedOrder(w, { shipBy: daysAgo(2) });
    const a = await insertShipment({ orderId: overdue, carrierId: carrier.id, trackingNumber: "T1XXXX", shippedAt: daysAgo(11), lastEventAt: daysAgo(1) });
    await insertShipment({ orderId: shippedLate, carrierId: carrier.id, trackingNumber: "T2XXXX", shippedAt: daysAgo(1), lastEventAt: daysAgo(1) });
    await insertShipment({ orderId: onTime, carrierId: carrier.id, trackingNumber: "T3XXXX", shippedAt: daysAgo(2), lastEventAt: daysAgo(1) });

    expect(await detectDeliveryExceptions({ now, stalledDays: 3, transitDays: 7 })).toEqual({ stalled: 0, late: 2, more: false });
    const late = await db.exception.findMany({ where: { type: "SHIPMENT_LATE" }, orderBy: { message: "asc" } });
    expect(late.map((e) => [e.orderId, (e.data as { reason: string }).reason]).sort()).toEqual(
      [[overdue, "DELIVERY_OVERDUE"], [shippedLate, "SHIPPED_AFTER_SHIP_BY"]].sort(),
    );
    expect((await detectDeliveryExceptions({ now, transitDays: 7 })).late).toBe(0);
    // Delivered: the lateness is resolved.
    await recordTrackingEvent({ shipmentId: a, source: "carrier", actor: systemActor("carrier:correios"), event: { externalId: "d", status: "DELIVERED", occurredAt: now } });
    expect(await db.exception.findFirstOrThrow({ where: { orderId: overdue } })).toMatchObject({ status: "RESOLVED" });
  });
});

describe("running the delay check", () => {
  function postJob(token?: string, query = ""): Promise<Response> {
    return job.POST(new Request(`http://localhost/api/jobs/shipping-exceptions${query}`, { method: "POST", headers: token ? { authorization: `Bearer ${token}` } : {} }));
  }

  it("the job route takes FLUXO_JOB_TOKEN or an ADMIN session", async () => {
    const { w, carrier } = await setup();
    const orderId = await shippedOrder(w);
    await insertShipment({ orderId, carrierId: carrier.id, trackingNumber: "SS000000080BR", shippedAt: new Date(Date.now() - 5 * DAY) });
    vi.stubEnv("FLUXO_JOB_TOKEN", "job-token-0123456789abcdef");
    expect((await postJob()).status).toBe(401);
    expect((await postJob("wrong-token-0123456789")).status).toBe(401);
    session.user = await makeUser("OPERATOR");
    expect((await postJob()).status).toBe(403);
    session.user = null;
    const ok = await postJob("job-token-0123456789abcdef");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ stalled: 1, late: 0, more: false });
    expect((await timeline(orderId)).at(-1)).toMatchObject({ type: "shipment.exception", actorLabel: "job:shipping-exceptions" });
    session.user = await makeUser("ADMIN");
    expect(await (await postJob(undefined, "?stalledDays=2")).json()).toEqual({ stalled: 0, late: 0, more: false });
    expect((await postJob(undefined, "?stalledDays=0")).status).toBe(400);
  });

  it("a short job token is never accepted", async () => {
    vi.stubEnv("FLUXO_JOB_TOKEN", "short");
    expect((await postJob("short")).status).toBe(401);
  });

  it("the Shipments page button: OPERATOR and ADMIN may, WAREHOUSE may not", async () => {
    await setup();
    await expect(createCaller({ user: await makeUser("WAREHOUSE") }).shipping.checkDelays({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await createCaller({ user: await makeUser("OPERATOR") }).shipping.checkDelays({ stalledDays: 3 })).toEqual({ stalled: 0, late: 0, more: false });
  });
});
