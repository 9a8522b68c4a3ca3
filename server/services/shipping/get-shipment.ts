/**
 * One shipment as its page shows it: carrier, tracking number, status, the
 * package and what it held, the recipient (as on the label), every tracking
 * event (newest first) and the shipment's exceptions.
 */
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import { exceptionText, type ExceptionText } from "@/server/services/exceptions/exception-text";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import type { OrderStatus } from "@/server/services/order/order-state-machine";
import type { CarrierAddress } from "./carriers/carrier-adapter";
import { applyTrackingEvent, type ShipmentStatus, type TrackingStatus, type TrackState } from "./shipment-status";
import { readShippingAddress } from "./shipping-address";
import { assertRole, SHIPMENT_VIEW_ROLES } from "./shipping-roles";

export interface ShipmentDetail {
  id: string;
  status: ShipmentStatus;
  trackingNumber: string;
  service: string;
  carrier: { id: string; code: string; name: string };
  createdAt: Date;
  createdBy: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  lastEventAt: Date | null;
  order: { id: string; number: number; externalNumber: string | null; status: OrderStatus; shipBy: Date | null };
  pkg: { number: number; weightGrams: number | null; items: { sku: string; quantity: number }[] };
  recipient: CarrierAddress;
  /** Newest first; `applied`: whether the event moved the shipment when it arrived (false: history only). */
  events: { id: string; status: ShipmentStatus; occurredAt: Date; receivedAt: Date; description: string | null; location: string | null; source: string; applied: boolean }[];
  exceptions: { id: string; type: string; status: "OPEN" | "RESOLVED"; message: string; text: ExceptionText | null; createdAt: Date; resolvedAt: Date | null }[];
}

/** Replays the events in the order they arrived, with the same rule that applied them. */
function appliedIds(events: readonly { id: bigint; status: ShipmentStatus; occurredAt: Date }[]): Set<bigint> {
  const applied = new Set<bigint>();
  let state: TrackState = { status: "CREATED", lastEventAt: null };
  for (const e of [...events].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (e.status === "CREATED") continue;
    const next = applyTrackingEvent(state, { status: e.status as TrackingStatus, occurredAt: e.occurredAt });
    if (next.applied) applied.add(e.id);
    state = next;
  }
  return applied;
}

function itemsOf(data: unknown): { sku: string; quantity: number }[] {
  const items = (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((i: unknown) => {
    const o = i as { sku?: unknown; quantity?: unknown };
    return typeof o.sku === "string" && typeof o.quantity === "number" ? [{ sku: o.sku, quantity: o.quantity }] : [];
  });
}

export async function getShipment(opts: { actor: SessionUser; shipmentId: string }): Promise<ShipmentDetail> {
  assertRole(SHIPMENT_VIEW_ROLES, opts.actor, "see shipments");
  const s = await db.shipment.findUnique({
    where: { id: opts.shipmentId },
    select: {
      id: true,
      orderId: true,
      status: true,
      trackingNumber: true,
      service: true,
      createdAt: true,
      createdById: true,
      shippedAt: true,
      deliveredAt: true,
      lastEventAt: true,
      carrier: { select: { id: true, code: true, name: true } },
      package: { select: { number: true, weightGrams: true } },
      events: { orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take: 500 },
    },
  });
  if (!s) throw new DomainError("NOT_FOUND", `Shipment ${opts.shipmentId} not found.`);
  const [order, created, exceptions, creator, settings] = await Promise.all([
    db.order.findUniqueOrThrow({
      where: { id: s.orderId },
      select: { id: true, number: true, externalNumber: true, status: true, shipBy: true, shippingAddress: true, customerName: true },
    }),
    db.orderEvent.findFirst({ where: { orderId: s.orderId, type: "shipment.created", data: { path: ["shipmentId"], equals: s.id } }, select: { data: true } }),
    db.exception.findMany({
      where: { shipmentId: s.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, type: true, status: true, message: true, data: true, createdAt: true, resolvedAt: true },
    }),
    s.createdById ? db.user.findUnique({ where: { id: s.createdById }, select: { name: true } }) : null,
    getMerchantSettings(),
  ]);
  const applied = appliedIds(s.events);
  return {
    id: s.id,
    status: s.status,
    trackingNumber: s.trackingNumber,
    service: s.service,
    carrier: s.carrier,
    createdAt: s.createdAt,
    createdBy: creator?.name ?? null,
    shippedAt: s.shippedAt,
    deliveredAt: s.deliveredAt,
    lastEventAt: s.lastEventAt,
    order: { id: order.id, number: order.number, externalNumber: order.externalNumber, status: order.status, shipBy: order.shipBy },
    pkg: { number: s.package.number, weightGrams: s.package.weightGrams, items: itemsOf(created?.data) },
    recipient: readShippingAddress(order.shippingAddress, order.customerName),
    events: s.events.map((e) => ({
      id: String(e.id),
      status: e.status,
      occurredAt: e.occurredAt,
      receivedAt: e.receivedAt,
      description: e.description,
      location: e.location,
      source: e.source,
      applied: applied.has(e.id),
    })),
    exceptions: exceptions.map(({ data, ...e }) => ({ ...e, text: exceptionText(e.type, data, order.number, settings.timeZone) })),
  };
}
