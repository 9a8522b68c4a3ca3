/**
 * npm run bench — performance figures on PostgreSQL with a million orders.
 * Not a test: it measures and writes the figures, with date and machine, to
 * bench/RESULTS.md. Uses BENCH_DATABASE_URL or starts its own PostgreSQL 15.
 *
 *   npm run bench                       # everything, seeds 1,000,000 orders on first run (minutes)
 *   BENCH_ORDERS=200000 npm run bench   # a smaller store
 *   BENCH_ONLY=orders,ingest npm run bench
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { machine, type Measure } from "./lib";
import { startBenchPostgres } from "./postgres";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const only = process.env.BENCH_ONLY?.split(",");
const wants = (name: string) => !only || only.includes(name);

const pg = startBenchPostgres();
process.env.DATABASE_URL = pg.url;
process.env.DATABASE_POOL_SIZE ??= "20";

const { getDb, closeDb, withSqlRunner } = await import("@/server/db");
const { migrate } = await import("@/server/lib/migrator");
const db = getDb();
let server: ChildProcess | undefined;

try {
  await withSqlRunner((r) => migrate(r));
  const have = await db.order.count();
  if (have < ORDERS * 0.95) {
    if (have > 0) throw new Error(`The bench database has ${have} orders, fewer than ${ORDERS}: drop bench/.data/pg or set BENCH_ORDERS.`);
    const { seed } = await import("@/prisma/seed/index");
    const t = performance.now();
    console.log(`Seeding ${ORDERS.toLocaleString("en")} orders (once)…`);
    await seed(db, { orders: ORDERS, log: (s: string) => console.log(`  ${s}`) });
    console.log(`Seeded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    // VACUUM as autovacuum would on a live database: visibility map for index-only scans, hint bits set once.
    await db.$executeRawUnsafe("VACUUM ANALYZE");
  }
  const orderCount = await db.order.count();
  const skuCount = await db.sku.count();
  // The settings that decide write throughput, as the server reports them (not as the bench hopes they are).
  const pgSettings = await db.$queryRaw<{ name: string; setting: string }[]>`
    SELECT name, current_setting(name) AS setting FROM pg_settings
    WHERE name IN ('server_version', 'shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'synchronous_commit') ORDER BY name`;
  const pgSetting = (name: string) => pgSettings.find((x) => x.name === name)?.setting ?? "?";
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const actor = { id: admin.id, name: admin.name, email: admin.email, role: admin.role, locale: "en" };
  const results: Measure[] = [];

  if (wants("orders")) {
    const { benchOrdersList } = await import("./orders-list");
    results.push(...(await benchOrdersList(actor)));
  }
  if (wants("stock") && existsSync("bench/stock.ts")) {
    const mod = (await import("./stock" as string)) as { benchStock: (a: typeof actor) => Promise<Measure[]> };
    results.push(...(await mod.benchStock(actor)));
  }
  if (wants("packing") && existsSync("bench/packing.ts")) {
    const mod = (await import("./packing" as string)) as { benchPacking: (a: typeof actor) => Promise<Measure[]> };
    results.push(...(await mod.benchPacking(actor)));
  }
  if (wants("reservations") && existsSync("bench/reservations.ts")) {
    const mod = (await import("./reservations" as string)) as { benchReservations: (url: string) => Promise<Measure[]> };
    results.push(...(await mod.benchReservations(pg.url)));
  }
  if (wants("picking") && existsSync("bench/picking.ts")) {
    const mod = (await import("./picking" as string)) as { benchPicking: (a: typeof actor) => Promise<Measure[]> };
    results.push(...(await mod.benchPicking(actor)));
  }
  if (wants("ingest")) {
    // A build of the current sources (a stale .next measures old code: it once hid that the hot path ran through Prisma).
    const { buildIfStale } = await import("../scripts/app-build");
    buildIfStale({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
    const port = String(3900 + Math.floor(Math.random() * 50));
    // The production server (scripts/serve.ts, what `npm start` runs): webhooks ahead of Next's router.
    server = spawn("npx", ["tsx", "scripts/serve.ts"], {
      stdio: "ignore",
      env: {
        ...process.env, PORT: port, NODE_ENV: "production", NEXTAUTH_SECRET: randomBytes(16).toString("hex"),
        NEXTAUTH_URL: `http://localhost:${port}`, DATABASE_POOL_SIZE: "20",
      },
    });
    const base = `http://localhost:${port}`;
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`${base}/login`)).ok) break;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const { benchIngest } = await import("./ingest");
    results.push(...(await benchIngest(base)));
  }

  const date = new Date().toISOString().slice(0, 16).replace("T", " ");
  const lines = [
    `\n## ${date} UTC`,
    ``,
    `Machine: ${machine()}. PostgreSQL ${pgSetting("server_version").split(" ")[0]} (shared_buffers ${pgSetting("shared_buffers")}, max_wal_size ${pgSetting("max_wal_size")}, checkpoint_timeout ${pgSetting("checkpoint_timeout")}, synchronous_commit ${pgSetting("synchronous_commit")}; otherwise defaults), ${orderCount.toLocaleString("en")} orders, ${skuCount.toLocaleString("en")} SKUs.`,
    ``,
    `| measure | target | result | |`,
    `|---|---|---|---|`,
    ...results.map((r) => `| ${r.name} | ${r.target} | ${r.value} | ${r.pass === null ? "" : r.pass ? "✅" : "❌"}${r.detail ? ` ${r.detail}` : ""} |`),
    ``,
  ];
  const file = "bench/RESULTS.md";
  if (!existsSync(file) || !readFileSync(file, "utf8").trim()) {
    writeFileSync(file, "# Benchmark results\n\nWritten by `npm run bench` (bench/run.ts); newest last. Server time measured in-process unless the row says HTTP.\n");
  }
  appendFileSync(file, lines.join("\n"));
  console.log(lines.join("\n"));
} finally {
  server?.kill("SIGTERM");
  await closeDb();
  pg.stop();
}
