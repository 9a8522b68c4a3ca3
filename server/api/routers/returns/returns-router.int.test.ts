import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { SessionUser } from "@/server/auth/options";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { systemActor, userActor } from "@/server/services/order/actor";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { balance, buildWorld, capture, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();

interface People { admin: SessionUser; operator: SessionUser; warehouse: SessionUser; manager: SessionUser }

async function people(): Promise<People> {
  return { admin: await makeUser("ADMIN"), operator: await makeUser("OPERATOR"), warehouse: await makeUser("WAREHOUSE"), manager: await makeUser("MANAGER") };
}

async function world(): Promise<World> {
  return buildWorld({ warehouses: [{ code: "SP1", state: "SP", bins: 2 }], skus: ["A", "B"], stock: [{ sku: "A", wh: "SP1", onHand: 10 }, { sku: "B", wh: "SP1", onHand: 10 }] });
}

/** An order taken through the real actions up to RETURN_REQUESTED (picking/packing/NF-e jumped: other features). */
async function returning(w: World, p: People, lines: { sku: string; quantity: number }[] = [{ sku: "A", quantity: 2 }]): Promise<string> {
  const id = await capture(w, { lines });
  await reserveOrderStock({ orderId: id, actor: systemActor("channel:Loja") });
  await applyOrderAction({ orderId: id, action: { type: "APPROVE" }, actor: userActor(p.operator) });
  await db.order.update({ where: { id }, data: { status: "INVOICED", fulfillmentStatus: "PACKED" } });
  await applyOrderAction({ orderId: id, action: { type: "SHIP" }, actor: userActor(p.warehouse) });
  await applyOrderAction({ orderId: id, action: { type: "DELIVER" }, actor: userActor(p.admin) });
  await applyOrderAction({ orderId: id, action: { type: "REQUEST_RETURN", reason: "wrong size" }, actor: userActor(p.operator) });
  return id;
}

async function detail(p: People, id: string) {
  return createCaller({ user: p.warehouse }).returns.get({ id });
}

describe("returns.list", () => {
  it("shows only RETURN_REQUESTED orders, newest first, keyset-paginated, with the units expected back", async () => {
    const w = await world();
    const p = await people();
    const r1 = await returning(w, p);
    const delivered = await capture(w, { lines: [{ sku: "B", quantity: 1 }] }); // RECEIVED: not a return
    const r2 = await returning(w, p, [{ sku: "A", quantity: 1 }, { sku: "B", quantity: 3 }]);
    const r3 = await returning(w, p);
    const caller = createCaller({ user: p.warehouse });

    const first = await caller.returns.list({ limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([r3, r2]);
    expect(first.items[1]?.lines.map((l) => [l.sku, l.expected])).toEqual([["A", 1], ["B", 3]]);
    expect(first.items[1]?.requestReason).toBe("wrong size");
    expect(first.nextCursor).not.toBeNull();
    const second = await caller.returns.list({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((i) => i.id)).toEqual([r1]);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.id)).not.toContain(delivered);

    const number = first.items[1]?.number;
    expect((await caller.returns.list({ search: `#${number}` })).items.map((i) => i.id)).toEqual([r2]);
    // MANAGER reads; the list is refused to nobody signed in with a role of the area.
    expect((await createCaller({ user: p.manager }).returns.list({})).items).toHaveLength(3);
  });
});

describe("returns.complete", () => {
  it("WAREHOUSE completes a return: order RETURNED, RETURN movements into the chosen bin, timeline event by the person", async () => {
    const w = await world();
    const p = await people();
    const id = await returning(w, p, [{ sku: "A", quantity: 3 }]);
    const before = await balance(w, "A", "SP1");
    const d = await detail(p, id);
    const line = d.lines[0];
    expect(line).toMatchObject({ sku: "A", expected: 3 });
    const bin = w.wh.SP1?.bins[1] as string;

    const r = await createCaller({ user: p.warehouse }).returns.complete({
      orderId: id, expectedVersion: d.version, note: "box torn",
      lines: [{ orderLineId: line?.id as string, sellable: 2, unavailable: 1, unavailableKind: "DAMAGED", binId: bin }],
    });
    expect(r).toMatchObject({ status: "RETURNED", sellable: 2, unavailable: 1, holdReleased: false });

    expect(await db.order.findUniqueOrThrow({ where: { id }, select: { status: true, fulfillmentStatus: true } })).toEqual({ status: "RETURNED", fulfillmentStatus: "RETURNED" });
    const moves = await db.stockMovement.findMany({ where: { orderId: id, type: "RETURN" }, orderBy: { id: "asc" } });
    expect(moves.map((m) => [m.binId, m.onHandDelta, m.unavailableDelta, m.unavailableKind, m.actorId])).toEqual([
      [bin, 2, 0, null, p.warehouse.id],
      [bin, 1, 1, "DAMAGED", p.warehouse.id],
    ]);
    expect(moves[0]?.reason).toContain("box torn");
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: before.onHand + 3, unavailable: before.unavailable + 1 });
    expect(await db.binStock.findUniqueOrThrow({ where: { skuId_binId: { skuId: w.sku.A as string, binId: bin } } })).toMatchObject({ onHand: 3, damaged: 1 });
    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId: id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ type: "order.returned", fromStatus: "RETURN_REQUESTED", toStatus: "RETURNED", actorId: p.warehouse.id, actorLabel: p.warehouse.name });
    expect((await createCaller({ user: p.warehouse }).returns.list({})).items).toEqual([]);
    const after = await detail(p, id);
    expect(after.status).toBe("RETURNED");
    expect(after.booked.map((b) => [b.sku, b.quantity, b.condition, b.binCode, b.actorLabel])).toEqual([
      ["A", 2, "SELLABLE", "SP1-A-02", p.warehouse.name],
      ["A", 1, "DAMAGED", "SP1-A-02", p.warehouse.name],
    ]);
  });

  it("releases the AWAITING_RETURN_ITEMS hold in the same flow; another hold still refuses, naming it", async () => {
    const w = await world();
    const p = await people();
    const id = await returning(w, p);
    await applyOrderAction({ orderId: id, action: { type: "HOLD", reason: "AWAITING_RETURN_ITEMS" }, actor: userActor(p.operator) });
    const other = await returning(w, p);
    await applyOrderAction({ orderId: other, action: { type: "HOLD", reason: "OTHER" }, actor: userActor(p.operator) });
    const caller = createCaller({ user: p.warehouse });
    const input = async (orderId: string) => {
      const d = await detail(p, orderId);
      return { orderId, expectedVersion: d.version, lines: d.lines.map((l) => ({ orderLineId: l.id, sellable: l.expected, unavailable: 0, binId: l.suggestedBinId as string })) };
    };

    expect(await caller.returns.complete(await input(id))).toMatchObject({ status: "RETURNED", holdReleased: true });
    expect(await db.orderHold.findFirstOrThrow({ where: { orderId: id } })).toMatchObject({ releasedAt: expect.any(Date) });
    expect(await db.order.findUniqueOrThrow({ where: { id }, select: { onHold: true } })).toEqual({ onHold: false });
    const types = await db.orderEvent.findMany({ where: { orderId: id }, orderBy: { id: "asc" }, select: { type: true, actorLabel: true } });
    expect(types.slice(-2)).toEqual([{ type: "order.released", actorLabel: "system" }, { type: "order.returned", actorLabel: p.warehouse.name }]);

    await expect(caller.returns.complete(await input(other))).rejects.toMatchObject({ cause: { code: "ORDER_ON_HOLD", params: { current: "RETURN_REQUESTED", holds: "OTHER" } } });
    expect(await db.order.findUniqueOrThrow({ where: { id: other }, select: { status: true } })).toEqual({ status: "RETURN_REQUESTED" });
    expect(await db.stockMovement.count({ where: { orderId: other, type: "RETURN" } })).toBe(0);
  });

  it("MANAGER (and OPERATOR) may look but not complete", async () => {
    const w = await world();
    const p = await people();
    const id = await returning(w, p);
    const d = await createCaller({ user: p.manager }).returns.get({ id });
    const input = { orderId: id, expectedVersion: d.version, lines: d.lines.map((l) => ({ orderLineId: l.id, sellable: 1, unavailable: 0, binId: l.suggestedBinId as string })) };
    for (const user of [p.manager, p.operator]) {
      const err = await createCaller({ user }).returns.complete(input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TRPCError);
      expect((err as TRPCError).code).toBe("FORBIDDEN");
    }
    expect(await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "RETURN_REQUESTED" });
  });

  it("the order page's plain action cannot complete a return (it would book no stock): the returns desk does", async () => {
    const w = await world();
    const p = await people();
    const id = await returning(w, p);
    const d = await createCaller({ user: p.warehouse }).returns.get({ id });
    const err = await createCaller({ user: p.admin }).order.act({ orderId: id, action: { type: "COMPLETE_RETURN" }, expectedVersion: d.version }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect(JSON.stringify((err as TRPCError).cause ?? err)).toContain("RETURNS_DESK");
    expect(await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "RETURN_REQUESTED" });
  });

  it("a second completion is refused with the current state, and books no stock twice", async () => {
    const w = await world();
    const p = await people();
    const id = await returning(w, p);
    const d = await detail(p, id);
    const input = { orderId: id, expectedVersion: d.version, lines: d.lines.map((l) => ({ orderLineId: l.id, sellable: l.expected, unavailable: 0, binId: l.suggestedBinId as string })) };
    const other = await makeUser("WAREHOUSE");
    const [a, b] = await Promise.allSettled([createCaller({ user: p.warehouse }).returns.complete(input), createCaller({ user: other }).returns.complete(input)]);
    const outcomes = [a, b].map((r) => r.status);
    expect(outcomes.sort()).toEqual(["fulfilled", "rejected"]);
    const loser = [a, b].find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: "CONFLICT", cause: { code: "INVALID_TRANSITION", params: { current: "RETURNED" } } });
    expect(String((loser.reason as Error).message)).toContain("RETURNED");
    expect(await db.stockMovement.count({ where: { orderId: id, type: "RETURN" } })).toBe(1);

    // Later, from a stale page: the same answer.
    await expect(createCaller({ user: p.admin }).returns.complete(input)).rejects.toMatchObject({ cause: { code: "INVALID_TRANSITION", params: { current: "RETURNED" } } });
  });

  it("refuses more units than were shipped, and a bin of another warehouse", async () => {
    const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }, { code: "RJ1", state: "RJ" }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 10 }] });
    const p = await people();
    const id = await returning(w, p);
    const d = await detail(p, id);
    const line = d.lines[0]?.id as string;
    const caller = createCaller({ user: p.warehouse });
    const base = { orderId: id, expectedVersion: d.version };
    await expect(caller.returns.complete({ ...base, lines: [{ orderLineId: line, sellable: 2, unavailable: 1, binId: w.wh.SP1?.bins[0] as string }] }))
      .rejects.toMatchObject({ cause: { code: "VALIDATION", params: { rule: "TOO_MANY_UNITS", expected: 2 } } });
    await expect(caller.returns.complete({ ...base, lines: [{ orderLineId: line, sellable: 1, unavailable: 0, binId: w.wh.RJ1?.bins[0] as string }] }))
      .rejects.toMatchObject({ cause: { code: "VALIDATION", params: { rule: "BIN_NOT_IN_WAREHOUSE" } } });
    await expect(caller.returns.complete({ ...base, lines: [{ orderLineId: line, sellable: 0, unavailable: 0, binId: w.wh.SP1?.bins[0] as string }] }))
      .rejects.toMatchObject({ cause: { code: "VALIDATION", params: { rule: "NOTHING_RECEIVED" } } });
    expect(await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "RETURN_REQUESTED" });
  });
});
