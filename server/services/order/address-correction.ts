/**
 * A delivery address a person corrected is theirs: a channel's later address
 * for the same order (a new version of the order, a Mercado Livre shipment
 * document) does not overwrite it. Not silently either: a channel address not
 * seen before goes on the timeline ("order.channel_address_not_applied", with
 * the address) for a person to apply by hand if the customer really moved.
 *
 * The marker is the timeline itself: the latest "order.address_corrected" or
 * "order.channel_address_not_applied" event of the order carries
 * data.channelAddress, the last address the channel sent (read in the same
 * statement that locks the order: ADDRESS_GUARD_SQL).
 */
import { Prisma } from "@/server/generated/prisma/client";
import type { DbTx } from "@/server/db";
import { sameAddress } from "@/server/services/order/shipping-address-input";

export const ADDRESS_CORRECTED = "order.address_corrected";
export const CHANNEL_ADDRESS_NOT_APPLIED = "order.channel_address_not_applied";

/** A column for a SELECT … FROM "Order": the data of the order's latest correction marker, or null. */
export const ADDRESS_GUARD_SQL = Prisma.sql`(SELECT e.data FROM "OrderEvent" e WHERE e."orderId" = "Order".id
  AND e.type IN (${ADDRESS_CORRECTED}, ${CHANNEL_ADDRESS_NOT_APPLIED}) ORDER BY e.id DESC LIMIT 1)`;

/** The channel's last address held in a marker's data; undefined when there is no marker (nobody corrected the address). */
export function channelAddressOf(guard: unknown): unknown {
  if (typeof guard !== "object" || guard === null) return undefined;
  return (guard as { channelAddress?: unknown }).channelAddress ?? null;
}

/**
 * What to do with an address a channel sends for an order: APPLY it (nobody corrected the order's), or KEEP the
 * person's correction (writing the not-applied event when the channel's address is news).
 */
export async function followChannelAddress(
  tx: DbTx,
  opts: { orderId: string; guard: unknown; current: unknown; incoming: Record<string, unknown>; actorLabel: string; source?: string },
): Promise<"APPLY" | "KEEP"> {
  const lastFromChannel = channelAddressOf(opts.guard);
  if (lastFromChannel === undefined) return "APPLY";
  if (sameAddress(opts.incoming, lastFromChannel) || sameAddress(opts.incoming, opts.current)) return "KEEP";
  await tx.orderEvent.create({
    data: {
      orderId: opts.orderId,
      type: CHANNEL_ADDRESS_NOT_APPLIED,
      actorLabel: opts.actorLabel,
      reason: opts.source ?? null,
      data: { channelAddress: opts.incoming, kept: (opts.current ?? null) as Prisma.InputJsonValue } as Prisma.InputJsonObject,
    },
  });
  return "KEEP";
}
