/**
 * The Exceptions list: newest first, keyset-paginated on (createdAt, id),
 * filtered by status (OPEN by default, RESOLVED, or ALL), type and creation
 * day (merchant's time zone). Served by Exception(status, createdAt DESC,
 * id DESC) and, with a type, Exception(status, type, createdAt DESC, id DESC);
 * ALL is the merge of one such scan per status. Each row carries what it is
 * about: the order, the SKU, the shipment.
 */
import { exceptionText, type ExceptionText } from "@/server/services/exceptions/exception-text";
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/auth/options";
import { decodeCreatedAtCursor, encodeCreatedAtCursor } from "@/server/lib/created-at-cursor";
import { nextDay, zonedDayStart } from "@/server/lib/zoned-time";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { assertRole } from "@/server/services/shipping/shipping-roles";
import { EXCEPTION_STATUSES, EXCEPTION_VIEW_ROLES, type ExceptionStatus } from "./exception-types";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");

export const listExceptionsInput = z.object({
  status: z.enum(["OPEN", "RESOLVED", "ALL"]).default("OPEN"),
  /** Any type string (types the UI does not know yet still filter). */
  type: z.string().regex(/^[A-Z][A-Z0-9_]{0,59}$/, "Use the type's code, e.g. SHORT_PICK").optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListExceptionsInput = z.input<typeof listExceptionsInput>;

export interface ExceptionRow {
  id: string;
  type: string;
  status: ExceptionStatus;
  /** The stored (English) message. */
  message: string;
  /** The message in the reader's language, when the type has a sentence for it (exception-text.ts). */
  text: ExceptionText | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
  order: { id: string; number: number } | null;
  sku: { id: string; code: string } | null;
  shipment: { id: string; trackingNumber: string } | null;
}

export interface ExceptionPage {
  items: ExceptionRow[];
  nextCursor: string | null;
}

interface Row {
  id: string;
  type: string;
  status: ExceptionStatus;
  message: string;
  data: unknown;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
  orderId: string | null;
  orderNumber: number | null;
  skuId: string | null;
  skuCode: string | null;
  shipmentId: string | null;
  trackingNumber: string | null;
}

export async function listExceptions(opts: { actor: SessionUser; input: ListExceptionsInput }): Promise<ExceptionPage> {
  assertRole(EXCEPTION_VIEW_ROLES, opts.actor, "see exceptions");
  const input = listExceptionsInput.parse(opts.input);
  const { timeZone } = await getMerchantSettings();
  const where: Prisma.Sql[] = [];
  if (input.type) where.push(Prisma.sql`e.type = ${input.type}`);
  if (input.from) where.push(Prisma.sql`e."createdAt" >= ${zonedDayStart(input.from, timeZone)}`);
  if (input.to) where.push(Prisma.sql`e."createdAt" < ${zonedDayStart(nextDay(input.to), timeZone)}`);
  if (input.cursor) {
    const c = decodeCreatedAtCursor(input.cursor);
    where.push(Prisma.sql`(e."createdAt", e.id) < (${c.createdAt}, ${c.id}::uuid)`);
  }
  const take = input.limit + 1;
  const statuses = input.status === "ALL" ? EXCEPTION_STATUSES : [input.status];
  const scans = statuses.map((status) => {
    const conds = Prisma.join([Prisma.sql`e.status = ${status}::"ExceptionStatus"`, ...where], " AND ");
    return Prisma.sql`(SELECT e.id, e."createdAt" FROM "Exception" e WHERE ${conds} ORDER BY e."createdAt" DESC, e.id DESC LIMIT ${take})`;
  });
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH page AS (SELECT * FROM (${Prisma.join(scans, " UNION ALL ")}) u ORDER BY "createdAt" DESC, id DESC LIMIT ${take})
    SELECT e.id, e.type, e.status::text AS status, e.message, e.data, e."createdAt", e."resolvedAt", u.name AS "resolvedBy", e."resolutionNote",
      o.id AS "orderId", o.number AS "orderNumber", k.id AS "skuId", k.code AS "skuCode", s.id AS "shipmentId", s."trackingNumber"
    FROM page JOIN "Exception" e ON e.id = page.id
    LEFT JOIN "User" u ON u.id = e."resolvedById"
    LEFT JOIN "Order" o ON o.id = e."orderId"
    LEFT JOIN "Sku" k ON k.id = e."skuId"
    LEFT JOIN "Shipment" s ON s.id = e."shipmentId"
    ORDER BY e."createdAt" DESC, e.id DESC`);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      type: r.type,
      status: r.status,
      message: r.message,
      text: exceptionText(r.type, r.data, r.orderNumber, timeZone),
      createdAt: r.createdAt,
      resolvedAt: r.resolvedAt,
      resolvedBy: r.resolvedBy,
      resolutionNote: r.resolutionNote,
      order: r.orderId !== null && r.orderNumber !== null ? { id: r.orderId, number: r.orderNumber } : null,
      sku: r.skuId !== null && r.skuCode !== null ? { id: r.skuId, code: r.skuCode } : null,
      shipment: r.shipmentId !== null && r.trackingNumber !== null ? { id: r.shipmentId, trackingNumber: r.trackingNumber } : null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCreatedAtCursor(last) : null,
  };
}

/** Open exceptions per type, most first (the page's summary and type filter). */
export async function countOpenExceptions(opts: { actor: SessionUser }): Promise<{ type: string; count: number }[]> {
  assertRole(EXCEPTION_VIEW_ROLES, opts.actor, "see exceptions");
  return db.$queryRaw<{ type: string; count: number }[]>(Prisma.sql`
    SELECT type, count(*)::int AS count FROM "Exception" WHERE status = 'OPEN' GROUP BY type ORDER BY count(*) DESC, type`);
}
