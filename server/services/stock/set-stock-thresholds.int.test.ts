import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { systemActor, userActor, type Actor } from "@/server/services/order/actor";
import { reconcileStock } from "@/server/services/stock/reconcile-stock";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { setReorderPoint, setSafetyStock } from "@/server/services/stock/set-stock-thresholds";
import { balance, buildWorld, capture, lines, makeUser } from "@/server/services/stock/stock-test-fixtures";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
let clerk: Actor;
beforeEach(async () => {
  clerk = userActor(await makeUser("WAREHOUSE"));
});

const world = () => buildWorld({ warehouses: [{ code: "SP1", state: "SP" }, { code: "RJ1", state: "RJ" }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 10 }] });
const openAlerts = (type: string) => db.exception.count({ where: { type, status: "OPEN" } });

describe("safety stock", () => {
  it("holds units back from orders; lowering it gives them to the waiting order; every change is audited", async () => {
    const w = await world();
    const sp = w.wh.SP1?.id as string;
    const raised = await setSafetyStock({ actor: clerk, input: { skuId: w.sku.A as string, warehouseId: sp, safety: 8, reason: "Flash sale next week" } });
    expect(raised).toEqual({ from: 0, to: 8, backorderUnitsFilled: 0, ordersAllocated: 0 });
    expect(await balance(w, "A", "SP1")).toMatchObject({ onHand: 10, reserved: 0, safety: 8 });
    expect(await openAlerts("LOW_STOCK")).toBe(1); // 2 available ≤ reorder point 5

    // An order for 4: 2 are available (10 − 8), the rest waits.
    const order = await capture(w, { lines: [{ sku: "A", quantity: 4 }], shipState: "SP" });
    await reserveOrderStock({ orderId: order, actor: systemActor("channel:Loja") });
    expect(await lines(order)).toEqual([expect.objectContaining({ reservedQty: 2, backorderedQty: 2 })]);
    expect(await openAlerts("ORDER_BACKORDERED")).toBe(1);

    const lowered = await setSafetyStock({ actor: clerk, input: { skuId: w.sku.A as string, warehouseId: sp, safety: 1, reason: "Sale is over" } });
    expect(lowered).toEqual({ from: 8, to: 1, backorderUnitsFilled: 2, ordersAllocated: 0 }); // not approved yet: it stays where it is
    expect(await lines(order)).toEqual([expect.objectContaining({ reservedQty: 4, backorderedQty: 0 })]);
    expect(await openAlerts("ORDER_BACKORDERED")).toBe(0);
    expect(await balance(w, "A", "SP1")).toMatchObject({ reserved: 4, safety: 1 });

    const audit = await db.auditLog.findMany({ where: { action: "sku.safety_stock_changed" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actorId, a.data])).toEqual([
      [clerk.kind === "user" ? clerk.user.id : null, expect.objectContaining({ sku: "A", warehouse: "SP1", from: 0, to: 8, reason: "Flash sale next week" })],
      [clerk.kind === "user" ? clerk.user.id : null, expect.objectContaining({ from: 8, to: 1, reason: "Sale is over" })],
    ]);
    expect((await reconcileStock()).ok).toBe(true);
  });

  it("can be set where the SKU has no stock yet; the same value again changes nothing", async () => {
    const w = await world();
    const rj = w.wh.RJ1?.id as string;
    await setSafetyStock({ actor: clerk, input: { skuId: w.sku.A as string, warehouseId: rj, safety: 3, reason: "Keep a few for the store" } });
    expect(await balance(w, "A", "RJ1")).toMatchObject({ onHand: 0, reserved: 0, safety: 3 });
    expect(await setSafetyStock({ actor: clerk, input: { skuId: w.sku.A as string, warehouseId: rj, safety: 3, reason: "Again" } })).toMatchObject({ from: 3, to: 3 });
    expect(await db.auditLog.count({ where: { action: "sku.safety_stock_changed" } })).toBe(1);
    await expect(setSafetyStock({ actor: clerk, input: { skuId: w.sku.A as string, warehouseId: "00000000-0000-4000-8000-000000000000", safety: 1, reason: "Nope" } }))
      .rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("reorder point", () => {
  it("opens and resolves the low-stock alert where availability crosses it, audited", async () => {
    const w = await world();
    expect(await openAlerts("LOW_STOCK")).toBe(0); // 10 available > 5
    expect(await setReorderPoint({ actor: clerk, input: { skuId: w.sku.A as string, reorderPoint: 12, reason: "Best seller now" } })).toMatchObject({ from: 5, to: 12 });
    expect(await openAlerts("LOW_STOCK")).toBe(1);
    await setReorderPoint({ actor: clerk, input: { skuId: w.sku.A as string, reorderPoint: 2, reason: "Back to normal" } });
    expect(await openAlerts("LOW_STOCK")).toBe(0);
    expect((await db.sku.findUniqueOrThrow({ where: { id: w.sku.A as string } })).reorderPoint).toBe(2);
    expect(await db.auditLog.count({ where: { action: "sku.reorder_point_changed", entityId: w.sku.A as string } })).toBe(2);
  });
});

describe("stock router", () => {
  it("lets WAREHOUSE and ADMIN set thresholds; OPERATOR and MANAGER are refused; a reason is required", async () => {
    const w = await world();
    const input = { skuId: w.sku.A as string, warehouseId: w.wh.SP1?.id as string, safety: 2, reason: "Display units" };
    for (const role of ["OPERATOR", "MANAGER"] as const) {
      const caller = createCaller({ user: await makeUser(role) });
      await expect(caller.stock.setSafetyStock(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.stock.setReorderPoint({ skuId: input.skuId, reorderPoint: 1, reason: "x".repeat(5) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const admin = createCaller({ user: await makeUser("ADMIN") });
    await expect(admin.stock.setSafetyStock({ ...input, reason: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.stock.setSafetyStock({ ...input, safety: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await admin.stock.setSafetyStock(input)).toMatchObject({ from: 0, to: 2 });
    const sku = await createCaller({ user: await makeUser("MANAGER") }).stock.sku({ skuId: input.skuId });
    expect(sku.levels.warehouses.find((x) => x.code === "SP1")).toMatchObject({ safety: 2, available: 8 });
  });
});
