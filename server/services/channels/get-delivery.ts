/**
 * One delivery for its detail page: the raw body (re-indented, literals
 * untouched), the stored headers (credential headers were redacted on receipt),
 * the error or note, and the orders it created or last updated.
 */
import { db } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { readDeliveryMessage, type DeliveryMessage } from "@/server/services/channels/delivery-message";
import type { DeliveryStatus } from "@/server/services/channels/list-deliveries";
import { prettyJsonText } from "@/server/services/channels/pretty-json";
import { REPROCESSABLE_STATUSES } from "@/server/services/channels/reprocess-delivery";

export interface DeliveryDetail {
  id: string;
  channel: { id: string; name: string; platform: string; active: boolean };
  deliveryKey: string;
  topic: string;
  status: DeliveryStatus;
  /** The error or note as stored (English). */
  error: string | null;
  /** The same, read back into its key and values for the reader's language; null for a text stored before rules existed. */
  message: DeliveryMessage | null;
  attempts: number;
  receivedAt: Date;
  processedAt: Date | null;
  headers: { name: string; value: string }[];
  body: string;
  bodyIsJson: boolean;
  orders: { id: string; number: number; externalId: string; status: string; customerName: string; totalCents: number; currency: string }[];
  reprocessable: boolean;
}

export async function getDelivery(opts: { deliveryId: string }): Promise<DeliveryDetail> {
  const d = await db.channelDelivery.findUnique({
    where: { id: opts.deliveryId },
    select: {
      id: true,
      deliveryKey: true,
      topic: true,
      status: true,
      error: true,
      attempts: true,
      receivedAt: true,
      processedAt: true,
      headers: true,
      rawBody: true,
      orderId: true,
      channel: { select: { id: true, name: true, platform: true, active: true } },
    },
  });
  if (!d) throw new DomainError("NOT_FOUND", `Delivery ${opts.deliveryId} not found.`);
  const orders = await db.order.findMany({
    where: { OR: [...(d.orderId ? [{ id: d.orderId }] : []), { sourceDeliveryId: d.id }] },
    orderBy: { number: "asc" },
    take: 50,
    select: { id: true, number: true, externalId: true, status: true, customerName: true, totalCents: true, currency: true },
  });
  const stored = (d.headers ?? {}) as Record<string, unknown>;
  const headers = Object.entries(stored)
    .map(([name, value]) => ({ name, value: typeof value === "string" ? value : JSON.stringify(value) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const pretty = prettyJsonText(d.rawBody);
  return {
    id: d.id,
    channel: d.channel,
    deliveryKey: d.deliveryKey,
    topic: d.topic,
    status: d.status,
    error: d.error,
    message: readDeliveryMessage(d.error),
    attempts: d.attempts,
    receivedAt: d.receivedAt,
    processedAt: d.processedAt,
    headers,
    body: pretty.text,
    bodyIsJson: pretty.isJson,
    orders,
    reprocessable: (REPROCESSABLE_STATUSES as readonly string[]).includes(d.status),
  };
}
