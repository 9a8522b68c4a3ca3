/**
 * Creates prisma/migrations/<timestamp>_<name>/migration.sql from the change
 * between the last committed schema and the working one.
 * `prisma migrate dev` needs a shadow database, which this offline, PGlite
 * path cannot give it (docs/OFFLINE.md); diffing two datamodels works.
 *
 *   npm run db:new-migration -- add_pick_lists
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(1);
}
const migrationsDir = path.resolve("prisma/migrations");
const hasMigrations = readdirSync(migrationsDir, { withFileTypes: true }).some((d) => d.isDirectory());

let from = ["--from-empty"];
if (hasMigrations) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "fluxo-schema-"));
  const prev = path.join(tmp, "prev.prisma");
  writeFileSync(prev, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
  from = ["--from-schema-datamodel", prev];
}
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } },
);
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.error("No schema change found: nothing written.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it (add CHECK constraints or partial indexes Prisma cannot express) and commit it.`);
