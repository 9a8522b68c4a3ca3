/**
 * Applies prisma/migrations/<name>/migration.sql in order, bookkeeping in
 * Prisma's own `_prisma_migrations` table (same checksum), so `prisma migrate
 * status` agrees with us. Used for PGlite and PostgreSQL alike: one schema,
 * one set of migrations. An advisory lock keeps two app instances that start
 * together from applying the same migration twice.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

export interface SqlRunner {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const LOCK_ID = 72_616_001;

export async function migrate(runner: SqlRunner, migrations = readMigrations()): Promise<string[]> {
  await runner.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  await runner.query(`SELECT pg_advisory_lock(${LOCK_ID})`);
  try {
    const rows = await runner.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const m of migrations) {
      const prev = done.get(m.name);
      if (prev?.finished_at) {
        if (prev.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied (checksum differs). Write a new migration instead.`);
        }
        continue;
      }
      if (prev) throw new Error(`Migration ${m.name} started earlier and did not finish: fix the database by hand, then mark it rolled back.`);
      const id = randomUUID();
      await runner.exec("BEGIN");
      try {
        await runner.exec(m.sql);
        await runner.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [id, m.checksum, m.name],
        );
        await runner.exec("COMMIT");
      } catch (e) {
        await runner.exec("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(${LOCK_ID})`);
  }
}
