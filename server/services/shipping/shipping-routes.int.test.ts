import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { insertShipment, makeCarrier, makeUser, shippedOrder, shippingWorld } from "./shipping-test-factory";

// The route handlers read the session through currentUser(); the tests choose who is signed in.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/session", () => ({ currentUser: async () => session.user }));
// Outside Next's request scope next-intl/server has no request config: translate with the real English texts.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { MESSAGES } = await import("@/server/i18n/messages");
  return { getTranslations: async (namespace: string) => createTranslator({ locale: "en", messages: MESSAGES.en, namespace: namespace as never }) };
});
const tracking = await import("@/app/api/carriers/[carrier]/tracking/route");
const label = await import("@/app/api/shipments/[id]/label/route");

withTestDb();
beforeEach(async () => {
  session.user = null;
});

async function world() {
  const w = await shippingWorld([{ sku: "A", onHand: 5 }]);
  const carrier = await makeCarrier();
  const orderId = await shippedOrder(w);
  const shipmentId = await insertShipment({ orderId, carrierId: carrier.id, trackingNumber: "SS123456785BR" });
  return { carrier, orderId, shipmentId };
}

function post(code: string, body: unknown, token?: string): Promise<Response> {
  const req = new Request(`http://localhost/api/carriers/${code}/tracking`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return tracking.POST(req, { params: Promise.resolve({ carrier: code }) });
}

const delivered = { trackingNumber: "ss 123456785 br", eventId: "CR-1", status: "DELIVERED", occurredAt: "2026-03-04T15:00:00-03:00", location: "São Paulo / SP" };

describe("POST /api/carriers/[carrier]/tracking", () => {
  it("refuses a missing or wrong token and an unknown carrier with 401, storing nothing", async () => {
    const { carrier } = await world();
    for (const res of [await post("correios", delivered), await post("correios", delivered, "wrong-token"), await post("nao-existe", delivered, carrier.trackingToken)]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "UNAUTHORIZED" });
    }
    expect(await db.trackingEvent.count()).toBe(0);
  });

  it("stores the event with the right token, once, and delivers the order", async () => {
    const { carrier, orderId, shipmentId } = await world();
    const res = await post("correios", delivered, carrier.trackingToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: "stored", status: "DELIVERED", applied: true, trackingNumber: "SS123456785BR" });
    const again = await post("correios", delivered, carrier.trackingToken);
    expect(await again.json()).toMatchObject({ result: "duplicate" });
    expect(await db.trackingEvent.findMany({ where: { shipmentId } })).toEqual([expect.objectContaining({ externalId: "CR-1", source: "carrier", location: "São Paulo / SP" })]);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("DELIVERED");
  });

  it("answers 404 with a clear message for an unknown tracking number", async () => {
    const { carrier } = await world();
    const res = await post("correios", { ...delivered, trackingNumber: "XX000000000BR" }, carrier.trackingToken);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "UNKNOWN_TRACKING_NUMBER", message: "No Correios shipment has tracking number XX000000000BR." });
  });

  it("takes an array, reporting each event", async () => {
    const { carrier, shipmentId } = await world();
    const res = await post(
      "correios",
      [
        { ...delivered, eventId: "a", status: "IN_TRANSIT", occurredAt: "2026-03-02T10:00:00Z" },
        { ...delivered, eventId: "b", trackingNumber: "XX000000000BR" },
      ],
      carrier.trackingToken,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { result: string }[] };
    expect(body.results.map((r) => r.result)).toEqual(["stored", "not_found"]);
    expect(await db.trackingEvent.count({ where: { shipmentId } })).toBe(1);
  });

  it("refuses bad bodies with 400 and an inactive carrier with 403", async () => {
    const { carrier } = await world();
    expect((await post("correios", "{not json", carrier.trackingToken)).status).toBe(400);
    const bad = await post("correios", { ...delivered, status: "LOST", occurredAt: "yesterday" }, carrier.trackingToken);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(["occurredAt", "status"]);
    await db.carrier.update({ where: { id: carrier.id }, data: { active: false } });
    expect((await post("correios", delivered, carrier.trackingToken)).status).toBe(403);
  });
});

describe("GET /api/shipments/[id]/label", () => {
  const get = (id: string) => label.GET(new Request(`http://localhost/api/shipments/${id}/label`), { params: Promise.resolve({ id }) });

  it("needs a session (401) and a role that prints labels (403)", async () => {
    const { shipmentId } = await world();
    expect((await get(shipmentId)).status).toBe(401);
    session.user = await makeUser("MANAGER");
    expect((await get(shipmentId)).status).toBe(403);
  });

  it("returns the PDF to the warehouse", async () => {
    const { shipmentId } = await world();
    session.user = await makeUser("WAREHOUSE");
    const res = await get(shipmentId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
