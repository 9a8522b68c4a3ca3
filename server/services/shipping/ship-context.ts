/**
 * Everything create-shipment.ts checks before a package may leave, read in one
 * place so it can run twice: once before asking the carrier for a tracking
 * number, and again under the package's row lock before anything is written.
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { loadSnapshot } from "@/server/services/order/apply-order-action";
import { assertTransition } from "@/server/services/order/order-state-machine";
import type { CarrierAddress, CarrierKind, CarrierPackage } from "./carriers/carrier-adapter";
import { readServices } from "./carrier-view";
import { describeProblem, packageContents, planShipment, type ShipLine, type ShipmentPlan } from "./package-contents";
import { readShippingAddress } from "./shipping-address";

export interface ShipContext {
  pkg: CarrierPackage & { orderId: string };
  order: { id: string; number: number; externalNumber: string | null; status: string; lines: ShipLine[] };
  carrier: { id: string; code: string; name: string; kind: CarrierKind };
  /** The service as the carrier spells it. */
  service: string;
  address: CarrierAddress;
  plan: ShipmentPlan;
}

export async function loadShipContext(
  tx: DbTx,
  opts: { packageId: string; carrierId: string; service: string; lock: boolean },
): Promise<ShipContext> {
  if (opts.lock) await tx.$queryRaw(Prisma.sql`SELECT id FROM "Package" WHERE id = ${opts.packageId}::uuid FOR UPDATE`);
  const pkg = await tx.package.findUnique({
    where: { id: opts.packageId },
    select: {
      id: true,
      number: true,
      orderId: true,
      status: true,
      weightGrams: true,
      lengthMm: true,
      widthMm: true,
      heightMm: true,
      shipment: { select: { trackingNumber: true, carrier: { select: { name: true } } } },
      scans: { where: { result: "ACCEPTED" }, select: { orderLineId: true } },
    },
  });
  if (!pkg) throw new DomainError("NOT_FOUND", `Package ${opts.packageId} not found.`);
  if (pkg.shipment) {
    const detail = `package #${pkg.number} already shipped with ${pkg.shipment.carrier.name} ${pkg.shipment.trackingNumber}`;
    throw new DomainError("DUPLICATE", `Package #${pkg.number} already has a shipment (${pkg.shipment.carrier.name} ${pkg.shipment.trackingNumber}).`, {
      detail,
      rule: "PACKAGE_ALREADY_SHIPPED",
      package: pkg.number,
      trackingNumber: pkg.shipment.trackingNumber,
    });
  }
  if (pkg.status !== "CLOSED") {
    throw new DomainError("GUARD_FAILED", `Package #${pkg.number} is ${pkg.status}: close it at the pack station first.`, {
      detail: `package #${pkg.number} is ${pkg.status}`,
      rule: "PACKAGE_NOT_CLOSED",
      package: pkg.number,
    });
  }
  const order = await tx.order.findUniqueOrThrow({
    where: { id: pkg.orderId },
    select: {
      id: true,
      number: true,
      externalNumber: true,
      status: true,
      customerName: true,
      shippingAddress: true,
      lines: { select: { id: true, lineNo: true, sku: true, quantity: true, reservedQty: true, shippedQty: true }, orderBy: { lineNo: "asc" } },
    },
  });
  if (order.status === "PACKED") {
    // The NF-e must be authorized before goods leave (DOMAIN.md, Fiscal).
    throw new DomainError(
      "GUARD_FAILED",
      `Order #${order.number} has no NF-e yet: an operator or admin must register the invoice (INVOICE with the NF-e number) on the order page before it ships.`,
      { current: order.status, action: "SHIP", rule: "INVOICE_REQUIRED", order: order.number, detail: `order #${order.number} is not invoiced` },
    );
  }
  const plan = planShipment(order.lines, packageContents(order.lines, pkg.scans));
  // The state machine's own verdict (stage, holds) on the facts this package establishes.
  const { snapshot } = await loadSnapshot(tx, order.id);
  assertTransition({ ...snapshot, allLinesShipped: plan.allLinesShipped }, { type: "SHIP" });
  const problem = plan.problems[0];
  if (problem) {
    const params: Record<string, string | number> = { detail: describeProblem(problem), package: pkg.number, order: order.number };
    for (const [k, v] of Object.entries(problem)) if (typeof v === "string" || typeof v === "number") params[k] = v;
    throw new DomainError("GUARD_FAILED", `Package #${pkg.number} cannot ship: ${describeProblem(problem)}.`, params);
  }

  const carrier = await tx.carrier.findUnique({ where: { id: opts.carrierId }, select: { id: true, code: true, name: true, kind: true, services: true, active: true } });
  if (!carrier) throw new DomainError("NOT_FOUND", `Carrier ${opts.carrierId} not found.`);
  if (!carrier.active) {
    throw new DomainError("GUARD_FAILED", `Carrier ${carrier.name} is inactive.`, { detail: `carrier ${carrier.name} is inactive`, rule: "CARRIER_INACTIVE", carrier: carrier.name });
  }
  const service = readServices(carrier.services).find((s) => s.toUpperCase() === opts.service.trim().toUpperCase());
  if (!service) {
    throw new DomainError("VALIDATION", `${carrier.name} does not offer the service "${opts.service}".`, {
      field: "service",
      detail: `service: ${carrier.name} offers ${readServices(carrier.services).join(", ")}`,
    });
  }
  const { shipment: _s, scans: _scans, status: _status, ...box } = pkg;
  return {
    pkg: box,
    order: { id: order.id, number: order.number, externalNumber: order.externalNumber, status: order.status, lines: order.lines },
    carrier: { id: carrier.id, code: carrier.code, name: carrier.name, kind: carrier.kind },
    service,
    address: readShippingAddress(order.shippingAddress, order.customerName),
    plan,
  };
}
