/**
 * Packages closed at the pack station and not shipped yet, for the "Create
 * shipment" page: those of INVOICED orders are ready; those of PACKED orders
 * wait for the NF-e (shown so the warehouse knows why they cannot leave).
 * Soonest ship-by first.
 */
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { assertRole, SHIPMENT_CREATE_ROLES } from "./shipping-roles";

export interface ReadyPackage {
  id: string;
  number: number;
  closedAt: Date | null;
  weightGrams: number | null;
  order: { id: string; number: number; externalNumber: string | null; status: "INVOICED" | "PACKED"; shipBy: Date | null };
  destination: string;
}

export interface ReadyPackages {
  ready: ReadyPackage[];
  awaitingInvoice: ReadyPackage[];
}

export const READY_LIST_MAX = 200;

async function closedPackages(status: "INVOICED" | "PACKED", extraId?: string): Promise<ReadyPackage[]> {
  const rows = await db.$queryRaw<
    { id: string; number: number; closedAt: Date | null; weightGrams: number | null; orderId: string; orderNumber: number; externalNumber: string | null; shipBy: Date | null; destination: string }[]
  >`
    SELECT p.id, p.number, p."closedAt", p."weightGrams", o.id AS "orderId", o.number AS "orderNumber", o."externalNumber", o."shipBy",
      concat_ws(' / ', NULLIF(o."shippingAddress"->>'city', ''), NULLIF(COALESCE(o."shipState", o."shippingAddress"->>'state'), '')) AS destination
    FROM "Package" p JOIN "Order" o ON o.id = p."orderId"
    WHERE p.status = 'CLOSED' AND o.status = ${status}::"OrderStatus"
      AND NOT EXISTS (SELECT 1 FROM "Shipment" s WHERE s."packageId" = p.id)
    ORDER BY (p.id = ${extraId ?? null}::uuid) DESC NULLS LAST, o."shipBy" ASC NULLS LAST, p."closedAt" ASC NULLS LAST, p.number ASC
    LIMIT ${READY_LIST_MAX}`;
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    closedAt: r.closedAt,
    weightGrams: r.weightGrams,
    order: { id: r.orderId, number: r.orderNumber, externalNumber: r.externalNumber, status, shipBy: r.shipBy },
    destination: r.destination,
  }));
}

/** `packageId` (from the pack station's link) is listed first when it is one of them. */
export async function listReadyPackages(opts: { actor: SessionUser; packageId?: string }): Promise<ReadyPackages> {
  assertRole(SHIPMENT_CREATE_ROLES, opts.actor, "create shipments");
  const [ready, awaitingInvoice] = await Promise.all([closedPackages("INVOICED", opts.packageId), closedPackages("PACKED", opts.packageId)]);
  return { ready, awaitingInvoice };
}
