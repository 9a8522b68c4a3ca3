/**
 * The tallies kept by the triggers on "Order" (order-tallies.ts) agree with the
 * orders themselves after every kind of write: the capture statement (one
 * statement for a batch), its reservation, the state machine, refunds, plain
 * updates, an upsert, a delete; compaction keeps every figure; and, on
 * PostgreSQL, concurrent sessions never lose a count.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { PrismaClient } from "@/server/generated/prisma/client";
import { testDatabaseUrl } from "@/server/test/test-db";
import { withTestDb } from "@/server/test/with-test-db";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { userActor } from "@/server/services/order/actor";
import { captureOrders } from "@/server/services/order/capture-order";
import { checkOrderTallies, compactOrderTallies, compactSalesRollup, orderTallies, salesByDay } from "@/server/services/order/order-tallies";
import { recordRefundTx } from "@/server/services/order/record-refund";
import { reserveCapturedOrder } from "@/server/services/stock/reserve-captured-order";
import { buildWorld, makeUser, orderInput, type World } from "@/server/services/stock/stock-test-fixtures";

const testDb = withTestDb();
let w: World;

beforeEach(async () => {
  w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A", "B"], stock: [{ sku: "A", wh: "SP1", onHand: 50 }, { sku: "B", wh: "SP1", onHand: 1 }] });
});

/** The kept figures equal the counted ones, and are not all zero (a check that compares nothing proves nothing). */
async function expectAgree(): Promise<void> {
  const c = await checkOrderTallies();
  expect(Object.fromEntries(c.kept.byChannelStatus)).toEqual(Object.fromEntries(c.counted.byChannelStatus));
  expect(Object.fromEntries(c.kept.byStatus)).toEqual(Object.fromEntries(c.counted.byStatus));
  expect(Object.fromEntries(c.keptSales)).toEqual(Object.fromEntries(c.countedSales));
  expect(c.counted.byChannelStatus.size).toBeGreaterThan(0);
}

const opts = (input: ReturnType<typeof orderInput>) => ({ channelId: w.channelId, defaultCurrency: "BRL", input, actorLabel: "channel:Loja" });

describe("order tallies", () => {
  it("agree with the orders after captures, reservations, state changes, refunds, updates, an upsert and a delete", async () => {
    const operator = await makeUser("OPERATOR");
    const placedAt = new Date("2026-03-10T14:07:00Z");
    const captured = await captureOrders([
      opts(orderInput({ lines: [{ sku: "A", quantity: 2 }], placedAt })),
      opts(orderInput({ lines: [{ sku: "B", quantity: 5 }], placedAt })),
      opts(orderInput({ lines: [{ sku: "A", quantity: 1 }], paymentStatus: "PENDING", placedAt: new Date("2026-03-10T14:29:59Z") })),
    ]);
    await expectAgree();
    const [paid, backordered, pending] = captured.map((r) => r?.orderId as string);
    expect((await orderTallies()).byChannel.get(w.channelId)).toBe(3);

    for (const orderId of [paid, backordered, pending] as string[]) await reserveCapturedOrder({ orderId, actor: userActor(operator) });
    await expectAgree();

    await applyOrderAction({ orderId: pending as string, action: { type: "CANCEL", reason: "customer gave up" }, actor: userActor(operator) });
    await expectAgree();

    await db.$transaction(async (tx) => {
      const o = await tx.order.findUniqueOrThrow({ where: { id: paid as string }, select: { id: true, paymentStatus: true, totalCents: true } });
      await recordRefundTx(tx, o, { externalRefundId: "r-1", amountCents: 500 }, "channel:Loja");
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: paid as string } })).paymentStatus).toBe("PARTIALLY_REFUNDED");
    await expectAgree();

    // Plain updates: a bulk one that changes nothing counted, one that moves an order's 15 minutes and currency.
    await db.order.updateMany({ data: { note: "checked" } });
    await db.order.update({ where: { id: backordered as string }, data: { placedAt: new Date("2026-01-02T03:04:05Z"), currency: "USD", paymentStatus: "PAID" } });
    await expectAgree();

    // An upsert that updates (as a channel's redelivery would, through raw SQL), then a delete.
    await db.$executeRaw`
      INSERT INTO "Order" ("channelId", "externalId", "customerName", status, "paymentStatus", "subtotalCents", "totalCents", "placedAt", "channelUpdatedAt")
      SELECT "channelId", "externalId", 'x', 'DELIVERED', 'PAID', 1, 1, now(), now() FROM "Order" WHERE id = ${paid}::uuid
      ON CONFLICT ("channelId", "externalId") DO UPDATE SET status = 'SHIPPED', "totalCents" = 9900`;
    await expectAgree();
    expect((await orderTallies()).byStatus.get("SHIPPED")).toBe(1);
    await db.orderEvent.deleteMany({ where: { orderId: pending as string } });
    await db.orderLine.deleteMany({ where: { orderId: pending as string } });
    await db.$executeRaw`DELETE FROM "Reservation" WHERE "orderId" = ${pending}::uuid`;
    await db.order.delete({ where: { id: pending as string } });
    await expectAgree();
    expect((await orderTallies()).byStatus.get("CANCELLED")).toBe(0);
  });

  it("give the dashboard's days in the merchant's time zone from 15-minute spans", async () => {
    // 02:50 UTC on 11 March is still 10 March in São Paulo (UTC-3); 03:05 UTC is 11 March there.
    await captureOrders([
      opts(orderInput({ lines: [{ sku: "A", quantity: 1 }], placedAt: new Date("2026-03-11T02:50:00Z") })),
      opts(orderInput({ lines: [{ sku: "A", quantity: 2 }], placedAt: new Date("2026-03-11T03:05:00Z") })),
      opts(orderInput({ lines: [{ sku: "A", quantity: 3 }], placedAt: new Date("2026-03-11T03:05:00Z"), paymentStatus: "PENDING" })),
    ]);
    const since = new Date("2026-03-01T03:00:00Z");
    expect(await salesByDay({ since, timeZone: "America/Sao_Paulo" })).toEqual([
      { day: "2026-03-10", currency: "BRL", orders: 1, receivedCents: 1000 },
      { day: "2026-03-11", currency: "BRL", orders: 2, receivedCents: 2000 },
    ]);
    expect(await salesByDay({ since, timeZone: "UTC" })).toEqual([{ day: "2026-03-11", currency: "BRL", orders: 3, receivedCents: 3000 }]);
    expect(await salesByDay({ since: new Date("2026-03-11T03:00:00Z"), timeZone: "America/Sao_Paulo" })).toEqual([
      { day: "2026-03-11", currency: "BRL", orders: 2, receivedCents: 2000 },
    ]);
    // `until` ends the window at a local midnight (the dashboard's closed periods, e.g. last month)
    expect(await salesByDay({ since, until: new Date("2026-03-11T03:00:00Z"), timeZone: "America/Sao_Paulo" })).toEqual([
      { day: "2026-03-10", currency: "BRL", orders: 1, receivedCents: 1000 },
    ]);
  });

  it("compaction folds the rows of sessions that have ended into shard 0 and keeps every figure", async () => {
    await captureOrders([opts(orderInput({ lines: [{ sku: "A", quantity: 1 }], placedAt: new Date("2026-03-10T10:00:00Z") }))]);
    // Rows a session that no longer exists left behind (no backend has pid 2^31 - 1).
    const gone = 2_147_483_647;
    await db.$executeRaw`INSERT INTO "OrderTally" ("channelId", status, shard, orders) VALUES (${w.channelId}::uuid, 'RECEIVED', ${gone}, 4), (${w.channelId}::uuid, 'SHIPPED', ${gone}, 2)`;
    await db.$executeRaw`INSERT INTO "SalesRollup" (bucket, currency, shard, orders, "revenueCents") VALUES ('2026-03-10T10:00:00Z', 'BRL', ${gone}, 4, 4000)`;
    const before = await orderTallies();
    const salesBefore = await salesByDay({ since: new Date("2026-03-01T00:00:00Z"), timeZone: "UTC" });
    expect(before.byChannel.get(w.channelId)).toBe(7);
    expect(salesBefore).toEqual([{ day: "2026-03-10", currency: "BRL", orders: 5, receivedCents: 5000 }]);

    await compactOrderTallies();
    await compactSalesRollup(new Date("2026-03-01T00:00:00Z"));
    expect(await db.$queryRaw`SELECT shard FROM "OrderTally" WHERE shard = ${gone} UNION ALL SELECT shard FROM "SalesRollup" WHERE shard = ${gone}`).toEqual([]);
    const shard0 = await db.$queryRaw<{ status: string; orders: number }[]>`SELECT status::text, orders FROM "OrderTally" WHERE shard = 0 ORDER BY 1`;
    // (PGlite does not list its own session in pg_stat_activity, so its rows may move to shard 0 as well.)
    expect(shard0).toEqual(expect.arrayContaining([{ status: "RECEIVED", orders: 4 }, { status: "SHIPPED", orders: 2 }]));
    expect(Object.fromEntries((await orderTallies()).byStatus)).toEqual(Object.fromEntries(before.byStatus));
    expect(await salesByDay({ since: new Date("2026-03-01T00:00:00Z"), timeZone: "UTC" })).toEqual(salesBefore);
  });

  // PGlite has one connection: concurrent sessions need PostgreSQL (CI).
  it.skipIf(!testDatabaseUrl())("concurrent sessions writing the same keys lose no count, each into its own rows", async () => {
    const clients = Array.from({ length: 6 }, () => new PrismaClient({ adapter: new PrismaPg({ connectionString: testDb().url as string }) }));
    try {
      await Promise.all(
        clients.map((client, c) =>
          (async () => {
            for (let i = 0; i < 20; i++) {
              await client.$executeRaw`
                INSERT INTO "Order" ("channelId", "externalId", "customerName", status, "paymentStatus", "subtotalCents", "totalCents", "placedAt", "channelUpdatedAt")
                SELECT ${w.channelId}::uuid, ${`c${c}-${i}-`} || g, 'x', 'RECEIVED', 'PAID', 100, 100, '2026-03-10T10:00:00Z', now() FROM generate_series(1, 3) g`;
              await client.$executeRaw`UPDATE "Order" SET status = 'APPROVED' WHERE "externalId" = ${`c${c}-${i}-1`}`;
            }
          })(),
        ),
      );
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
    const shards = await db.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT shard)::int AS n FROM "OrderTally" WHERE status = 'APPROVED'`;
    expect(shards[0]?.n).toBeGreaterThan(1);
    const t = await orderTallies();
    expect(t.byStatus.get("RECEIVED")).toBe(6 * 20 * 2);
    expect(t.byStatus.get("APPROVED")).toBe(6 * 20);
    await expectAgree();
  });
});
