import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { isDomainError } from "@/server/lib/domain-error";
import { testDatabaseUrl } from "@/server/test/test-db";
import { withTestDb } from "@/server/test/with-test-db";
import { captureOrder } from "@/server/services/order/capture-order";
import { createChannel, createUser } from "@/server/services/order/order-test-factory";

const testDb = withTestDb();
let operator: SessionUser;
let manager: SessionUser;
let warehouse: SessionUser;
let channelId: string;
let seq = 0;

beforeEach(async () => {
  operator = await createUser(testDb().db, "OPERATOR", "Otávio Operador");
  manager = await createUser(testDb().db, "MANAGER", "Glória Gerente");
  warehouse = await createUser(testDb().db, "WAREHOUSE", "Wagner Armazém");
  channelId = await createChannel(testDb().db, "Loja Shopify", "SHOPIFY");
});

/** A channel order through the real capture path: PENDING payment → RECEIVED, AUTHORIZED → PAYMENT_AUTHORIZED. */
async function capture(payment: "PENDING" | "AUTHORIZED" = "AUTHORIZED", customer = `Cliente ${seq + 1}`) {
  seq += 1;
  const placedAt = new Date(Date.UTC(2026, 1, 1, 12, seq));
  const r = await captureOrder({
    channelId,
    defaultCurrency: "BRL",
    actorLabel: "channel:Loja Shopify",
    input: {
      externalId: `R-${seq}`,
      externalNumber: `#${5000 + seq}`,
      placedAt,
      updatedAt: placedAt,
      currency: "BRL",
      state: "OPEN",
      paymentStatus: payment,
      paymentMethod: "credit_card",
      customer: { name: customer, email: `cliente${seq}@example.com`, phone: "+5511999990000", document: "12345678909" },
      shippingAddress: { name: customer, line1: "Av. Paulista, 1000", district: "Bela Vista", city: "São Paulo", state: "SP", postalCode: "01310-100", country: "BR" },
      lines: [
        { sku: "CAM-AZ-M", name: "Camiseta azul M", quantity: 2, unitPriceCents: 4_990, discountCents: 0, taxCents: 0 },
        { sku: "MEIA-01", name: "Meia", quantity: 1, unitPriceCents: 1_500, discountCents: 500, taxCents: 0 },
      ],
      subtotalCents: 11_480,
      discountCents: 500,
      shippingCents: 1_500,
      taxCents: 0,
      totalCents: 12_480,
    },
  });
  if (!r) throw new Error("capture failed");
  return r;
}

const as = (user: SessionUser | null) => createCaller({ user });

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

function domain(e: TRPCError) {
  const cause = e.cause;
  if (!isDomainError(cause)) throw new Error(`not a domain error: ${e.message}`);
  return cause;
}

describe("order router: access", () => {
  it("refuses WAREHOUSE on every procedure and leaves the order untouched", async () => {
    const o = await capture();
    const w = as(warehouse);
    const calls: [string, Promise<unknown>][] = [
      ["list", w.order.list({})],
      ["counts", w.order.counts({})],
      ["channels", w.order.channels()],
      ["get", w.order.get({ id: o.orderId })],
      ["act", w.order.act({ orderId: o.orderId, action: { type: "HOLD", reason: "OTHER" }, expectedVersion: 0 })],
      ["act (a warehouse action)", w.order.act({ orderId: o.orderId, action: { type: "START_PICKING" }, expectedVersion: 0 })],
      ["bulk", w.order.bulk({ orderIds: [o.orderId], action: { type: "CANCEL", reason: "x" } })],
    ];
    for (const [name, call] of calls) expect((await failure(call)).code, name).toBe("FORBIDDEN");
    const after = await testDb().db.order.findUniqueOrThrow({ where: { id: o.orderId } });
    expect(after).toMatchObject({ version: 0, status: "PAYMENT_AUTHORIZED", onHold: false });
  });

  it("refuses anonymous callers", async () => {
    expect((await failure(as(null).order.list({}))).code).toBe("UNAUTHORIZED");
    expect((await failure(as(null).order.bulk({ orderIds: [crypto.randomUUID()], action: { type: "APPROVE" } }))).code).toBe("UNAUTHORIZED");
  });
});

describe("order router: reads", () => {
  it("lists, counts and searches through the router", async () => {
    await capture("PENDING", "Maria Souza");
    const b = await capture("AUTHORIZED", "João Lima");
    const caller = as(manager);
    const page = await caller.order.list({ filter: { status: "PAYMENT_AUTHORIZED" } });
    expect(page.items.map((i) => i.number)).toEqual([b.number]);
    expect(page.items[0]).toMatchObject({ lineCount: 2, totalCents: 12_480, channel: { name: "Loja Shopify", platform: "SHOPIFY" } });
    expect((await caller.order.list({ filter: { q: "joão" } })).items.map((i) => i.number)).toEqual([b.number]);
    expect((await caller.order.list({ filter: { q: `#${b.number}` } })).items.map((i) => i.number)).toEqual([b.number]);
    const counts = await caller.order.counts({ filter: { status: "PAYMENT_AUTHORIZED" } });
    expect(counts.total).toEqual({ count: 2, capped: false });
    expect(counts.byStatus.find((s) => s.status === "RECEIVED")?.count).toBe(1);
    expect(await caller.order.channels()).toEqual([{ id: channelId, name: "Loja Shopify", platform: "SHOPIFY", active: true }]);
    expect((await failure(caller.order.list({ limit: 201 }))).code).toBe("BAD_REQUEST");
  });

  it("returns the detail with lines, customer, timeline and the viewer's actions", async () => {
    const o = await capture("AUTHORIZED", "Maria Souza");
    const detail = await as(operator).order.get({ id: o.orderId });
    expect(detail).toMatchObject({
      number: o.number,
      externalNumber: `#${5000 + seq}`,
      status: "PAYMENT_AUTHORIZED",
      paymentStatus: "AUTHORIZED",
      fulfillmentStatus: "UNFULFILLED",
      version: 0,
      totalCents: 12_480,
      channel: { id: channelId, name: "Loja Shopify", platform: "SHOPIFY" },
      customer: { name: "Maria Souza", email: `cliente${seq}@example.com`, document: "12345678909" },
      shippingAddress: { city: "São Paulo", state: "SP", postalCode: "01310-100" },
      billingAddress: null,
      holds: [],
    });
    expect(detail.lines.map((l) => [l.lineNo, l.sku, l.quantity, l.totalCents])).toEqual([
      [1, "CAM-AZ-M", 2, 9_980],
      [2, "MEIA-01", 1, 1_000],
    ]);
    expect(detail.timeline.map((e) => e.type)).toEqual(["order.payment_authorized", "order.created"]);
    expect(detail.timeline[0]).toMatchObject({ fromStatus: "RECEIVED", toStatus: "PAYMENT_AUTHORIZED", actorLabel: "channel:Loja Shopify" });
    expect(detail.availableActions).toEqual(["MARK_PAID", "SEND_TO_FRAUD_REVIEW", "APPROVE", "CANCEL", "HOLD"]);
    // A manager may approve, cancel and hold, not touch payments.
    expect((await as(manager).order.get({ id: o.orderId })).availableActions).toEqual(["APPROVE", "CANCEL", "HOLD"]);
    expect((await failure(as(operator).order.get({ id: crypto.randomUUID() }))).code).toBe("NOT_FOUND");
  });
});

describe("order router: act", () => {
  it("holds with a reason and releases, writing both to the timeline", async () => {
    const o = await capture();
    const caller = as(operator);
    const held = await caller.order.act({ orderId: o.orderId, action: { type: "HOLD", reason: "INCORRECT_ADDRESS", note: "CEP não confere" }, expectedVersion: 0 });
    expect(held).toEqual({ orderId: o.orderId, from: "PAYMENT_AUTHORIZED", to: "PAYMENT_AUTHORIZED", version: 1 });
    let detail = await caller.order.get({ id: o.orderId });
    expect(detail).toMatchObject({ onHold: true, version: 1 });
    expect(detail.holds).toMatchObject([{ reason: "INCORRECT_ADDRESS", note: "CEP não confere", active: true, createdBy: "Otávio Operador" }]);
    expect(detail.availableActions).toEqual(["MARK_PAID", "CANCEL", "HOLD", "RELEASE"]);

    await caller.order.act({ orderId: o.orderId, action: { type: "RELEASE", reason: "INCORRECT_ADDRESS" }, expectedVersion: 1 });
    detail = await caller.order.get({ id: o.orderId });
    expect(detail).toMatchObject({ onHold: false, version: 2 });
    expect(detail.holds).toMatchObject([{ reason: "INCORRECT_ADDRESS", active: false, releasedBy: "Otávio Operador" }]);
    expect(detail.timeline.slice(0, 2)).toMatchObject([
      { type: "order.released", reason: "INCORRECT_ADDRESS", actorLabel: "Otávio Operador" },
      { type: "order.held", reason: "INCORRECT_ADDRESS", actorLabel: "Otávio Operador", data: { note: "CEP não confere" } },
    ]);
    expect(detail.availableActions).toContain("APPROVE");
  });

  it("lets exactly one of two conflicting actions on the same version win; the other gets CONFLICT naming the state now", async () => {
    for (let round = 0; round < 3; round++) {
      const o = await capture();
      const cancel = () => as(operator).order.act({ orderId: o.orderId, action: { type: "CANCEL", reason: "cliente desistiu" }, expectedVersion: 0 });
      const approve = () => as(manager).order.act({ orderId: o.orderId, action: { type: "APPROVE" }, expectedVersion: 0 });
      const results = await Promise.allSettled(round % 2 === 0 ? [cancel(), approve()] : [approve(), cancel()]);
      const ok = results.filter((r) => r.status === "fulfilled");
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(ok).toHaveLength(1);
      expect(failed).toHaveLength(1);
      const e = failed[0]!.reason as TRPCError;
      expect(e.code).toBe("CONFLICT");
      const now = await testDb().db.order.findUniqueOrThrow({ where: { id: o.orderId } });
      // APPROVE hands over to stock allocation in the same transaction (→ ALLOCATED or BACKORDERED).
      expect(["CANCELLED", "APPROVED", "ALLOCATED", "BACKORDERED"]).toContain(now.status);
      expect(domain(e)).toMatchObject({ code: "CONFLICT", params: { current: now.status } });
      expect(e.message).toContain(now.status);
      expect(await testDb().db.orderEvent.count({ where: { orderId: o.orderId, type: { in: ["order.cancelled", "order.approved"] } } })).toBe(1);
    }
  });

  it.skipIf(!testDatabaseUrl())("holds under real concurrency: ten simultaneous actions on one version, one winner", async () => {
    const o = await capture();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        as(i % 2 === 0 ? operator : manager).order.act({ orderId: o.orderId, action: { type: "HOLD", reason: "OTHER", note: `try ${i}` }, expectedVersion: 0 }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // Losers get CONFLICT, or — when loadSnapshot read the order row before the winner committed
    // and its holds after (READ COMMITTED read skew) — GUARD_FAILED HOLD_ALREADY_ACTIVE. Never a second hold.
    for (const r of results) {
      if (r.status === "rejected") expect(["CONFLICT", "GUARD_FAILED"]).toContain(domain(r.reason as TRPCError).code);
    }
    expect(await testDb().db.orderHold.count({ where: { orderId: o.orderId } })).toBe(1);
  });

  it("refuses stale versions, illegal transitions, other roles' actions and missing payloads", async () => {
    const o = await capture("PENDING");
    const caller = as(operator);
    await caller.order.act({ orderId: o.orderId, action: { type: "HOLD", reason: "OTHER" }, expectedVersion: 0 });
    const stale = await failure(caller.order.act({ orderId: o.orderId, action: { type: "CANCEL", reason: "x" }, expectedVersion: 0 }));
    expect(stale.code).toBe("CONFLICT");
    expect(domain(stale).params).toEqual({ current: "RECEIVED" });

    const illegal = await failure(caller.order.act({ orderId: o.orderId, action: { type: "APPROVE" }, expectedVersion: 1 }));
    expect(illegal.code).toBe("CONFLICT");
    expect(domain(illegal)).toMatchObject({ code: "INVALID_TRANSITION", params: { current: "RECEIVED", action: "APPROVE" } });

    const notMine = await failure(as(manager).order.act({ orderId: o.orderId, action: { type: "MARK_PAID" }, expectedVersion: 1 }));
    expect(notMine.code).toBe("FORBIDDEN");
    const warehouseAction = await failure(caller.order.act({ orderId: o.orderId, action: { type: "SHIP" }, expectedVersion: 1 }));
    expect(warehouseAction.code).toBe("FORBIDDEN");

    const noReason = await failure(caller.order.act({ orderId: o.orderId, action: { type: "CANCEL", reason: "  " }, expectedVersion: 1 }));
    expect(noReason.code).toBe("BAD_REQUEST");
    expect(domain(noReason)).toMatchObject({ code: "VALIDATION", params: { field: "reason" } });

    const badType = await failure(caller.order.act({ orderId: o.orderId, action: { type: "TELEPORT" } as never, expectedVersion: 1 }));
    expect(badType.code).toBe("BAD_REQUEST");
    expect((await testDb().db.order.findUniqueOrThrow({ where: { id: o.orderId } })).version).toBe(1);
  });
});

describe("order router: bulk", () => {
  it("reports success or failure per order", async () => {
    const ready = await capture("AUTHORIZED");
    const unpaid = await capture("PENDING");
    const cancelled = await capture("AUTHORIZED");
    await as(operator).order.act({ orderId: cancelled.orderId, action: { type: "CANCEL", reason: "duplicado" }, expectedVersion: 0 });
    const missing = crypto.randomUUID();

    const results = await as(manager).order.bulk({ orderIds: [ready.orderId, unpaid.orderId, cancelled.orderId, missing], action: { type: "APPROVE" } });
    // An approved order goes straight on to stock allocation (no stock here: BACKORDERED).
    expect(["APPROVED", "ALLOCATED", "BACKORDERED"]).toContain(results[0]?.to);
    expect(results.map((r) => [r.orderId, r.ok, r.ok ? "ok" : r.error?.code])).toEqual([
      [ready.orderId, true, "ok"],
      [unpaid.orderId, false, "INVALID_TRANSITION"],
      [cancelled.orderId, false, "INVALID_TRANSITION"],
      [missing, false, "NOT_FOUND"],
    ]);
    expect(results[1]?.error?.params).toMatchObject({ current: "RECEIVED", action: "APPROVE" });
    expect(results[2]?.error?.params).toMatchObject({ current: "CANCELLED" });
  });

  it("holds, releases and cancels several orders", async () => {
    const a = await capture();
    const b = await capture("PENDING");
    const caller = as(operator);
    const held = await caller.order.bulk({ orderIds: [a.orderId, b.orderId], action: { type: "HOLD", reason: "HIGH_FRAUD_RISK", note: "lote suspeito" } });
    expect(held.every((r) => r.ok)).toBe(true);
    expect((await caller.order.list({ filter: { onHold: true } })).items).toHaveLength(2);
    const again = await caller.order.bulk({ orderIds: [a.orderId], action: { type: "HOLD", reason: "HIGH_FRAUD_RISK" } });
    expect(again[0]).toMatchObject({ ok: false, error: { code: "GUARD_FAILED", params: { rule: "HOLD_ALREADY_ACTIVE" } } });

    const released = await caller.order.bulk({ orderIds: [a.orderId, b.orderId, a.orderId], action: { type: "RELEASE", reason: "HIGH_FRAUD_RISK" } });
    expect(released.map((r) => r.ok)).toEqual([true, true]); // duplicates collapse
    const cancelled = await caller.order.bulk({ orderIds: [a.orderId, b.orderId], action: { type: "CANCEL", reason: "pedido de teste" } });
    expect(cancelled.map((r) => r.to)).toEqual(["CANCELLED", "CANCELLED"]);
    const events = await testDb().db.orderEvent.findMany({ where: { orderId: a.orderId }, orderBy: { id: "asc" }, select: { type: true } });
    expect(events.map((e) => e.type)).toEqual(["order.created", "order.payment_authorized", "order.held", "order.released", "order.cancelled"]);
  });

  it("refuses more than 200 orders and actions outside the bulk set", async () => {
    const ids = Array.from({ length: 201 }, () => crypto.randomUUID());
    expect((await failure(as(operator).order.bulk({ orderIds: ids, action: { type: "APPROVE" } }))).code).toBe("BAD_REQUEST");
    const o = await capture();
    const bad = as(operator).order.bulk({ orderIds: [o.orderId], action: { type: "MARK_PAID" } as never });
    expect((await failure(bad)).code).toBe("BAD_REQUEST");
  });
});
