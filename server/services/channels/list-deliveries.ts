/**
 * The Channel deliveries list: newest first, keyset-paginated on
 * (receivedAt, id) so a page costs the same however deep it is, filtered by
 * channel, status and topic. Never returns channel secrets.
 *
 * A notification-only delivery (Mercado Livre orders_v2, VTEX order hooks:
 * a resource path, no order) is stored PROCESSED with the "notification"
 * note; while no order it names is in Fluxo it is flagged awaitingDocument
 * (the list shows "Waiting for the order document", and the filter
 * `awaitingDocument` finds them), so "Processed" never reads as "the order
 * exists". No status of its own: DeliveryStatus is unchanged.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { readDeliveryMessage, type DeliveryMessage } from "@/server/services/channels/delivery-message";
import { DELIVERY_NOTES, readDeliveryNote } from "@/server/services/channels/delivery-notes";

export const DELIVERY_STATUSES = ["RECEIVED", "PROCESSED", "DUPLICATE", "IGNORED", "REJECTED", "FAILED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const listDeliveriesInput = z.object({
  channelId: z.uuid().optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  /** Part of the topic, case-insensitive ("orders/", "refunds/create"). */
  topic: z.string().trim().max(200).optional(),
  /** Only notifications whose order document has not been delivered (stored PROCESSED, no order). */
  awaitingDocument: z.boolean().optional(),
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
  /** A notification whose order is not in Fluxo: nothing was applied yet; the order document must come. */
  awaitingDocument: boolean;
}

/** The stored "notification" note, as the text around its values: "Notification " … ": the order document must be delivered to apply it." */
const NOTIFICATION = DELIVERY_NOTES.notification;
const NOTIFICATION_PREFIX = NOTIFICATION.slice(0, NOTIFICATION.indexOf("{"));
const NOTIFICATION_SUFFIX = NOTIFICATION.slice(NOTIFICATION.lastIndexOf("}") + 1);

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
  if (input.awaitingDocument) {
    where.push({ status: "PROCESSED", orderId: null, error: { startsWith: NOTIFICATION_PREFIX, endsWith: NOTIFICATION_SUFFIX } });
  }
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
  // A notification stored without an order: has its order arrived since (the document was delivered later)?
  const waiting = page.flatMap((r) => {
    const note = r.status === "PROCESSED" && r.orderId === null ? readDeliveryNote(r.error) : null;
    const externalId = note?.key === "notification" ? note.params.order : undefined;
    return externalId === undefined ? [] : [{ id: r.id, channelId: r.channel.id, externalId: String(externalId) }];
  });
  const arrived = waiting.length
    ? await db.order.findMany({
        where: { OR: waiting.map((w) => ({ channelId: w.channelId, externalId: w.externalId })) },
        select: { id: true, number: true, channelId: true, externalId: true },
      })
    : [];
  const arrivedFor = new Map(arrived.map((o) => [`${o.channelId}|${o.externalId}`, o]));
  const laterOrder = new Map(waiting.flatMap((w) => {
    const o = arrivedFor.get(`${w.channelId}|${w.externalId}`);
    return o ? [[w.id, { id: o.id, number: o.number }] as const] : [];
  }));
  const awaiting = new Set(waiting.filter((w) => !laterOrder.has(w.id)).map((w) => w.id));
  const last = page[page.length - 1];
  // Those whose order has arrived since are no longer waiting (the page may come out shorter; the cursor stays right).
  const shown = input.awaitingDocument ? page.filter((r) => awaiting.has(r.id)) : page;
  return {
    items: shown.map((r) => {
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
        order: r.orderId && number !== undefined ? { id: r.orderId, number } : (laterOrder.get(r.id) ?? null),
        awaitingDocument: awaiting.has(r.id),
      };
    }),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}
