/**
 * Pick lists, newest first, one keyset page at a time: ("createdAt", id) <
 * (cursor) with ORDER BY "createdAt" DESC, id DESC, so later pages cost the
 * same as the first and a list created meanwhile never shifts the pages.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";

export const PICK_LIST_STATUSES = ["OPEN", "COMPLETED", "CANCELLED"] as const;

export const listPickListsInput = z.object({
  status: z.enum(PICK_LIST_STATUSES).optional(),
  warehouseId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListPickListsInput = z.input<typeof listPickListsInput>;

export interface PickListRow {
  id: string;
  number: number;
  status: (typeof PICK_LIST_STATUSES)[number];
  warehouseCode: string;
  createdAt: Date;
  completedAt: Date | null;
  createdBy: string | null;
  assignedTo: string | null;
  orders: number;
  lines: number;
  units: number;
  pickedUnits: number;
  pendingLines: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodePickListCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id]), "utf8").toString("base64url");
}

export function decodePickListCursor(raw: string): { createdAt: string; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  const [at, id] = Array.isArray(parsed) && parsed.length === 2 ? (parsed as unknown[]) : [];
  if (typeof at !== "string" || Number.isNaN(Date.parse(at)) || typeof id !== "string" || !UUID.test(id)) {
    throw new DomainError("VALIDATION", "Invalid page cursor; reload the list.", { field: "cursor", rule: "PAGE_CURSOR", detail: "invalid cursor" });
  }
  return { createdAt: at, id };
}

export async function listPickLists(opts: { input: ListPickListsInput }): Promise<{ items: PickListRow[]; nextCursor: string | null }> {
  const input = listPickListsInput.parse(opts.input);
  const where: Prisma.Sql[] = [];
  if (input.status) where.push(Prisma.sql`l.status = ${input.status}::"PickListStatus"`);
  if (input.warehouseId) where.push(Prisma.sql`l."warehouseId" = ${input.warehouseId}::uuid`);
  if (input.cursor) {
    const c = decodePickListCursor(input.cursor);
    where.push(Prisma.sql`(l."createdAt", l.id) < (${c.createdAt}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db.$queryRaw<PickListRow[]>(Prisma.sql`
    SELECT l.id::text AS id, l.number, l.status::text AS status, w.code AS "warehouseCode", l."createdAt", l."completedAt",
      cu.name AS "createdBy", au.name AS "assignedTo",
      (SELECT count(*) FROM "PickListOrder" po WHERE po."pickListId" = l.id)::int AS orders,
      t.lines, t.units, t."pickedUnits", t."pendingLines"
    FROM "PickList" l
    JOIN "Warehouse" w ON w.id = l."warehouseId"
    LEFT JOIN "User" cu ON cu.id = l."createdById"
    LEFT JOIN "User" au ON au.id = l."assignedToId"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS lines, COALESCE(sum(pl.quantity), 0)::int AS units, COALESCE(sum(pl."pickedQty"), 0)::int AS "pickedUnits",
        (count(*) FILTER (WHERE pl.status = 'PENDING'))::int AS "pendingLines"
      FROM "PickListLine" pl WHERE pl."pickListId" = l.id
    ) t
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
    ORDER BY l."createdAt" DESC, l.id DESC
    LIMIT ${input.limit + 1}`);
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encodePickListCursor(last) : null };
}
