/**
 * A fresh database for one integration test file, built from the checked-in
 * migrations (never `db push`, so a forgotten migration fails the suite).
 * PGlite in memory by default; with TEST_DATABASE_URL=postgres://… a new
 * database is created on that server for the file and dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { endHotPool, postgresClient, setDb, pgliteRunner } from "@/server/db";
import { migrate, readMigrations } from "@/server/lib/migrator";

export interface TestDb {
  db: PrismaClient;
  kind: "pglite" | "postgres";
  /** Only on PostgreSQL: the URL of this file's database (for extra pools in concurrency tests). */
  url?: string;
  /** Empty every table (between tests). */
  truncate(): Promise<void>;
  close(): Promise<void>;
}

const migrations = readMigrations();

export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

async function truncateAll(db: PrismaClient): Promise<void> {
  const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

export async function createTestDb(): Promise<TestDb> {
  const serverUrl = testDatabaseUrl();
  if (serverUrl) {
    const name = `fluxo_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await migrate(
      {
        exec: async (sql) => void (await client.query(sql)),
        query: async <R,>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
      },
      migrations,
    );
    await client.end();
    const db = postgresClient(url.toString(), 20);
    setDb(db);
    return {
      db,
      kind: "postgres",
      url: url.toString(),
      truncate: () => truncateAll(db),
      async close() {
        await endHotPool(db);
        await db.$disconnect();
        setDb(undefined);
        const drop = new pg.Client({ connectionString: serverUrl });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      },
    };
  }
  const pglite = new PGlite();
  await migrate(pgliteRunner(pglite), migrations);
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  setDb(db, pglite);
  return {
    db,
    kind: "pglite",
    truncate: () => truncateAll(db),
    async close() {
      await db.$disconnect();
      await pglite.close();
      setDb(undefined);
    },
  };
}
