/**
 * For tests of one migration on data written before it: a fresh PGlite gets
 * every migration older than `name`, then `before` (rows in the old shapes),
 * then the rest — so the test checks what the migration did to real rows.
 */
import { PGlite } from "@electric-sql/pglite";
import { pgliteRunner } from "@/server/db";
import { migrate, readMigrations } from "@/server/lib/migrator";

export async function migrateOverOldRows(name: string, before: string): Promise<PGlite> {
  const all = readMigrations();
  if (!all.some((m) => m.name === name)) throw new Error(`No migration ${name}`);
  const pg = new PGlite();
  const runner = pgliteRunner(pg);
  await migrate(runner, all.filter((m) => m.name < name));
  await pg.exec(before);
  const applied = await migrate(runner, all);
  if (!applied.includes(name)) throw new Error(`Migration ${name} was not applied`);
  return pg;
}
