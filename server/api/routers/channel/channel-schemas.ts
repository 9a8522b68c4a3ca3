/** Inputs and outputs of the channel router (channel-router.ts). No output schema has a field for a secret. */
import { z } from "zod";
import { CHANNEL_PARSE_RULES } from "@/server/channels/parse-errors";
import { CHANNEL_PLATFORMS } from "@/server/channels/types";
import { DOMAIN_ERROR_CODES } from "@/server/lib/domain-error";
import { DELIVERY_NOTE_KEYS } from "@/server/services/channels/delivery-notes";
import { DELIVERY_STATUSES } from "@/server/services/channels/list-deliveries";

const platform = z.enum(CHANNEL_PLATFORMS);
const deliveryStatus = z.enum(DELIVERY_STATUSES);
const channelRef = z.object({ id: z.string(), name: z.string(), platform: z.string() });
/** A delivery's error or note as a key and values (server/services/channels/delivery-message.ts). */
const messageParams = z.record(z.string(), z.string());
const deliveryMessage = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("note"), key: z.enum(DELIVERY_NOTE_KEYS), params: messageParams, orderStatusParam: z.string().optional() }),
    z.object({ kind: z.literal("refusal"), key: z.enum(DOMAIN_ERROR_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
    z.object({ kind: z.literal("parseError"), key: z.enum(CHANNEL_PARSE_RULES), params: messageParams }),
  ])
  .nullable();

export const deliveryIdInput = z.object({ id: z.uuid() });

export const deliveryListOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      channel: channelRef,
      topic: z.string(),
      status: deliveryStatus,
      error: z.string().nullable(),
      message: deliveryMessage,
      attempts: z.number().int(),
      receivedAt: z.date(),
      processedAt: z.date().nullable(),
      order: z.object({ id: z.string(), number: z.number().int() }).nullable(),
      awaitingDocument: z.boolean(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const deliveryDetailOutput = z.object({
  id: z.string(),
  channel: channelRef.extend({ active: z.boolean() }),
  deliveryKey: z.string(),
  topic: z.string(),
  status: deliveryStatus,
  error: z.string().nullable(),
  message: deliveryMessage,
  attempts: z.number().int(),
  receivedAt: z.date(),
  processedAt: z.date().nullable(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  body: z.string(),
  bodyIsJson: z.boolean(),
  orders: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      externalId: z.string(),
      status: z.string(),
      customerName: z.string(),
      totalCents: z.number().int(),
      currency: z.string(),
    }),
  ),
  reprocessable: z.boolean(),
});

export const reprocessOutput = z.object({
  deliveryId: z.string(),
  status: z.enum(["PROCESSED", "DUPLICATE", "IGNORED", "FAILED"]),
  orderIds: z.array(z.string()),
  error: z.string().nullable(),
});

export const channelOptionsOutput = z.array(z.object({ id: z.string(), name: z.string(), platform: z.string(), active: z.boolean() }));

export const channelAdminOutput = z.object({
  id: z.string(),
  platform,
  name: z.string(),
  defaultCurrency: z.string(),
  active: z.boolean(),
  createdAt: z.date(),
  webhookPath: z.string().nullable(),
  pastedSecret: z.boolean(),
  secretHint: z.string(),
  topics: z.array(z.string()),
  deliveryCount: z.number().int(),
  lastDeliveryAt: z.date().nullable(),
});
