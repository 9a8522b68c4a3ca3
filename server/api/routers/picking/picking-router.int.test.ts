/** The picking router through createCaller: who is refused, and the whole flow for warehouse staff. */
import { beforeEach, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { allocatedOrder, buildPickWorld, makeUser, orderStatus } from "@/server/services/picking/picking-test-fixtures";

withTestDb();
let users: Record<"ADMIN" | "OPERATOR" | "MANAGER" | "WAREHOUSE", SessionUser>;

beforeEach(async () => {
  users = { ADMIN: await makeUser("ADMIN"), OPERATOR: await makeUser("OPERATOR"), MANAGER: await makeUser("MANAGER"), WAREHOUSE: await makeUser("WAREHOUSE") };
});

const as = (role: keyof typeof users) => createCaller({ user: users[role] });

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (err: unknown) => err);
  return e instanceof TRPCError ? e.code : `no error (${String(e)})`;
}

describe("picking router: roles", () => {
  it.each(["OPERATOR", "MANAGER"] as const)("refuses %s on every procedure, and changes nothing", async (role) => {
    const w = await buildPickWorld({ skus: ["X"], stock: [["X", "A-01-1-1", 5]] });
    const id = await allocatedOrder(w, [{ sku: "X", quantity: 1 }]);
    const list = await as("WAREHOUSE").picking.create({ mode: "orders", orderIds: [id] });
    const line = await db.pickListLine.findFirstOrThrow({ where: { pickListId: list.pickListId } });
    const other = await allocatedOrder(w, [{ sku: "X", quantity: 1 }]);
    const c = as(role);
    expect(await codeOf(c.picking.list({}))).toBe("FORBIDDEN");
    expect(await codeOf(c.picking.get({ id: list.pickListId }))).toBe("FORBIDDEN");
    expect(await codeOf(c.picking.warehouses())).toBe("FORBIDDEN");
    expect(await codeOf(c.picking.pickableOrders({ warehouseId: w.whId }))).toBe("FORBIDDEN");
    expect(await codeOf(c.picking.create({ mode: "wave", warehouseId: w.whId }))).toBe("FORBIDDEN");
    expect(await codeOf(c.picking.confirmLine({ lineId: line.id, result: "PICKED" }))).toBe("FORBIDDEN");
    expect(await codeOf(c.picking.complete({ id: list.pickListId }))).toBe("FORBIDDEN");
    expect(await orderStatus(other)).toBe("ALLOCATED");
    expect((await db.pickListLine.findUniqueOrThrow({ where: { id: line.id } })).status).toBe("PENDING");
  });

  it("refuses anonymous callers", async () => {
    expect(await codeOf(createCaller({ user: null }).picking.list({}))).toBe("UNAUTHORIZED");
  });
});

describe("picking router: warehouse flow", () => {
  it("lists waiting orders, creates a wave, confirms lines, completes, and pages the lists", async () => {
    const w = await buildPickWorld({ skus: ["X", "Y"], stock: [["X", "A-01-1-1", 5], ["Y", "B-01-1-1", 5]] });
    const a = await allocatedOrder(w, [{ sku: "X", quantity: 1 }]);
    const b = await allocatedOrder(w, [{ sku: "Y", quantity: 2 }]);
    const c = as("WAREHOUSE");
    expect(await c.picking.warehouses()).toEqual([expect.objectContaining({ id: w.whId, code: "SP1", waitingOrders: 2 })]);
    expect((await c.picking.pickableOrders({ warehouseId: w.whId })).map((o) => o.id)).toEqual([a, b]);

    const wave = await c.picking.create({ mode: "wave", warehouseId: w.whId, maxOrders: 1 });
    expect(wave).toMatchObject({ orders: 1, units: 1 });
    const second = await as("ADMIN").picking.create({ mode: "orders", orderIds: [b] });
    expect((await c.picking.pickableOrders({ warehouseId: w.whId }))).toEqual([]);

    const view = await c.picking.get({ id: wave.pickListId });
    for (const l of view.lines) await c.picking.confirmLine({ lineId: l.id, result: "PICKED" });
    const done = await c.picking.complete({ id: wave.pickListId });
    expect(done).toMatchObject({ orders: 1, pickedUnits: 1 });

    const page1 = await c.picking.list({ limit: 1 });
    expect(page1.items.map((i) => i.number)).toEqual([second.number]);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await c.picking.list({ limit: 1, cursor: page1.nextCursor ?? undefined });
    expect(page2.items).toEqual([expect.objectContaining({ number: wave.number, status: "COMPLETED", orders: 1, units: 1, pickedUnits: 1, pendingLines: 0 })]);
    expect(page2.nextCursor).toBeNull();
    expect((await c.picking.list({ status: "OPEN" })).items.map((i) => i.number)).toEqual([second.number]);
    expect(await codeOf(c.picking.list({ cursor: "not-a-cursor" }))).toBe("BAD_REQUEST");
  });
});

describe("picking router: wave limits", () => {
  it.each([
    ["maxOrders", -5],
    ["maxOrders", 0],
    ["maxOrders", 1.5],
    ["maxOrders", Number.NaN],
    ["maxOrders", "3"],
    ["maxOrders", 10_001],
    ["maxUnits", -1],
    ["maxUnits", 0],
    ["maxUnits", 2.5],
  ] as const)("refuses %s = %j and creates no pick list", async (field, value) => {
    const w = await buildPickWorld({ skus: ["X"], stock: [["X", "A-01-1-1", 5]] });
    const id = await allocatedOrder(w, [{ sku: "X", quantity: 1 }]);
    const input = { mode: "wave", warehouseId: w.whId, [field]: value } as unknown as Parameters<ReturnType<typeof as>["picking"]["create"]>[0];
    expect(await codeOf(as("WAREHOUSE").picking.create(input))).toBe("BAD_REQUEST");
    expect(await db.pickList.count()).toBe(0);
    expect(await orderStatus(id)).toBe("ALLOCATED");
  });

  it("takes a limit of 1 as given", async () => {
    const w = await buildPickWorld({ skus: ["X"], stock: [["X", "A-01-1-1", 5]] });
    await allocatedOrder(w, [{ sku: "X", quantity: 1 }]);
    await allocatedOrder(w, [{ sku: "X", quantity: 1 }]);
    expect(await as("WAREHOUSE").picking.create({ mode: "wave", warehouseId: w.whId, maxOrders: 1, maxUnits: 1 })).toMatchObject({ orders: 1, units: 1 });
  });
});
