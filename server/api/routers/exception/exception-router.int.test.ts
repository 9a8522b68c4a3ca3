import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { createChannel, createUser, insertOrder } from "@/server/services/order/order-test-factory";

const testDb = withTestDb();
let operator: SessionUser;
let manager: SessionUser;
let warehouse: SessionUser;
let admin: SessionUser;
let orderId: string;

beforeEach(async () => {
  [operator, manager, warehouse, admin] = [
    await createUser(testDb().db, "OPERATOR", "Otávio Operador"),
    await createUser(testDb().db, "MANAGER", "Glória Gerente"),
    await createUser(testDb().db, "WAREHOUSE", "Wagner Armazém"),
    await createUser(testDb().db, "ADMIN", "Ana Admin"),
  ];
  orderId = (await insertOrder(testDb().db, { channelId: await createChannel(testDb().db) })).id;
});

const as = (user: SessionUser) => createCaller({ user });

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

/** Exceptions raised at known times: minute `m` of 2026-03-10 UTC. */
async function raise(type: string, m: number, extra: { orderId?: string; skuId?: string; status?: "RESOLVED" } = {}) {
  const at = new Date(Date.UTC(2026, 2, 10, 12, m));
  return testDb().db.exception.create({
    data: {
      type,
      message: `${type} at ${m}`,
      createdAt: at,
      orderId: extra.orderId ?? null,
      skuId: extra.skuId ?? null,
      ...(extra.status ? { status: extra.status, resolvedAt: at } : {}),
    },
  });
}

describe("exception router", () => {
  it("lists open exceptions newest first, page by page, with filters and counts per type", async () => {
    const sku = await testDb().db.sku.create({ data: { code: "CAM-01", name: "Camiseta", product: { create: { name: "Camiseta" } } } });
    for (let m = 0; m < 5; m++) await raise("SHORT_PICK", m, { orderId });
    await raise("LOW_STOCK", 10, { skuId: sku.id });
    await raise("OUT_OF_STOCK", 11, { skuId: sku.id, status: "RESOLVED" });

    const first = await as(manager).exception.list({ limit: 4 });
    expect(first.items.map((e) => e.message)).toEqual(["LOW_STOCK at 10", "SHORT_PICK at 4", "SHORT_PICK at 3", "SHORT_PICK at 2"]);
    expect(first.items[0]).toMatchObject({ status: "OPEN", sku: { id: sku.id, code: "CAM-01" }, order: null, shipment: null });
    expect(first.items[1]?.order?.id).toBe(orderId);
    const second = await as(manager).exception.list({ limit: 4, cursor: first.nextCursor ?? "" });
    expect(second.items.map((e) => e.message)).toEqual(["SHORT_PICK at 1", "SHORT_PICK at 0"]);
    expect(second.nextCursor).toBeNull();

    expect((await as(warehouse).exception.list({ type: "LOW_STOCK" })).items).toHaveLength(1);
    expect((await as(warehouse).exception.list({ status: "RESOLVED" })).items.map((e) => e.type)).toEqual(["OUT_OF_STOCK"]);
    expect((await as(warehouse).exception.list({ status: "ALL" })).items).toHaveLength(7);
    const day = await as(operator).exception.list({ status: "ALL", from: "2026-03-11" });
    expect(day.items).toHaveLength(0);
    expect((await as(operator).exception.list({ status: "ALL", from: "2026-03-10", to: "2026-03-10" })).items).toHaveLength(7);

    expect(await as(manager).exception.openCounts()).toEqual([
      { type: "SHORT_PICK", count: 5 },
      { type: "LOW_STOCK", count: 1 },
    ]);
  });

  it("carries the sentence's key and values for the reader's language where the type has one, else only the stored message", async () => {
    const sku = await testDb().db.sku.create({ data: { code: "CAM-01", name: "Camiseta", product: { create: { name: "Camiseta" } } } });
    await testDb().db.exception.create({
      data: {
        type: "LOW_STOCK", skuId: sku.id, message: "CAM-01 is low at São Paulo: 2 available (reorder point 5)",
        data: { sku: "CAM-01", warehouse: "SP1", warehouseId: null, available: 2, reorderPoint: 5, onHand: 9, reserved: 7 },
        createdAt: new Date(Date.UTC(2026, 2, 10, 12, 1)),
      },
    });
    await testDb().db.exception.create({
      data: { type: "ORDER_BACKORDERED", orderId, message: "waiting", data: { lines: [{ lineId: "x", lineNo: 1, sku: "CAM-01", quantity: 3 }] }, createdAt: new Date(Date.UTC(2026, 2, 10, 12, 2)) },
    });
    await raise("SHORT_PICK", 3, { orderId });
    await testDb().db.exception.create({
      data: { type: "CHANNEL_CANCEL_REFUSED", orderId, message: "refused", data: { status: "SHIPPED" }, createdAt: new Date(Date.UTC(2026, 2, 10, 12, 4)) },
    });
    const order = await testDb().db.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } });
    const items = (await as(operator).exception.list({})).items;
    expect(items.map((e) => [e.type, e.text])).toEqual([
      // the status code comes with its role: the page shows the order status label in the reader's language
      ["CHANNEL_CANCEL_REFUSED", { key: "CHANNEL_CANCEL_REFUSED", params: { status: "SHIPPED" }, orderStatusParam: "status" }],
      ["SHORT_PICK", null],
      ["ORDER_BACKORDERED", { key: "ORDER_BACKORDERED", params: { order: order.number, lines: "CAM-01 × 3" } }],
      ["LOW_STOCK", { key: "LOW_STOCK", params: { sku: "CAM-01", warehouse: "SP1", available: 2, reorderPoint: 5 } }],
    ]);
    expect(items[1]?.message).toBe("SHORT_PICK at 3");
  });

  it("resolves an open exception recording who, when and the note, on the order's timeline too — once", async () => {
    const ex = await raise("SHORT_PICK", 1, { orderId });
    const r = await as(warehouse).exception.resolve({ id: ex.id, note: "  Bin counted, 2 units found  " });
    expect(r).toMatchObject({ id: ex.id, status: "RESOLVED", resolvedById: warehouse.id, resolvedBy: "Wagner Armazém", resolutionNote: "Bin counted, 2 units found" });

    const row = await testDb().db.exception.findUniqueOrThrow({ where: { id: ex.id } });
    expect(row).toMatchObject({ status: "RESOLVED", resolvedById: warehouse.id, resolutionNote: "Bin counted, 2 units found" });
    expect(row.resolvedAt).toBeInstanceOf(Date);
    const events = await testDb().db.orderEvent.findMany({ where: { orderId, type: "exception.resolved" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: warehouse.id, actorLabel: "Wagner Armazém", reason: "Bin counted, 2 units found" });
    expect(await testDb().db.auditLog.count({ where: { entity: "Exception", entityId: ex.id, action: "RESOLVE", actorId: warehouse.id } })).toBe(1);

    const listed = await as(operator).exception.list({ status: "RESOLVED" });
    expect(listed.items[0]).toMatchObject({ id: ex.id, resolvedBy: "Wagner Armazém", resolutionNote: "Bin counted, 2 units found" });

    const again = await failure(as(admin).exception.resolve({ id: ex.id, note: "me too" }));
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect(again.message).toMatch(/already resolved by Wagner Armazém/);
    expect((await testDb().db.exception.findUniqueOrThrow({ where: { id: ex.id } })).resolvedById).toBe(warehouse.id);
    expect(await testDb().db.orderEvent.count({ where: { orderId, type: "exception.resolved" } })).toBe(1);
  });

  it("lets OPERATOR, WAREHOUSE and ADMIN resolve; a MANAGER only looks; a note is required", async () => {
    const [a, b, c, d] = [await raise("LOW_STOCK", 1), await raise("LOW_STOCK", 2), await raise("LOW_STOCK", 3), await raise("LOW_STOCK", 4)];
    expect((await failure(as(manager).exception.resolve({ id: a.id, note: "looked" }))).code).toBe("FORBIDDEN");
    expect((await testDb().db.exception.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("OPEN");
    expect((await failure(as(operator).exception.resolve({ id: a.id, note: "   " }))).code).toBe("BAD_REQUEST");
    expect((await testDb().db.exception.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("OPEN");

    await as(operator).exception.resolve({ id: a.id, note: "reordered" });
    await as(warehouse).exception.resolve({ id: b.id, note: "counted" });
    await as(admin).exception.resolve({ id: c.id, note: "adjusted" });
    expect(await testDb().db.exception.count({ where: { status: "RESOLVED" } })).toBe(3);
    expect((await testDb().db.exception.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("OPEN");
    expect((await failure(as(operator).exception.resolve({ id: "00000000-0000-4000-8000-000000000009", note: "x" }))).code).toBe("NOT_FOUND");
  });
});
