/**
 * A delivery address that the channel sends on a document of its own, after
 * the order (Mercado Livre: the order names its shipment, the shipment holds
 * the receiver address). Applied to the order with a timeline event, in one
 * transaction, until the order is invoiced: from then on the invoice and the
 * label carry the address the order had, and the document is only recorded.
 * The warehouse an order was already allocated to stays; the address counts
 * for what comes next (labels, carriers, late-delivery checks).
 */
import { db } from "@/server/db";
import type { AddressInput } from "@/server/channels/types";
import { shipStateOf } from "@/server/services/order/capture-order";
import type { OrderStatus } from "@/server/services/order/order-dimensions";

export type AddressOutcome = "APPLIED" | "SAME" | "TOO_LATE";

/** From here on the order's address is on its invoice (and then on its label): a channel document no longer changes it. */
export const ADDRESS_FROZEN_STATUSES: readonly OrderStatus[] = ["INVOICED", "SHIPPED", "DELIVERED", "RETURN_REQUESTED", "RETURNED", "CANCELLED"];

/** The address as stored (JSON without undefined keys), so that equal addresses compare equal. */
function stored(address: AddressInput): Record<string, string> {
  return Object.fromEntries(Object.entries(address).filter((e): e is [string, string] => typeof e[1] === "string"));
}

function sameAddress(held: unknown, next: Record<string, string>): boolean {
  if (typeof held !== "object" || held === null) return false;
  const h = held as Record<string, unknown>;
  const keys = new Set([...Object.keys(h), ...Object.keys(next)]);
  return [...keys].every((k) => (h[k] ?? null) === (next[k] ?? null));
}

/** Null when the order is not in Fluxo (yet). */
export async function applyChannelAddress(opts: {
  channelId: string;
  externalId: string;
  address: AddressInput;
  shipBy?: Date;
  source: string;
  actorLabel: string;
}): Promise<{ orderId: string; orderNumber: number; status: OrderStatus; outcome: AddressOutcome } | null> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; number: number; status: OrderStatus; shippingAddress: unknown; shipBy: Date | null }[]>`
      SELECT id, number, status::text AS status, "shippingAddress", "shipBy" FROM "Order"
      WHERE "channelId" = ${opts.channelId}::uuid AND "externalId" = ${opts.externalId} FOR UPDATE`;
    const order = rows[0];
    if (!order) return null;
    const found = { orderId: order.id, orderNumber: order.number, status: order.status };
    if (ADDRESS_FROZEN_STATUSES.includes(order.status)) return { ...found, outcome: "TOO_LATE" as const };
    const address = stored(opts.address);
    const shipBy = order.shipBy ?? opts.shipBy ?? null;
    if (sameAddress(order.shippingAddress, address) && shipBy?.getTime() === order.shipBy?.getTime()) return { ...found, outcome: "SAME" as const };

    const shipState = shipStateOf({ shippingAddress: opts.address });
    await tx.order.update({
      where: { id: order.id },
      data: { shippingAddress: address, shipState, shipBy, version: { increment: 1 } },
    });
    await tx.orderEvent.create({
      data: {
        orderId: order.id,
        type: "order.address_from_channel",
        actorLabel: opts.actorLabel,
        reason: opts.source,
        data: { city: address.city ?? null, state: shipState, postalCode: address.postalCode ?? null, shipBy: shipBy?.toISOString() ?? null },
      },
    });
    return { ...found, outcome: "APPLIED" as const };
  });
}
