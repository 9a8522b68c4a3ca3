/**
 * A paid order that is cancelled owes its customer a refund: a REFUND_DUE exception opens in the cancel's
 * transaction, the order page and /exceptions show it, and a refund the channel records later closes it.
 * So does money a channel update reports on an order already cancelled (a boleto paid after the cancel).
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
import { updateChannelOrder } from "@/server/services/order/update-channel-order";
import { buildWorld, capture, orderInput } from "@/server/services/stock/stock-test-fixtures";
import { captureOrder } from "@/server/services/order/capture-order";
import type { ChannelOrderInput } from "@/server/channels/types";

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

describe("refund due on money that arrives after the cancel (a channel update)", () => {
  /**
   * An order captured unpaid (a boleto) or only authorized and cancelled in Fluxo; `update` delivers the channel's
   * next version of it (a later updatedAt each time, or the same one again with `again`).
   */
  async function cancelledOrder(paymentStatus: PaymentStatus = "PENDING", cancel = true) {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["BOL-1"] });
    const input = orderInput({ lines: [{ sku: "BOL-1", quantity: 2 }], paymentStatus });
    const orderId = await capture(w, { lines: [{ sku: "BOL-1", quantity: 2 }], paymentStatus, externalId: input.externalId, placedAt: input.placedAt });
    if (cancel) await as(operator).order.bulk({ orderIds: [orderId], action: { type: "CANCEL", reason: "boleto não pago" } });
    let version = input.updatedAt.getTime();
    const update = (changes: Partial<ChannelOrderInput>, again = false) => {
      if (!again) version += 60_000;
      return updateChannelOrder({ channelId: w.channelId, input: { ...input, ...changes, updatedAt: new Date(version) }, actorLabel: "channel:Loja" });
    };
    const number = (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } })).number;
    return { orderId, number, update };
  }
  const payment = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, paymentStatus: true } }));

  it("a boleto paid after the cancel: the update records PAID, opens REFUND_DUE with a timeline event, shown on the order page and /exceptions", async () => {
    const o = await cancelledOrder();
    expect(await refundDues(o.orderId)).toEqual([]);

    expect(await o.update({ paymentStatus: "PAID" })).toMatchObject({ outcome: "UPDATED" });
    expect(await payment(o.orderId)).toEqual({ status: "CANCELLED", paymentStatus: "PAID" });
    expect(await refundDues(o.orderId)).toEqual([
      expect.objectContaining({
        status: "OPEN",
        data: { paidCents: 2_000, totalCents: 2_000, refundedCents: 0, currency: "BRL", paymentStatus: "PAID", paidAfterCancel: true },
        message: `Refund due: the customer paid BRL 20.00 after order #${o.number} was cancelled.`,
      }),
    ]);
    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId: o.orderId, type: "order.paid_after_cancel" } });
    expect(event).toMatchObject({ fromStatus: "CANCELLED", toStatus: "CANCELLED", actorLabel: "channel:Loja", data: { payment: { from: "PENDING", to: "PAID" }, refundDue: true } });

    const page = await as(manager).order.get({ id: o.orderId });
    expect(page.refundDue?.text).toEqual({ key: "REFUND_DUE_PAID_AFTER_CANCEL", params: { order: o.number, paid: 20 }, money: { params: ["paid"], currency: "BRL" } });
    const listed = await as(operator).exception.list({ type: "REFUND_DUE" });
    expect(listed.items.map((e) => [e.order?.id, e.status, e.text?.key])).toEqual([[o.orderId, "OPEN", "REFUND_DUE_PAID_AFTER_CANCEL"]]);
  });

  it("the same news again (a repeated or later update saying paid) opens no second one", async () => {
    const o = await cancelledOrder();
    await o.update({ paymentStatus: "PAID" });
    expect(await o.update({ paymentStatus: "PAID" }, true)).toMatchObject({ outcome: "SAME_VERSION" });
    expect(await o.update({ paymentStatus: "PAID", note: "pago via boleto" })).toMatchObject({ outcome: "UPDATED" });
    expect((await refundDues(o.orderId)).map((e) => e.status)).toEqual(["OPEN"]);
    expect(await db.orderEvent.count({ where: { orderId: o.orderId, type: "order.paid_after_cancel" } })).toBe(1);
  });

  it("a partial payment after the cancel, then the rest: one exception, its amount known once all is paid", async () => {
    const o = await cancelledOrder();
    await o.update({ paymentStatus: "PARTIALLY_PAID" });
    expect((await refundDues(o.orderId)).map((e) => [e.status, (e.data as { paidCents: number | null }).paidCents])).toEqual([["OPEN", null]]);
    await o.update({ paymentStatus: "PAID" });
    expect((await refundDues(o.orderId)).map((e) => [e.status, (e.data as { paidCents: number | null }).paidCents])).toEqual([["OPEN", 2_000]]);
    expect((await as(operator).order.get({ id: o.orderId })).refundDue?.text?.key).toBe("REFUND_DUE_PAID_AFTER_CANCEL");
  });

  it("an authorization voided by the cancel and captured later owes a refund too; only authorized again owes nothing", async () => {
    const o = await cancelledOrder("AUTHORIZED");
    expect(await payment(o.orderId)).toEqual({ status: "CANCELLED", paymentStatus: "VOIDED" });
    await o.update({ paymentStatus: "AUTHORIZED" });
    expect(await refundDues(o.orderId)).toEqual([]);
    await o.update({ paymentStatus: "PAID" });
    expect(await payment(o.orderId)).toEqual({ status: "CANCELLED", paymentStatus: "PAID" });
    expect((await refundDues(o.orderId))[0]?.data).toMatchObject({ paidCents: 2_000, paymentStatus: "PAID", paidAfterCancel: true });
  });

  it("a version that both cancels the order and says it is paid: cancelled, then the money is owed back", async () => {
    const o = await cancelledOrder("PENDING", false);
    await o.update({ state: "CANCELLED", paymentStatus: "PAID" });
    expect(await payment(o.orderId)).toEqual({ status: "CANCELLED", paymentStatus: "PAID" });
    expect((await refundDues(o.orderId)).map((e) => e.status)).toEqual(["OPEN"]);
    const types = (await db.orderEvent.findMany({ where: { orderId: o.orderId }, orderBy: { createdAt: "asc" }, select: { type: true } })).map((e) => e.type);
    expect(types.indexOf("order.paid_after_cancel")).toBeGreaterThan(types.indexOf("order.cancelled"));
  });

  it("the refunds the channel reports close it: a partial one updates what is due, the rest resolves it (by the system)", async () => {
    const o = await cancelledOrder();
    await o.update({ paymentStatus: "PAID" });
    await o.update({ paymentStatus: "PARTIALLY_REFUNDED", refunds: [{ externalRefundId: "rf-a", amountCents: 500 }] });
    expect(await refundDues(o.orderId)).toEqual([expect.objectContaining({ status: "OPEN", data: expect.objectContaining({ refundedCents: 500 }) })]);
    expect((await as(operator).order.get({ id: o.orderId })).refundDue?.text).toMatchObject({ key: "REFUND_DUE_PARTLY_REFUNDED", params: { paid: 20, refunded: 5, due: 15 } });

    await o.update({ paymentStatus: "REFUNDED", refunds: [{ externalRefundId: "rf-a", amountCents: 500 }, { externalRefundId: "rf-b", amountCents: 1_500 }] });
    expect(await payment(o.orderId)).toEqual({ status: "CANCELLED", paymentStatus: "REFUNDED" });
    const [done] = await refundDues(o.orderId);
    expect(done).toMatchObject({ status: "RESOLVED", resolvedById: null, data: expect.objectContaining({ refundedCents: 2_000 }) });
    expect((await as(operator).order.get({ id: o.orderId })).refundDue).toBeNull();
    // Reported again, the paid status is no news: nothing reopens.
    await o.update({ paymentStatus: "PAID" });
    expect((await refundDues(o.orderId)).map((e) => e.status)).toEqual(["RESOLVED"]);
  });

  it("a person closes it after a refund made outside the channel; the next update saying paid does not reopen it", async () => {
    const o = await cancelledOrder();
    await o.update({ paymentStatus: "PAID" });
    const page = await as(operator).order.get({ id: o.orderId });
    await as(operator).exception.resolve({ id: page.refundDue?.exceptionId as string, note: "Pix devolvido" });
    await o.update({ paymentStatus: "PAID" });
    expect((await refundDues(o.orderId)).map((e) => e.status)).toEqual(["RESOLVED"]);
    expect((await as(operator).order.get({ id: o.orderId })).refundDue).toBeNull();
  });

  it("a channel reporting the payment already refunded in full owes nothing", async () => {
    const o = await cancelledOrder();
    await o.update({ paymentStatus: "REFUNDED" });
    expect(await payment(o.orderId)).toEqual({ status: "CANCELLED", paymentStatus: "REFUNDED" });
    expect(await refundDues(o.orderId)).toEqual([]);
  });
});

describe("refund due on an order that arrives already cancelled", () => {
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeEach(async () => {
    w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["CAN-1"] });
  });

  async function arrives(paymentStatus: PaymentStatus) {
    const input = { ...orderInput({ lines: [{ sku: "CAN-1", quantity: 3 }], paymentStatus }), state: "CANCELLED" as const, cancelReason: "customer" };
    const created = await captureOrder({ channelId: w.channelId, defaultCurrency: "BRL", input, actorLabel: "channel:Loja" });
    if (!created) throw new Error("order not created");
    const { number, status } = await db.order.findUniqueOrThrow({ where: { id: created.orderId }, select: { number: true, status: true } });
    return { orderId: created.orderId, number, status };
  }

  it("cancelled on the channel with the money kept: the capture itself opens REFUND_DUE, numbered, shown on the order page", async () => {
    const o = await arrives("PAID");
    expect(o.status).toBe("CANCELLED");
    expect(await refundDues(o.orderId)).toEqual([
      expect.objectContaining({
        status: "OPEN",
        data: { paidCents: 3_000, totalCents: 3_000, refundedCents: 0, currency: "BRL", paymentStatus: "PAID" },
        message: `Refund due: the customer paid BRL 30.00 and order #${o.number} was cancelled.`,
      }),
    ]);
    const page = await as(manager).order.get({ id: o.orderId });
    expect(page.refundDue?.text).toMatchObject({ key: "REFUND_DUE", params: { order: o.number, paid: 30 } });
  });

  it("a partial refund the channel reports later updates it; the rest resolves it", async () => {
    const o = await arrives("PAID");
    await refund(o.orderId, "r-1", 1_000);
    expect((await refundDues(o.orderId)).map((e) => [e.status, (e.data as { refundedCents: number }).refundedCents])).toEqual([["OPEN", 1_000]]);
    await refund(o.orderId, "r-2", 2_000);
    expect((await refundDues(o.orderId)).map((e) => e.status)).toEqual(["RESOLVED"]);
  });

  it("arriving cancelled while unpaid, voided or refunded in full owes nothing", async () => {
    for (const status of ["PENDING", "AUTHORIZED", "VOIDED", "REFUNDED"] as const) {
      const o = await arrives(status);
      expect([status, o.status, await refundDues(o.orderId)]).toEqual([status, "CANCELLED", []]);
    }
  });
});

