/** A return request that ends without goods coming back (WITHDRAW_RETURN), through the order router. */
import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/options";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { systemActor, userActor } from "@/server/services/order/actor";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { buildWorld, capture, makeUser } from "@/server/services/stock/stock-test-fixtures";
import { failure } from "@/server/test/trpc-failure";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();

/** A delivered order whose customer asked to return it, waiting for the goods (AWAITING_RETURN_ITEMS). */
async function returnRequested(operator: SessionUser, admin: SessionUser): Promise<string> {
  const w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 5 }] });
  const id = await capture(w, { lines: [{ sku: "A", quantity: 1 }] });
  await reserveOrderStock({ orderId: id, actor: systemActor("channel:Loja") });
  await applyOrderAction({ orderId: id, action: { type: "APPROVE" }, actor: userActor(operator) });
  await db.order.update({ where: { id }, data: { status: "SHIPPED", fulfillmentStatus: "SHIPPED" } });
  await applyOrderAction({ orderId: id, action: { type: "DELIVER" }, actor: userActor(admin) });
  await applyOrderAction({ orderId: id, action: { type: "REQUEST_RETURN", reason: "wrong size" }, actor: userActor(operator) });
  await applyOrderAction({ orderId: id, action: { type: "HOLD", reason: "AWAITING_RETURN_ITEMS" }, actor: userActor(operator) });
  return id;
}

const version = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe("withdrawing a return request", () => {
  it("delivers the order again, lets go of the hold that waited for the goods, and says who and why on the timeline", async () => {
    const [operator, admin] = [await makeUser("OPERATOR"), await makeUser("ADMIN")];
    const id = await returnRequested(operator, admin);
    await createCaller({ user: operator }).order.act({
      orderId: id, expectedVersion: await version(id), action: { type: "WITHDRAW_RETURN", reason: "Customer kept the shirt" },
    });
    const order = await db.order.findUniqueOrThrow({ where: { id }, select: { status: true, onHold: true, fulfillmentStatus: true } });
    expect(order).toEqual({ status: "DELIVERED", onHold: false, fulfillmentStatus: "DELIVERED" });
    expect(await db.orderHold.count({ where: { orderId: id, releasedAt: null } })).toBe(0);
    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId: id, type: "order.return_withdrawn" } });
    expect(event).toMatchObject({ fromStatus: "RETURN_REQUESTED", toStatus: "DELIVERED", actorId: operator.id, reason: "Customer kept the shirt" });
    // Nothing came back: no stock moved for it.
    expect(await db.stockMovement.count({ where: { orderId: id, type: "RETURN" } })).toBe(0);
  });

  it("needs a reason and is refused to the warehouse (it completes returns at the desk instead)", async () => {
    const [operator, admin, warehouse] = [await makeUser("OPERATOR"), await makeUser("ADMIN"), await makeUser("WAREHOUSE")];
    const id = await returnRequested(operator, admin);
    const v = await version(id);
    expect((await failure(createCaller({ user: warehouse }).order.act({ orderId: id, expectedVersion: v, action: { type: "WITHDRAW_RETURN", reason: "kept" } }))).code).toBe("FORBIDDEN");
    expect((await failure(createCaller({ user: admin }).order.act({ orderId: id, expectedVersion: v, action: { type: "WITHDRAW_RETURN", reason: " " } }))).code).toBe("BAD_REQUEST");
    expect((await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("RETURN_REQUESTED");
  });
});
