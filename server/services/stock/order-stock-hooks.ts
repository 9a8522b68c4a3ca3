/**
 * What order actions do to stock. Registered once, by a side-effect import at
 * the end of apply-order-action.ts: every state change goes through that
 * module (routers, channel cancellations, jobs), so no path can change an
 * order without its stock following. Each hook runs in the action's
 * transaction, after the new state is written.
 *
 *  CANCEL / REJECT → release every ACTIVE reservation; the freed units go to
 *                    waiting backorders of those SKUs.
 *  APPROVE         → reserve anything never attempted (e.g. capture-time
 *                    reservation failed), then ALLOCATE when every line is
 *                    reserved, else BACKORDER.
 *  REALLOCATE      → give back every reservation (to no one yet), forget the
 *                    warehouse, reserve again without the excluded warehouses,
 *                    then ALLOCATE or BACKORDER; only then do the units it no
 *                    longer holds go to the orders waiting for them.
 *  EXPIRE_RESERVATION → release every ACTIVE reservation of an unpaid order and
 *                    clear its backorders; the freed units go to waiting orders.
 *  SHIP            → consume the ACTIVE reservations (exactly once): a package's
 *                    SHIP carries its units and consumes only those; the units
 *                    left stay reserved for the next package.
 */
import type { DbTx } from "@/server/db";
import { onOrderAction, type HookContext } from "@/server/services/order/order-action-hooks";
import { applyOrderActionTx, type ActionResult } from "@/server/services/order/apply-order-action";
import { sweepOrderBackorders } from "@/server/services/stock/auto-reserve-backorders";
import { consumeOrderStock } from "@/server/services/stock/consume-order-stock";
import { reallocateOrderStock } from "@/server/services/stock/reallocate-order-stock";
import { releaseOrderStock } from "@/server/services/stock/release-order-stock";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { STOCK_SYSTEM_ACTOR } from "@/server/services/stock/stock-tx";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

async function orderLines(tx: DbTx, orderId: string) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { number: true, lines: { select: { quantity: true, reservedQty: true, shippedQty: true } } },
  });
  return {
    number: order.number,
    allReserved: order.lines.length > 0 && order.lines.every((l) => l.reservedQty + l.shippedQty >= l.quantity),
    allShipped: order.lines.length > 0 && order.lines.every((l) => l.shippedQty >= l.quantity),
  };
}

async function releaseOnStop(tx: DbTx, ctx: HookContext): Promise<void> {
  const { number } = await orderLines(tx, ctx.orderId);
  const a = ctx.action;
  const reason = a.type === "CANCEL" ? ledgerReason("orderCancelled", { number, note: a.reason })
    : a.type === "REJECT" ? (a.reason ? ledgerReason("orderRejectedNote", { number, note: a.reason }) : ledgerReason("orderRejected", { number }))
    : a.type === "EXPIRE_RESERVATION" ? ledgerReason("orderReservationExpired", { number, note: a.reason })
    : ledgerReason("orderStopped", { number });
  await releaseOrderStock({ tx, orderId: ctx.orderId, actor: ctx.actor, reason });
}

async function allocateOnApprove(tx: DbTx, ctx: HookContext): Promise<ActionResult> {
  await reserveOrderStock({ tx, orderId: ctx.orderId, actor: ctx.actor, policy: "BACKORDER" });
  const before = await orderLines(tx, ctx.orderId);
  let allReserved = before.allReserved;
  if (!allReserved) {
    await sweepOrderBackorders(tx, ctx.orderId, ledgerReason("orderApproved", { number: before.number }));
    allReserved = (await orderLines(tx, ctx.orderId)).allReserved;
  }
  return applyOrderActionTx(tx, { orderId: ctx.orderId, action: { type: allReserved ? "ALLOCATE" : "BACKORDER" }, actor: STOCK_SYSTEM_ACTOR });
}

async function reallocateOnAction(tx: DbTx, ctx: HookContext): Promise<ActionResult> {
  if (ctx.action.type !== "REALLOCATE") throw new Error(`reallocate hook called for ${ctx.action.type}`);
  const { reason: why, excludeWarehouseIds = [] } = ctx.action;
  const { number } = await orderLines(tx, ctx.orderId);
  const reason = ledgerReason("orderReallocated", { number, note: why });
  // No backorder sweep here (APPROVE's): the statement has just read every balance under lock, and a sweep would not know the exclusions.
  await reallocateOrderStock(tx, { orderId: ctx.orderId, actor: ctx.actor, reason, excludeWarehouseIds, policy: "BACKORDER" });
  const { allReserved } = await orderLines(tx, ctx.orderId);
  return applyOrderActionTx(tx, { orderId: ctx.orderId, action: { type: allReserved ? "ALLOCATE" : "BACKORDER" }, actor: STOCK_SYSTEM_ACTOR });
}

async function consumeOnShip(tx: DbTx, ctx: HookContext): Promise<ActionResult | void> {
  const { number } = await orderLines(tx, ctx.orderId);
  const ship = ctx.action.type === "SHIP" ? ctx.action : { type: "SHIP" as const };
  const reason = ship.packageNumber === undefined ? ledgerReason("orderShipped", { number }) : ledgerReason("packageShipped", { number, package: ship.packageNumber });
  const { consumed } = await consumeOrderStock({ tx, orderId: ctx.orderId, actor: ctx.actor, reason, ...(ship.units ? { units: ship.units } : {}) });
  if (consumed.length === 0 || ctx.decision.to === "SHIPPED") return;
  // The state machine counted shipped units before this hook shipped them: if that was
  // everything, finish the shipment (that second SHIP finds nothing ACTIVE to consume).
  const after = await orderLines(tx, ctx.orderId);
  if (after.allShipped) return applyOrderActionTx(tx, { orderId: ctx.orderId, action: { type: "SHIP" }, actor: ctx.actor });
}

onOrderAction("CANCEL", releaseOnStop);
onOrderAction("REJECT", releaseOnStop);
onOrderAction("EXPIRE_RESERVATION", releaseOnStop);
onOrderAction("APPROVE", allocateOnApprove);
onOrderAction("REALLOCATE", reallocateOnAction);
onOrderAction("SHIP", consumeOnShip);
