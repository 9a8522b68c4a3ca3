/**
 * A person records money that arrived after the order was cancelled (a boleto or PIX paid late), through the
 * order router's act, on a fresh database: the payment status, the timeline event (the person as actor), one
 * REFUND_DUE however many times it is clicked (also at the same time, and mixed with the channel reporting the
 * same money); refused for the roles that do not mark orders paid and for an order that is not cancelled.
 */
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import type { ChannelOrderInput } from "@/server/channels/types";
import { db } from "@/server/db";
import { isDomainError } from "@/server/lib/domain-error";
import { captureOrder } from "@/server/services/order/capture-order";
import { createChannel, createUser } from "@/server/services/order/order-test-factory";
import { updateChannelOrder } from "@/server/services/order/update-channel-order";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
let operator: SessionUser;
let admin: SessionUser;
let manager: SessionUser;
let warehouse: SessionUser;
let channelId: string;
let seq = 0;

beforeEach(async () => {
  operator = await createUser(db, "OPERATOR", "Otávio Operador");
  admin = await createUser(db, "ADMIN", "Ana Admin");
  manager = await createUser(db, "MANAGER", "Glória Gerente");
  warehouse = await createUser(db, "WAREHOUSE", "Wagner Armazém");
  channelId = await createChannel(db, "Loja Telefone", "SHOPIFY");
});

const as = (user: SessionUser) => createCaller({ user });

function input(paymentStatus: ChannelOrderInput["paymentStatus"] = "PENDING"): ChannelOrderInput {
  seq += 1;
  const placedAt = new Date(Date.UTC(2026, 2, 1, 12, seq));
  return {
    externalId: `TEL-${seq}`,
    placedAt,
    updatedAt: placedAt,
    currency: "BRL",
    state: "OPEN",
    paymentStatus,
    paymentMethod: "boleto",
    customer: { name: `Cliente ${seq}`, email: `cliente${seq}@example.com` },
    lines: [{ sku: "NOT-IN-CATALOGUE", name: "Cafeteira", quantity: 1, unitPriceCents: 18_990, discountCents: 0, taxCents: 0 }],
    subtotalCents: 18_990,
    discountCents: 0,
    shippingCents: 1_010,
    taxCents: 0,
    totalCents: 20_000,
  };
}

/** A phone order whose boleto was not paid, cancelled by the operator: CANCELLED, payment PENDING. */
async function cancelledOrder(paymentStatus: ChannelOrderInput["paymentStatus"] = "PENDING") {
  const orderInput = input(paymentStatus);
  const captured = await captureOrder({ channelId, defaultCurrency: "BRL", input: orderInput, actorLabel: "channel:Loja Telefone" });
  if (!captured) throw new Error("not captured");
  const { version } = await db.order.findUniqueOrThrow({ where: { id: captured.orderId }, select: { version: true } });
  await as(operator).order.act({ orderId: captured.orderId, action: { type: "CANCEL", reason: "boleto não pago" }, expectedVersion: version });
  return { orderId: captured.orderId, number: captured.number, input: orderInput };
}

const state = (orderId: string) => db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, paymentStatus: true, version: true } });
const refundDues = (orderId: string) => db.exception.findMany({ where: { orderId, type: "REFUND_DUE" }, select: { status: true, data: true, message: true } });
const lateEvents = (orderId: string) => db.orderEvent.findMany({ where: { orderId, type: "order.paid_after_cancel" }, orderBy: { id: "asc" } });

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

function domain(e: unknown) {
  const cause = e instanceof TRPCError ? e.cause : e;
  if (!isDomainError(cause)) throw new Error(`not a domain error: ${String(e)}`);
  return cause;
}

describe("a person records a payment that arrived after the cancellation", () => {
  it("records PAID on the cancelled order, writes the event with the person as actor and opens REFUND_DUE; the page stops offering it", async () => {
    const o = await cancelledOrder();
    const before = await as(operator).order.get({ id: o.orderId });
    expect(before).toMatchObject({ status: "CANCELLED", paymentStatus: "PENDING", refundDue: null });
    expect(before.availableActions).toEqual(["PAID_AFTER_CANCEL"]);

    const r = await as(operator).order.act({
      orderId: o.orderId,
      action: { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID", note: " PIX recebido em 12/03 " },
      expectedVersion: before.version,
    });
    expect(r).toEqual({ orderId: o.orderId, from: "CANCELLED", to: "CANCELLED", version: before.version + 1 });
    expect(await state(o.orderId)).toMatchObject({ status: "CANCELLED", paymentStatus: "PAID" });

    const [event, ...more] = await lateEvents(o.orderId);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      fromStatus: "CANCELLED",
      toStatus: "CANCELLED",
      actorId: operator.id,
      actorLabel: "Otávio Operador",
      reason: "PIX recebido em 12/03",
      data: { payment: { from: "PENDING", to: "PAID" }, refundDue: true },
    });
    expect(await refundDues(o.orderId)).toEqual([
      {
        status: "OPEN",
        data: { paidCents: 20_000, totalCents: 20_000, refundedCents: 0, currency: "BRL", paymentStatus: "PAID", paidAfterCancel: true },
        message: `Refund due: the customer paid BRL 200.00 after order #${o.number} was cancelled.`,
      },
    ]);

    const after = await as(admin).order.get({ id: o.orderId });
    expect(after.availableActions).toEqual([]);
    expect(after.refundDue?.text?.key).toBe("REFUND_DUE_PAID_AFTER_CANCEL");
    expect(after.timeline[0]).toMatchObject({ type: "order.paid_after_cancel", actorLabel: "Otávio Operador" });
  });

  it("a second click (fresh or stale page) records nothing and opens no second REFUND_DUE, with a clear error", async () => {
    const o = await cancelledOrder();
    const { version } = await state(o.orderId);
    await as(admin).order.act({ orderId: o.orderId, action: { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID" }, expectedVersion: version });

    const stale = await failure(as(operator).order.act({ orderId: o.orderId, action: { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID" }, expectedVersion: version }));
    expect(domain(stale)).toMatchObject({ code: "CONFLICT", params: { current: "CANCELLED" } });
    const again = await failure(as(operator).order.act({ orderId: o.orderId, action: { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID" }, expectedVersion: version + 1 }));
    expect(domain(again)).toMatchObject({
      code: "GUARD_FAILED",
      message: "Cannot PAID_AFTER_CANCEL an order that is CANCELLED: payment is PAID; the money was already received in full (or refunded)",
      params: { current: "CANCELLED", action: "PAID_AFTER_CANCEL", rule: "PAYMENT_NOT_COMPLETE" },
    });

    expect(await state(o.orderId)).toEqual({ status: "CANCELLED", paymentStatus: "PAID", version: version + 1 });
    expect(await lateEvents(o.orderId)).toHaveLength(1);
    expect((await refundDues(o.orderId)).map((e) => e.status)).toEqual(["OPEN"]);
  });

  it("two clicks at the same time: one records the payment, the other is refused; one event, one REFUND_DUE", async () => {
    const o = await cancelledOrder();
    const { version } = await state(o.orderId);
    const results = await Promise.allSettled(
      [operator, admin, operator].map((u) => as(u).order.act({ orderId: o.orderId, action: { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID" }, expectedVersion: version })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(["CONFLICT", "GUARD_FAILED"]).toContain(domain(r.reason).code);
    expect(await lateEvents(o.orderId)).toHaveLength(1);
    expect(await refundDues(o.orderId)).toHaveLength(1);
    expect(await state(o.orderId)).toMatchObject({ paymentStatus: "PAID", version: version + 1 });
  });

  it("part of the money, then the rest: one REFUND_DUE, its amount known once all is paid; a partial payment is not offered twice", async () => {
    const o = await cancelledOrder();
    let { version } = await state(o.orderId);
    await as(operator).order.act({ orderId: o.orderId, action: { type: "PAID_AFTER_CANCEL", paymentStatus: "PARTIALLY_PAID" }, expectedVersion: version });
    expect((await refundDues(o.orderId)).map((e) => [e.status, (e.data as { paidCents: number | null }).paidCents])).toEqual([["OPEN", null]]);
    ({ version } = await state(o.orderId));
    const partAgain = await failure(as(operator).order.act({ orderId: o.orderId, action: { type: "PAID_AFTER_CANCEL", paymentStatus: "PARTIALLY_PAID" }, expectedVersion: version }));
    expect(domain(partAgain).params.rule).toBe("PAYMENT_ARRIVED");

    await as(operator).order.act({ orderId: o.orderId, action: { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID" }, expectedVersion: version });
    expect((await refundDues(o.orderId)).map((e) => [e.status, (e.data as { paidCents: number | null; paidAfterCancel?: boolean }).paidCents])).toEqual([["OPEN", 20_000]]);
    expect((await lateEvents(o.orderId)).map((e) => (e.data as { payment: unknown }).payment)).toEqual([
      { from: "PENDING", to: "PARTIALLY_PAID" },
      { from: "PARTIALLY_PAID", to: "PAID" },
    ]);
  });

  it("the channel reporting the same money afterwards changes nothing; a person after the channel is refused", async () => {
    const byPerson = await cancelledOrder();
    const { version } = await state(byPerson.orderId);
    await as(operator).order.act({ orderId: byPerson.orderId, action: { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID" }, expectedVersion: version });
    const later = new Date(byPerson.input.updatedAt.getTime() + 60_000);
    await updateChannelOrder({ channelId, input: { ...byPerson.input, paymentStatus: "PAID", updatedAt: later }, actorLabel: "channel:Loja Telefone" });
    expect(await lateEvents(byPerson.orderId)).toHaveLength(1);
    expect(await refundDues(byPerson.orderId)).toHaveLength(1);

    const byChannel = await cancelledOrder();
    await updateChannelOrder({ channelId, input: { ...byChannel.input, paymentStatus: "PAID", updatedAt: new Date(byChannel.input.updatedAt.getTime() + 60_000) }, actorLabel: "channel:Loja Telefone" });
    const now = await state(byChannel.orderId);
    expect((await as(operator).order.get({ id: byChannel.orderId })).availableActions).toEqual([]);
    const refused = await failure(as(operator).order.act({ orderId: byChannel.orderId, action: { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID" }, expectedVersion: now.version }));
    expect(domain(refused).params.rule).toBe("PAYMENT_NOT_COMPLETE");
    expect((await lateEvents(byChannel.orderId)).map((e) => e.actorLabel)).toEqual(["channel:Loja Telefone"]);
    expect(await refundDues(byChannel.orderId)).toHaveLength(1);
  });

  it("is refused to MANAGER and WAREHOUSE, and the order is left as it was", async () => {
    const o = await cancelledOrder();
    const { version } = await state(o.orderId);
    const action = { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID" } as const;
    const byManager = await failure(as(manager).order.act({ orderId: o.orderId, action, expectedVersion: version }));
    expect(byManager.code).toBe("FORBIDDEN");
    expect(domain(byManager)).toMatchObject({ code: "FORBIDDEN", params: { action: "PAID_AFTER_CANCEL" } });
    expect((await as(manager).order.get({ id: o.orderId })).availableActions).toEqual([]);
    // Warehouse staff do not reach the orders workspace at all.
    expect((await failure(as(warehouse).order.act({ orderId: o.orderId, action, expectedVersion: version }))).code).toBe("FORBIDDEN");

    expect(await state(o.orderId)).toEqual({ status: "CANCELLED", paymentStatus: "PENDING", version });
    expect(await lateEvents(o.orderId)).toEqual([]);
    expect(await refundDues(o.orderId)).toEqual([]);
  });

  it("is refused on an order that is not cancelled, saying so (its payment is recorded with MARK_PAID)", async () => {
    const captured = await captureOrder({ channelId, defaultCurrency: "BRL", input: input("PENDING"), actorLabel: "channel:Loja Telefone" });
    if (!captured) throw new Error("not captured");
    const { version } = await state(captured.orderId);
    expect((await as(operator).order.get({ id: captured.orderId })).availableActions).not.toContain("PAID_AFTER_CANCEL");
    const refused = await failure(as(operator).order.act({ orderId: captured.orderId, action: { type: "PAID_AFTER_CANCEL", paymentStatus: "PAID" }, expectedVersion: version }));
    expect(domain(refused)).toMatchObject({
      code: "INVALID_TRANSITION",
      message: "Cannot PAID_AFTER_CANCEL an order that is RECEIVED: the order is not cancelled; record its payment with MARK_PAID",
      params: { current: "RECEIVED", action: "PAID_AFTER_CANCEL", rule: "NOT_CANCELLED" },
    });
    expect(await state(captured.orderId)).toEqual({ status: "RECEIVED", paymentStatus: "PENDING", version });
    expect(await lateEvents(captured.orderId)).toEqual([]);
    expect(await refundDues(captured.orderId)).toEqual([]);
  });

  it("refuses a malformed payload at the router (no amount, or an amount that is not a payment)", async () => {
    const o = await cancelledOrder();
    const { version } = await state(o.orderId);
    const noAmount = { type: "PAID_AFTER_CANCEL" } as unknown as { type: "PAID_AFTER_CANCEL"; paymentStatus: "PAID" };
    expect((await failure(as(operator).order.act({ orderId: o.orderId, action: noAmount, expectedVersion: version }))).code).toBe("BAD_REQUEST");
    const refunded = { type: "PAID_AFTER_CANCEL", paymentStatus: "REFUNDED" } as unknown as { type: "PAID_AFTER_CANCEL"; paymentStatus: "PAID" };
    expect((await failure(as(operator).order.act({ orderId: o.orderId, action: refunded, expectedVersion: version }))).code).toBe("BAD_REQUEST");
    expect(await state(o.orderId)).toEqual({ status: "CANCELLED", paymentStatus: "PENDING", version });
  });
});
