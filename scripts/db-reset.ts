/**
 * npm run db:reset — drop everything and start again: migrations, then the
 * demo seed (pass --orders N to size it). Refuses to touch PostgreSQL unless
 * FLUXO_ALLOW_RESET=1, because that is where real data lives.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { closeDb, getDb, withSqlRunner } from "@/server/db";
import { dataDir, usesPostgres } from "@/server/env";
import { migrate } from "@/server/lib/migrator";
import { seed, DEMO_USERS } from "@/prisma/seed/index";

const idx = process.argv.indexOf("--orders");
const orders = idx > 0 ? Number(process.argv[idx + 1]) : 2000;

if (usesPostgres()) {
  if (process.env.FLUXO_ALLOW_RESET !== "1") {
    console.error("Refusing to reset a PostgreSQL database. Set FLUXO_ALLOW_RESET=1 if you really mean it.");
    process.exit(1);
  }
  await withSqlRunner((r) => r.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"));
} else {
  rmSync(path.join(dataDir(), "pglite"), { recursive: true, force: true });
}
await withSqlRunner((r) => migrate(r));
const summary = await seed(getDb(), { orders, log: console.log });
console.log(summary);
for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(10)} ${u.email.padEnd(24)} password: ${u.password}`);
await closeDb();
