/** Revenue on the dashboard is for ADMIN, MANAGER and OPERATOR: the warehouse gets the counts and no money at all. */
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import type { Role } from "@/server/lib/roles";
import { createChannel, createUser, insertOrder } from "@/server/services/order/order-test-factory";

withTestDb();
let channelId: string;

beforeEach(async () => {
  channelId = await createChannel(db, "Loja Aurora", "SHOPIFY");
  const placedAt = new Date(Date.now() - 2 * 86_400_000);
  await insertOrder(db, { channelId, paymentStatus: "PAID", totalCents: 5_000, status: "APPROVED", currency: "BRL", placedAt });
  await insertOrder(db, { channelId, paymentStatus: "PAID", totalCents: 700, status: "APPROVED", currency: "USD", placedAt });
});

const dashboardAs = async (role: Role) => createCaller({ user: await createUser(db, role) }).dashboard.get();

describe("dashboard revenue by role", () => {
  it("answers the warehouse without any revenue figure", async () => {
    const d = await dashboardAs("WAREHOUSE");
    expect(d.revenueVisible).toBe(false);
    expect(d).not.toHaveProperty("otherCurrencies");
    expect(d.daily.length).toBeGreaterThan(0);
    for (const point of d.daily) expect(Object.keys(point).sort()).toEqual(["day", "orders"]);
    expect(JSON.stringify(d)).not.toMatch(/revenueCents|otherCurrencies/);
    expect(d.daily.reduce((a, x) => a + x.orders, 0)).toBe(2); // the counts stay
  });

  it.each(["ADMIN", "MANAGER", "OPERATOR"] as const)("answers %s with the revenue", async (role) => {
    const d = await dashboardAs(role);
    expect(d.revenueVisible).toBe(true);
    expect(d.daily.reduce((a, x) => a + (x.revenueCents ?? 0), 0)).toBe(5_000);
    expect(d.otherCurrencies).toEqual([{ currency: "USD", revenueCents: 700 }]);
  });
});

describe("dashboard period through the router", () => {
  const DAY = 86_400_000;
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);

  it("7 days count only the orders placed in those days, as the orders list filtered on them does", async () => {
    // beforeEach: two orders 2 days ago. São Paulo has no daylight saving: N×24 h ago is N calendar days ago.
    await insertOrder(db, { channelId, paymentStatus: "PAID", totalCents: 1_000, status: "SHIPPED", currency: "BRL", placedAt: at(6) }); // oldest day in
    await insertOrder(db, { channelId, paymentStatus: "PAID", totalCents: 9_000, status: "SHIPPED", currency: "BRL", placedAt: at(7) }); // a day too old
    await insertOrder(db, { channelId, paymentStatus: "PAID", totalCents: 4_000, status: "DELIVERED", currency: "BRL", placedAt: at(10) });
    const caller = createCaller({ user: await createUser(db, "MANAGER") });
    const week = await caller.dashboard.get({ period: "7d" });
    expect(week.period.key).toBe("7d");
    expect(week.daily).toHaveLength(7);
    expect(week.daily[0]?.day).toBe(week.period.from);
    expect(week.daily.at(-1)?.day).toBe(week.period.to);
    expect(week.orders).toBe(3); // the two of beforeEach (the USD one counts as an order too) and the 6-day-old one
    expect(week.revenueCents).toBe(5_000 + 1_000);
    expect(week.previous).toEqual({ orders: 2, revenueCents: 9_000 + 4_000 });
    // the drill-down: the orders list with the same days counts the same orders
    const listed = await caller.order.counts({ filter: { from: week.period.from, to: week.period.to } });
    expect(listed.total).toEqual({ count: week.orders, capped: false });
    const list = await caller.order.list({ filter: { from: week.period.from, to: week.period.to } });
    expect(list.items).toHaveLength(3);

    const month = await caller.dashboard.get({ period: "30d" });
    expect(month.orders).toBe(5);
    expect(await caller.dashboard.get()).toEqual(month); // 30 days is the default
    const today = await caller.dashboard.get({ period: "today" });
    expect([today.orders, today.daily.length, today.period.from]).toEqual([0, 1, today.period.to]);
  });

  it.each(["today", "7d", "30d", "90d", "this_month", "last_month"] as const)("gives the warehouse no revenue for %s", async (period) => {
    const d = await createCaller({ user: await createUser(db, "WAREHOUSE") }).dashboard.get({ period });
    expect(d.revenueVisible).toBe(false);
    expect(d).not.toHaveProperty("revenueCents");
    expect(d.previous).toEqual({ orders: expect.any(Number) });
    expect(JSON.stringify(d)).not.toMatch(/revenueCents|otherCurrencies/);
    const office = await createCaller({ user: await createUser(db, "OPERATOR") }).dashboard.get({ period });
    expect(d.orders).toBe(office.orders);
    expect(office.revenueCents).toEqual(expect.any(Number));
  });

  it("refuses a period it does not know", async () => {
    const caller = createCaller({ user: await createUser(db, "MANAGER") });
    // @ts-expect-error — not a period
    await expect(caller.dashboard.get({ period: "365d" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("dashboard orders needing attention", () => {
  it("counts on-hold and overdue orders as the orders list filtered on them does, and not for the warehouse", async () => {
    const past = new Date(Date.now() - 86_400_000);
    await insertOrder(db, { channelId, status: "APPROVED", onHold: true });
    await insertOrder(db, { channelId, status: "APPROVED", onHold: true, shipBy: past }); // both
    await insertOrder(db, { channelId, status: "PICKING", shipBy: past });
    await insertOrder(db, { channelId, status: "SHIPPED", shipBy: past }); // shipped: not overdue
    await insertOrder(db, { channelId, status: "APPROVED", shipBy: new Date(Date.now() + 86_400_000) });
    const caller = createCaller({ user: await createUser(db, "MANAGER") });
    const d = await caller.dashboard.get({ period: "today" });
    expect(d.attention).toEqual({ onHold: { count: 2, capped: false }, overdue: { count: 2, capped: false } });
    expect((await caller.order.counts({ filter: { onHold: true } })).total).toEqual(d.attention?.onHold);
    expect((await caller.order.counts({ filter: { overdue: true } })).total).toEqual(d.attention?.overdue);
    const warehouse = await createCaller({ user: await createUser(db, "WAREHOUSE") }).dashboard.get();
    expect(warehouse).not.toHaveProperty("attention");
  });
});
