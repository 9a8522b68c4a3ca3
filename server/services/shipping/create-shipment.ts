/**
 * A CLOSED package of an INVOICED order leaves with a carrier (WAREHOUSE, ADMIN).
 *
 * 1. Check everything (ship-context.ts) without locks, then ask the carrier's
 *    adapter for the tracking number (typed by a person for MANUAL carriers).
 * 2. In one transaction, under the package's row lock, check again, then write
 *    the Shipment, mark the package SHIPPED, add "shipment.created" to the
 *    timeline and SHIP the order through applyOrderActionTx with the package's
 *    units and the fact { allLinesShipped } this package establishes. The stock
 *    hook on SHIP consumes exactly those units from the order's ACTIVE
 *    reservations (claim-reservations.ts); units left out stay reserved.
 * Partial shipment (a box closed short, a backordered line): the order stays
 * INVOICED with fulfilment PARTIALLY_SHIPPED, the pack station opens a new
 * package for the reserved units left, and that package ships under the same
 * NF-e (the order's one invoice); the last one moves the order to SHIPPED.
 * A second call for the same package fails with DUPLICATE and consumes nothing
 * (the package row is locked and must be CLOSED; Shipment.packageId is unique).
 * When the transaction fails the carrier's label is voided (best effort).
 */
import { z } from "zod";
import { db, type DbTx } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { DomainError, isDomainError } from "@/server/lib/domain-error";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import { userActor } from "@/server/services/order/actor";
import type { OrderStatus } from "@/server/services/order/order-state-machine";
import type { CarrierShipmentResult } from "./carriers/carrier-adapter";
import { carrierAdapter } from "./carriers/registry";
import { loadShipContext, type ShipContext } from "./ship-context";
import { assertRole, SHIPMENT_CREATE_ROLES } from "./shipping-roles";

export const createShipmentInput = z.object({
  packageId: z.uuid(),
  carrierId: z.uuid(),
  service: z.string().trim().min(1).max(40),
  /** MANUAL carriers: the number from the carrier's receipt. */
  trackingNumber: z.string().trim().max(60).optional(),
});
export type CreateShipmentInput = z.input<typeof createShipmentInput>;

export interface CreatedShipment {
  shipmentId: string;
  trackingNumber: string;
  orderId: string;
  orderNumber: number;
  orderStatus: OrderStatus;
  partial: boolean;
}

const GENERATED_NUMBER_ATTEMPTS = 3;

export async function createShipment(opts: { actor: SessionUser; input: CreateShipmentInput }): Promise<CreatedShipment> {
  assertRole(SHIPMENT_CREATE_ROLES, opts.actor, "create shipments");
  const input = createShipmentInput.parse(opts.input);
  const ctx = await db.$transaction((tx) => loadShipContext(tx, { ...input, lock: false }));
  const adapter = carrierAdapter(ctx.carrier);
  if (!adapter.typedTrackingNumber && input.trackingNumber) {
    throw new DomainError("VALIDATION", `${ctx.carrier.name} assigns its own tracking numbers; leave the field empty.`, {
      field: "trackingNumber",
      detail: "trackingNumber: assigned by the carrier",
    });
  }
  for (let attempt = 1; ; attempt++) {
    const label = await adapter.createShipment({
      pkg: ctx.pkg,
      address: ctx.address,
      service: ctx.service,
      ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
    });
    try {
      return await db.$transaction((tx) => recordShipment(tx, opts.actor, input, label), { maxWait: 30_000, timeout: 60_000 });
    } catch (e) {
      await adapter.voidShipment?.(label.trackingNumber).catch(() => undefined);
      const taken = isDomainError(e) && e.params.rule === "TRACKING_NUMBER_TAKEN";
      if (taken && !adapter.typedTrackingNumber && attempt < GENERATED_NUMBER_ATTEMPTS) continue;
      throw e;
    }
  }
}

async function recordShipment(tx: DbTx, actor: SessionUser, input: z.infer<typeof createShipmentInput>, label: CarrierShipmentResult): Promise<CreatedShipment> {
  const ctx: ShipContext = await loadShipContext(tx, { ...input, lock: true });
  const { trackingNumber } = label;
  const clash = await tx.shipment.findUnique({
    where: { carrierId_trackingNumber: { carrierId: ctx.carrier.id, trackingNumber } },
    select: { orderId: true },
  });
  if (clash) {
    throw new DomainError("DUPLICATE", `${ctx.carrier.name} tracking number ${trackingNumber} is already used by another shipment.`, {
      field: "trackingNumber",
      rule: "TRACKING_NUMBER_TAKEN",
      trackingNumber,
      detail: `tracking number ${trackingNumber}`,
    });
  }
  const now = new Date();
  const shipment = await tx.shipment.create({
    data: {
      orderId: ctx.order.id,
      packageId: ctx.pkg.id,
      carrierId: ctx.carrier.id,
      service: ctx.service,
      trackingNumber,
      createdById: actor.id,
      createdAt: now,
      shippedAt: now,
    },
    select: { id: true },
  });
  await tx.package.update({ where: { id: ctx.pkg.id }, data: { status: "SHIPPED" } });
  await tx.orderEvent.create({
    data: {
      orderId: ctx.order.id,
      type: "shipment.created",
      actorId: actor.id,
      actorLabel: actor.name,
      data: {
        shipmentId: shipment.id,
        package: ctx.pkg.number,
        carrier: ctx.carrier.name,
        service: ctx.service,
        trackingNumber,
        items: ctx.plan.items.map((i) => ({ sku: i.sku, quantity: i.quantity })),
      },
    },
  });
  const result = await applyOrderActionTx(tx, {
    orderId: ctx.order.id,
    action: {
      type: "SHIP",
      packageNumber: ctx.pkg.number,
      units: ctx.plan.items.map((i) => ({ orderLineId: i.orderLineId, quantity: i.quantity })),
    },
    actor: userActor(actor),
    facts: { allLinesShipped: ctx.plan.allLinesShipped },
  });
  await assertConsumedExactly(tx, ctx);
  return {
    shipmentId: shipment.id,
    trackingNumber,
    orderId: ctx.order.id,
    orderNumber: ctx.order.number,
    orderStatus: result.to,
    partial: !ctx.plan.allLinesShipped,
  };
}

/** The stock hook must have shipped exactly the package's units; anything else rolls the shipment back. */
async function assertConsumedExactly(tx: DbTx, ctx: ShipContext): Promise<void> {
  const after = await tx.orderLine.findMany({ where: { orderId: ctx.order.id }, select: { id: true, sku: true, shippedQty: true } });
  const packed = new Map(ctx.plan.items.map((i) => [i.orderLineId, i.quantity]));
  for (const line of after) {
    const before = ctx.order.lines.find((l) => l.id === line.id)?.shippedQty ?? 0;
    const expected = packed.get(line.id) ?? 0;
    if (line.shippedQty - before !== expected) {
      throw new Error(`Shipment of package #${ctx.pkg.number}: ${line.sku} shipped ${line.shippedQty - before}, the package holds ${expected}. Nothing was recorded.`);
    }
  }
}
