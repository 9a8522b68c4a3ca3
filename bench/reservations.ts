/**
 * Reservation throughput on PostgreSQL: the ingest hot path (capture one
 * order + reserve its stock, as a channel webhook does) under concurrency.
 *
 *  steady  `clients` workers for `seconds` (after a warm-up of `warmupSeconds`, not counted), orders of 1–3 lines over 10 hot
 *          SKUs stocked in every active warehouse → orders/s, p50/p95/p99.
 *  flash   one SKU with `flashUnits` units, `flashOrders` single-unit orders
 *          from `clients` workers → exactly `flashUnits` reserved.
 * Both verify zero oversell: reserved ≤ on hand − unavailable, reserved =
 * SUM(ACTIVE reservations) and the lines agree with the reservations.
 *
 * Works on any database with the schema (seeded or empty): it creates its own
 * channel, SKUs (BENCH-*) and opening stock through the ledger, so the
 * stock reconciliation stays clean. bench/run.ts calls benchReservations(url)
 * (table rows); runReservationBench() gives the raw figures. Standalone:
 *   npx tsx bench/reservations.ts <postgres-url> [seconds] [clients]
 */
import { pathToFileURL } from "node:url";
import { PrismaClient } from "@/server/generated/prisma/client";
import { endHotPool, getDb, postgresClient, setDb } from "@/server/db";
import { systemActor } from "@/server/services/order/actor";
import { captureOrder } from "@/server/services/order/capture-order";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { ms, type Measure } from "./lib";

export interface ReservationBenchOptions {
  url: string;
  seconds?: number;
  clients?: number;
  hotSkus?: number;
  flashUnits?: number;
  flashOrders?: number;
  /** Seconds of steady load before the measured phase, not counted (default 3). */
  warmupSeconds?: number;
  log?: (line: string) => void;
}

export interface PhaseResult {
  orders: number;
  seconds: number;
  ordersPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** The reservation alone (the conditional statement; the capture hands over what it read), without the capture. */
  reserveP50Ms: number;
  reserveP95Ms: number;
  reservedUnits: number;
  backorderedUnits: number;
  /** Problems found by the checks (empty = no oversell, levels agree with reservations). */
  violations: string[];
}

export interface ReservationBenchResult {
  clients: number;
  /** One SELECT 1 through Prisma while the steady phase runs: what a round trip costs on this machine. */
  baselineP50Ms: number;
  baselineP95Ms: number;
  steady: PhaseResult;
  flash: PhaseResult & { units: number };
}

const UFS = ["SP", "SP", "SP", "RJ", "MG", "PR", "RS", "BA", "PE", "CE", "DF", "GO", "SC", "AM"];
const actor = systemActor("channel:Bench");

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 10) / 10;
}

async function fixture(db: PrismaClient, run: string, hot: number, flashUnits: number) {
  const channel = await db.channel.create({ data: { platform: "MANUAL", name: `Bench ${run}`, secret: "bench" } });
  let warehouses = await db.warehouse.findMany({ where: { active: true }, select: { id: true, code: true } });
  if (warehouses.length === 0) {
    for (const [code, state] of [["BSP", "SP"], ["BPE", "PE"], ["BRS", "RS"]] as const) {
      warehouses.push(await db.warehouse.create({ data: { code: `${code}-${run}`, name: `Bench ${code}`, city: "Bench", state }, select: { id: true, code: true } }));
    }
  }
  warehouses = warehouses.slice(0, 4);
  const bins: { id: string; warehouseId: string }[] = [];
  for (const w of warehouses) {
    bins.push(await db.bin.create({
      data: { warehouseId: w.id, code: `BENCH-${run}`, zone: "Z", aisle: "99", shelf: "1", position: "1", pickSequence: 999_999 },
      select: { id: true, warehouseId: true },
    }));
  }
  const mk = (code: string) => db.sku.create({ data: { code, name: `Bench ${code}`, priceCents: 1990, product: { create: { name: `Bench ${code}` } } }, select: { id: true, code: true } });
  const hotSkus: { id: string; code: string }[] = [];
  for (let i = 1; i <= hot; i++) hotSkus.push(await mk(`BENCH-${run}-HOT-${String(i).padStart(2, "0")}`));
  const flash = await mk(`BENCH-${run}-FLASH`);
  const changes = [
    ...hotSkus.flatMap((s) => bins.map((b) => ({ type: "RECEIPT" as const, skuId: s.id, binId: b.id, onHandDelta: 1_000_000, reason: "Bench opening stock" }))),
    { type: "RECEIPT" as const, skuId: flash.id, binId: (bins[0] as { id: string }).id, onHandDelta: flashUnits, reason: "Bench opening stock" },
  ];
  await db.$transaction((tx) => applyBinChanges(tx, { changes, actor }), { timeout: 60_000 });
  return { channelId: channel.id, hotSkus, flash };
}

function orderInput(run: string, n: number, lines: { sku: string; quantity: number }[]) {
  const now = new Date();
  const items = lines.map((l) => ({ sku: l.sku, name: l.sku, quantity: l.quantity, unitPriceCents: 1990, discountCents: 0, taxCents: 0 }));
  const total = items.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
  return {
    externalId: `bench-${run}-${n}`, placedAt: now, updatedAt: now, currency: "BRL", state: "OPEN" as const, paymentStatus: "PAID" as const,
    customer: { name: "Cliente Bench", email: `bench${n % 5000}@example.com` },
    shippingAddress: { line1: "Rua Bench, 1", city: "Cidade", state: UFS[n % UFS.length], country: "BR" },
    lines: items, subtotalCents: total, discountCents: 0, shippingCents: 0, taxCents: 0, totalCents: total,
  };
}

async function runPhase(opts: {
  clients: number; until: (started: number, elapsedMs: number) => boolean; next: (n: number) => { sku: string; quantity: number }[];
  channelId: string; run: string; counter: { n: number };
}): Promise<{ latencies: number[]; reserveLatencies: number[]; seconds: number; reserved: number; backordered: number }> {
  const latencies: number[] = [];
  const reserveLatencies: number[] = [];
  let reserved = 0;
  let backordered = 0;
  const start = performance.now();
  let started = 0;
  const worker = async () => {
    while (!opts.until(started, performance.now() - start)) {
      started += 1;
      const n = ++opts.counter.n;
      const t0 = performance.now();
      const created = await captureOrder({ channelId: opts.channelId, defaultCurrency: "BRL", input: orderInput(opts.run, n, opts.next(n)), actorLabel: "channel:Bench" });
      if (!created) throw new Error("bench order not created");
      const t1 = performance.now();
      const r = await reserveOrderStock({ orderId: created.orderId, actor, context: created.reservation });
      const t2 = performance.now();
      latencies.push(t2 - t0);
      reserveLatencies.push(t2 - t1);
      reserved += r.reserved.reduce((s, x) => s + x.quantity, 0);
      backordered += r.backorderedUnits;
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, worker));
  return { latencies: latencies.sort((a, b) => a - b), reserveLatencies: reserveLatencies.sort((a, b) => a - b), seconds: (performance.now() - start) / 1000, reserved, backordered };
}

async function violations(db: PrismaClient, skuIds: readonly string[]): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ problem: string }[]>(`
    SELECT 'oversold ' || b."skuId" || ' in ' || b."warehouseId" AS problem FROM "StockBalance" b
      WHERE b."skuId" = ANY($1::uuid[]) AND b.reserved + b.unavailable > b."onHand"
    UNION ALL
    SELECT 'reserved ' || b.reserved || ' but active reservations ' || COALESCE(r.q, 0) || ' for ' || b."skuId"
      FROM "StockBalance" b LEFT JOIN (SELECT "skuId", "warehouseId", sum(quantity) AS q FROM "Reservation" WHERE status = 'ACTIVE' GROUP BY 1, 2) r
        ON r."skuId" = b."skuId" AND r."warehouseId" = b."warehouseId"
      WHERE b."skuId" = ANY($1::uuid[]) AND b.reserved <> COALESCE(r.q, 0)
    UNION ALL
    SELECT 'line ' || l.id || ' reserved+backordered <> quantity' FROM "OrderLine" l
      WHERE l."skuId" = ANY($1::uuid[]) AND l."reservedQty" + l."backorderedQty" <> l.quantity`, [...skuIds]);
  return rows.map((r) => r.problem);
}

function phaseResult(r: { latencies: number[]; reserveLatencies: number[]; seconds: number; reserved: number; backordered: number }, v: string[]): PhaseResult {
  return {
    orders: r.latencies.length, seconds: Math.round(r.seconds * 10) / 10, ordersPerSecond: Math.round((r.latencies.length / r.seconds) * 10) / 10,
    p50Ms: percentile(r.latencies, 50), p95Ms: percentile(r.latencies, 95), p99Ms: percentile(r.latencies, 99),
    reserveP50Ms: percentile(r.reserveLatencies, 50), reserveP95Ms: percentile(r.reserveLatencies, 95),
    reservedUnits: r.reserved, backorderedUnits: r.backordered, violations: v,
  };
}

/** Rows for bench/RESULTS.md: the issue's targets (≥ 500/s steady, ≥ 350/s flash sale), and oversell must be zero. */
export async function benchReservations(urlOrOpts: string | ReservationBenchOptions): Promise<Measure[]> {
  const opts = typeof urlOrOpts === "string" ? { url: urlOrOpts } : urlOrOpts;
  const r = await runReservationBench({ log: (l) => console.log(`  ${l}`), ...opts });
  const s = r.steady;
  const f = r.flash;
  return [
    {
      name: `Order capture + reservation, ${r.clients} clients × 10 hot SKUs, orders of 1–3 lines (throughput)`,
      target: "≥ 500/s, no oversell", value: `${s.ordersPerSecond} orders/s`, pass: s.violations.length === 0 && s.ordersPerSecond >= 500,
      detail: `${s.orders} orders in ${s.seconds} s; ${s.reservedUnits} units reserved; ${s.violations.length ? s.violations.slice(0, 3).join("; ") : "no oversell, levels agree with reservations"}`,
    },
    { name: "… latency per order, capture + reservation (p50 / p95 / p99)", target: "", value: `${ms(s.p50Ms)} / ${ms(s.p95Ms)} / ${ms(s.p99Ms)}`, pass: null },
    { name: "… reservation alone: one conditional statement, context from the capture (p50 / p95)", target: "", value: `${ms(s.reserveP50Ms)} / ${ms(s.reserveP95Ms)}`, pass: null },
    { name: "… machine baseline under the same load: one Prisma round trip, SELECT 1 (p50 / p95)", target: "", value: `${ms(r.baselineP50Ms)} / ${ms(r.baselineP95Ms)}`, pass: null },
    {
      name: `Flash sale: ${f.orders} single-unit orders, ${r.clients} clients, one SKU with ${f.units} units`,
      target: `≥ 350/s, exactly ${f.units} reserved`, value: `${f.ordersPerSecond} orders/s, ${f.reservedUnits} reserved, ${f.backorderedUnits} backordered`,
      pass: f.violations.length === 0 && f.reservedUnits === Math.min(f.units, f.orders) && f.ordersPerSecond >= 350,
      detail: `p95 ${ms(f.p95Ms)}${f.violations.length ? `; ${f.violations.slice(0, 3).join("; ")}` : ""}`,
    },
  ];
}

export async function runReservationBench(opts: ReservationBenchOptions): Promise<ReservationBenchResult> {
  const clients = opts.clients ?? 8;
  const seconds = opts.seconds ?? 10;
  const flashUnits = opts.flashUnits ?? 500;
  const flashOrders = opts.flashOrders ?? 3000;
  const log = opts.log ?? (() => {});
  const previous = process.env.DATABASE_URL ? getDb() : undefined;
  const db = postgresClient(opts.url, clients + 2);
  setDb(db);
  try {
    const run = Date.now().toString(36);
    const fx = await fixture(db, run, opts.hotSkus ?? 10, flashUnits);
    const counter = { n: 0 };
    const steadyLines = (n: number) => {
      const k = 1 + (n % 3);
      return Array.from({ length: k }, (_, i) => ({ sku: (fx.hotSkus[(n * 7 + i * 3) % fx.hotSkus.length] as { code: string }).code, quantity: 1 + ((n + i) % 3) }));
    };
    // Warm-up, not counted: the first orders compile code paths and prepare each connection's statements.
    const warmupSeconds = opts.warmupSeconds ?? 3;
    await runPhase({ clients, channelId: fx.channelId, run, counter, until: (_d, ms) => ms >= warmupSeconds * 1000, next: steadyLines });
    log(`steady: ${clients} clients × ${seconds}s over ${fx.hotSkus.length} hot SKUs, after a ${warmupSeconds}s warm-up`);
    const baseline: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const t0 = performance.now();
        await db.$queryRawUnsafe("SELECT 1");
        baseline.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const steadyRaw = await runPhase({
      clients, channelId: fx.channelId, run, counter,
      until: (_d, ms) => ms >= seconds * 1000,
      next: steadyLines,
    });
    probing = false;
    await probe;
    baseline.sort((a, b) => a - b);
    // The checks cover the warm-up's orders too: they reserved from the same balances.
    const steady = phaseResult(steadyRaw, await violations(db, fx.hotSkus.map((s) => s.id)));
    log(`steady: ${steady.orders} orders, ${steady.ordersPerSecond}/s, p95 ${steady.p95Ms} ms`);
    log(`flash: ${flashOrders} single-unit orders for ${flashUnits} units`);
    const flashRaw = await runPhase({
      clients, channelId: fx.channelId, run, counter,
      until: (started) => started >= flashOrders,
      next: () => [{ sku: fx.flash.code, quantity: 1 }],
    });
    const v = await violations(db, [fx.flash.id]);
    const [bal] = await db.$queryRawUnsafe<{ reserved: number }[]>(`SELECT COALESCE(sum(reserved), 0)::int AS reserved FROM "StockBalance" WHERE "skuId" = $1::uuid`, fx.flash.id);
    if ((bal?.reserved ?? 0) !== Math.min(flashUnits, flashRaw.latencies.length)) v.push(`flash: reserved ${bal?.reserved} of ${flashUnits} units`);
    const flash = { ...phaseResult(flashRaw, v), units: flashUnits };
    log(`flash: ${flash.orders} orders, ${flash.ordersPerSecond}/s, p95 ${flash.p95Ms} ms, reserved ${bal?.reserved}`);
    return { clients, baselineP50Ms: percentile(baseline, 50), baselineP95Ms: percentile(baseline, 95), steady, flash };
  } finally {
    await endHotPool(db);
    await db.$disconnect();
    setDb(previous);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) {
    console.error("usage: npx tsx bench/reservations.ts <postgres-url> [seconds] [clients]");
    process.exit(2);
  }
  const result = await runReservationBench({ url, seconds: Number(process.argv[3] ?? 10), clients: Number(process.argv[4] ?? 8), log: (l) => console.log(l) });
  console.log(JSON.stringify(result, null, 2));
  const bad = [...result.steady.violations, ...result.flash.violations];
  if (bad.length) {
    console.error(`VIOLATIONS:\n${bad.join("\n")}`);
    process.exit(1);
  }
}
