/**
 * The returns desk's list: orders waiting for their returned goods
 * (RETURN_REQUESTED), newest order first, keyset-paginated on the order
 * number (unique and increasing), optionally one order by its number (#1042
 * or 1042) or the channel's number. Each row carries the units expected back
 * (what was shipped) per line, the active holds and when/why the return was
 * requested.
 */
import { z } from "zod";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import type { HoldReason } from "@/server/services/order/order-dimensions";
import { assertReturnRole, RETURN_VIEW_ROLES } from "./return-roles";

export const listReturnsInput = z.object({
  search: z.string().trim().max(60).optional(),
  cursor: z.string().regex(/^\d{1,10}$/).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListReturnsInput = z.input<typeof listReturnsInput>;

export interface ReturnRow {
  id: string;
  number: number;
  externalNumber: string | null;
  customerName: string;
  channelName: string;
  placedAt: Date;
  warehouseCode: string | null;
  holds: HoldReason[];
  requestedAt: Date | null;
  requestReason: string | null;
  lines: { id: string; sku: string; name: string; expected: number }[];
}

export interface ReturnPage {
  items: ReturnRow[];
  nextCursor: string | null;
}

function searchWhere(search: string | undefined): Prisma.OrderWhereInput {
  const text = search?.replace(/^#/, "").trim();
  if (!text) return {};
  const n = /^\d{1,9}$/.test(text) ? Number(text) : null;
  return { OR: [...(n === null ? [] : [{ number: n }]), { externalNumber: text }] };
}

export async function listReturns(opts: { actor: SessionUser; input: ListReturnsInput }): Promise<ReturnPage> {
  assertReturnRole(RETURN_VIEW_ROLES, opts.actor.role, "see returns");
  const parsed = listReturnsInput.safeParse(opts.input);
  if (!parsed.success) throw new DomainError("VALIDATION", "Invalid returns list input.", { field: String(parsed.error.issues[0]?.path[0] ?? "") });
  const input = parsed.data;
  const rows = await db.order.findMany({
    where: {
      status: "RETURN_REQUESTED",
      ...searchWhere(input.search),
      ...(input.cursor ? { number: { lt: Number(input.cursor) } } : {}),
    },
    orderBy: { number: "desc" },
    take: input.limit + 1,
    select: {
      id: true,
      number: true,
      externalNumber: true,
      customerName: true,
      placedAt: true,
      channel: { select: { name: true } },
      warehouse: { select: { code: true } },
      holds: { where: { releasedAt: null }, select: { reason: true }, orderBy: { createdAt: "asc" } },
      lines: { select: { id: true, sku: true, name: true, shippedQty: true }, orderBy: { lineNo: "asc" } },
      events: { where: { type: "order.return_requested" }, select: { createdAt: true, reason: true }, orderBy: { id: "desc" }, take: 1 },
    },
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((o) => ({
      id: o.id,
      number: o.number,
      externalNumber: o.externalNumber,
      customerName: o.customerName,
      channelName: o.channel.name,
      placedAt: o.placedAt,
      warehouseCode: o.warehouse?.code ?? null,
      holds: o.holds.map((h) => h.reason),
      requestedAt: o.events[0]?.createdAt ?? null,
      requestReason: o.events[0]?.reason ?? null,
      lines: o.lines.filter((l) => l.shippedQty > 0).map((l) => ({ id: l.id, sku: l.sku, name: l.name, expected: l.shippedQty })),
    })),
    nextCursor: rows.length > input.limit && last ? String(last.number) : null,
  };
}
