/**
 * Cancellations and refunds reported by a channel, applied through the order state machine.
 * Both lock the order row first: two deliveries about the same order (the same
 * refund under two webhook ids, a refund racing an order update) are applied one
 * after the other, each reading what the other wrote.
 */
import { db, type DbTx } from "@/server/db";
import type { RefundInput } from "@/server/channels/types";
import { DomainError } from "@/server/lib/domain-error";
import { systemActor } from "@/server/services/order/actor";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import { recordRefundTx } from "@/server/services/order/record-refund";

interface LockedOrder {
  id: string;
  status: string;
  paymentStatus: string;
  totalCents: number;
}

async function lockOrder(tx: DbTx, channelId: string, externalId: string): Promise<LockedOrder | undefined> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, status::text AS status, "paymentStatus"::text AS "paymentStatus", "totalCents"
    FROM "Order" WHERE "channelId" = ${channelId}::uuid AND "externalId" = ${externalId} FOR UPDATE`;
  return rows[0];
}

export async function applyChannelCancellation(opts: { channelId: string; externalId: string; reason: string; actorLabel: string }): Promise<string | null> {
  return db.$transaction(
    async (tx) => {
      const order = await lockOrder(tx, opts.channelId, opts.externalId);
      if (!order) return null;
      if (order.status === "CANCELLED") return order.id;
      try {
        await applyOrderActionTx(tx, { orderId: order.id, action: { type: "CANCEL", reason: opts.reason }, actor: systemActor(opts.actorLabel) });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        await tx.exception.create({
          data: {
            type: "CHANNEL_CANCEL_REFUSED", orderId: order.id, message: `The channel cancelled this order but Fluxo cannot cancel it: ${e.message}`,
            data: { status: e.params.current || order.status },
          },
        });
      }
      return order.id;
    },
    { timeout: 15_000 },
  );
}

/**
 * A refund document (Shopify refunds/create): recorded on the timeline and the payment status
 * moved by the refunded total (recordRefundTx, shared with refunds listed inside an order update).
 * Idempotent per refund: a refund id already on the timeline is not counted again.
 */
export async function applyChannelRefund(opts: {
  channelId: string;
  refund: RefundInput;
  actorLabel: string;
}): Promise<{ orderId: string; applied: boolean } | null> {
  const { refund } = opts;
  return db.$transaction(
    async (tx) => {
      const order = await lockOrder(tx, opts.channelId, refund.externalOrderId);
      if (!order) return null;
      const r = await recordRefundTx(tx, order, refund, opts.actorLabel);
      return { orderId: order.id, applied: r.applied };
    },
    { timeout: 15_000 },
  );
}
