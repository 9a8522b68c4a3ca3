/**
 * A paid order that will not be fulfilled owes the customer a refund. The state
 * machine says so (refundDue on CANCEL / REJECT of a paid order, and on
 * PAID_AFTER_CANCEL: money received on an order already cancelled, a boleto
 * or PIX paid after the cancel, that its channel reports or a person records
 * from the order page; also written to the timeline event); this
 * module makes it a REFUND_DUE exception, opened in that action's transaction
 * with what was paid, what went back already and the currency. /exceptions
 * lists it and the order page shows it as a notice. An order has at most one
 * open: money arriving while one is open updates it.
 *
 * An order that arrives from its channel already cancelled with the money
 * kept (paid, partly paid or partly refunded) opens it in the capture
 * statement itself (capture-order.ts), from the same data.
 *
 * It closes by itself when the channel reports the order refunded in full
 * (RECORD_REFUND reaching the amount paid, or the channel's REFUNDED status);
 * a partial refund only updates what went back. A refund made outside the
 * channel (a Pix sent back by hand) is closed by a person on /exceptions or the
 * order page, with a note saying what was done.
 *
 * Registered by a side-effect import at the end of apply-order-action.ts, like
 * the stock hooks, so no path that cancels an order can skip it.
 */
import type { DbTx } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { onOrderAction, type HookContext } from "@/server/services/order/order-action-hooks";
import { refundsOnTimeline } from "@/server/services/order/record-refund";

export const REFUND_DUE = "REFUND_DUE";

/** Exception.data of a REFUND_DUE. paidCents is null when only part was paid and the channel did not say how much. */
export interface RefundDueData {
  paidCents: number | null;
  totalCents: number;
  refundedCents: number;
  currency: string;
  /** The payment status when the order was stopped (or when the money arrived after). */
  paymentStatus: string;
  /** The money arrived after the order was cancelled (PAID_AFTER_CANCEL). */
  paidAfterCancel?: true;
}

const money = (cents: number, currency: string) => `${currency} ${(cents / 100).toFixed(2)}`;

/** What an order stopped with money in it owes, from the order as it stands and the refunds recorded so far. */
export function refundDueData(
  order: { totalCents: number; currency: string; paymentStatus: string },
  refundedCents: number,
  paidAfterCancel = false,
): RefundDueData {
  return {
    // PAID and PARTIALLY_REFUNDED orders were paid in full; PARTIALLY_PAID ones by an amount the channel did not give.
    paidCents: order.paymentStatus === "PARTIALLY_PAID" ? null : order.totalCents,
    totalCents: order.totalCents,
    refundedCents,
    currency: order.currency,
    paymentStatus: order.paymentStatus,
    ...(paidAfterCancel ? { paidAfterCancel: true as const } : {}),
  };
}

/** The English message stored with the exception (the UI shows exception-text.ts's sentence in the reader's language). */
export function refundDueMessage(orderNumber: number | string, d: RefundDueData): string {
  if (d.paidCents === null) {
    return `Refund due: the customer paid part of order #${orderNumber} (total ${money(d.totalCents, d.currency)}) and it was cancelled; return what was paid.`;
  }
  const owed = Math.max(d.paidCents - d.refundedCents, 0);
  const already = d.refundedCents > 0 ? `; ${money(d.refundedCents, d.currency)} already refunded, ${money(owed, d.currency)} still due` : "";
  const when = d.paidAfterCancel && d.refundedCents === 0 ? `after order #${orderNumber} was cancelled` : `and order #${orderNumber} was cancelled`;
  return `Refund due: the customer paid ${money(d.paidCents, d.currency)} ${when}${already}.`;
}

/** Opens REFUND_DUE for an action the state machine flagged, or brings the open one up to date (never two open). */
async function openRefundDue(tx: DbTx, ctx: HookContext): Promise<void> {
  if (!ctx.decision.refundDue) return;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: ctx.orderId },
    select: { number: true, totalCents: true, currency: true, paymentStatus: true },
  });
  const refundedCents = (await refundsOnTimeline(tx, ctx.orderId)).reduce((a, r) => a + Number(r.amountCents ?? 0), 0);
  const open = await tx.exception.findFirst({ where: { orderId: ctx.orderId, type: REFUND_DUE, status: "OPEN" }, select: { id: true, data: true } });
  // More money on an order that already owes a refund (a partial payment made whole) updates that one, keeping how it began.
  const late = open ? (open.data as unknown as RefundDueData | null)?.paidAfterCancel === true : ctx.action.type === "PAID_AFTER_CANCEL";
  const data = refundDueData(order, refundedCents, late);
  const fields = { message: refundDueMessage(order.number, data), data: data as unknown as Prisma.InputJsonValue };
  if (open) await tx.exception.update({ where: { id: open.id }, data: fields });
  else await tx.exception.create({ data: { type: REFUND_DUE, orderId: ctx.orderId, ...fields } });
}

/** A refund recorded after the stop: the open REFUND_DUE follows it, and closes once everything paid went back. */
async function followRefund(tx: DbTx, ctx: HookContext): Promise<void> {
  const open = await tx.exception.findMany({ where: { orderId: ctx.orderId, type: REFUND_DUE, status: "OPEN" }, select: { id: true, data: true } });
  if (open.length === 0) return;
  const a = ctx.action;
  for (const e of open) {
    const data = e.data as unknown as RefundDueData;
    const refundedCents = a.type === "RECORD_REFUND" ? a.refundedTotalCents : data.refundedCents;
    const settled = ctx.decision.paymentStatus === "REFUNDED" || (data.paidCents !== null && refundedCents >= data.paidCents);
    if (!settled && refundedCents === data.refundedCents) continue;
    const next = { ...data, refundedCents } as unknown as Prisma.InputJsonValue;
    // No person: resolvedById stays null and the list says "resolved automatically"; the refund itself is on the timeline.
    await tx.exception.update({ where: { id: e.id }, data: settled ? { data: next, status: "RESOLVED", resolvedAt: new Date() } : { data: next } });
  }
}

onOrderAction("CANCEL", openRefundDue);
onOrderAction("REJECT", openRefundDue);
onOrderAction("PAID_AFTER_CANCEL", openRefundDue);
onOrderAction("RECORD_REFUND", followRefund);
onOrderAction("CHANNEL_PAYMENT_STATUS", followRefund);
