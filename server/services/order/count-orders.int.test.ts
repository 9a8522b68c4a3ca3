import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/options";
import { testDatabaseUrl } from "@/server/test/test-db";
import { withTestDb } from "@/server/test/with-test-db";
import { countOrders } from "@/server/services/order/count-orders";
import { createChannel, createUser, insertOrder } from "@/server/services/order/order-test-factory";

const testDb = withTestDb();
let operator: SessionUser;
let channelA: string;
let channelB: string;

beforeEach(async () => {
  operator = await createUser(testDb().db, "OPERATOR");
  channelA = await createChannel(testDb().db, "Loja Shopify", "SHOPIFY");
  channelB = await createChannel(testDb().db, "Mercado Livre", "MERCADO_LIVRE");
});

describe("countOrders", () => {
  it("counts per status for the filter without its status", async () => {
    await insertOrder(testDb().db, { channelId: channelA, status: "RECEIVED" });
    await insertOrder(testDb().db, { channelId: channelA, status: "RECEIVED", onHold: true });
    await insertOrder(testDb().db, { channelId: channelA, status: "APPROVED" });
    await insertOrder(testDb().db, { channelId: channelB, status: "APPROVED" });
    const counts = await countOrders({ actor: operator, filter: { channelId: channelA, status: "APPROVED" } });
    const byStatus = Object.fromEntries(counts.byStatus.map((s) => [s.status, s.count]));
    expect(byStatus).toMatchObject({ RECEIVED: 2, APPROVED: 1, SHIPPED: 0 });
    expect(counts.byStatus).toHaveLength(14);
    expect(counts.total).toEqual({ count: 3, capped: false });
    const held = await countOrders({ actor: operator, filter: { onHold: true } });
    expect(held.total.count).toBe(1);
  });

  it("counts a search once for every status", async () => {
    await insertOrder(testDb().db, { channelId: channelA, status: "RECEIVED", customerName: "Ana Lima" });
    await insertOrder(testDb().db, { channelId: channelA, status: "APPROVED", customerName: "ana Souza", lines: [{ sku: "ANA" }] });
    await insertOrder(testDb().db, { channelId: channelA, status: "APPROVED", customerName: "Bia", lines: [{ sku: "ana" }] });
    const counts = await countOrders({ actor: operator, filter: { q: "ana" } });
    expect(counts.total.count).toBe(3);
    expect(counts.byStatus.filter((s) => s.count > 0)).toEqual([
      { status: "RECEIVED", count: 1, capped: false },
      { status: "APPROVED", count: 2, capped: false },
    ]);
    const capped = await countOrders({ actor: operator, filter: { q: "ana" }, cap: 1 });
    expect(capped.byStatus.find((s) => s.status === "APPROVED")).toEqual({ status: "APPROVED", count: 1, capped: true });
  });

  it("caps each status count of a filtered view; unfiltered or by channel, the counts are exact (the tallies)", async () => {
    for (let i = 0; i < 5; i++) await insertOrder(testDb().db, { channelId: channelA, status: "DELIVERED" });
    await insertOrder(testDb().db, { channelId: channelA, status: "RECEIVED" });
    await insertOrder(testDb().db, { channelId: channelB, status: "DELIVERED" });
    const counts = await countOrders({ actor: operator, filter: { paymentStatus: "PENDING" }, cap: 3 });
    expect(counts.byStatus.find((s) => s.status === "DELIVERED")).toEqual({ status: "DELIVERED", count: 3, capped: true });
    expect(counts.byStatus.find((s) => s.status === "RECEIVED")).toEqual({ status: "RECEIVED", count: 1, capped: false });
    expect(counts.total).toEqual({ count: 4, capped: true });
    const all = await countOrders({ actor: operator, cap: 3 });
    expect(all.byStatus.find((s) => s.status === "DELIVERED")).toEqual({ status: "DELIVERED", count: 6, capped: false });
    expect(all.total).toEqual({ count: 7, capped: false });
    const channel = await countOrders({ actor: operator, filter: { channelId: channelA, status: "RECEIVED" }, cap: 3 });
    expect(channel.byStatus.find((s) => s.status === "DELIVERED")).toEqual({ status: "DELIVERED", count: 5, capped: false });
    expect(channel.total).toEqual({ count: 6, capped: false });
  });

  it("counts “not on hold” exactly: the tallies less the held orders, per channel too", async () => {
    for (let i = 0; i < 4; i++) await insertOrder(testDb().db, { channelId: channelA, status: "DELIVERED" });
    await insertOrder(testDb().db, { channelId: channelA, status: "DELIVERED", onHold: true });
    await insertOrder(testDb().db, { channelId: channelA, status: "RECEIVED", onHold: true });
    await insertOrder(testDb().db, { channelId: channelB, status: "RECEIVED", onHold: true });
    await insertOrder(testDb().db, { channelId: channelB, status: "RECEIVED" });
    const free = await countOrders({ actor: operator, filter: { onHold: false }, cap: 3 });
    expect(free.byStatus.find((s) => s.status === "DELIVERED")).toEqual({ status: "DELIVERED", count: 4, capped: false });
    expect(free.byStatus.find((s) => s.status === "RECEIVED")).toEqual({ status: "RECEIVED", count: 1, capped: false });
    expect(free.total).toEqual({ count: 5, capped: false });
    const freeA = await countOrders({ actor: operator, filter: { channelId: channelA, onHold: false, status: "DELIVERED" } });
    expect(freeA.byStatus.find((s) => s.status === "RECEIVED")?.count).toBe(0);
    expect(freeA.total).toEqual({ count: 4, capped: false });
    // Releasing a hold moves the order into the count (the tallies did not change; the held set did).
    await testDb().db.$executeRawUnsafe(`UPDATE "Order" SET "onHold" = false WHERE "channelId" = '${channelB}'::uuid`);
    const after = await countOrders({ actor: operator, filter: { onHold: false } });
    expect(after.byStatus.find((s) => s.status === "RECEIVED")?.count).toBe(2);
    const held = await countOrders({ actor: operator, filter: { onHold: true } });
    expect(held.total.count).toBe(2);
  });

  // 100,005 rows take half a minute in PGlite: the real cap runs on PostgreSQL (CI).
  it.skipIf(!testDatabaseUrl())("caps each status at 100,000 by default when filtered; exact when not", async () => {
    await testDb().db.$executeRawUnsafe(`
      INSERT INTO "Order" ("channelId", "externalId", "customerName", status, "subtotalCents", "totalCents", "placedAt", "channelUpdatedAt")
      SELECT '${channelA}'::uuid, 'bulk-' || g, 'Bulk', 'DELIVERED', 100, 100, now(), now() FROM generate_series(1, 100005) g`);
    await insertOrder(testDb().db, { channelId: channelA, status: "RECEIVED" });
    const counts = await countOrders({ actor: operator, filter: { paymentStatus: "PENDING" } });
    expect(counts.byStatus.find((s) => s.status === "DELIVERED")).toEqual({ status: "DELIVERED", count: 100_000, capped: true });
    expect(counts.byStatus.find((s) => s.status === "RECEIVED")).toEqual({ status: "RECEIVED", count: 1, capped: false });
    expect(counts.total).toEqual({ count: 100_001, capped: true });
    expect((await countOrders({ actor: operator })).total).toEqual({ count: 100_006, capped: false });
  });
});
