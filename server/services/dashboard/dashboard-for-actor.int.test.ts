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
