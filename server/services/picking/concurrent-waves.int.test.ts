/**
 * Real concurrency on PostgreSQL (skipped on PGlite, which has one
 * connection): wave creations running at the same time through two separate
 * pools never claim the same order.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { db, setDb } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { createTestDb, testDatabaseUrl, type TestDb } from "@/server/test/test-db";
import { createPickList, type CreatePickListInput, type CreatePickListResult } from "@/server/services/picking/create-pick-list";
import { allocatedOrder, buildPickWorld, makeUser, type PickWorld } from "@/server/services/picking/picking-test-fixtures";

describe.skipIf(!testDatabaseUrl())("concurrent wave creation (PostgreSQL)", () => {
  let t: TestDb;
  let poolA: PrismaClient;
  let poolB: PrismaClient;
  let picker: SessionUser;

  beforeAll(async () => {
    t = await createTestDb();
    poolA = new PrismaClient({ adapter: new PrismaPg({ connectionString: t.url as string, max: 4 }) });
    poolB = new PrismaClient({ adapter: new PrismaPg({ connectionString: t.url as string, max: 4 }) });
  });
  afterAll(async () => {
    await poolA.$disconnect();
    await poolB.$disconnect();
    setDb(t.db);
    await t.close();
  });
  beforeEach(async () => {
    setDb(t.db);
    await t.truncate();
    picker = await makeUser("WAREHOUSE");
  });

  async function world(orders: number): Promise<{ w: PickWorld; ids: string[] }> {
    const w = await buildPickWorld({ skus: ["X", "Y"], stock: [["X", "A-01-1-1", 1000], ["Y", "B-01-1-1", 1000]] });
    const ids: string[] = [];
    for (let i = 0; i < orders; i++) {
      ids.push(await allocatedOrder(w, [{ sku: i % 2 ? "X" : "Y", quantity: 1 + (i % 3) }], { placedAt: new Date(Date.UTC(2026, 0, 1, 8, 0, i)) }));
    }
    return { w, ids };
  }

  /** Starts each creation on its own pool: the service resolves its client when it opens the transaction. */
  function onPools(inputs: CreatePickListInput[]): Promise<PromiseSettledResult<CreatePickListResult>[]> {
    const started = inputs.map((input, i) => {
      setDb(i % 2 === 0 ? poolA : poolB);
      return createPickList({ actor: picker, input });
    });
    setDb(t.db);
    return Promise.allSettled(started);
  }

  it("splits the waiting orders between simultaneous waves, each order claimed once", async () => {
    const { w, ids } = await world(120);
    // Room for 150: whatever the interleaving, every wave finds at least 20 orders nobody else holds.
    const results = await onPools(Array.from({ length: 3 }, () => ({ mode: "wave" as const, warehouseId: w.whId, maxOrders: 50 })));
    const made = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(made.length).toBe(3);

    const rows = await db.pickListOrder.findMany({ select: { orderId: true, pickListId: true } });
    const claimed = rows.map((r) => r.orderId);
    expect(new Set(claimed).size).toBe(claimed.length); // never in two lists
    expect(claimed.length).toBe(120);
    expect(new Set(claimed)).toEqual(new Set(ids));
    expect(made.reduce((n, r) => n + r.orders, 0)).toBe(120);
    const started = await db.orderEvent.groupBy({ by: ["orderId"], where: { type: "order.picking_started" }, _count: { _all: true } });
    expect(started.length).toBe(120);
    expect(started.every((s) => s._count._all === 1)).toBe(true);
    expect(await db.order.count({ where: { id: { in: ids }, status: "PICKING" } })).toBe(120);
    // Each order's lines belong to its own list.
    const stray = await db.$queryRawUnsafe<{ n: number }[]>(`
      SELECT count(*)::int AS n FROM "PickListLine" pl
      LEFT JOIN "PickListOrder" po ON po."pickListId" = pl."pickListId" AND po."orderId" = pl."orderId"
      WHERE po."orderId" IS NULL`);
    expect(stray[0]?.n).toBe(0);
  });

  it("the same order asked for twice at once lands in one list; the other request is refused", async () => {
    const { ids } = await world(1);
    const id = ids[0] as string;
    const results = await onPools([{ mode: "orders", orderIds: [id] }, { mode: "orders", orderIds: [id] }]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code?: string }] : []));
    expect(ok.length).toBe(1);
    expect(refused.map((e) => e.code)).toEqual(["CONFLICT"]);
    expect(await db.pickListOrder.count({ where: { orderId: id } })).toBe(1);
  });
});
