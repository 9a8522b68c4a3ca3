/**
 * A delivery address that the channel sends on a document of its own, after
 * the order (Mercado Livre: the order names its shipment, the shipment holds
 * the receiver address). Applied to the order with a timeline event, in one
 * transaction, until the order is invoiced: from then on the invoice and the
 * label carry the address the order had, and the document is only recorded.
 *
 * An order holding stock chosen for another destination (Mercado Livre:
 * reserved at capture, before any address) is allocated again for the new
 * one while nothing is picked: before approval its reservation is redone
 * (reallocate-order-stock.ts); ALLOCATED or BACKORDERED, through the
 * REALLOCATE action. An order on hold in those stages keeps its allocation.
 */
import { db, type DbTx } from "@/server/db";
import type { AddressInput } from "@/server/channels/types";
import { shipStateOf } from "@/server/services/order/capture-order";
import type { OrderStatus } from "@/server/services/order/order-dimensions";
import { systemActor, type Actor } from "@/server/services/order/actor";
import { ADDRESS_GUARD_SQL, followChannelAddress } from "@/server/services/order/address-correction";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import { syncAddressException } from "@/server/services/order/address-exception";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";
import { reallocateOrderStock } from "@/server/services/stock/reallocate-order-stock";

/** KEPT: a person corrected the order's address; the channel's is on the timeline, not on the order (address-correction.ts). */
export type AddressOutcome = "APPLIED" | "SAME" | "TOO_LATE" | "KEPT";

/** Before approval: the reservation is redone without a change of stage. */
const REALLOCATE_QUIETLY: readonly OrderStatus[] = ["RECEIVED", "PAYMENT_AUTHORIZED", "FRAUD_REVIEW", "APPROVED"];
/** Allocated or waiting for stock, nothing picked: the REALLOCATE action. */
const REALLOCATE_BY_ACTION: readonly OrderStatus[] = ["ALLOCATED", "BACKORDERED"];

/** The destination state the order's stock was chosen for; undefined when it was never allocated. */
function allocatedFor(allocation: unknown): string | null | undefined {
  if (typeof allocation !== "object" || allocation === null) return undefined;
  const d = (allocation as { destinationState?: unknown }).destinationState;
  return typeof d === "string" && d !== "" ? d : null;
}

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
    const rows = await tx.$queryRaw<(DestinationOrder & { shippingAddress: unknown; shipBy: Date | null; addressGuard: unknown })[]>`
      SELECT id, number, status::text AS status, "shippingAddress", "shipBy", allocation, "onHold",
        EXISTS (SELECT 1 FROM "Reservation" r WHERE r."orderId" = "Order".id AND r.status = 'ACTIVE') AS "holdsStock",
        ${ADDRESS_GUARD_SQL} AS "addressGuard" FROM "Order"
      WHERE "channelId" = ${opts.channelId}::uuid AND "externalId" = ${opts.externalId} FOR UPDATE`;
    const order = rows[0];
    if (!order) return null;
    const found = { orderId: order.id, orderNumber: order.number, status: order.status };
    if (ADDRESS_FROZEN_STATUSES.includes(order.status)) return { ...found, outcome: "TOO_LATE" as const };
    const address = stored(opts.address);
    const shipBy = order.shipBy ?? opts.shipBy ?? null;
    if (sameAddress(order.shippingAddress, address) && shipBy?.getTime() === order.shipBy?.getTime()) return { ...found, outcome: "SAME" as const };
    // A person corrected this order's address: theirs stands (a new channel address goes on the timeline).
    const follow = await followChannelAddress(tx, { orderId: order.id, guard: order.addressGuard, current: order.shippingAddress, incoming: address, actorLabel: opts.actorLabel, source: opts.source });
    if (follow === "KEEP") {
      if (shipBy?.getTime() !== order.shipBy?.getTime()) await tx.order.update({ where: { id: order.id }, data: { shipBy, version: { increment: 1 } } });
      return { ...found, outcome: "KEPT" as const };
    }

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
    await syncAddressException(tx, { orderId: order.id, orderNumber: order.number, address });
    await followNewDestination(tx, order, shipState, systemActor(opts.actorLabel));
    return { ...found, outcome: "APPLIED" as const };
  });
}

/** What followNewDestination needs to know about the order (read under its row lock). */
export interface DestinationOrder {
  id: string;
  number: number;
  status: OrderStatus;
  allocation: unknown;
  onHold: boolean;
  holdsStock: boolean;
}

/**
 * The order's destination state changed to `shipState`: stock chosen for another one is allocated again while
 * nothing is picked (quietly before approval; through REALLOCATE when ALLOCATED or BACKORDERED and not on hold).
 */
export async function followNewDestination(tx: DbTx, order: DestinationOrder, shipState: string | null, actor: Actor): Promise<void> {
  const chosenFor = allocatedFor(order.allocation);
  if (!order.holdsStock || chosenFor === undefined || chosenFor === shipState) return;
  const why = shipState ? ledgerReason("addressArrived", { state: shipState }) : ledgerReason("addressArrivedNoState");
  if (REALLOCATE_QUIETLY.includes(order.status)) {
    await reallocateOrderStock(tx, { orderId: order.id, actor, reason: ledgerReason("orderReallocated", { number: order.number, note: why }) });
  } else if (REALLOCATE_BY_ACTION.includes(order.status) && !order.onHold) {
    await applyOrderActionTx(tx, { orderId: order.id, action: { type: "REALLOCATE", reason: why }, actor });
  }
}
