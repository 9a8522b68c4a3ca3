import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { insertShipment, makeCarrier, makeUser, shippedOrder, shippingWorld } from "./shipping-test-factory";

withTestDb();

const STATUSES = ["CREATED", "IN_TRANSIT", "DELIVERED", "IN_TRANSIT", "DELIVERY_FAILED", "OUT_FOR_DELIVERY", "IN_TRANSIT"] as const;

async function seven() {
  const w = await shippingWorld([{ sku: "A", onHand: 1 }]);
  const correios = await makeCarrier();
  const tg = await makeCarrier({ code: "tg", name: "Transportadora Genérica", kind: "GENERIC", services: ["Expresso"] });
  const orderId = await shippedOrder(w);
  const ids: string[] = [];
  // Created one per day, 2026-03-01 … 2026-03-07 at 12:00 UTC (09:00 in São Paulo); the newest is last.
  for (const [i, status] of STATUSES.entries()) {
    ids.push(
      await insertShipment({ orderId, carrierId: i % 2 === 0 ? correios.id : tg.id, trackingNumber: `TRK${i}XXX`, status, shippedAt: new Date(Date.UTC(2026, 2, 1 + i, 12)) }),
    );
  }
  await db.exception.create({ data: { type: "DELIVERY_FAILED", orderId, shipmentId: ids[4] as string, message: "x", data: { shipmentId: ids[4] as string } } });
  return { ids, correios, tg };
}

describe("shipping.list", () => {
  it("pages newest first over every status with a keyset cursor", async () => {
    const { ids } = await seven();
    const caller = createCaller({ user: await makeUser("WAREHOUSE") });
    const first = await caller.shipping.list({ limit: 3 });
    expect(first.items.map((s) => s.id)).toEqual([ids[6], ids[5], ids[4]]);
    expect(first.items[2]).toMatchObject({ status: "DELIVERY_FAILED", openExceptions: 1, destination: "São Paulo / SP", carrier: { name: "Correios" } });
    const second = await caller.shipping.list({ limit: 3, cursor: first.nextCursor ?? "" });
    expect(second.items.map((s) => s.id)).toEqual([ids[3], ids[2], ids[1]]);
    const third = await caller.shipping.list({ limit: 3, cursor: second.nextCursor ?? "" });
    expect(third).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    await expect(caller.shipping.list({ cursor: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("filters by status, carrier, open exception and creation day in the merchant's time zone", async () => {
    const { ids, tg } = await seven();
    const caller = createCaller({ user: await makeUser("MANAGER") });
    const idsOf = async (input: Parameters<typeof caller.shipping.list>[0]) => (await caller.shipping.list(input)).items.map((s) => s.id);
    expect(await idsOf({ status: "IN_TRANSIT" })).toEqual([ids[6], ids[3], ids[1]]);
    expect(await idsOf({ carrierId: tg.id })).toEqual([ids[5], ids[3], ids[1]]);
    expect(await idsOf({ hasException: true })).toEqual([ids[4]]);
    expect(await idsOf({ hasException: false, status: "DELIVERY_FAILED" })).toEqual([]);
    expect(await idsOf({ from: "2026-03-03", to: "2026-03-04" })).toEqual([ids[3], ids[2]]);
  });
});
