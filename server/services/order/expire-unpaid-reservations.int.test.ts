/**
 * Unpaid orders give their reserved stock back after the merchant's limit
 * (EXPIRE_RESERVATION through the state machine): the job, its HTTP route,
 * the setting, and an operator doing it by hand.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { databaseErrorOf } from "@/server/services/channels/delivery-errors";
import { systemActor } from "@/server/services/order/actor";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { expireUnpaidReservations } from "@/server/services/order/expire-unpaid-reservations";
import { reconcileStock } from "@/server/services/stock/reconcile-stock";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { balance, buildWorld, capture, lines, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";

const session: { user: SessionUser | null } = { user: null };
vi.mock("@/server/auth/session", () => ({ currentUser: async () => session.user }));
const route = await import("@/app/api/jobs/unpaid-reservations/route");

withTestDb();
const channel = systemActor("channel:Loja");
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);

async function order(w: World, opts: { qty: number; hoursAgo: number; paymentStatus: "PENDING" | "PAID" | "FAILED" }): Promise<string> {
  const id = await capture(w, { lines: [{ sku: "A", quantity: opts.qty }], paymentStatus: opts.paymentStatus, placedAt: ago(opts.hoursAgo) });
  await reserveOrderStock({ orderId: id, actor: channel });
  return id;
}

const setHours = (hours: number | null) => db.merchantSettings.update({ where: { id: 1 }, data: { unpaidReservationHours: hours } });
const numberOf = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { number: true } })).number;

let w: World;
beforeEach(async () => {
  session.user = null;
  w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 4 }], settings: { backorderPolicy: "BACKORDER" } });
});

describe("expireUnpaidReservations", () => {
  it("gives back the stock of unpaid orders older than the limit, to the orders waiting for it, and leaves the rest alone", async () => {
    await setHours(72);
    const stale = await order(w, { qty: 2, hoursAgo: 80, paymentStatus: "PENDING" });
    const failed = await order(w, { qty: 1, hoursAgo: 73, paymentStatus: "FAILED" });
    const young = await order(w, { qty: 1, hoursAgo: 10, paymentStatus: "PENDING" });
    const paid = await order(w, { qty: 2, hoursAgo: 100, paymentStatus: "PAID" });
    expect((await lines(paid))[0]).toMatchObject({ reservedQty: 0, backorderedQty: 2 });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 4, reserved: 4 });

    const r = await expireUnpaidReservations();

    expect(r).toEqual({ hours: 72, orders: 2, units: 3, skipped: 0, more: false });
    for (const id of [stale, failed]) {
      expect((await lines(id))[0]).toMatchObject({ reservedQty: 0, backorderedQty: 0 });
      expect(await db.order.findUniqueOrThrow({ where: { id }, select: { status: true, fulfillmentStatus: true } })).toEqual({ status: "RECEIVED", fulfillmentStatus: "UNFULFILLED" });
      expect(await db.orderEvent.findFirst({ where: { orderId: id, type: "order.reservation_expired" } })).toMatchObject({
        actorLabel: "job:unpaid-reservations",
        reason: "Unpaid for more than 72 h",
        fromStatus: "RECEIVED",
        toStatus: "RECEIVED",
      });
    }
    const release = await db.stockMovement.findFirst({ where: { orderId: stale, type: "RELEASE" }, select: { reservedDelta: true, reason: true, actorLabel: true } });
    expect(release).toEqual({ reservedDelta: -2, reason: `Order #${await numberOf(stale)} unpaid, stock given back: Unpaid for more than 72 h`, actorLabel: "job:unpaid-reservations" });
    // The young unpaid order keeps its unit; the oldest waiting (paid) order gets the freed ones.
    expect((await lines(young))[0]).toMatchObject({ reservedQty: 1 });
    expect((await lines(paid))[0]).toMatchObject({ reservedQty: 2, backorderedQty: 0 });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 4, reserved: 3 });
    expect((await reconcileStock()).ok).toBe(true);

    // Nothing left to give back: a second run finds nothing.
    expect(await expireUnpaidReservations()).toEqual({ hours: 72, orders: 0, units: 0, skipped: 0, more: false });
  });

  it("does nothing while the setting is empty", async () => {
    await setHours(null);
    const stale = await order(w, { qty: 2, hoursAgo: 500, paymentStatus: "PENDING" });
    expect(await expireUnpaidReservations()).toEqual({ hours: null, orders: 0, units: 0, skipped: 0, more: false });
    expect((await lines(stale))[0]).toMatchObject({ reservedQty: 2 });
  });

  it("reserves again once the order is paid and approved, from what is available then", async () => {
    await setHours(24);
    const stale = await order(w, { qty: 3, hoursAgo: 30, paymentStatus: "PENDING" });
    await expireUnpaidReservations();
    await order(w, { qty: 2, hoursAgo: 1, paymentStatus: "PAID" });

    await applyOrderAction({ orderId: stale, action: { type: "MARK_PAID" }, actor: channel });
    const approved = await applyOrderAction({ orderId: stale, action: { type: "APPROVE" }, actor: channel });

    expect(approved.to).toBe("BACKORDERED");
    expect((await lines(stale))[0]).toMatchObject({ reservedQty: 2, backorderedQty: 1 });
    expect(await balance(w, "A", "SP1")).toMatchObject({ reserved: 4 });
    expect((await reconcileStock()).ok).toBe(true);
  });
});

describe("who may run it, and the setting", () => {
  it("the route takes FLUXO_JOB_TOKEN or an ADMIN session; the settings router runs it for an ADMIN only", async () => {
    await setHours(48);
    await order(w, { qty: 1, hoursAgo: 49, paymentStatus: "PENDING" });
    const post = (token?: string) =>
      route.POST(new Request("http://localhost/api/jobs/unpaid-reservations", { method: "POST", headers: token ? { authorization: `Bearer ${token}` } : {} }));

    expect((await post()).status).toBe(401);
    session.user = await makeUser("OPERATOR");
    expect((await post()).status).toBe(403);
    await expect(createCaller({ user: session.user }).settings.expireUnpaid()).rejects.toMatchObject({ code: "FORBIDDEN" });

    vi.stubEnv("FLUXO_JOB_TOKEN", "job-token-0123456789abcdef");
    session.user = null;
    expect((await post("wrong-token-0123456789abcdef")).status).toBe(401);
    const ok = await post("job-token-0123456789abcdef");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ hours: 48, orders: 1, units: 1, skipped: 0, more: false });
    vi.unstubAllEnvs();

    const admin = await makeUser("ADMIN");
    expect(await createCaller({ user: admin }).settings.expireUnpaid()).toEqual({ hours: 48, orders: 0, units: 0, skipped: 0, more: false });
  });

  it("an admin sets the limit (1–720 hours or empty); a settings update without it leaves it as it was", async () => {
    const api = createCaller({ user: await makeUser("ADMIN") });
    const base = { companyName: "Loja", timeZone: "America/Sao_Paulo", currency: "BRL", backorderPolicy: "BACKORDER" as const, allowSplitShipments: false };
    expect((await api.settings.update({ ...base, unpaidReservationHours: 72 })).unpaidReservationHours).toBe(72);
    expect((await api.settings.update(base)).unpaidReservationHours).toBe(72);
    await expect(api.settings.update({ ...base, unpaidReservationHours: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.settings.update({ ...base, unpaidReservationHours: 721 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await api.settings.update({ ...base, unpaidReservationHours: null })).unpaidReservationHours).toBeNull();
    // The database refuses what the form would: the CHECK is the last guard.
    const raw = await db.$executeRaw`UPDATE "MerchantSettings" SET "unpaidReservationHours" = 0 WHERE id = 1`.then(() => null, (e: unknown) => databaseErrorOf(e));
    expect(raw).toMatchObject({ code: "23514", message: expect.stringMatching(/unpaidReservationHours_check/) });
  });
});

describe("by hand", () => {
  it("an OPERATOR gives back an unpaid order's stock with a reason; a MANAGER may not; a paid order refuses it", async () => {
    const unpaid = await order(w, { qty: 2, hoursAgo: 1, paymentStatus: "PENDING" });
    const paid = await order(w, { qty: 1, hoursAgo: 1, paymentStatus: "PAID" });
    const operator = createCaller({ user: await makeUser("OPERATOR") });
    const manager = createCaller({ user: await makeUser("MANAGER") });
    const version = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

    await expect(
      manager.order.act({ orderId: unpaid, action: { type: "EXPIRE_RESERVATION", reason: "Boleto expired" }, expectedVersion: await version(unpaid) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(operator.order.act({ orderId: unpaid, action: { type: "EXPIRE_RESERVATION", reason: "" }, expectedVersion: await version(unpaid) })).rejects.toThrow(/reason/);
    const r = await operator.order.act({ orderId: unpaid, action: { type: "EXPIRE_RESERVATION", reason: "Boleto expired" }, expectedVersion: await version(unpaid) });
    expect(r).toMatchObject({ from: "RECEIVED", to: "RECEIVED" });
    expect((await lines(unpaid))[0]).toMatchObject({ reservedQty: 0 });
    expect(await db.orderEvent.findFirst({ where: { orderId: unpaid, type: "order.reservation_expired" }, select: { reason: true, actorLabel: true } })).toEqual({
      reason: "Boleto expired",
      actorLabel: "OPERATOR user",
    });

    await expect(
      operator.order.act({ orderId: paid, action: { type: "EXPIRE_RESERVATION", reason: "x" }, expectedVersion: await version(paid) }),
    ).rejects.toThrow(/PAYMENT_AUTHORIZED/);
    expect((await reconcileStock()).ok).toBe(true);
  });
});
