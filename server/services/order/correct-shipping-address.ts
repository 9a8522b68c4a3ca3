/**
 * "Edit shipping address" on the order page: a person (ADMIN, OPERATOR; the
 * router checks the role) corrects the delivery address (the customer called,
 * a typo, an address a carrier cannot use). Allowed until the order is packed
 * (ADDRESS_EDITABLE_STATUSES, shipping-address-input.ts): from PACKED on the box is closed for its label
 * and from INVOICED the NF-e carries the address. Allowed on hold (an
 * INCORRECT_ADDRESS hold is exactly when it is needed; the person releases
 * the hold).
 *
 * One transaction: the order row locked, the version the person saw checked
 * (CONFLICT otherwise), the address and destination state written, the
 * timeline event "order.address_corrected" (who, when, from → to, why), the
 * stock allocated again when the destination state changed (as for a channel
 * address: apply-channel-address.ts), and the order's ADDRESS_INCOMPLETE
 * resolved in the person's name once the address can be used
 * (address-exception.ts). Later channel addresses no longer overwrite it
 * (address-correction.ts).
 */
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { userActor } from "@/server/services/order/actor";
import { ADDRESS_CORRECTED, ADDRESS_GUARD_SQL, channelAddressOf } from "@/server/services/order/address-correction";
import { followNewDestination, type DestinationOrder } from "@/server/services/order/apply-channel-address";
import { shipStateOf } from "@/server/services/order/capture-order";
import { syncAddressException } from "@/server/services/order/address-exception";
import { mayEditShippingAddress, sameAddress, storedAddress, type CorrectedAddress } from "@/server/services/order/shipping-address-input";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function correctShippingAddress(opts: {
  actor: SessionUser;
  orderId: string;
  expectedVersion: number;
  address: CorrectedAddress;
  note?: string;
}): Promise<{ orderId: string; version: number; changed: boolean }> {
  const { actor, orderId } = opts;
  if (!UUID.test(orderId)) throw new DomainError("NOT_FOUND", `Order ${orderId} not found.`);
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<(DestinationOrder & { version: number; shippingAddress: unknown; addressGuard: unknown })[]>`
        SELECT id, number, status::text AS status, version, "shippingAddress", allocation, "onHold",
          EXISTS (SELECT 1 FROM "Reservation" r WHERE r."orderId" = "Order".id AND r.status = 'ACTIVE') AS "holdsStock",
          ${ADDRESS_GUARD_SQL} AS "addressGuard"
        FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`;
      const order = rows[0];
      if (!order) throw new DomainError("NOT_FOUND", `Order ${orderId} not found.`);
      if (order.version !== opts.expectedVersion) {
        throw new DomainError("CONFLICT", `Order changed since you loaded it; it is now ${order.status}.`, { current: order.status });
      }
      if (!mayEditShippingAddress(order.status)) {
        throw new DomainError("INVALID_TRANSITION", `Cannot correct the shipping address of an order that is ${order.status}: it is packed or further along.`, {
          current: order.status,
          action: "EDIT_SHIPPING_ADDRESS",
          rule: "ADDRESS_LOCKED",
        });
      }
      const before = order.shippingAddress ?? null;
      const phone = typeof before === "object" && before !== null ? (before as { phone?: unknown }).phone : undefined;
      const after = storedAddress(opts.address, typeof phone === "string" ? { phone } : {});
      const sameName = (before as { name?: unknown } | null)?.name === after.name;
      if (sameAddress(before, after) && sameName) return { orderId, version: order.version, changed: false };

      // The destination state allocation works with, read as for a channel's address.
      const shipState = shipStateOf({ shippingAddress: { line1: after.line1 ?? "", city: after.city ?? "", state: after.state } });
      await tx.order.update({ where: { id: orderId }, data: { shippingAddress: after, shipState, version: { increment: 1 } } });
      // The channel's last address, kept on every marker so that the channel sending it again changes nothing.
      const lastFromChannel = channelAddressOf(order.addressGuard);
      const channelAddress = (lastFromChannel === undefined ? before : lastFromChannel) ?? null;
      await tx.orderEvent.create({
        data: {
          orderId,
          type: ADDRESS_CORRECTED,
          actorId: actor.id,
          actorLabel: actor.name,
          reason: opts.note ?? null,
          data: { from: before, to: after, channelAddress } as Prisma.InputJsonObject,
        },
      });
      await syncAddressException(tx, { orderId, orderNumber: order.number, address: after, resolvedById: actor.id });
      await followNewDestination(tx, order, shipState, userActor(actor));
      const now = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true } });
      return { orderId, version: now.version, changed: true };
    },
    { timeout: 15_000 },
  );
}
