/**
 * Claiming orders for a pick list. Candidates are locked with
 * `FOR UPDATE SKIP LOCKED` in priority order (ship-by first, undated last, then
 * placement time): two people building waves at the same time each lock
 * different orders and never wait on each other; a row the other transaction
 * claimed and committed meanwhile is re-checked by PostgreSQL against the
 * WHERE clause (it is PICKING now) and left out. The locks are held until the
 * pick list commits; the partial unique index on PickListOrder(orderId) WHERE
 * open is the last guard.
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

export interface ClaimedOrder {
  id: string;
  number: number;
  channelId: string;
  shipBy: Date | null;
  fulfillmentStatus: string;
  paymentStatus: string;
  /** Units reserved for this order in the pick list's warehouse (null unless asked for with withUnits). */
  units: number | null;
}

/**
 * The carrier an order ships with. Orders carry no carrier yet (it is chosen
 * when the shipment is created), so every order falls in the "no carrier"
 * group; when Order gets a carrier column this expression is the one place to change.
 */
const CARRIER_KEY = Prisma.sql`NULL::text`;

export type GroupBy = "carrier" | "channel";

function groupKeySql(groupBy: GroupBy): Prisma.Sql {
  return groupBy === "channel" ? Prisma.sql`o."channelId"::text` : CARRIER_KEY;
}

export interface ClaimFilter {
  warehouseId: string;
  limit: number;
  orderIds?: readonly string[];
  dueBefore?: Date;
  group?: { by: GroupBy; key: string | null };
  /** Read each order's reserved units (only a maxUnits rule needs them before the lines are planned). */
  withUnits?: boolean;
}

function conditions(f: ClaimFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    Prisma.sql`o.status = 'ALLOCATED'`,
    Prisma.sql`NOT o."onHold"`,
    Prisma.sql`o."warehouseId" = ${f.warehouseId}::uuid`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "OrderHold" h WHERE h."orderId" = o.id AND h."releasedAt" IS NULL)`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "PickListOrder" p WHERE p."orderId" = o.id AND p.open)`,
  ];
  if (f.orderIds) parts.push(Prisma.sql`o.id = ANY(${[...f.orderIds]}::uuid[])`);
  if (f.dueBefore) parts.push(Prisma.sql`o."shipBy" < ${f.dueBefore.toISOString()}::timestamptz`);
  if (f.group) parts.push(Prisma.sql`${groupKeySql(f.group.by)} IS NOT DISTINCT FROM ${f.group.key}::text`);
  return Prisma.join(parts, " AND ");
}

/** Locks up to `limit` pickable orders, in priority order. */
export async function claimOrders(tx: DbTx, f: ClaimFilter): Promise<ClaimedOrder[]> {
  if (f.limit <= 0) return [];
  return tx.$queryRaw<ClaimedOrder[]>(Prisma.sql`
    WITH c AS MATERIALIZED (
      SELECT o.id, o.number, o."channelId", o."shipBy", o."placedAt", o."fulfillmentStatus"::text AS "fulfillmentStatus",
        o."paymentStatus"::text AS "paymentStatus", o."warehouseId"
      FROM "Order" o
      WHERE ${conditions(f)}
      ORDER BY o."shipBy" ASC NULLS LAST, o."placedAt" ASC, o.id ASC
      LIMIT ${f.limit}
      FOR UPDATE OF o SKIP LOCKED
    )
    SELECT c.id, c.number, c."channelId", c."shipBy", c."fulfillmentStatus", c."paymentStatus",
      ${
        f.withUnits
          ? Prisma.sql`(SELECT COALESCE(sum(r.quantity), 0)::int FROM "Reservation" r
              WHERE r."orderId" = c.id AND r.status = 'ACTIVE' AND r."warehouseId" = c."warehouseId")`
          : Prisma.sql`NULL::int`
      } AS units
    FROM c
    ORDER BY c."shipBy" ASC NULLS LAST, c."placedAt" ASC, c.id ASC`);
}

/** The group (carrier or channel) of the most urgent pickable order, or undefined when there is none. */
export async function headGroupKey(tx: DbTx, f: Omit<ClaimFilter, "limit" | "group">, by: GroupBy): Promise<{ key: string | null } | undefined> {
  const rows = await tx.$queryRaw<{ key: string | null }[]>(Prisma.sql`
    SELECT ${groupKeySql(by)} AS key FROM "Order" o
    WHERE ${conditions({ ...f, limit: 1 })}
    ORDER BY o."shipBy" ASC NULLS LAST, o."placedAt" ASC, o.id ASC
    LIMIT 1
    FOR UPDATE OF o SKIP LOCKED`);
  return rows[0];
}

export type NotPickableReason = "NOT_FOUND" | "WRONG_WAREHOUSE" | "NOT_ALLOCATED" | "ON_HOLD" | "IN_OPEN_LIST" | "BUSY";

export interface NotClaimed {
  orderId: string;
  number: number | null;
  reason: NotPickableReason;
  status?: string;
  pickListNumber?: number;
  holds?: string;
}

/** Why explicitly chosen orders were not claimed (read after the claim, for the report). */
export async function explainNotClaimed(
  tx: DbTx,
  orderIds: readonly string[],
  warehouseId: string,
): Promise<NotClaimed[]> {
  if (orderIds.length === 0) return [];
  const rows = await tx.$queryRaw<
    { id: string; number: number | null; status: string | null; warehouseId: string | null; held: boolean; holds: string | null; listNumber: number | null }[]
  >(Prisma.sql`
    SELECT i.id, o.number, o.status::text AS status, o."warehouseId",
      (o."onHold" OR EXISTS (SELECT 1 FROM "OrderHold" h WHERE h."orderId" = o.id AND h."releasedAt" IS NULL)) AS held,
      (SELECT string_agg(h.reason::text, ',') FROM "OrderHold" h WHERE h."orderId" = o.id AND h."releasedAt" IS NULL) AS holds,
      (SELECT l.number FROM "PickListOrder" p JOIN "PickList" l ON l.id = p."pickListId" WHERE p."orderId" = o.id AND p.open LIMIT 1) AS "listNumber"
    FROM unnest(${[...orderIds]}::uuid[]) AS i(id) LEFT JOIN "Order" o ON o.id = i.id`);
  return rows.map((r) => {
    const base = { orderId: r.id, number: r.number };
    if (r.status === null) return { ...base, reason: "NOT_FOUND" as const };
    if (r.listNumber !== null) return { ...base, reason: "IN_OPEN_LIST" as const, status: r.status, pickListNumber: r.listNumber };
    if (r.status !== "ALLOCATED") return { ...base, reason: "NOT_ALLOCATED" as const, status: r.status };
    if (r.warehouseId !== warehouseId) return { ...base, reason: "WRONG_WAREHOUSE" as const, status: r.status };
    if (r.held) return { ...base, reason: "ON_HOLD" as const, status: r.status, holds: r.holds ?? "" };
    return { ...base, reason: "BUSY" as const, status: r.status };
  });
}
