/**
 * Stock screens at scale (10,000 SKUs; the demo seed is topped up with
 * bench/stock-fixture.ts): the 360° grid page 1 and a deep keyset page, each
 * filter, search, the SKU page, an allocation dry run, and a full
 * reconciliation of the ledger. Server time, p95 over repeated runs.
 * Standalone: DATABASE_URL=postgres://… npx tsx bench/stock.ts
 */
import { pathToFileURL } from "node:url";
import type { SessionUser } from "@/server/auth/options";
import { closeDb, db } from "@/server/db";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { dryRunAllocation } from "@/server/services/stock/dry-run-allocation";
import { getSkuDetail } from "@/server/services/stock/get-sku-detail";
import { getStockGrid } from "@/server/services/stock/get-stock-grid";
import { reconcileStock } from "@/server/services/stock/reconcile-stock";
import { ms, percentile, timeRuns, type Measure } from "./lib";
import { ensureGridSkus } from "./stock-fixture";

const RUNS = 100;

export async function benchStock(_actor: SessionUser): Promise<Measure[]> {
  await ensureGridSkus(db as unknown as PrismaClient, 10_000, (s) => console.log(`  ${s}`));
  const skuCount = await db.sku.count();
  const p = (s: number[]) => percentile(s, 95);

  const page1 = await timeRuns(() => getStockGrid({ limit: 50 }), RUNS);
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const r = await getStockGrid({ limit: 50, after: after ?? undefined });
    if (!r.nextCursor) break;
    after = r.nextCursor;
  }
  const deepAfter = after ?? undefined;
  const deep = await timeRuns(() => getStockGrid({ limit: 50, after: deepAfter }), RUNS);
  const low = await timeRuns(() => getStockGrid({ limit: 50, filter: "LOW" }), RUNS);
  const out = await timeRuns(() => getStockGrid({ limit: 50, filter: "OUT" }), RUNS);
  const back = await timeRuns(() => getStockGrid({ limit: 50, filter: "BACKORDERED" }), RUNS);
  const search = await timeRuns((i) => getStockGrid({ limit: 50, search: ["CAM", "BENCH-GRID-07", "produto de teste 12", "Vestido"][i % 4] }), RUNS);

  const busiest = await db.$queryRaw<{ skuId: string }[]>`
    SELECT "skuId" FROM "StockMovement" GROUP BY 1 ORDER BY count(*) DESC LIMIT 20`;
  const detail = await timeRuns((i) => getSkuDetail({ skuId: busiest[i % busiest.length]?.skuId as string }), 50, 3);
  const codes = await db.sku.findMany({ take: 3, orderBy: { code: "asc" }, select: { code: true } });
  const dry = await timeRuns(() => dryRunAllocation({ destinationState: "BA", lines: codes.map((c) => ({ sku: c.code, quantity: 2 })) }), RUNS);

  const baseline = await timeRuns(() => db.$queryRaw`SELECT 1`, RUNS);
  const t = performance.now();
  const report = await reconcileStock();
  const reconcileMs = performance.now() - t;

  const row = (name: string, samples: number[], limit: number): Measure => ({ name, target: `≤ ${limit} ms`, value: ms(p(samples)), pass: p(samples) <= limit });
  return [
    row(`Stock grid page 1, ${skuCount.toLocaleString("en")} SKUs (p95)`, page1, 50),
    row("Stock grid page 101 (keyset by code, p95)", deep, 50),
    row("Stock grid, low-stock filter (p95)", low, 100),
    row("Stock grid, out-of-stock filter (p95)", out, 100),
    row("Stock grid, has-backorders filter (p95)", back, 100),
    row("Stock grid, search code/name prefix (p95)", search, 100),
    row("SKU page: levels, bins, reservations, ledger, 90-day chart (busiest SKUs, p95)", detail, 150),
    row("Allocation dry run, 3 lines (p95)", dry, 25),
    { name: "… machine baseline: one Prisma round trip, SELECT 1 (p95)", target: "", value: ms(p(baseline)), pass: null, detail: "every figure above is a few of these" },
    {
      name: "Stock reconciliation, whole ledger (once)",
      target: "zero drift",
      value: `${ms(reconcileMs)}, ${report.scanned.movements.toLocaleString("en")} movements`,
      pass: report.ok,
      detail: report.ok ? undefined : JSON.stringify(report.driftCount),
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchStock({ id: "", name: "bench", email: "", role: "ADMIN", locale: "en" });
  for (const r of rows) console.log(`${r.pass === null ? " " : r.pass ? "✓" : "✗"} ${r.name}: ${r.value} (target ${r.target})${r.detail ? ` — ${r.detail}` : ""}`);
  await closeDb();
}
