/**
 * Which ACTIVE reservations a shipment consumes, and marking them CONSUMED.
 *
 * Whole order (no units): every ACTIVE reservation of the order, in one
 * conditional UPDATE — a second SHIP finds nothing ACTIVE and consumes nothing.
 *
 * One package (units per order line): the line's ACTIVE reservations are
 * locked (FOR UPDATE, id order) and taken oldest first. A reservation taken
 * whole becomes CONSUMED; one taken in part keeps the rest ACTIVE (quantity
 * lowered, CHECK quantity > 0) and its consumed part becomes a CONSUMED row of
 * its own, so the reservation history still adds up. Fewer ACTIVE units than
 * the package holds → GUARD_FAILED and the transaction rolls back. Exactly once
 * per package is the caller's part: create-shipment.ts holds the package's row
 * lock, requires it CLOSED and writes its Shipment (packageId unique) first.
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import type { ShipUnit } from "@/server/services/order/order-actions";

export interface Consumed {
  id: string;
  orderLineId: string;
  skuId: string;
  warehouseId: string;
  quantity: number;
}

export interface ActiveRow extends Consumed {
  sku: string;
}

interface Claim {
  id: string;
  take: number;
  whole: boolean;
}

export async function claimReservations(
  tx: DbTx,
  opts: { orderId: string; warehouseId?: string; units?: readonly ShipUnit[] },
): Promise<Consumed[]> {
  if (!opts.units) {
    return tx.$queryRaw<Consumed[]>(Prisma.sql`
      UPDATE "Reservation" SET status = 'CONSUMED', "closedAt" = now()
      WHERE "orderId" = ${opts.orderId}::uuid AND status = 'ACTIVE'
        AND (${opts.warehouseId ?? null}::uuid IS NULL OR "warehouseId" = ${opts.warehouseId ?? null}::uuid)
      RETURNING id, "orderLineId", "skuId", "warehouseId", quantity`);
  }
  const lineIds = opts.units.map((u) => u.orderLineId);
  const active = await tx.$queryRaw<ActiveRow[]>(Prisma.sql`
    SELECT r.id, r."orderLineId", r."skuId", r."warehouseId", r.quantity, l.sku
    FROM "Reservation" r JOIN "OrderLine" l ON l.id = r."orderLineId"
    WHERE r."orderId" = ${opts.orderId}::uuid AND r.status = 'ACTIVE' AND r."orderLineId" IN (SELECT jsonb_array_elements_text(${JSON.stringify(lineIds)}::jsonb)::uuid)
      AND (${opts.warehouseId ?? null}::uuid IS NULL OR r."warehouseId" = ${opts.warehouseId ?? null}::uuid)
    ORDER BY r.id
    FOR UPDATE OF r`);
  const { claims, consumed } = planClaims(active, opts.units);
  if (claims.length === 0) return [];
  const [row] = await tx.$queryRaw<{ claimed: number }[]>(Prisma.sql`
    WITH c AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(claims)}::jsonb) AS c(id uuid, take int, whole boolean)),
    whole AS (
      UPDATE "Reservation" r SET status = 'CONSUMED', "closedAt" = now()
      FROM c WHERE r.id = c.id AND c.whole AND r.status = 'ACTIVE' AND r.quantity = c.take
      RETURNING r.id
    ), part AS (
      UPDATE "Reservation" r SET quantity = r.quantity - c.take
      FROM c WHERE r.id = c.id AND NOT c.whole AND r.status = 'ACTIVE' AND r.quantity > c.take
      RETURNING r."orderId", r."orderLineId", r."skuId", r."warehouseId", r."createdAt", c.take
    ), split AS (
      INSERT INTO "Reservation" ("orderId", "orderLineId", "skuId", "warehouseId", quantity, status, "createdAt", "closedAt")
      SELECT "orderId", "orderLineId", "skuId", "warehouseId", take, 'CONSUMED', "createdAt", now() FROM part
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM whole) + (SELECT count(*)::int FROM split) AS claimed`);
  if (row?.claimed !== claims.length) throw new Error(`shipment of order ${opts.orderId}: reservations changed under a lock (run reconcile-stock)`);
  return consumed;
}

/** Oldest reservation first (by id, the lock order) until each line's units are covered. Pure. */
export function planClaims(active: readonly ActiveRow[], units: readonly ShipUnit[]): { claims: Claim[]; consumed: Consumed[] } {
  const claims: Claim[] = [];
  const consumed: Consumed[] = [];
  for (const u of units) {
    let need = u.quantity;
    const rows = active.filter((r) => r.orderLineId === u.orderLineId).sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const r of rows) {
      if (need === 0) break;
      const take = Math.min(need, r.quantity);
      claims.push({ id: r.id, take, whole: take === r.quantity });
      consumed.push({ id: r.id, orderLineId: r.orderLineId, skuId: r.skuId, warehouseId: r.warehouseId, quantity: take });
      need -= take;
    }
    if (need > 0) {
      const sku = rows[0]?.sku ?? u.orderLineId;
      const reserved = u.quantity - need;
      throw new DomainError("GUARD_FAILED", `The package holds ${u.quantity} × ${sku} but the order has only ${reserved} reserved to ship.`, {
        rule: "PACKAGE_UNRESERVED_UNITS",
        sku,
        packed: u.quantity,
        reserved,
      });
    }
  }
  return { claims, consumed };
}
