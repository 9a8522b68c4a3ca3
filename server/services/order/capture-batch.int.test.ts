/**
 * Captures that arrive together share one statement (capture-order.ts
 * batcher, captureOrders). Each order must end exactly as if captured alone:
 * one customer per e-mail, the same order twice is one order, and an order the
 * database refuses fails alone without taking its batch with it.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { withTestDb } from "@/server/test/with-test-db";
import { db } from "@/server/db";
import { captureOrder, captureOrders } from "@/server/services/order/capture-order";
import { readReservationContexts } from "@/server/services/stock/reservation-read";
import { buildWorld, orderInput, type World } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
let w: World;

beforeEach(async () => {
  w = await buildWorld({
    warehouses: [{ code: "SP1", state: "SP" }, { code: "PE1", state: "PE" }, { code: "OFF", state: "RS", active: false }],
    skus: ["A", "B"],
    stock: [{ sku: "A", wh: "SP1", onHand: 7 }, { sku: "A", wh: "PE1", onHand: 3, safety: 1 }, { sku: "B", wh: "PE1", onHand: 2 }, { sku: "A", wh: "OFF", onHand: 9 }],
  });
});

const opts = (input: ReturnType<typeof orderInput>) => ({ channelId: w.channelId, defaultCurrency: "BRL", input, actorLabel: "channel:Loja" });

describe("captures in one batch", () => {
  it("writes every order with its lines and events, one customer per e-mail (the last order's name), numbers in arrival order", async () => {
    const inputs = [0, 1, 2, 3].map(() => orderInput({ lines: [{ sku: "A", quantity: 1 }, { sku: "NOT-IN-CATALOGUE", quantity: 2 }] }));
    inputs[1] = { ...inputs[1]!, customer: { name: "Ana Old", email: "Ana@Example.com" } };
    inputs[3] = { ...inputs[3]!, customer: { name: "Ana New", email: "ana@example.com", phone: "+55 11 99999-0000" } };
    inputs[2] = { ...inputs[2]!, customer: { name: "Sem Email" } };
    const results = await captureOrders(inputs.map(opts));
    expect(results.every((r) => r?.created)).toBe(true);
    const numbers = results.map((r) => r?.number as number);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);

    const ana = await db.customer.findMany({ where: { email: "ana@example.com" } });
    expect(ana).toEqual([expect.objectContaining({ name: "Ana New", phone: "+55 11 99999-0000" })]);
    const orders = await db.order.findMany({ include: { lines: { orderBy: { lineNo: "asc" } } }, orderBy: { number: "asc" } });
    expect(orders.map((o) => o.externalId)).toEqual(inputs.map((i) => i.externalId));
    expect(orders[1]?.customerId).toBe(ana[0]?.id);
    expect(orders[3]?.customerId).toBe(ana[0]?.id);
    expect(orders[2]?.customerEmail).toBeNull();
    expect(new Set(orders.map((o) => o.customerId)).size).toBe(3);
    for (const o of orders) {
      expect(o.lines.map((l) => [l.lineNo, l.sku, l.skuId, l.quantity])).toEqual([[1, "A", w.sku.A, 1], [2, "NOT-IN-CATALOGUE", null, 2]]);
      const events = await db.orderEvent.findMany({ where: { orderId: o.id }, orderBy: { id: "asc" } });
      expect(events.map((e) => e.type)).toEqual(["order.created", "order.payment_authorized"]);
    }
  });

  it("the same order twice at once is one order; the second copy reports it exists", async () => {
    const input = orderInput({ lines: [{ sku: "A", quantity: 1 }] });
    const results = await Promise.all([captureOrder(opts(input)), captureOrder(opts(input)), captureOrder(opts(input))]);
    expect(results.filter((r) => r?.created)).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(2);
    expect(await db.order.count()).toBe(1);
    expect(await db.orderLine.count()).toBe(1);
  });

  it("an order the database refuses fails alone: the others of its batch are captured", async () => {
    const good = [orderInput({ lines: [{ sku: "A", quantity: 1 }] }), orderInput({ lines: [{ sku: "A", quantity: 2 }] })];
    const bad = { ...orderInput({ lines: [{ sku: "A", quantity: 1 }] }), note: "antes\u0000depois" };
    const settled = await Promise.allSettled([good[0]!, bad, good[1]!].map((i) => captureOrder(opts(i))));
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((await db.order.findMany({ select: { externalId: true } })).map((o) => o.externalId).sort()).toEqual(good.map((g) => g.externalId).sort());
  });

  it("hands the reservation what it would have read: lines, availability of their SKUs in active warehouses, settings", async () => {
    await db.merchantSettings.upsert({ where: { id: 1 }, update: { backorderPolicy: "HOLD" }, create: { id: 1, backorderPolicy: "HOLD" } });
    const inputs = [
      orderInput({ lines: [{ sku: "A", quantity: 2 }, { sku: "NOT-IN-CATALOGUE", quantity: 1 }, { sku: "B", quantity: 1 }], shipState: "PE" }),
      orderInput({ lines: [{ sku: "B", quantity: 1 }] }),
    ];
    const results = await captureOrders(inputs.map(opts));
    const read = await readReservationContexts(undefined, results.map((r) => r?.orderId as string));
    for (const [k, r] of results.entries()) {
      if (!r) throw new Error("not captured");
      const { capturedVersion, ...handed } = r.reservation;
      const fresh = read.get(r.orderId);
      // The channel version it was captured at, for the reservation to check that nothing changed the order since.
      expect(capturedVersion).toEqual(inputs[k]?.updatedAt);
      const sorted = <T extends { skuId: string; warehouseId: string }>(rows: T[]) => [...rows].sort((a, b) => (a.skuId + a.warehouseId).localeCompare(b.skuId + b.warehouseId));
      expect({ ...handed, balances: sorted(handed.balances) }).toEqual({ ...fresh, balances: sorted(fresh?.balances ?? []) });
    }
    const first = results[0]?.reservation;
    expect(first?.order).toMatchObject({ status: "PAYMENT_AUTHORIZED", shipState: "PE", warehouseId: null, holds: [] });
    expect(first?.settings).toEqual({ backorderPolicy: "HOLD", allowSplit: false });
    expect(first?.warehouses.map((x) => x.code)).toEqual(["PE1", "SP1"]);
    expect(first?.balances).toHaveLength(3);
    expect(first?.balances).toContainEqual({ skuId: w.sku.A, warehouseId: w.wh.PE1?.id, available: 2 });
    expect(first?.lines.map((l) => [l.sku, l.skuId, l.quantity, l.reservedQty])).toEqual([["A", w.sku.A, 2, 0], ["NOT-IN-CATALOGUE", null, 1, 0], ["B", w.sku.B, 1, 0]]);
  });

  it("marks the delivery PROCESSED with its order when the order is the delivery's whole content", async () => {
    const delivery = (key: string) =>
      db.channelDelivery.create({ data: { channelId: w.channelId, deliveryKey: key, topic: "orders/create", headers: {}, rawBody: "{}", status: "RECEIVED", error: "earlier failure" } });
    const [whole, partOf] = [await delivery("d-whole"), await delivery("d-part")];
    const inputs = [orderInput({ lines: [{ sku: "A", quantity: 1 }] }), orderInput({ lines: [{ sku: "A", quantity: 1 }] })];
    const [a] = await captureOrders([
      { ...opts(inputs[0]!), deliveryId: whole.id, completesDelivery: true },
      { ...opts(inputs[1]!), deliveryId: partOf.id },
    ]);
    expect(await db.channelDelivery.findUnique({ where: { id: whole.id } })).toMatchObject({ status: "PROCESSED", orderId: a?.orderId, error: null });
    expect(await db.channelDelivery.findUnique({ where: { id: partOf.id } })).toMatchObject({ status: "RECEIVED", orderId: null, error: "earlier failure" });
  });
});
