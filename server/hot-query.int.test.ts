/**
 * The hot-path pool (server/db.ts hotQuery) on PostgreSQL: when the server
 * closes its idle connections (a restart, a failover, pg_terminate_backend),
 * the process must not crash and the next query must work.
 */
import { Prisma } from "@/server/generated/prisma/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CACHED_PLAN, getDb, hotQuery, usesHotPool } from "@/server/db";
import { createTestDb, testDatabaseUrl, type TestDb } from "@/server/test/test-db";

describe.skipIf(!testDatabaseUrl())("hot-path pool (PostgreSQL)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  it("survives the server closing its idle connections, and runs cached-plan statements again", async () => {
    const one = () => hotQuery<{ n: number }>(Prisma.sql`${CACHED_PLAN}SELECT ${1}::int AS n, pg_backend_pid() AS pid`);
    const [first] = await one();
    expect(first?.n).toBe(1);
    const pid = (first as unknown as { pid: number }).pid;
    const killed = await t.db.$queryRaw<{ ok: boolean }[]>`SELECT pg_terminate_backend(${pid}::int) AS ok`;
    expect(killed[0]?.ok).toBe(true);
    // let the pool see the closed connection (the error event an uncaught handler would turn into a crash)
    await new Promise((r) => setTimeout(r, 200));
    const [again] = await one();
    expect(again?.n).toBe(1);
    expect((again as unknown as { pid: number }).pid).not.toBe(pid);
  });

  it("stays on the pg pool when the module is loaded twice (npm start: the fast path and Next's bundle share one client)", async () => {
    expect(usesHotPool(getDb())).toBe(true);
    vi.resetModules();
    const second = await import("@/server/db");
    expect(second.getDb()).toBe(getDb());
    expect(second.usesHotPool(second.getDb())).toBe(true);
  });
});
