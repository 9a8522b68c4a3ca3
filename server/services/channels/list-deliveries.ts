/**
 * The Channel deliveries list: newest first, keyset-paginated on
 * (receivedAt, id) so a page costs the same however deep it is, filtered by
 * channel, status and topic. Never returns channel secrets.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { readDeliveryMessage, type DeliveryMessage } from "@/server/services/channels/delivery-message";

export const DELIVERY_STATUSES = ["RECEIVED", "PROCESSED", "DUPLICATE", "IGNORED", "REJECTED", "FAILED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const listDeliveriesInput = z.object({
  channelId: z.uuid().optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  /** Part of the topic, case-insensitive ("orders/", "refunds/create"). */
  topic: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListDeliveriesInput = z.input<typeof listDeliveriesInput>;

export interface DeliveryRow {
  id: string;
  channel: { id: string; name: string; platform: string };
  topic: string;
  status: DeliveryStatus;
  /** The first 300 characters of the error or note, as stored. */
  error: string | null;
  /** The whole error or note read back into its key and values (for the reader's language); null for an older text. */
  message: DeliveryMessage | null;
  attempts: number;
  receivedAt: Date;
  processedAt: Date | null;
  order: { id: string; number: number } | null;
}

export interface DeliveryPage {
  items: DeliveryRow[];
  nextCursor: string | null;
}

function encodeCursor(row: { receivedAt: Date; id: string }): string {
  return Buffer.from(`${row.receivedAt.toISOString()}|${row.id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const receivedAt = new Date(at ?? "");
  if (Number.isNaN(receivedAt.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new DomainError("VALIDATION", "Invalid page cursor.", { detail: "cursor", field: "cursor", rule: "PAGE_CURSOR" });
  }
  return { receivedAt, id };
}

export async function listDeliveries(opts: { input: ListDeliveriesInput }): Promise<DeliveryPage> {
  const input = listDeliveriesInput.parse(opts.input);
  const where: Prisma.ChannelDeliveryWhereInput[] = [];
  if (input.channelId) where.push({ channelId: input.channelId });
  if (input.status) where.push({ status: input.status });
  if (input.topic) where.push({ topic: { contains: input.topic, mode: "insensitive" } });
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    where.push({ OR: [{ receivedAt: { lt: c.receivedAt } }, { receivedAt: c.receivedAt, id: { lt: c.id } }] });
  }
  const rows = await db.channelDelivery.findMany({
    where: { AND: where },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      topic: true,
      status: true,
      error: true,
      attempts: true,
      receivedAt: true,
      processedAt: true,
      orderId: true,
      channel: { select: { id: true, name: true, platform: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  const orderIds = [...new Set(page.map((r) => r.orderId).filter((id): id is string => id !== null))];
  const orders = orderIds.length
    ? await db.order.findMany({ where: { id: { in: orderIds } }, select: { id: true, number: true } })
    : [];
  const numberOf = new Map(orders.map((o) => [o.id, o.number]));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const number = r.orderId ? numberOf.get(r.orderId) : undefined;
      return {
        id: r.id,
        channel: r.channel,
        topic: r.topic,
        status: r.status,
        error: r.error === null ? null : r.error.slice(0, 300),
        message: readDeliveryMessage(r.error),
        attempts: r.attempts,
        receivedAt: r.receivedAt,
        processedAt: r.processedAt,
        order: r.orderId && number !== undefined ? { id: r.orderId, number } : null,
      };
    }),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}
