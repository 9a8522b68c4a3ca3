/**
 * npx tsx scripts/reconcile-stock.ts [--limit N] [--json]
 * Recomputes every stock level from the ledger and compares (see
 * server/services/stock/reconcile-stock.ts). Prints the drift; exit code 1
 * when there is any, so it can run from cron or CI.
 */
import { closeDb } from "@/server/db";
import { usesPostgres } from "@/server/env";
import { RECONCILE_CHECKS, reconcileStock } from "@/server/services/stock/reconcile-stock";
import { sqlState } from "@/server/services/stock/stock-tx";

const args = process.argv.slice(2);
const limitArg = args.indexOf("--limit");
const limit = limitArg >= 0 ? Number(args[limitArg + 1]) : 50;
const started = performance.now();
const report = await reconcileStock({ limit: Number.isFinite(limit) && limit > 0 ? limit : 50 }).catch(async (e: unknown) => {
  // 42P01: no such table — a database Fluxo never prepared.
  if (sqlState(e) !== "42P01") throw e;
  console.error("This database has no Fluxo tables yet: run `npm run db:migrate` (or start the app once) first.");
  await closeDb();
  process.exit(2);
});
const ms = Math.round(performance.now() - started);

if (args.includes("--json")) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const db = usesPostgres() ? "PostgreSQL" : "embedded PGlite";
  console.log(`Stock reconciliation (${db}) in ${ms} ms: ${report.scanned.balances} balances, ${report.scanned.bins} bin rows, ` +
    `${report.scanned.movements} movements, ${report.scanned.activeReservations} active reservations.`);
  for (const check of RECONCILE_CHECKS) console.log(`  ${check.padEnd(15)} ${report.driftCount[check] === 0 ? "ok" : `${report.driftCount[check]} drift row(s)`}`);
  if (report.drift.length > 0) {
    console.log("\ncheck           sku                  warehouse  bin             order   field        stored  expected");
    for (const d of report.drift) {
      console.log(
        `${d.check.padEnd(15)} ${d.sku.padEnd(20)} ${(d.warehouse ?? "").padEnd(10)} ${(d.bin ?? "").padEnd(15)} ` +
          `${d.orderNumber === null ? "".padEnd(7) : `#${d.orderNumber}`.padEnd(7)} ${d.field.padEnd(12)} ${String(d.stored).padStart(6)}  ${String(d.expected).padStart(8)}`,
      );
    }
  }
  console.log(report.ok ? "\nNo drift." : "\nDRIFT FOUND: the stored levels disagree with the ledger.");
}
await closeDb();
process.exit(report.ok ? 0 : 1);
