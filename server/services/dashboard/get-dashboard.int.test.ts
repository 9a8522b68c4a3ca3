/**
 * "Revenue received, last 30 days": money received and kept on orders placed in the window — PAID totals, and
 * PARTIALLY_REFUNDED totals less their refunds; nothing for pending, authorized, partly paid, failed, voided or
 * refunded payments, nor for cancelled orders; other currencies beside it, never added to it.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { getDashboard } from "@/server/services/dashboard/get-dashboard";
import { createChannel, createUser, insertOrder } from "@/server/services/order/order-test-factory";
import { recordRefundTx } from "@/server/services/order/record-refund";
import type { OrderStatus, PaymentStatus } from "@/server/services/order/order-dimensions";

withTestDb();
let manager: SessionUser;
let channelId: string;
const DAY = 86_400_000;

beforeEach(async () => {
  manager = await createUser(db, "MANAGER");
  channelId = await createChannel(db, "Loja Aurora", "SHOPIFY");
});

async function order(paymentStatus: PaymentStatus, totalCents: number, more: { status?: OrderStatus; currency?: string; daysAgo?: number } = {}) {
  return insertOrder(db, {
    channelId,
    paymentStatus,
    totalCents,
    status: more.status ?? "APPROVED",
    currency: more.currency ?? "BRL",
    placedAt: new Date(Date.now() - (more.daysAgo ?? 2) * DAY),
  });
}

/** A refund as the channels record it (timeline event + payment status through the state machine). */
async function refund(orderId: string, amountCents: number) {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`;
    const o = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, paymentStatus: true, totalCents: true } });
    await recordRefundTx(tx, o, { externalRefundId: `r-${amountCents}-${orderId}`, amountCents }, "channel:Loja Aurora");
  });
}

const revenue = async () => {
  const d = await getDashboard({ timeZone: "America/Sao_Paulo", currency: "BRL" });
  return { total: d.daily.reduce((a, x) => a + x.revenueCents, 0), orders: d.daily.reduce((a, x) => a + x.orders, 0), other: d.otherCurrencies };
};

describe("dashboard revenue, last 30 days", () => {
  it("counts each payment status as money received and kept", async () => {
    await order("PAID", 10_000);
    await order("PENDING", 20_000); // e.g. a CSV import awaiting payment
    await order("AUTHORIZED", 30_000);
    await order("PARTIALLY_PAID", 40_000);
    await order("FAILED", 50_000);
    await order("VOIDED", 60_000);
    const partly = await order("PAID", 70_000);
    await refund(partly.id, 25_000); // → PARTIALLY_REFUNDED: 45,000 kept
    const returned = await order("PAID", 80_000);
    await refund(returned.id, 80_000); // → REFUNDED: nothing kept
    await order("REFUNDED", 90_000); // refunded by the channel's own status, no refund document
    await order("PAID", 100_000, { status: "CANCELLED" }); // refund due: not kept
    await order("PAID", 110_000, { daysAgo: 40 }); // outside the window
    await order("PAID", 12_345, { currency: "USD" });

    expect((await db.order.findUniqueOrThrow({ where: { id: partly.id } })).paymentStatus).toBe("PARTIALLY_REFUNDED");
    expect((await db.order.findUniqueOrThrow({ where: { id: returned.id } })).paymentStatus).toBe("REFUNDED");
    expect(await revenue()).toEqual({ total: 10_000 + 45_000, orders: 11, other: [{ currency: "USD", revenueCents: 12_345 }] });
  });

  it("a pending order does not move the figure until it is paid", async () => {
    const o = await order("PENDING", 15_000);
    expect((await revenue()).total).toBe(0);
    await db.order.update({ where: { id: o.id }, data: { paymentStatus: "PAID" } });
    expect((await revenue()).total).toBe(15_000);
  });

  it("is what the dashboard router answers", async () => {
    await order("PAID", 5_000);
    await order("PENDING", 7_000);
    const d = await createCaller({ user: manager }).dashboard.get();
    expect(d.daily.reduce((a, x) => a + (x.revenueCents ?? 0), 0)).toBe(5_000);
    expect(d.otherCurrencies).toEqual([]);
  });
});

describe("dashboard periods, in the merchant's calendar days", () => {
  const place = (iso: string, totalCents: number) =>
    insertOrder(db, { channelId, paymentStatus: "PAID", totalCents, status: "APPROVED", currency: "BRL", placedAt: new Date(iso) });

  it("last month is that whole month in São Paulo, the month before it the comparison", async () => {
    await place("2026-01-05T15:00:00Z", 1); // January
    await place("2026-02-01T02:59:00Z", 10); // 23:59 on 31 January in São Paulo
    await place("2026-02-01T03:00:00Z", 100); // 00:00 on 1 February
    await place("2026-03-01T02:59:00Z", 1_000); // 23:59 on 28 February
    await place("2026-03-01T03:00:00Z", 10_000); // 00:00 on 1 March: this month, not last
    const partly = await place("2026-02-10T12:00:00Z", 100_000);
    await refund(partly.id, 40_000);
    const d = await getDashboard({ timeZone: "America/Sao_Paulo", currency: "BRL", period: "last_month", now: new Date("2026-03-10T12:00:00Z") });
    expect(d.period).toEqual({ key: "last_month", from: "2026-02-01", to: "2026-02-28", previousFrom: "2026-01-01", previousTo: "2026-01-31" });
    expect(d.daily).toHaveLength(28);
    expect(d.daily.filter((x) => x.orders > 0)).toEqual([
      { day: "2026-02-01", orders: 1, revenueCents: 100 },
      { day: "2026-02-10", orders: 1, revenueCents: 60_000 },
      { day: "2026-02-28", orders: 1, revenueCents: 1_000 },
    ]);
    expect([d.orders, d.revenueCents]).toEqual([3, 61_100]);
    expect(d.previous).toEqual({ orders: 2, revenueCents: 11 });

    const march = await getDashboard({ timeZone: "America/Sao_Paulo", currency: "BRL", period: "this_month", now: new Date("2026-03-10T12:00:00Z") });
    expect([march.period.from, march.period.to, march.orders, march.revenueCents]).toEqual(["2026-03-01", "2026-03-10", 1, 10_000]);
    expect(march.previous).toEqual({ orders: 2, revenueCents: 100 + 60_000 }); // 1–10 February
    const today = await getDashboard({ timeZone: "America/Sao_Paulo", currency: "BRL", period: "today", now: new Date("2026-03-01T05:00:00Z") });
    expect([today.period.from, today.orders, today.previous.orders]).toEqual(["2026-03-01", 1, 1]);
  });
});
