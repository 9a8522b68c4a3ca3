/**
 * "Re-process" on the Channel deliveries page: runs a stored FAILED or IGNORED
 * delivery through processDelivery again (after a connector fix, once the order a
 * refund belongs to has arrived, …) and records who did it in the AuditLog.
 * Only what was stored is read, so the replay is exact.
 */
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import type { Role } from "@/server/lib/roles";
import { processDeliveryRecordingErrors } from "@/server/services/channels/process-delivery";

export const REPROCESS_ROLES: readonly Role[] = ["ADMIN", "OPERATOR"];
export const REPROCESSABLE_STATUSES = ["FAILED", "IGNORED"] as const;

export interface ReprocessResult {
  deliveryId: string;
  status: "PROCESSED" | "DUPLICATE" | "IGNORED" | "FAILED";
  orderIds: string[];
  error: string | null;
}

export async function reprocessDelivery(opts: { actor: SessionUser; deliveryId: string }): Promise<ReprocessResult> {
  const { actor, deliveryId } = opts;
  if (!REPROCESS_ROLES.includes(actor.role)) throw new DomainError("FORBIDDEN", `A ${actor.role} may not re-process deliveries.`);
  const delivery = await db.channelDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, status: true, attempts: true, channel: { select: { active: true } } },
  });
  if (!delivery) throw new DomainError("NOT_FOUND", `Delivery ${deliveryId} not found.`);
  if (!(REPROCESSABLE_STATUSES as readonly string[]).includes(delivery.status)) {
    throw new DomainError("GUARD_FAILED", `only failed or ignored deliveries can be re-processed; this one is ${delivery.status}.`, {
      rule: "NOT_REPROCESSABLE",
      current: delivery.status,
    });
  }
  if (!delivery.channel.active) throw new DomainError("CHANNEL_INACTIVE", "The delivery's channel is inactive: activate it first.");

  // Claim it (conditional on what we read): a concurrent re-process or platform retry loses.
  const claimed = await db.channelDelivery.updateMany({
    where: { id: deliveryId, status: delivery.status, attempts: delivery.attempts },
    data: { status: "RECEIVED", attempts: delivery.attempts + 1, processedAt: new Date() },
  });
  if (claimed.count !== 1) {
    throw new DomainError("CONFLICT", `Delivery ${deliveryId} is being processed by someone else right now. Reload and try again.`, {
      rule: "DELIVERY_BUSY",
      current: delivery.status,
    });
  }

  const outcome = await processDeliveryRecordingErrors(deliveryId);
  const result: ReprocessResult =
    outcome.status === "ERROR" || outcome.status === "FAILED"
      ? { deliveryId, status: "FAILED", orderIds: [], error: outcome.error }
      : { deliveryId, status: outcome.status, orderIds: outcome.orderIds, error: null };
  await db.auditLog.create({
    data: {
      actorId: actor.id,
      action: "channel_delivery.reprocessed",
      entity: "ChannelDelivery",
      entityId: deliveryId,
      data: { from: delivery.status, to: result.status, orderIds: result.orderIds, error: result.error, attempt: delivery.attempts + 1 },
    },
  });
  return result;
}
