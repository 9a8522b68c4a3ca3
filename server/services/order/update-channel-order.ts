/**
 * A later version of an order we already hold. Out-of-order deliveries are
 * normal (Shopify and others do not promise order): an update older than the
 * version we hold never overwrites it. A cancellation from the channel goes
 * through the state machine like any other; if the goods already left it
 * becomes an exception for a person to handle. Changed lines and totals are
 * applied before approval and raised as an exception afterwards
 * (follow-channel-lines.ts); refunds the document lists are recorded once each
 * (record-refund.ts). All of it in one transaction.
 */
import { db, type DbTx } from "@/server/db";
import type { ChannelOrderInput, PaymentStatus } from "@/server/channels/types";
import { DomainError } from "@/server/lib/domain-error";
import { systemActor, type Actor } from "@/server/services/order/actor";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import { shipStateOf } from "@/server/services/order/capture-order";
import { followChannelLinesTx } from "@/server/services/order/follow-channel-lines";
import { ADDRESS_GUARD_SQL, followChannelAddress } from "@/server/services/order/address-correction";
import { isPaymentAfterCancel } from "@/server/services/order/order-guards";
import { recordOrderRefundsTx } from "@/server/services/order/record-refund";
import { syncAddressException } from "@/server/services/order/address-exception";
import { ADDRESS_FROZEN_STATUSES } from "@/server/services/order/apply-channel-address";
import type { OrderStatus } from "@/server/services/order/order-dimensions";

export type UpdateOutcome = "UPDATED" | "STALE" | "SAME_VERSION";

const PAYMENT_PROGRESS = ["PENDING", "AUTHORIZED", "PARTIALLY_PAID", "PAID"] as const;
const REFUND_STATUSES: readonly string[] = ["PARTIALLY_REFUNDED", "REFUNDED"];

export async function updateChannelOrder(opts: {
  channelId: string;
  input: ChannelOrderInput;
  actorLabel: string;
  deliveryId?: string | null;
}): Promise<{ orderId: string; outcome: UpdateOutcome }> {
  const { channelId, input } = opts;
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; number: number; channelUpdatedAt: Date; status: string; paymentStatus: string; onHold: boolean; shippingAddress: unknown; addressGuard: unknown }[]>`
        SELECT id, number, "channelUpdatedAt", status::text AS status, "paymentStatus"::text AS "paymentStatus", "onHold", "shippingAddress",
          ${ADDRESS_GUARD_SQL} AS "addressGuard" FROM "Order"
        WHERE "channelId" = ${channelId}::uuid AND "externalId" = ${input.externalId} FOR UPDATE`;
      const current = rows[0];
      if (!current) throw new DomainError("NOT_FOUND", `Order ${input.externalId} is not in Fluxo yet.`);
      const held = current.channelUpdatedAt.getTime();
      const incoming = input.updatedAt.getTime();
      if (incoming < held) return { orderId: current.id, outcome: "STALE" as const };
      if (incoming === held) return { orderId: current.id, outcome: "SAME_VERSION" as const };

      // A person corrected the address: theirs stands; a new address from the channel goes on the timeline (address-correction.ts).
      const address = input.shippingAddress
        ? await followChannelAddress(tx, { orderId: current.id, guard: current.addressGuard, current: current.shippingAddress, incoming: { ...input.shippingAddress }, actorLabel: opts.actorLabel })
        : "KEEP";
      await tx.order.update({
        where: { id: current.id },
        data: {
          channelUpdatedAt: input.updatedAt,
          shippingAddress: address === "APPLY" && input.shippingAddress ? { ...input.shippingAddress } : undefined,
          billingAddress: input.billingAddress ? { ...input.billingAddress } : undefined,
          shipState: address === "APPLY" ? (shipStateOf(input) ?? undefined) : undefined,
          note: input.note ?? undefined,
          shipBy: input.shipBy ?? undefined,
          sourceDeliveryId: opts.deliveryId ?? undefined,
        },
      });
      if (address === "APPLY" && input.shippingAddress && !ADDRESS_FROZEN_STATUSES.includes(current.status as OrderStatus)) {
        await syncAddressException(tx, { orderId: current.id, orderNumber: current.number, address: { ...input.shippingAddress } });
      }
      await tx.orderEvent.create({
        data: {
          orderId: current.id,
          type: "order.channel_updated",
          actorLabel: opts.actorLabel,
          data: { channelUpdatedAt: input.updatedAt.toISOString(), paymentStatus: input.paymentStatus, state: input.state },
        },
      });
      const lines = await followChannelLinesTx(tx, { orderId: current.id, input, actorLabel: opts.actorLabel });
      // Re-stocking may have released an OUT_OF_STOCK hold: payment progress must see the order as it is now.
      const now =
        lines === "APPLIED"
          ? { id: current.id, ...(await tx.order.findUniqueOrThrow({ where: { id: current.id }, select: { status: true, paymentStatus: true, onHold: true } })) }
          : current;
      await followChannel(tx, now, input, opts.actorLabel);
      if ((input.refunds?.length ?? 0) > 0 || REFUND_STATUSES.includes(input.paymentStatus)) {
        await recordOrderRefundsTx(tx, current.id, {
          refunds: input.refunds ?? [],
          channelPaymentStatus: input.paymentStatus,
          currency: input.currency,
          actorLabel: opts.actorLabel,
        });
      }
      return { orderId: current.id, outcome: "UPDATED" as const };
    },
    { timeout: 15_000 },
  );
}

/**
 * Payment progress and cancellation reported by the channel, applied through the state machine.
 * An order on hold cannot AUTHORIZE_PAYMENT, but MARK_PAID is allowed on hold: a held
 * order that the channel reports paid is marked paid (instead of failing the delivery).
 * A (partially) refunded payment was paid first: it progresses to PAID, then the refunds
 * are recorded by the caller. Money reported on an order that is cancelled (before this
 * version, or by it) is recorded by PAID_AFTER_CANCEL, which owes it back (refund-due.ts).
 */
async function followChannel(
  tx: DbTx,
  current: { id: string; status: string; paymentStatus: string; onHold: boolean },
  input: ChannelOrderInput,
  label: string,
) {
  const { id: orderId, status } = current;
  const actor = systemActor(label);
  const before = PAYMENT_PROGRESS.indexOf(current.paymentStatus as (typeof PAYMENT_PROGRESS)[number]);
  const target = REFUND_STATUSES.includes(input.paymentStatus) ? "PAID" : input.paymentStatus;
  const after = PAYMENT_PROGRESS.indexOf(target as (typeof PAYMENT_PROGRESS)[number]);
  if (status !== "CANCELLED" && input.state !== "CANCELLED" && after > before && before >= 0) {
    if (status === "RECEIVED" && !current.onHold && (target === "AUTHORIZED" || target === "PAID")) {
      await applyOrderActionTx(tx, { orderId, action: { type: "AUTHORIZE_PAYMENT" }, actor });
    }
    if (target === "PAID") {
      const now = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { paymentStatus: true } });
      if (now.paymentStatus !== "PAID") await applyOrderActionTx(tx, { orderId, action: { type: "MARK_PAID" }, actor });
    }
  }
  if (input.state === "CANCELLED" && status !== "CANCELLED") {
    try {
      await applyOrderActionTx(tx, { orderId, action: { type: "CANCEL", reason: input.cancelReason || "Cancelled on the sales channel" }, actor });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      await tx.exception.create({
        data: {
          type: "CHANNEL_CANCEL_REFUSED",
          orderId,
          message: `The channel cancelled this order but Fluxo cannot cancel it: ${e.message}`,
          data: { status: e.params.current || status },
        },
      });
    }
  }
  await followPaymentAfterCancel(tx, orderId, input.paymentStatus, actor);
}

/**
 * A boleto paid after the order was cancelled, an authorization captured after it was voided: the channel
 * says money arrived on an order Fluxo will never ship. A refund status means it was paid first; REFUNDED
 * means all of it went back already, so nothing is owed.
 */
async function followPaymentAfterCancel(tx: DbTx, orderId: string, reported: PaymentStatus, actor: Actor) {
  const paymentStatus = reported === "PARTIALLY_REFUNDED" ? "PAID" : reported;
  const now = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, paymentStatus: true } });
  if (now.status !== "CANCELLED" || !isPaymentAfterCancel(now.paymentStatus, paymentStatus)) return;
  await applyOrderActionTx(tx, { orderId, action: { type: "PAID_AFTER_CANCEL", paymentStatus }, actor });
}
