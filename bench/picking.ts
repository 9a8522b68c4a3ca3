/**
 * Wave creation on PostgreSQL: how long createPickList takes to claim 1,000
 * and 5,000 orders (FOR UPDATE SKIP LOCKED), move them to PICKING with their
 * timeline events, and write the pick lines along the walking path — in a
 * store that already holds the bench's million orders.
 *
 * Works on any database with the schema: it makes its own warehouse (100
 * bins), 60 SKUs with opening stock through the ledger, and 6,000 ALLOCATED
 * orders with their reservations (inserted set-based, untimed — the capture
 * path is measured by bench/reservations.ts), so the stock reconciliation
 * stays clean. Call benchPicking() from bench/run.ts, or:
 *   DATABASE_URL=postgres://… npx tsx bench/picking.ts
 */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { SessionUser } from "@/server/auth/options";
import { closeDb, db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { systemActor } from "@/server/services/order/actor";
import { createPickList } from "@/server/services/picking/create-pick-list";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { ms, type Measure } from "./lib";

const SKUS = 60;
const BINS = 100;
const WAVES = [
  { orders: 1_000, targetMs: 1_000 },
  { orders: 5_000, targetMs: 3_000 },
] as const;

async function fixture(run: string, orders: number): Promise<{ warehouseId: string }> {
  const actor = systemActor("bench");
  const channel = await db.channel.create({ data: { platform: "MANUAL", name: `Bench picking ${run}`, secret: "bench" } });
  const wh = await db.warehouse.create({ data: { code: `BPK-${run}`, name: `Bench picking ${run}`, city: "Bench", state: "SP" } });
  const bins: { id: string }[] = [];
  for (let i = 0; i < BINS; i++) {
    const aisle = String(1 + Math.floor(i / 20)).padStart(2, "0");
    const shelf = String(1 + (i % 20)).padStart(2, "0");
    // Serpentine numbering: the walking order is not the creation order.
    const seq = Math.floor(i / 20) * 100 + (Math.floor(i / 20) % 2 === 0 ? i % 20 : 19 - (i % 20));
    bins.push(await db.bin.create({ data: { warehouseId: wh.id, code: `Z-${aisle}-${shelf}-1`, zone: "Z", aisle, shelf, position: "1", pickSequence: seq }, select: { id: true } }));
  }
  const skus: { id: string; code: string; name: string }[] = [];
  for (let i = 0; i < SKUS; i++) {
    skus.push(await db.sku.create({ data: { code: `BPK-${run}-${String(i).padStart(2, "0")}`, name: `Bench picking item ${i}`, priceCents: 1990, product: { create: { name: `Bench picking item ${i}` } } }, select: { id: true, code: true, name: true } }));
  }
  // Each SKU in two bins: a small one early on the path (so large waves split lines across bins) and a big one later.
  const changes = skus.flatMap((s, i) => [
    { type: "RECEIPT" as const, skuId: s.id, binId: (bins[i % BINS] as { id: string }).id, onHandDelta: 150, reason: "Bench opening stock" },
    { type: "RECEIPT" as const, skuId: s.id, binId: (bins[(i * 7 + 40) % BINS] as { id: string }).id, onHandDelta: 20_000, reason: "Bench opening stock" },
  ]);
  await db.$transaction((tx) => applyBinChanges(tx, { changes, actor }), { timeout: 120_000 });

  const o = { id: [] as string[], ext: [] as string[], placed: [] as string[], shipBy: [] as (string | null)[] };
  const l = { id: [] as string[], order: [] as string[], no: [] as number[], sku: [] as string[], code: [] as string[], name: [] as string[], qty: [] as number[] };
  const now = Date.now();
  for (let n = 0; n < orders; n++) {
    const id = randomUUID();
    o.id.push(id);
    o.ext.push(`bench-pick-${run}-${n}`);
    o.placed.push(new Date(now - (orders - n) * 1000).toISOString());
    o.shipBy.push(n % 7 === 0 ? null : new Date(now + (n % 96) * 3_600_000).toISOString());
    const count = 1 + (n % 3);
    for (let k = 0; k < count; k++) {
      const s = skus[(n * 13 + k * 17) % SKUS] as (typeof skus)[number];
      l.id.push(randomUUID());
      l.order.push(id);
      l.no.push(k + 1);
      l.sku.push(s.id);
      l.code.push(s.code);
      l.name.push(s.name);
      l.qty.push(1 + ((n + k) % 2));
    }
  }
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "Order" (id, "channelId", "externalId", "customerName", status, "paymentStatus", "fulfillmentStatus", "subtotalCents", "totalCents",
          "placedAt", "channelUpdatedAt", "shipBy", "warehouseId", "shipState")
        SELECT x.id, ${channel.id}::uuid, x.ext, 'Cliente Bench', 'ALLOCATED', 'PAID', 'ALLOCATED', 1990, 1990, x.placed, x.placed, x.ship, ${wh.id}::uuid, 'SP'
        FROM unnest(${o.id}::uuid[], ${o.ext}::text[], ${o.placed}::timestamptz[], ${o.shipBy}::timestamptz[]) AS x(id, ext, placed, ship)`);
      await tx.$executeRaw(Prisma.sql`
        WITH x AS (
          SELECT * FROM unnest(${l.id}::uuid[], ${l.order}::uuid[], ${l.no}::int[], ${l.sku}::uuid[], ${l.code}::text[], ${l.name}::text[], ${l.qty}::int[])
            AS x(id, "orderId", no, "skuId", code, name, qty)
        ), lines AS (
          INSERT INTO "OrderLine" (id, "orderId", "lineNo", sku, "skuId", name, quantity, "unitPriceCents", "totalCents", "reservedQty")
          SELECT id, "orderId", no, code, "skuId", name, qty, 1990, 1990 * qty, qty FROM x
          RETURNING 1
        ), res AS (
          INSERT INTO "Reservation" ("orderId", "orderLineId", "skuId", "warehouseId", quantity)
          SELECT "orderId", id, "skuId", ${wh.id}::uuid, qty FROM x
          RETURNING 1
        ), mov AS (
          INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "reservedDelta", reason, "actorLabel", "orderId")
          SELECT 'RESERVATION', "skuId", ${wh.id}::uuid, qty, 'Bench order', 'bench', "orderId" FROM x
          RETURNING 1
        )
        UPDATE "StockBalance" b SET reserved = b.reserved + s.q
        FROM (SELECT "skuId", sum(qty)::int AS q FROM x GROUP BY 1) s
        WHERE b."skuId" = s."skuId" AND b."warehouseId" = ${wh.id}::uuid`);
    },
    { timeout: 300_000 },
  );
  await db.$executeRawUnsafe(`ANALYZE "Order"; ANALYZE "OrderLine"; ANALYZE "Reservation"; ANALYZE "BinStock"; ANALYZE "PickListLine"`);
  return { warehouseId: wh.id };
}

export async function benchPicking(actor: SessionUser): Promise<Measure[]> {
  const run = Date.now().toString(36);
  const total = WAVES.reduce((n, w) => n + w.orders, 0);
  const { warehouseId } = await fixture(run, total);
  const out: Measure[] = [];
  for (const wave of WAVES) {
    const t0 = performance.now();
    const r = await createPickList({ actor, input: { mode: "wave", warehouseId, maxOrders: wave.orders } });
    const took = performance.now() - t0;
    out.push({
      name: `Picking wave of ${wave.orders.toLocaleString("en")} orders (claim, START_PICKING, pick lines)`,
      target: `≤ ${wave.targetMs / 1000} s`,
      value: ms(took),
      pass: r.orders === wave.orders && took <= wave.targetMs,
      detail: `${r.orders} orders, ${r.lines} lines, ${r.units} units, list #${r.number}`,
    });
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const admin = await db.user.findFirst({ where: { role: "ADMIN" } });
    const user = admin ?? (await db.user.create({ data: { email: `bench-${Date.now()}@fluxo.test`, name: "Bench admin", passwordHash: "x", role: "ADMIN" } }));
    const measures = await benchPicking({ id: user.id, name: user.name, email: user.email, role: user.role, locale: "en" });
    for (const m of measures) console.log(`${m.name}: ${m.value} (target ${m.target}) ${m.pass ? "PASS" : "FAIL"} — ${m.detail ?? ""}`);
  } finally {
    await closeDb();
  }
}
