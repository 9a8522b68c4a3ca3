/**
 * The one way an order changes state. Loads the order, asks the state machine
 * (order-state-machine.ts), runs the action's hooks (stock, etc.), then writes
 * the new state, holds and the timeline event in the same transaction.
 *
 * Two people acting at once: the UPDATE is conditional on the version read, so
 * exactly one of two conflicting actions wins; the other gets CONFLICT naming
 * the state the order is in now.
 */
import { db, type DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { actorFields, type Actor } from "@/server/services/order/actor";
import { runActionHooks } from "@/server/services/order/order-action-hooks";
import { isShippableAddress } from "@/server/services/shipping/shipping-address";
import {
  assertTransition,
  roleMayPerform,
  type AllowedDecision,
  type HoldReason,
  type OrderAction,
  type OrderSnapshot,
  type OrderStatus,
} from "@/server/services/order/order-state-machine";

export interface ActionResult {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
  version: number;
}

export async function loadSnapshot(tx: DbTx, orderId: string) {
  // Lock the order row first: the holds and lines read next are then consistent with it, and a
  // concurrent action on the same order waits here and sees the winner's state.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(orderId)) {
    throw new DomainError("NOT_FOUND", `Order ${orderId} not found.`);
  }
  await tx.$queryRaw`SELECT 1 FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`;
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      paymentStatus: true,
      fulfillmentStatus: true,
      version: true,
      shippingAddress: true,
      holds: { where: { releasedAt: null }, select: { reason: true } },
      lines: { select: { quantity: true, reservedQty: true, shippedQty: true } },
    },
  });
  if (!order) throw new DomainError("NOT_FOUND", `Order ${orderId} not found.`);
  const snapshot: OrderSnapshot = {
    status: order.status,
    paymentStatus: order.paymentStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    activeHolds: order.holds.map((h) => h.reason),
    allLinesAllocated: order.lines.length > 0 && order.lines.every((l) => l.reservedQty + l.shippedQty >= l.quantity),
    holdsStock: order.lines.some((l) => l.reservedQty > 0),
    allLinesShipped: order.lines.length > 0 && order.lines.every((l) => l.shippedQty >= l.quantity),
    shippingAddressComplete: isShippableAddress(order.shippingAddress),
  };
  return { order, snapshot };
}

/** Writes a decision that the state machine allowed; the caller holds the transaction. */
export async function persistDecision(
  tx: DbTx,
  opts: { orderId: string; version: number; decision: AllowedDecision; actor: Actor; action: OrderAction; note?: string },
): Promise<number> {
  const { orderId, version, decision, actor, action } = opts;
  const who = actorFields(actor);
  const activeAfter = decision.holdsAdded.length > 0 || undefined;
  const updated = await tx.order.updateMany({
    where: { id: orderId, version },
    data: {
      status: decision.to,
      paymentStatus: decision.paymentStatus,
      fulfillmentStatus: decision.fulfillmentStatus,
      version: { increment: 1 },
      ...(activeAfter ? { onHold: true } : {}),
    },
  });
  if (updated.count !== 1) {
    const now = await tx.order.findUnique({ where: { id: orderId }, select: { status: true } });
    throw new DomainError(
      "CONFLICT",
      `Someone else changed order ${orderId} at the same time; it is now ${now?.status ?? "gone"}. Reload and try again.`,
      { current: now?.status ?? "" },
    );
  }
  for (const reason of decision.holdsAdded) {
    const note = action.type === "HOLD" ? action.note : undefined;
    await tx.orderHold.create({ data: { orderId, reason, note: note ?? null, createdById: who.actorId } });
  }
  if (decision.holdsReleased.length > 0) {
    await tx.orderHold.updateMany({
      where: { orderId, reason: { in: decision.holdsReleased as HoldReason[] }, releasedAt: null },
      data: { releasedAt: new Date(), releasedById: who.actorId, releaseNote: opts.note ?? null },
    });
    const stillHeld = await tx.orderHold.count({ where: { orderId, releasedAt: null } });
    if (stillHeld === 0) await tx.order.update({ where: { id: orderId }, data: { onHold: false } });
  }
  await tx.orderEvent.create({
    data: {
      orderId,
      type: decision.event.type,
      fromStatus: decision.from,
      toStatus: decision.to,
      ...who,
      reason: decision.event.reason ?? null,
      data: (decision.event.data ?? Prisma.JsonNull) as Prisma.InputJsonValue,
    },
  });
  return version + 1;
}

/** Applies one action inside an existing transaction (hooks may chain further actions). */
export async function applyOrderActionTx(
  tx: DbTx,
  opts: {
    orderId: string;
    action: OrderAction;
    actor: Actor;
    expectedVersion?: number;
    /**
     * Facts the caller established for the guards (e.g. the pack station knows the package is
     * complete; a shipment knows it ships everything left). They override what loadSnapshot derives.
     */
    facts?: Pick<OrderSnapshot, "packComplete" | "allLinesShipped" | "invoiceCancellable">;
  },
): Promise<ActionResult> {
  const { orderId, action, actor } = opts;
  if (actor.kind === "user" && !roleMayPerform(actor.user.role, action.type)) {
    throw new DomainError("FORBIDDEN", `A ${actor.user.role} may not ${action.type} orders.`, { action: action.type });
  }
  const loaded = await loadSnapshot(tx, orderId);
  const order = loaded.order;
  const snapshot: OrderSnapshot = { ...loaded.snapshot, ...opts.facts };
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== order.version) {
    throw new DomainError("CONFLICT", `Order changed since you loaded it; it is now ${order.status}.`, { current: order.status });
  }
  const decision = assertTransition(snapshot, action);
  const version = await persistDecision(tx, { orderId, version: order.version, decision, actor, action });
  const result: ActionResult = { orderId, from: decision.from, to: decision.to, version };
  // A hook may chain a follow-up action (APPROVE → ALLOCATE): the caller learns where the order ended, from where it was.
  const chained = await runActionHooks(tx, { orderId, action, decision, actor, result });
  return chained ? { ...chained, from: decision.from } : result;
}

export async function applyOrderAction(opts: { orderId: string; action: OrderAction; actor: Actor; expectedVersion?: number }): Promise<ActionResult> {
  return db.$transaction((tx) => applyOrderActionTx(tx, opts), { timeout: 15_000 });
}

export interface BulkResult {
  orderId: string;
  ok: boolean;
  to?: OrderStatus;
  error?: { code: string; message: string; params: Record<string, string | number> };
}

/** Bulk actions report per order; one order's failure does not stop the others. */
export async function applyOrderActionBulk(opts: { orderIds: string[]; action: OrderAction; actor: Actor }): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const orderId of opts.orderIds) {
    try {
      const r = await applyOrderAction({ orderId, action: opts.action, actor: opts.actor });
      results.push({ orderId, ok: true, to: r.to });
    } catch (e) {
      if (e instanceof DomainError) results.push({ orderId, ok: false, error: { code: e.code, message: e.message, params: e.params } });
      else throw e;
    }
  }
  return results;
}

// Stock follows every order action (release on cancel, allocate on approve, consume on ship): registered here,
// where every state change passes, so no caller can skip it.
import "@/server/services/stock/order-stock-hooks";
// A paid order that is stopped opens a REFUND_DUE exception; refunds recorded later close it (refund-due.ts).
import "@/server/services/order/refund-due";
// A cancelled order's ADDRESS_INCOMPLETE has nothing left to fix (address-exception.ts).
import "@/server/services/order/address-exception";
