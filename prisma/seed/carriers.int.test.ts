import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/test/test-db";
import { isValidS10 } from "@/server/services/shipping/carriers/s10";
import { seed } from "./index";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { orders: 300, seed: 4242 });
});

afterAll(async () => {
  await t?.close();
});

async function count(sql: string): Promise<number> {
  const rows = await t.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM (${sql}) AS x`);
  return rows[0]?.n ?? 0;
}

describe("seeded carriers, packages and shipments", () => {
  it("has Correios (SEDEX, PAC) and Transportadora Genérica with distinct 48-hex tokens", async () => {
    const carriers = await t.db.carrier.findMany({ orderBy: { code: "asc" } });
    expect(carriers.map((c) => [c.code, c.name, c.kind, c.services])).toEqual([
      ["correios", "Correios", "CORREIOS", ["SEDEX", "PAC"]],
      ["transportadora-generica", "Transportadora Genérica", "GENERIC", ["Expresso", "Econômico"]],
    ]);
    expect(new Set(carriers.map((c) => c.trackingToken)).size).toBe(2);
    expect(carriers.every((c) => /^[0-9a-f]{48}$/.test(c.trackingToken))).toBe(true);
  });

  it("gives every PACKED/INVOICED order one CLOSED package and nothing shipped", async () => {
    expect(await count(`SELECT 1 FROM "Order" WHERE status IN ('PACKED','INVOICED')`)).toBeGreaterThan(0);
    expect(await count(`SELECT 1 FROM "Order" o WHERE status IN ('PACKED','INVOICED')
      AND (SELECT count(*) FROM "Package" p WHERE p."orderId" = o.id AND p.status = 'CLOSED') <> 1`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Shipment" s JOIN "Order" o ON o.id = s."orderId" WHERE o.status IN ('PACKED','INVOICED')`)).toBe(0);
  });

  it("gives every order that left a SHIPPED package with one shipment, delivered ones DELIVERED with their events", async () => {
    expect(await count(`SELECT 1 FROM "Order" o WHERE status IN ('SHIPPED','DELIVERED','RETURN_REQUESTED','RETURNED')
      AND (SELECT count(*) FROM "Shipment" s JOIN "Package" p ON p.id = s."packageId" WHERE s."orderId" = o.id AND p.status = 'SHIPPED') <> 1`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Order" WHERE status NOT IN ('PACKED','INVOICED','SHIPPED','DELIVERED','RETURN_REQUESTED','RETURNED')
      AND EXISTS (SELECT 1 FROM "Package" p WHERE p."orderId" = "Order".id)`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Shipment" s JOIN "Order" o ON o.id = s."orderId" WHERE o.status = 'DELIVERED' AND (s.status <> 'DELIVERED' OR s."deliveredAt" IS NULL)`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Shipment" s JOIN "Order" o ON o.id = s."orderId" WHERE o.status = 'SHIPPED' AND s.status = 'DELIVERED'`)).toBe(0);
    // Times: placed < shipped ≤ events ≤ now, and lastEventAt is the newest event.
    expect(await count(`SELECT 1 FROM "Shipment" s JOIN "Order" o ON o.id = s."orderId" WHERE s."shippedAt" <= o."placedAt" OR s."shippedAt" > now()`)).toBe(0);
    expect(await count(`SELECT 1 FROM "TrackingEvent" e JOIN "Shipment" s ON s.id = e."shipmentId" WHERE e."occurredAt" < s."shippedAt" OR e."occurredAt" > now()`)).toBe(0);
    expect(await count(`SELECT 1 FROM "Shipment" s WHERE s."lastEventAt" IS DISTINCT FROM (SELECT max("occurredAt") FROM "TrackingEvent" e WHERE e."shipmentId" = s.id)`)).toBe(0);
  });

  it("uses valid S10 numbers for Correios, unique per carrier", async () => {
    const correios = await t.db.shipment.findMany({ where: { carrier: { code: "correios" } }, select: { trackingNumber: true, service: true } });
    expect(correios.length).toBeGreaterThan(0);
    expect(correios.filter((s) => !isValidS10(s.trackingNumber))).toEqual([]);
    expect(correios.filter((s) => s.trackingNumber.slice(0, 2) !== (s.service === "PAC" ? "PN" : "SS"))).toEqual([]);
  });
});
