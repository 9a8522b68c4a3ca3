/**
 * The Shipments list: newest first, keyset-paginated on (createdAt, id),
 * filtered by status, carrier, open exception and creation day (in the
 * merchant's time zone). One ordered scan, LIMIT n+1, served by an index
 * whatever the filter: Shipment(createdAt DESC, id DESC) without one,
 * (status, createdAt DESC, id DESC) by status, (carrierId, createdAt DESC,
 * id DESC) by carrier; open exceptions through Exception(shipmentId).
 */
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/auth/options";
import { decodeCreatedAtCursor, encodeCreatedAtCursor } from "@/server/lib/created-at-cursor";
import { nextDay, zonedDayStart } from "@/server/lib/zoned-time";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { SHIPMENT_STATUSES, type ShipmentStatus } from "./shipment-status";
import { assertRole, SHIPMENT_VIEW_ROLES } from "./shipping-roles";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");

export const listShipmentsInput = z.object({
  status: z.enum(SHIPMENT_STATUSES).optional(),
  carrierId: z.uuid().optional(),
  hasException: z.boolean().optional(),
  /** Created on or after this day / on or before this day (merchant's time zone). */
  from: day.optional(),
  to: day.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListShipmentsInput = z.input<typeof listShipmentsInput>;

export interface ShipmentRow {
  id: string;
  createdAt: Date;
  status: ShipmentStatus;
  trackingNumber: string;
  service: string;
  carrier: { id: string; name: string };
  order: { id: string; number: number; externalNumber: string | null };
  packageNumber: number;
  destination: string;
  lastEventAt: Date | null;
  deliveredAt: Date | null;
  openExceptions: number;
}

export interface ShipmentPage {
  items: ShipmentRow[];
  nextCursor: string | null;
}

const openExceptionOf = (alias: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Exception" e WHERE e."shipmentId" = ${Prisma.raw(alias)}.id AND e.status = 'OPEN')`;

export async function listShipments(opts: { actor: SessionUser; input: ListShipmentsInput }): Promise<ShipmentPage> {
  assertRole(SHIPMENT_VIEW_ROLES, opts.actor, "see shipments");
  const input = listShipmentsInput.parse(opts.input);
  const { timeZone } = await getMerchantSettings();
  const where: Prisma.Sql[] = [];
  if (input.status) where.push(Prisma.sql`s.status = ${input.status}::"ShipmentStatus"`);
  if (input.carrierId) where.push(Prisma.sql`s."carrierId" = ${input.carrierId}::uuid`);
  if (input.hasException === true) where.push(openExceptionOf("s"));
  if (input.hasException === false) where.push(Prisma.sql`NOT ${openExceptionOf("s")}`);
  if (input.from) where.push(Prisma.sql`s."createdAt" >= ${zonedDayStart(input.from, timeZone)}`);
  if (input.to) where.push(Prisma.sql`s."createdAt" < ${zonedDayStart(nextDay(input.to), timeZone)}`);
  if (input.cursor) {
    const c = decodeCreatedAtCursor(input.cursor);
    where.push(Prisma.sql`(s."createdAt", s.id) < (${c.createdAt}, ${c.id}::uuid)`);
  }
  const take = input.limit + 1;
  const conds = where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
  const rows = await db.$queryRaw<(Omit<ShipmentRow, "carrier" | "order"> & {
    carrierId: string; carrierName: string; orderId: string; orderNumber: number; externalNumber: string | null;
  })[]>(Prisma.sql`
    WITH page AS (SELECT s.id FROM "Shipment" s ${conds} ORDER BY s."createdAt" DESC, s.id DESC LIMIT ${take})
    SELECT s.id, s."createdAt", s.status::text AS status, s."trackingNumber", s.service, s."lastEventAt", s."deliveredAt",
      c.id AS "carrierId", c.name AS "carrierName", o.id AS "orderId", o.number AS "orderNumber", o."externalNumber",
      p.number AS "packageNumber",
      concat_ws(' / ', NULLIF(o."shippingAddress"->>'city', ''), NULLIF(COALESCE(o."shipState", o."shippingAddress"->>'state'), '')) AS destination,
      (SELECT count(*)::int FROM "Exception" e WHERE e."shipmentId" = s.id AND e.status = 'OPEN') AS "openExceptions"
    FROM page JOIN "Shipment" s ON s.id = page.id JOIN "Carrier" c ON c.id = s."carrierId"
    JOIN "Order" o ON o.id = s."orderId" JOIN "Package" p ON p.id = s."packageId"
    ORDER BY s."createdAt" DESC, s.id DESC`);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ carrierId, carrierName, orderId, orderNumber, externalNumber, ...r }) => ({
      ...r,
      carrier: { id: carrierId, name: carrierName },
      order: { id: orderId, number: orderNumber, externalNumber },
    })),
    nextCursor: rows.length > input.limit && last ? encodeCreatedAtCursor(last) : null,
  };
}
