/**
 * What the picking screen offers: the warehouses, each with how many orders
 * wait to be picked, and the orders waiting in one warehouse (ALLOCATED, not
 * held, in no open pick list), most urgent first — order number, channel,
 * dates and units only: warehouse staff see no customer data.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

const WAITING = Prisma.sql`o.status = 'ALLOCATED' AND NOT o."onHold"
  AND NOT EXISTS (SELECT 1 FROM "PickListOrder" p WHERE p."orderId" = o.id AND p.open)`;

export interface PickingWarehouse {
  id: string;
  code: string;
  name: string;
  waitingOrders: number;
}

export async function listPickingWarehouses(): Promise<PickingWarehouse[]> {
  return db.$queryRaw<PickingWarehouse[]>(Prisma.sql`
    SELECT w.id::text AS id, w.code, w.name, COALESCE(c.n, 0)::int AS "waitingOrders"
    FROM "Warehouse" w
    LEFT JOIN (SELECT o."warehouseId", count(*) AS n FROM "Order" o WHERE ${WAITING} GROUP BY 1) c ON c."warehouseId" = w.id
    WHERE w.active
    ORDER BY w.code`);
}

export const listPickableOrdersInput = z.object({
  warehouseId: z.uuid(),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface PickableOrder {
  id: string;
  number: number;
  channelName: string;
  placedAt: Date;
  shipBy: Date | null;
  units: number;
  lines: number;
}

export async function listPickableOrders(opts: { input: z.input<typeof listPickableOrdersInput> }): Promise<PickableOrder[]> {
  const input = listPickableOrdersInput.parse(opts.input);
  return db.$queryRaw<PickableOrder[]>(Prisma.sql`
    WITH o AS (
      SELECT o.id, o.number, o."channelId", o."placedAt", o."shipBy" FROM "Order" o
      WHERE ${WAITING} AND o."warehouseId" = ${input.warehouseId}::uuid
      ORDER BY o."shipBy" ASC NULLS LAST, o."placedAt" ASC, o.id ASC
      LIMIT ${input.limit}
    )
    SELECT o.id::text AS id, o.number, c.name AS "channelName", o."placedAt", o."shipBy",
      (SELECT COALESCE(sum(l.quantity), 0) FROM "OrderLine" l WHERE l."orderId" = o.id)::int AS units,
      (SELECT count(*) FROM "OrderLine" l WHERE l."orderId" = o.id)::int AS lines
    FROM o JOIN "Channel" c ON c.id = o."channelId"
    ORDER BY o."shipBy" ASC NULLS LAST, o."placedAt" ASC, o.id ASC`);
}
