/**
 * Test data for the shipping integration tests (not a test file itself):
 * a warehouse with stock (stock-test-fixtures), orders captured and reserved
 * through the real services, then moved to PACKED with a CLOSED package by
 * direct writes (packing is another feature), and INVOICED through the state
 * machine. Carriers and already-shipped shipments are inserted directly.
 */
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { systemActor, userActor } from "@/server/services/order/actor";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { buildWorld, capture, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";
import type { CarrierKind } from "./carriers/carrier-adapter";
import type { ShipmentStatus } from "./shipment-status";

export { makeUser, type World };

export const ADDRESS = {
  name: "Maria Silva",
  line1: "Rua das Acácias, 120",
  line2: "Apto 12",
  district: "Pinheiros",
  city: "São Paulo",
  state: "SP",
  postalCode: "05422-010",
  country: "BR",
};

export async function shippingWorld(stock: { sku: string; onHand: number }[], skus = stock.map((s) => s.sku)): Promise<World> {
  return buildWorld({
    warehouses: [{ code: "SP1", state: "SP" }],
    skus,
    stock: stock.filter((s) => s.onHand > 0).map((s) => ({ sku: s.sku, wh: "SP1", onHand: s.onHand })),
  });
}

export interface PackedOrder {
  orderId: string;
  orderNumber: number;
  packageId: string;
  lineIds: Record<string, string>;
}

/**
 * A captured, reserved order moved to PACKED with a CLOSED package. `scans`:
 * units per SKU scanned into the package (default: none, i.e. the reserved units).
 */
export async function packedOrder(
  w: World,
  opts: { lines: { sku: string; quantity: number }[]; scans?: Record<string, number>; shipBy?: Date | null },
): Promise<PackedOrder> {
  const orderId = await capture(w, { lines: opts.lines });
  await reserveOrderStock({ orderId, actor: systemActor("test") });
  const order = await db.order.update({
    where: { id: orderId },
    data: { status: "PACKED", fulfillmentStatus: "PACKED", shippingAddress: ADDRESS, shipBy: opts.shipBy ?? null, externalNumber: "#5001" },
    select: { number: true, lines: { select: { id: true, sku: true } } },
  });
  const lineIds = Object.fromEntries(order.lines.map((l) => [l.sku, l.id]));
  const pkg = await db.package.create({ data: { orderId, status: "CLOSED", closedAt: new Date(), weightGrams: 850 }, select: { id: true } });
  for (const [sku, units] of Object.entries(opts.scans ?? {})) {
    for (let i = 0; i < units; i++) await db.packScan.create({ data: { packageId: pkg.id, code: sku, result: "ACCEPTED", orderLineId: lineIds[sku] ?? null } });
  }
  return { orderId, orderNumber: order.number, packageId: pkg.id, lineIds };
}

/** The NF-e is registered through the state machine, as an operator does on the order page. */
export async function invoice(orderId: string, operator: SessionUser, invoiceNumber = "000123"): Promise<void> {
  await db.$transaction((tx) => applyOrderActionTx(tx, { orderId, action: { type: "INVOICE", invoiceNumber }, actor: userActor(operator) }));
}

export async function makeCarrier(opts: { code?: string; name?: string; kind?: CarrierKind; services?: string[]; active?: boolean } = {}) {
  return db.carrier.create({
    data: {
      code: opts.code ?? "correios",
      name: opts.name ?? "Correios",
      kind: opts.kind ?? "CORREIOS",
      services: opts.services ?? ["SEDEX", "PAC"],
      trackingToken: `token-${opts.code ?? "correios"}-${Math.random().toString(36).slice(2)}`,
      active: opts.active ?? true,
    },
  });
}

/** A shipment that already left: SHIPPED package and Shipment row written directly (order status untouched). */
export async function insertShipment(opts: {
  orderId: string;
  carrierId: string;
  trackingNumber: string;
  status?: ShipmentStatus;
  shippedAt?: Date;
  lastEventAt?: Date | null;
}): Promise<string> {
  const pkg = await db.package.create({ data: { orderId: opts.orderId, status: "SHIPPED", closedAt: opts.shippedAt ?? new Date() }, select: { id: true } });
  const s = await db.shipment.create({
    data: {
      orderId: opts.orderId,
      packageId: pkg.id,
      carrierId: opts.carrierId,
      service: "SEDEX",
      trackingNumber: opts.trackingNumber,
      status: opts.status ?? "CREATED",
      shippedAt: opts.shippedAt ?? new Date(),
      createdAt: opts.shippedAt ?? new Date(),
      lastEventAt: opts.lastEventAt ?? null,
    },
    select: { id: true },
  });
  return s.id;
}

/** An order that has shipped everything (status SHIPPED), for tracking tests. */
export async function shippedOrder(w: World, opts: { shipBy?: Date | null } = {}): Promise<string> {
  const orderId = await capture(w, { lines: [{ sku: Object.keys(w.sku)[0] as string, quantity: 1 }] });
  await db.order.update({
    where: { id: orderId },
    data: { status: "SHIPPED", fulfillmentStatus: "SHIPPED", paymentStatus: "PAID", shippingAddress: ADDRESS, shipBy: opts.shipBy ?? null },
  });
  await db.orderLine.updateMany({ where: { orderId }, data: { shippedQty: 1 } });
  return orderId;
}

export async function timeline(orderId: string) {
  return db.orderEvent.findMany({ where: { orderId }, orderBy: { id: "asc" }, select: { type: true, actorLabel: true, reason: true, data: true, fromStatus: true, toStatus: true } });
}
