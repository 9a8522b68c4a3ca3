/**
 * Demo carriers — Correios (SEDEX, PAC) and "Transportadora Genérica" — and
 * what makes the seeded orders coherent with shipping: a CLOSED package for
 * every PACKED/INVOICED order (ready to ship once invoiced), and for every
 * order that left (SHIPPED and later) a SHIPPED package, its Shipment (valid
 * S10 tracking number for Correios) and the carrier's tracking events up to
 * delivery. Times follow each order's timeline (packed, shipped, delivered
 * events) and never pass the seed's "now". No order events or exceptions are
 * added: the orders' timelines stay as the order generator wrote them.
 * Tracking tokens are real secrets, never derived from the seed.
 *
 * Rows go in through the seed's writer; the orders are read back through the
 * application's client (getDb(), the client every seed caller passes in — the
 * carriers just written must be visible through it, else this stops).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { getDb } from "@/server/db";
import { formatS10 } from "@/server/services/shipping/carriers/s10";
import type { SeedWriter } from "./write";

const HOUR = 3_600_000;
const BATCH = 5_000;
const BOX_GRAMS = 150;

const CARRIERS = [
  { code: "correios", name: "Correios", kind: "CORREIOS", services: ["SEDEX", "PAC"] },
  { code: "transportadora-generica", name: "Transportadora Genérica", kind: "GENERIC", services: ["Expresso", "Econômico"] },
] as const;

interface OrderRow {
  id: string;
  number: number;
  status: string;
  placedAt: Date;
  updatedAt: Date;
  city: string | null;
  state: string | null;
  whCity: string | null;
  whState: string | null;
  packed: Date | null;
  invoiced: Date | null;
  shipped: Date | null;
  delivered: Date | null;
  grams: number;
}

const LEFT = new Set(["SHIPPED", "DELIVERED", "RETURN_REQUESTED", "RETURNED"]);

/** Which carrier and service an order shipped with: a stable choice by order number (55% SEDEX, 30% PAC, 15% transportadora). */
function pickService(n: number): { carrier: 0 | 1; service: string } {
  const r = (n * 2_654_435_761) % 100;
  if (r < 55) return { carrier: 0, service: "SEDEX" };
  if (r < 85) return { carrier: 0, service: "PAC" };
  return { carrier: 1, service: r < 95 ? "Expresso" : "Econômico" };
}

export interface ShippingSeedCounts {
  carriers: number;
  packages: number;
  shipments: number;
  trackingEvents: number;
}

export async function seedShipping(writer: SeedWriter, opts: { now: Date }): Promise<ShippingSeedCounts> {
  const db = getDb();
  const now = opts.now.getTime();
  // Leftovers of an earlier seed that failed after this step (the writer's clean-up does not know these tables).
  if ((await db.carrier.count()) > 0) {
    await db.$executeRawUnsafe(`TRUNCATE "TrackingEvent", "Shipment", "Carrier" RESTART IDENTITY CASCADE`);
    await db.$executeRawUnsafe(`DELETE FROM "Package" p WHERE NOT EXISTS (SELECT 1 FROM "Order" o WHERE o.id = p."orderId")`);
  }
  const carrierIds = CARRIERS.map(() => randomUUID());
  const counts: ShippingSeedCounts = { carriers: 0, packages: 0, shipments: 0, trackingEvents: 0 };
  counts.carriers = await writer.insert(
    "Carrier",
    CARRIERS.map((c, i) => ({ id: carrierIds[i], code: c.code, name: c.name, kind: c.kind, services: [...c.services], trackingToken: randomBytes(24).toString("hex"), active: true })),
  );
  if ((await db.carrier.count({ where: { id: { in: carrierIds } } })) !== CARRIERS.length) {
    throw new Error("seed: the shipping step reads through getDb(), which is not the database being seeded");
  }
  const packer = (await db.user.findFirst({ where: { role: "WAREHOUSE" }, orderBy: { email: "asc" }, select: { id: true } }))?.id ?? null;

  for (let after = 0; ; ) {
    const orders = await db.$queryRaw<OrderRow[]>`
      SELECT o.id, o.number, o.status::text AS status, o."placedAt", o."updatedAt",
             o."shippingAddress"->>'city' AS city, o."shipState" AS state, w.city AS "whCity", w.state AS "whState",
             ev.packed, ev.invoiced, ev.shipped, ev.delivered,
             COALESCE((SELECT sum(l.quantity * s."weightGrams") FROM "OrderLine" l JOIN "Sku" s ON s.id = l."skuId" WHERE l."orderId" = o.id), 0)::int AS grams
      FROM "Order" o
      LEFT JOIN "Warehouse" w ON w.id = o."warehouseId"
      LEFT JOIN LATERAL (
        SELECT max(e."createdAt") FILTER (WHERE e.type = 'order.packed') AS packed,
               max(e."createdAt") FILTER (WHERE e.type = 'order.invoiced') AS invoiced,
               max(e."createdAt") FILTER (WHERE e.type = 'order.shipped') AS shipped,
               max(e."createdAt") FILTER (WHERE e.type = 'order.delivered') AS delivered
        FROM "OrderEvent" e WHERE e."orderId" = o.id
      ) ev ON true
      WHERE o.status IN ('PACKED', 'INVOICED', 'SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'RETURNED') AND o.number > ${after}
      ORDER BY o.number
      LIMIT ${BATCH}`;
    if (orders.length === 0) break;
    after = orders[orders.length - 1]!.number;

    const packages: object[] = [];
    const shipments: object[] = [];
    const events: object[] = [];
    for (const o of orders) {
      const placed = o.placedAt.getTime();
      const left = LEFT.has(o.status);
      const cap = (t: number) => Math.min(Math.max(t, placed + 60_000), now - 60_000);
      const shippedAt = left ? cap(o.shipped?.getTime() ?? (o.delivered ? o.delivered.getTime() - 48 * HOUR : placed + 24 * HOUR)) : null;
      const closedAt = cap(o.packed?.getTime() ?? (o.invoiced ? o.invoiced.getTime() - HOUR / 2 : shippedAt !== null ? shippedAt - 2 * HOUR : o.updatedAt.getTime()));
      const packageId = randomUUID();
      packages.push({
        id: packageId, orderId: o.id, status: left ? "SHIPPED" : "CLOSED", packerId: packer,
        startedAt: new Date(closedAt - 4 * 60_000), closedAt: new Date(Math.min(closedAt, shippedAt ?? closedAt)),
        weightGrams: o.grams + BOX_GRAMS, lengthMm: 300, widthMm: 200, heightMm: 120,
      });
      if (shippedAt === null) continue;

      const { carrier, service } = pickService(o.number);
      const trackingNumber = carrier === 0 ? formatS10(service === "PAC" ? "PN" : "SS", o.number % 100_000_000) : `TRA${String(o.number).padStart(10, "0")}`;
      const deliveredAt = o.status === "SHIPPED" ? null : cap(Math.max(o.delivered?.getTime() ?? shippedAt + 72 * HOUR, shippedAt + 4 * HOUR));
      const shipmentId = randomUUID();
      const origin = [o.whCity, o.whState].filter(Boolean).join(" / ");
      const destination = [o.city, o.state].filter(Boolean).join(" / ");
      const span = (deliveredAt ?? now) - shippedAt;
      const track: { status: string; at: number; description: string; location: string }[] = [];
      if (deliveredAt !== null) {
        track.push(
          { status: "IN_TRANSIT", at: shippedAt + span * 0.1, description: "Objeto postado", location: origin },
          { status: "IN_TRANSIT", at: shippedAt + span * 0.45, description: "Objeto em trânsito - por favor aguarde", location: `Unidade de Tratamento - ${o.state ?? ""}` },
          { status: "OUT_FOR_DELIVERY", at: shippedAt + span * 0.85, description: "Objeto saiu para entrega ao destinatário", location: destination },
          { status: "DELIVERED", at: deliveredAt, description: "Objeto entregue ao destinatário", location: destination },
        );
      } else {
        if (span > 20 * 60_000) track.push({ status: "IN_TRANSIT", at: shippedAt + Math.min(HOUR, span * 0.3), description: "Objeto postado", location: origin });
        if (span > 12 * HOUR) track.push({ status: "IN_TRANSIT", at: shippedAt + Math.min(20 * HOUR, span * 0.7), description: "Objeto em trânsito - por favor aguarde", location: `Unidade de Tratamento - ${o.state ?? ""}` });
      }
      const last = track[track.length - 1];
      shipments.push({
        id: shipmentId, orderId: o.id, packageId, carrierId: carrierIds[carrier], service, trackingNumber,
        status: last?.status ?? "CREATED", createdById: packer, createdAt: new Date(shippedAt), shippedAt: new Date(shippedAt),
        deliveredAt: deliveredAt === null ? null : new Date(deliveredAt), lastEventAt: last ? new Date(Math.round(last.at)) : null,
      });
      track.forEach((e, i) => {
        const at = new Date(Math.round(e.at));
        events.push({ shipmentId, externalId: `${trackingNumber}-${i + 1}`, status: e.status, description: e.description, location: e.location, occurredAt: at, receivedAt: new Date(Math.min(at.getTime() + 5 * 60_000, now)), source: "carrier" });
      });
    }
    counts.packages += await writer.insert("Package", packages);
    counts.shipments += await writer.insert("Shipment", shipments);
    counts.trackingEvents += await writer.insert("TrackingEvent", events);
  }
  return counts;
}
