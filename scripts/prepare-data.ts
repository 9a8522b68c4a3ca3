/**
 * Makes the configured database ready: applies migrations and, on first run,
 * seeds the demo merchant and prints the demo users. Used by `npm start` and
 * `npm run dev`; safe to run on every start.
 */
import { authSecret } from "@/server/auth/secret";
import { closeDb, getDb, withSqlRunner } from "@/server/db";
import { usesPostgres } from "@/server/env";
import { migrate } from "@/server/lib/migrator";

export async function prepareData(opts: { seedOrders?: number; log?: (s: string) => void } = {}): Promise<void> {
  const log = opts.log ?? console.log;
  authSecret();
  const applied = await withSqlRunner((r) => migrate(r));
  if (applied.length) log(`Applied ${applied.length} migration(s) to ${usesPostgres() ? "PostgreSQL" : "the embedded database"}.`);
  const db = getDb();
  const users = await db.user.count();
  if (users === 0) {
    const { seed, DEMO_USERS } = await import("@/prisma/seed/index");
    const orders = opts.seedOrders ?? Number(process.env.FLUXO_SEED_ORDERS ?? 2000);
    log(`First start: creating the demo merchant with ${orders} orders…`);
    await seed(db, { orders, log: () => {} });
    log("\nDemo users (demo only — change or remove them before real use):");
    for (const u of DEMO_USERS) log(`  ${u.role.padEnd(10)} ${u.email.padEnd(24)} password: ${u.password}`);
    log("");
  }
  await closeDb();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareData();
}
