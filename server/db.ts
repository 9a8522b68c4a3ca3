/**
 * The single Prisma client factory. PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite in <data dir>/pglite (one process may open it,
 * so the instance is a process-wide singleton). The client is created lazily:
 * `next build` imports server modules and must not open the data directory.
 */
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { dataDir, env } from "@/server/env";
import type { SqlRunner } from "@/server/lib/migrator";

export type Db = PrismaClient;
/** A transaction client or the root client. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Process-wide, on globalThis: `npm start` loads this module twice (the webhook fast path through tsx, the pages
 * inside Next's bundle), and both must share one client, and the hot-path pools registered for it.
 */
interface DbGlobal {
  prisma?: PrismaClient;
  pglite?: PGlite;
  /** The server each PostgreSQL client talks to, for the hot-path pool next to it. */
  serverOf?: WeakMap<PrismaClient, { url: string; max: number }>;
  hotPools?: Map<string, pg.Pool>;
}
const g = globalThis as unknown as { __fluxoDb?: DbGlobal };
const state: DbGlobal = (g.__fluxoDb ??= {});
const serverOf = (state.serverOf ??= new WeakMap());
const hotPools = (state.hotPools ??= new Map());

export function openPglite(dir = path.join(dataDir(), "pglite")): PGlite {
  if (!state.pglite) {
    mkdirSync(dir, { recursive: true });
    state.pglite = new PGlite(dir);
  }
  return state.pglite;
}

/**
 * Hot-path statements (order capture, the reservation read and statement) start with this marker: on PostgreSQL
 * they become named prepared statements, parsed once per connection, and PostgreSQL settles on a cached generic
 * plan instead of planning the big CTE again for every order (bench/RESULTS.md). Other queries stay unnamed, so
 * the per-connection statement cache stays small.
 */
export const CACHED_PLAN = Prisma.raw("/* fluxo:cached-plan */ ");
const CACHED_PLAN_TEXT = "/* fluxo:cached-plan */";
const statementNames = new Map<string, string>();

function statementName(sql: string): string | undefined {
  if (!sql.startsWith(CACHED_PLAN_TEXT)) return undefined;
  let name = statementNames.get(sql);
  if (!name) {
    name = `fluxo_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/** A Prisma client on a PostgreSQL server (the app, tests, benchmarks). */
export function postgresClient(url: string, max = 10): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max }, { statementNameGenerator: (q) => statementName(q.sql) as string }),
  });
  serverOf.set(client, { url, max });
  return client;
}

/** Whether hotQuery runs this client's SQL on the plain pg pool (PostgreSQL) rather than through Prisma (PGlite). */
export function usesHotPool(client: PrismaClient): boolean {
  return serverOf.has(client);
}

/**
 * Hot-path SQL outside any transaction (order capture, the reservation read and statement, on behalf of a whole
 * batch). On PostgreSQL it runs on a plain pg pool beside Prisma's, as a named prepared statement: Prisma's client
 * costs about 1 ms of CPU per raw query, pg a fraction of that (bench/RESULTS.md). On PGlite, through Prisma.
 * Rows come back as pg parses them: json as objects, int4 as numbers, uuid as strings.
 */
export async function hotQuery<T>(query: Prisma.Sql): Promise<T[]> {
  const client = getDb();
  const server = serverOf.get(client);
  if (!server) return client.$queryRaw<T[]>(query);
  let pool = hotPools.get(server.url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: server.url, max: server.max, allowExitOnIdle: true });
    // An idle connection the server closed (a restart, a failover, a terminated backend) is dropped from the pool
    // and replaced on the next query; without a listener pg would raise it as an uncaught error.
    pool.on("error", (e: Error) => console.warn(`[db] hot-path pool: an idle connection was closed by the server (${e.message})`));
    hotPools.set(server.url, pool);
  }
  const res = await pool.query({ name: statementName(query.text), text: query.text, values: query.values as unknown[] });
  return res.rows as T[];
}

/** Hot-path SQL in the caller's transaction when there is one, else hotQuery. */
export function runSql<T>(tx: DbTx | undefined, query: Prisma.Sql): Promise<T[]> {
  return tx ? tx.$queryRaw<T[]>(query) : hotQuery<T>(query);
}

export function createPrisma(): PrismaClient {
  const url = env().DATABASE_URL;
  if (url) return postgresClient(url, env().DATABASE_POOL_SIZE);
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

/** Closes the hot-path pool beside a PostgreSQL client (before its database is dropped, or at exit). */
export async function endHotPool(client: PrismaClient | undefined): Promise<void> {
  const server = client ? serverOf.get(client) : undefined;
  const pool = server ? hotPools.get(server.url) : undefined;
  if (!server || !pool) return;
  hotPools.delete(server.url);
  await pool.end();
}

export async function closeDb(): Promise<void> {
  await endHotPool(state.prisma);
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
    const client = new pg.Client({ connectionString: url });
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
