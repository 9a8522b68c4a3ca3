/**
 * A refund reported by a channel, recorded once. It can reach us twice — as its
 * own document (Shopify refunds/create) and inside a later version of the order
 * (Shopify orders/updated, WooCommerce order.updated) — so every path records it
 * here, in the caller's transaction, with the order row already locked by the
 * caller: a refund id already on the timeline ("payment.refunded") is not
 * counted again. The payment status follows the refunded total against the
 * order total; never back from REFUNDED. The change itself goes through the
 * state machine (RECORD_REFUND, CHANNEL_PAYMENT_STATUS): validated, versioned
 * and on the timeline like every other.
 */
import { db, type DbTx } from "@/server/db";
import type { ChannelOrderInput } from "@/server/channels/types";
import { systemActor } from "@/server/services/order/actor";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import { paymentStatusAfterRefunds } from "@/server/services/order/order-guards";

export interface RefundToRecord {
  externalRefundId: string;
  amountCents: number;
  reason?: string;
  currency?: string;
  createdAt?: Date;
  lines?: { externalLineId?: string; sku?: string; quantity: number; restock: boolean }[];
}

export interface RefundableOrder {
  id: string;
  paymentStatus: string;
  totalCents: number;
}

export interface RecordRefundResult {
  applied: boolean;
  paymentStatus: string;
  refundedTotalCents: number;
}

/** The refunds recorded on the order's timeline so far (also what a REFUND_DUE counts as already returned). */
export async function refundsOnTimeline(tx: DbTx, orderId: string) {
  const events = await tx.orderEvent.findMany({ where: { orderId, type: "payment.refunded" }, select: { data: true } });
  return events.map((e) => (e.data ?? {}) as { externalRefundId?: string; amountCents?: number });
}

export { paymentStatusAfterRefunds };

/** Records one refund unless its id is already on the order's timeline. The caller holds the order row lock. */
export async function recordRefundTx(tx: DbTx, order: RefundableOrder, refund: RefundToRecord, actorLabel: string): Promise<RecordRefundResult> {
  const previous = await refundsOnTimeline(tx, order.id);
  const before = previous.reduce((a, r) => a + Number(r.amountCents ?? 0), 0);
  if (previous.some((r) => r.externalRefundId === refund.externalRefundId)) {
    return { applied: false, paymentStatus: order.paymentStatus, refundedTotalCents: before };
  }
  const refunded = before + refund.amountCents;
  await applyOrderActionTx(tx, {
    orderId: order.id,
    actor: systemActor(actorLabel),
    action: {
      type: "RECORD_REFUND",
      externalRefundId: refund.externalRefundId,
      amountCents: refund.amountCents,
      refundedTotalCents: refunded,
      orderTotalCents: order.totalCents,
      ...(refund.reason ? { reason: refund.reason } : {}),
      currency: refund.currency ?? null,
      refundedAt: refund.createdAt?.toISOString() ?? null,
      lines: refund.lines ?? [],
    },
  });
  return { applied: true, paymentStatus: paymentStatusAfterRefunds(order.paymentStatus, refunded, order.totalCents), refundedTotalCents: refunded };
}

/**
 * Every refund an order document lists that is not recorded yet, then the payment
 * status the channel computed for the document when it is a refund status: the
 * platform's view wins (it knows of refunds we may never have been sent, and of
 * totals we may hold differently). Reads the order under
 * the caller's lock; a status it changes is on the timeline (payment.channel_status).
 * Returns how many refunds were new.
 */
export async function recordOrderRefundsTx(
  tx: DbTx,
  orderId: string,
  opts: { refunds: readonly RefundToRecord[]; channelPaymentStatus: string; currency?: string; actorLabel: string },
): Promise<number> {
  let order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, paymentStatus: true, totalCents: true } });
  let applied = 0;
  for (const refund of opts.refunds) {
    const r = await recordRefundTx(tx, order, { currency: opts.currency, ...refund }, opts.actorLabel);
    if (r.applied) applied += 1;
    order = { ...order, paymentStatus: r.paymentStatus as typeof order.paymentStatus };
  }
  const channelStatus = opts.channelPaymentStatus;
  if ((channelStatus === "PARTIALLY_REFUNDED" || channelStatus === "REFUNDED") && order.paymentStatus !== channelStatus) {
    await applyOrderActionTx(tx, { orderId, actor: systemActor(opts.actorLabel), action: { type: "CHANNEL_PAYMENT_STATUS", paymentStatus: channelStatus } });
  }
  return applied;
}

/**
 * An order that arrives for the first time already refunded: capture stored the channel's
 * payment status; this records its refunds so that the same refunds arriving again (a refund
 * document, a later update) are recognised. Runs only when the document lists refunds, after
 * the capture statement (which stays a single statement on the hot path).
 */
export async function recordCapturedOrderRefunds(opts: { orderId: string; input: ChannelOrderInput; actorLabel: string }): Promise<number> {
  const refunds = opts.input.refunds ?? [];
  if (refunds.length === 0) return 0;
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Order" WHERE id = ${opts.orderId}::uuid FOR UPDATE`;
      return recordOrderRefundsTx(tx, opts.orderId, {
        refunds,
        channelPaymentStatus: opts.input.paymentStatus,
        currency: opts.input.currency,
        actorLabel: opts.actorLabel,
      });
    },
    { timeout: 15_000 },
  );
}
