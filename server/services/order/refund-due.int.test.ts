/**
 * A paid order that is cancelled owes its customer a refund: a REFUND_DUE exception opens in the cancel's
 * transaction, the order page and /exceptions show it, and a refund the channel records later closes it.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { systemActor } from "@/server/services/order/actor";
import { createChannel, createUser, insertOrder } from "@/server/services/order/order-test-factory";
import { recordOrderRefundsTx, recordRefundTx } from "@/server/services/order/record-refund";
import type { OrderStatus, PaymentStatus } from "@/server/services/order/order-dimensions";

withTestDb();
let operator: SessionUser;
let manager: SessionUser;
let channelId: string;

beforeEach(async () => {
  operator = await createUser(db, "OPERATOR", "Otávio Operador");
  manager = await createUser(db, "MANAGER", "Glória Gerente");
  channelId = await createChannel(db, "Loja Aurora", "SHOPIFY");
});

const as = (user: SessionUser) => createCaller({ user });

async function order(status: OrderStatus, paymentStatus: PaymentStatus, totalCents = 25_990) {
  return insertOrder(db, { channelId, status, paymentStatus, totalCents, fulfillmentStatus: status === "ALLOCATED" ? "ALLOCATED" : "UNFULFILLED" });
}

const refundDues = (orderId: string) =>
  db.exception.findMany({ where: { orderId, type: "REFUND_DUE" }, select: { status: true, data: true, resolvedAt: true, resolvedById: true, message: true } });

async function refund(orderId: string, externalRefundId: string, amountCents: number) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`;
    const o = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, paymentStatus: true, totalCents: true } });
    return recordRefundTx(tx, o, { externalRefundId, amountCents, currency: "BRL" }, "channel:Loja Aurora");
  });
}

describe("refund due on a cancelled paid order", () => {
  it("bulk-cancelling an APPROVED, PAID order opens REFUND_DUE with what was paid; the order page and /exceptions show it", async () => {
    const o = await order("APPROVED", "PAID");
    const [r] = await as(operator).order.bulk({ orderIds: [o.id], action: { type: "CANCEL", reason: "cliente desistiu" } });
    expect(r).toMatchObject({ ok: true, to: "CANCELLED" });

    expect(await refundDues(o.id)).toEqual([
      expect.objectContaining({
        status: "OPEN",
        data: { paidCents: 25_990, totalCents: 25_990, refundedCents: 0, currency: "BRL", paymentStatus: "PAID" },
        message: `Refund due: the customer paid BRL 259.90 and order #${o.number} was cancelled.`,
      }),
    ]);
    const cancelled = await db.orderEvent.findFirstOrThrow({ where: { orderId: o.id, type: "order.cancelled" } });
    expect(cancelled.data).toMatchObject({ refundDue: true });

    const page = await as(manager).order.get({ id: o.id });
    expect(page).toMatchObject({ status: "CANCELLED", paymentStatus: "PAID" });
    expect(page.refundDue).toMatchObject({
      text: { key: "REFUND_DUE", params: { order: o.number, paid: 259.9 }, money: { params: ["paid"], currency: "BRL" } },
    });

    const listed = await as(operator).exception.list({ type: "REFUND_DUE" });
    expect(listed.items.map((e) => [e.type, e.order?.id, e.text?.key, e.text?.money])).toEqual([
      ["REFUND_DUE", o.id, "REFUND_DUE", { params: ["paid"], currency: "BRL" }],
    ]);
    expect(await as(operator).exception.openCounts()).toContainEqual({ type: "REFUND_DUE", count: 1 });
  });

  it("cancelling an order whose payment is PENDING (or only authorized) opens nothing", async () => {
    const pending = await order("RECEIVED", "PENDING");
    const authorized = await order("PAYMENT_AUTHORIZED", "AUTHORIZED");
    await as(operator).order.bulk({ orderIds: [pending.id, authorized.id], action: { type: "CANCEL", reason: "teste" } });
    expect(await db.exception.count({ where: { type: "REFUND_DUE" } })).toBe(0);
    expect((await as(operator).order.get({ id: pending.id })).refundDue).toBeNull();
    expect((await db.order.findUniqueOrThrow({ where: { id: authorized.id } })).paymentStatus).toBe("VOIDED");
  });

  it("a partial refund updates what is still due; the refund of the rest resolves it (by the system)", async () => {
    const o = await order("ALLOCATED", "PAID", 10_000);
    await applyOrderAction({ orderId: o.id, action: { type: "CANCEL", reason: "sem estoque" }, actor: systemActor("test") });

    expect(await refund(o.id, "rf-1", 4_000)).toMatchObject({ applied: true, paymentStatus: "PARTIALLY_REFUNDED" });
    expect(await refundDues(o.id)).toEqual([expect.objectContaining({ status: "OPEN", data: expect.objectContaining({ refundedCents: 4_000 }) })]);
    expect((await as(operator).order.get({ id: o.id })).refundDue?.text).toMatchObject({
      key: "REFUND_DUE_PARTLY_REFUNDED",
      params: { order: o.number, paid: 100, refunded: 40, due: 60 },
    });

    expect(await refund(o.id, "rf-2", 6_000)).toMatchObject({ applied: true, paymentStatus: "REFUNDED" });
    const [done] = await refundDues(o.id);
    expect(done).toMatchObject({ status: "RESOLVED", resolvedById: null, data: expect.objectContaining({ refundedCents: 10_000 }) });
    expect(done?.resolvedAt).toBeInstanceOf(Date);
    expect((await as(operator).order.get({ id: o.id })).refundDue).toBeNull();
  });

  it("a later RECORD_REFUND of the full amount resolves it at once", async () => {
    const o = await order("APPROVED", "PAID", 7_500);
    await as(operator).order.bulk({ orderIds: [o.id], action: { type: "CANCEL", reason: "x" } });
    await refund(o.id, "rf-all", 7_500);
    expect((await refundDues(o.id)).map((e) => e.status)).toEqual(["RESOLVED"]);
  });

  it("a fraud rejection of a paid order owes a refund too; an order refunded in part before the cancel owes the rest", async () => {
    const rejected = await order("FRAUD_REVIEW", "PAID", 5_000);
    await as(operator).order.act({ orderId: rejected.id, action: { type: "REJECT", reason: "cartão suspeito" }, expectedVersion: 0 });
    expect((await refundDues(rejected.id)).map((e) => e.status)).toEqual(["OPEN"]);

    const partly = await order("APPROVED", "PAID", 8_000);
    await refund(partly.id, "early", 3_000);
    await as(operator).order.bulk({ orderIds: [partly.id], action: { type: "CANCEL", reason: "x" } });
    expect((await refundDues(partly.id))[0]?.data).toEqual({ paidCents: 8_000, totalCents: 8_000, refundedCents: 3_000, currency: "BRL", paymentStatus: "PARTIALLY_REFUNDED" });
  });

  it("a partly paid order: the amount is unknown, the sentence says so, and the channel's REFUNDED status resolves it", async () => {
    const o = await order("PAYMENT_AUTHORIZED", "PARTIALLY_PAID", 9_000);
    await as(operator).order.bulk({ orderIds: [o.id], action: { type: "CANCEL", reason: "x" } });
    expect((await refundDues(o.id))[0]?.data).toMatchObject({ paidCents: null, totalCents: 9_000 });
    expect((await as(operator).order.get({ id: o.id })).refundDue?.text).toMatchObject({ key: "REFUND_DUE_PARTLY_PAID", params: { order: o.number, total: 90 } });

    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Order" WHERE id = ${o.id}::uuid FOR UPDATE`;
      await recordOrderRefundsTx(tx, o.id, { refunds: [], channelPaymentStatus: "REFUNDED", actorLabel: "channel:Loja Aurora" });
    });
    expect((await refundDues(o.id)).map((e) => e.status)).toEqual(["RESOLVED"]);
  });

  it("a refund made outside the channel: an operator resolves it with a note and the notice goes away", async () => {
    const o = await order("APPROVED", "PAID");
    await as(operator).order.bulk({ orderIds: [o.id], action: { type: "CANCEL", reason: "x" } });
    const page = await as(operator).order.get({ id: o.id });
    await as(operator).exception.resolve({ id: page.refundDue?.exceptionId as string, note: "Pix devolvido em 29/11" });
    expect((await as(operator).order.get({ id: o.id })).refundDue).toBeNull();
    expect(await db.orderEvent.count({ where: { orderId: o.id, type: "exception.resolved" } })).toBe(1);
  });
});
