/**
 * Lines and totals of a later channel version, inside updateChannelOrder's
 * transaction (the order row is locked by the caller).
 *
 *  - Before approval (RECEIVED, PAYMENT_AUTHORIZED, FRAUD_REVIEW; nothing
 *    shipped): applied. When what the order needs from stock changes, its
 *    reservations are released WITHOUT handing the units to other orders,
 *    the lines are rewritten, the order reserves again, and only then do
 *    waiting backorders get what is left. Matching lines are updated in
 *    place, new ones get the next line numbers, and removed ones are deleted
 *    (the OrderLine CHECK forbids quantity 0; their reservations, already
 *    RELEASED, go with them through the FK cascade, while the RELEASE
 *    movements stay in the ledger). One "order.lines_changed" event.
 *  - Later (or something already shipped): nothing changes; a
 *    CHANNEL_ORDER_CHANGED exception with the diff and a timeline event, once
 *    per distinct change while the exception is open.
 *  - A cancelled order, or a version that cancels it: not looked at.
 */
import type { ExceptionType } from "@/server/services/exceptions/exception-types";
import type { DbTx } from "@/server/db";
import type { ChannelOrderInput } from "@/server/channels/types";
import { systemActor } from "@/server/services/order/actor";
import {
  affectsStock,
  changeSignature,
  describeDiff,
  diffChannelLines,
  diffJson,
  hasChanges,
  lineTotalCents,
  type ChannelLineDiff,
} from "@/server/services/order/channel-line-diff";
import { advanceFilledOrders, autoReserveBackorders } from "@/server/services/stock/auto-reserve-backorders";
import { releaseOrderStock } from "@/server/services/stock/release-order-stock";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";

export type LinesOutcome = "UNCHANGED" | "APPLIED" | "EXCEPTION" | "ALREADY_RAISED" | "NOT_CHECKED";

export const CHANNEL_ORDER_CHANGED: ExceptionType = "CHANNEL_ORDER_CHANGED";
const BEFORE_APPROVAL: readonly string[] = ["RECEIVED", "PAYMENT_AUTHORIZED", "FRAUD_REVIEW"];

interface HeldOrder {
  id: string;
  number: number;
  status: string;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  lines: {
    id: string;
    lineNo: number;
    externalId: string | null;
    sku: string;
    name: string;
    quantity: number;
    unitPriceCents: number;
    discountCents: number;
    taxCents: number;
    shippedQty: number;
  }[];
}

export async function followChannelLinesTx(tx: DbTx, opts: { orderId: string; input: ChannelOrderInput; actorLabel: string }): Promise<LinesOutcome> {
  const { input } = opts;
  const order: HeldOrder = await tx.order.findUniqueOrThrow({
    where: { id: opts.orderId },
    select: {
      id: true, number: true, status: true, currency: true, subtotalCents: true, discountCents: true, shippingCents: true, taxCents: true, totalCents: true,
      lines: {
        orderBy: { lineNo: "asc" },
        select: { id: true, lineNo: true, externalId: true, sku: true, name: true, quantity: true, unitPriceCents: true, discountCents: true, taxCents: true, shippedQty: true },
      },
    },
  });
  if (order.status === "CANCELLED" || input.state === "CANCELLED") return "NOT_CHECKED";
  const diff = diffChannelLines(order.lines, order, input);
  if (!hasChanges(diff)) return "UNCHANGED";
  const editable = BEFORE_APPROVAL.includes(order.status) && order.lines.every((l) => l.shippedQty === 0);
  if (editable) {
    await applyDiff(tx, order, diff, opts);
    return "APPLIED";
  }
  return raiseChange(tx, order, diff, opts);
}

async function skuIds(tx: DbTx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await tx.sku.findMany({ where: { code: { in: [...new Set(codes)] } }, select: { id: true, code: true } });
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function applyDiff(tx: DbTx, order: HeldOrder, diff: ChannelLineDiff, opts: { input: ChannelOrderInput; actorLabel: string }): Promise<void> {
  const actor = systemActor(opts.actorLabel);
  const reason = `Order #${order.number}: lines changed on the channel`;
  const stock = affectsStock(diff);
  const released = stock ? (await releaseOrderStock({ tx, orderId: order.id, actor, reason, refill: false })).released : [];

  const ids = await skuIds(tx, [...diff.changed.map((c) => c.after.sku), ...diff.added.map((l) => l.sku)]);
  for (const c of diff.changed) {
    const skuChanged = c.before.sku !== c.after.sku;
    await tx.orderLine.update({
      where: { id: c.lineId },
      data: {
        ...c.after,
        ...(skuChanged ? { skuId: ids.get(c.after.sku) ?? null } : {}),
        name: c.name,
        externalId: c.externalId,
        totalCents: lineTotalCents(c.after),
      },
    });
  }
  for (const { line, input } of diff.unchanged) {
    if (line.name !== input.name || (input.externalId !== undefined && line.externalId !== input.externalId)) {
      await tx.orderLine.update({ where: { id: line.id }, data: { name: input.name, externalId: input.externalId ?? line.externalId } });
    }
  }
  if (diff.removed.length > 0) await tx.orderLine.deleteMany({ where: { id: { in: diff.removed.map((l) => l.id) } } });
  let lineNo = order.lines.reduce((n, l) => Math.max(n, l.lineNo), 0);
  if (diff.added.length > 0) {
    await tx.orderLine.createMany({
      data: diff.added.map((l) => ({
        orderId: order.id,
        lineNo: (lineNo += 1),
        externalId: l.externalId ?? null,
        sku: l.sku,
        skuId: ids.get(l.sku) ?? null,
        name: l.name,
        quantity: l.quantity,
        unitPriceCents: l.unitPriceCents,
        discountCents: l.discountCents,
        taxCents: l.taxCents,
        totalCents: lineTotalCents(l),
      })),
    });
  }
  const { input } = opts;
  await tx.order.update({
    where: { id: order.id },
    data: {
      subtotalCents: input.subtotalCents,
      discountCents: input.discountCents,
      shippingCents: input.shippingCents,
      taxCents: input.taxCents,
      totalCents: input.totalCents,
      version: { increment: 1 },
    },
  });
  if (stock) {
    await reserveOrderStock({ tx, orderId: order.id, actor });
    // What this order did not take back goes to the orders waiting for it, oldest first.
    await autoReserveBackorders({ tx, pairs: released, trigger: reason });
    // Fully reserved now: an OUT_OF_STOCK hold and the backorder exception have no reason left.
    await advanceFilledOrders(tx, [order.id]);
  }
  await tx.orderEvent.create({
    data: { orderId: order.id, type: "order.lines_changed", actorLabel: opts.actorLabel, data: { ...diffJson(diff), stockReReserved: stock } },
  });
}

async function raiseChange(
  tx: DbTx,
  order: HeldOrder,
  diff: ChannelLineDiff,
  opts: { input: ChannelOrderInput; actorLabel: string },
): Promise<LinesOutcome> {
  const signature = changeSignature(opts.input);
  const open = await tx.exception.findMany({ where: { orderId: order.id, type: CHANNEL_ORDER_CHANGED, status: "OPEN" }, select: { data: true } });
  if (open.some((e) => (e.data as { signature?: unknown } | null)?.signature === signature)) return "ALREADY_RAISED";
  const summary = describeDiff(diff);
  const data = { signature, orderStatus: order.status, currency: order.currency, channelUpdatedAt: opts.input.updatedAt.toISOString(), diff: diffJson(diff) };
  await tx.exception.create({
    data: {
      type: CHANNEL_ORDER_CHANGED,
      orderId: order.id,
      message:
        `The channel changed order #${order.number} after it was approved (status ${order.status}); Fluxo did not apply it. ` +
        `Check the order with the customer and the channel: ${summary.join("; ")}.`,
      data,
    },
  });
  await tx.orderEvent.create({
    data: { orderId: order.id, type: "order.channel_change_not_applied", actorLabel: opts.actorLabel, reason: summary.join("; "), data },
  });
  return "EXCEPTION";
}
