/**
 * The single Prisma client factory. PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite in <data dir>/pglite (one process may open it,
 * so the instance is a process-wide singleton). The client is created lazily:
 * `next build` imports server modules and must not open the data directory.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { dataDir, env } from "@/server/env";
import type { SqlRunner } from "@/server/lib/migrator";

export type Db = PrismaClient;
/** A transaction client or the root client. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface DbGlobal {
  prisma?: PrismaClient;
  pglite?: PGlite;
}
const g = globalThis as unknown as { __fluxoDb?: DbGlobal };
const state: DbGlobal = (g.__fluxoDb ??= {});

export function openPglite(dir = path.join(dataDir(), "pglite")): PGlite {
  if (!state.pglite) {
    mkdirSync(dir, { recursive: true });
    state.pglite = new PGlite(dir);
  }
  return state.pglite;
}

export function createPrisma(): PrismaClient {
  const url = env().DATABASE_URL;
  if (url) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE }) });
  }
  return new PrismaClient({ adapter: new PrismaPGlite(openPglite()) });
}

export function getDb(): PrismaClient {
  state.prisma ??= createPrisma();
  return state.prisma;
}

/** Tests (and scripts) install their own client. */
export function setDb(client: PrismaClient | undefined, pglite?: PGlite): void {
  state.prisma = client;
  state.pglite = pglite;
}

export async function closeDb(): Promise<void> {
  await state.prisma?.$disconnect();
  await state.pglite?.close();
  state.prisma = undefined;
  state.pglite = undefined;
}

/** `db.order.findMany(...)` anywhere on the server; resolved on first use. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_t, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

/** Raw SQL access for the migrator, on whichever database is configured. */
export async function withSqlRunner<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const url = env().DATABASE_URL;
  if (url) {
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    try {
      return await fn({
        exec: async (sql) => void (await client.query(sql)),
        query: async <R,>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
      });
    } finally {
      await client.end();
    }
  }
  return fn(pgliteRunner(openPglite()));
}

export function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <R,>(sql: string, params?: unknown[]) => (await pglite.query<R>(sql, params)).rows,
  };
}
