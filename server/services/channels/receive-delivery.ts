/**
 * Inbound webhooks, in the order that keeps nothing lost:
 *   1. verify the signature/token on the raw bytes (bad → 401, recorded as REJECTED);
 *   2. store the raw delivery (dedupe: the same delivery key twice → one row, 200 both times);
 *   3. parse and apply it; a failure is kept with its error (FAILED) and can be re-processed.
 *
 * A stored delivery is processed by whoever CLAIMS it: the request that inserted
 * it, or a retry that atomically moves a FAILED (or abandoned RECEIVED) row back
 * to RECEIVED (a platform's retry, or the recovery sweep: recover-deliveries.ts).
 * Concurrent copies of one delivery therefore never run twice.
 *
 * `answerOnceStored` (the production webhook path, server/http/webhook-fast-path.ts):
 * the answer goes once the delivery is stored and its body parsed (a body that is
 * not a document is still answered 202 with its error); applying it (capture,
 * reservation…) runs right after (server/lib/after-response.ts). The stored row is
 * the durable inbox: if the process stops before it is applied, the recovery
 * sweep claims it.
 */
import { randomUUID } from "node:crypto";
import { CACHED_PLAN, db, hotQuery } from "@/server/db";
import { batchStatement } from "@/server/lib/batcher";
import { Prisma, type ChannelPlatform } from "@/server/generated/prisma/client";
import { connectorFor } from "@/server/channels/registry";
import type { InboundRequest } from "@/server/channels/types";
import { deliveryNote } from "@/server/services/channels/delivery-notes";
import { runAfterResponse } from "@/server/lib/after-response";
import {
  applyParsedRecordingErrors, parseDelivery, processDeliveryRecordingErrors, recordingErrors, type ParsedDelivery, type RecordedOutcome, type StoredDelivery,
} from "@/server/services/channels/process-delivery";

interface WebhookChannel {
  id: string;
  platform: string;
  name: string;
  secret: string;
  active: boolean;
  defaultCurrency: string;
}

export interface DeliveryResponse {
  httpStatus: number;
  body: { status: string; deliveryId?: string; orderIds?: string[]; error?: string };
}

const HEADER_ALLOWLIST = /^(x-|content-type|user-agent)/i;
/** Headers that carry credentials (our shared token above all) are never stored: operators read these rows. */
const SECRET_HEADER = /(token|secret|password|api-?key|auth)/i;
export const REDACTED = "[redacted]";
/** The error of a delivery kept while its channel was inactive: re-processable, and claimed by a platform retry. */
export const CHANNEL_INACTIVE_NOTE = deliveryNote("channelInactive");
/** A RECEIVED row older than this was abandoned by a crashed process: a retry may claim it. */
export const ABANDONED_AFTER_MS = 2 * 60_000;

export function storedHeaders(headers: InboundRequest["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined && HEADER_ALLOWLIST.test(k)) out[k] = SECRET_HEADER.test(k) ? REDACTED : v;
  }
  return out;
}

function bodyText(raw: Buffer): string {
  // Postgres text cannot hold NUL; such a body is not JSON any platform sends, keep it visible.
  return raw.toString("utf8").replace(/\u0000/g, "\\u0000");
}

export async function receiveDelivery(opts: { channelId: string; req: InboundRequest; answerOnceStored?: boolean }): Promise<DeliveryResponse> {
  const { channelId, req, answerOnceStored } = opts;
  if (!/^[0-9a-f-]{36}$/i.test(channelId)) return { httpStatus: 404, body: { status: "unknown_channel" } };
  const channel = await readChannel(channelId);
  if (!channel) return { httpStatus: 404, body: { status: "unknown_channel" } };
  const connector = connectorFor(channel.platform as ChannelPlatform);
  if (!connector) return { httpStatus: 404, body: { status: "no_webhook_for_platform", error: `${channel.platform} channels have no webhook.` } };

  const verdict = connector.verify(req, channel.secret);
  if (!verdict.ok) {
    await db.channelDelivery.create({
      data: {
        channelId,
        deliveryKey: `rejected:${randomUUID()}`,
        topic: safeTopic(() => connector.topic(req)),
        headers: storedHeaders(req.headers),
        rawBody: bodyText(req.rawBody),
        status: "REJECTED",
        error: deliveryNote("signatureFailed", { reason: verdict.reason }),
        processedAt: new Date(),
      },
    });
    return { httpStatus: 401, body: { status: "rejected", error: verdict.reason } };
  }
  const deliveryKey = connector.deliveryKey(req);
  const headers = storedHeaders(req.headers);
  const rawBody = bodyText(req.rawBody);
  const delivery = { channelId, deliveryKey, topic: safeTopic(() => connector.topic(req)), headers, rawBody };
  if (!channel.active) {
    // Kept, not applied: it shows on Channel deliveries, a person re-processes it once the channel is active again,
    // and the platform's own retry (409 is a failure to it) is claimed then (claimForRetry).
    await db.channelDelivery.createMany({
      data: [{ ...delivery, status: "IGNORED", error: CHANNEL_INACTIVE_NOTE, processedAt: new Date() }],
      skipDuplicates: true,
    });
    return { httpStatus: 409, body: { status: "channel_inactive", error: "This channel is inactive in Fluxo." } };
  }
  // A large body is stored on its own: a shared batch carries every body in one JSON parameter.
  let deliveryId = rawBody.length > SHARED_INSERT_MAX_BODY ? (await insertDeliveries([delivery]))[0] : await storeDelivery(delivery);
  if (!deliveryId) {
    const prior = await db.channelDelivery.findUnique({
      where: { channelId_deliveryKey: { channelId, deliveryKey } },
      select: { id: true, orderId: true, attempts: true },
    });
    if (!prior) return { httpStatus: 503, body: { status: "retry" } };
    // A retry of a delivery that failed (a fix may have landed since), of one whose processing was
    // abandoned, or of one kept while the channel was inactive: claim it. Anything else, or a lost claim, is a duplicate.
    const incoming = { topic: safeTopic(() => connector.topic(req)), headers, rawBody };
    if (!(await claimForRetry(prior.id, prior.attempts, incoming))) {
      return { httpStatus: 200, body: { status: "duplicate", deliveryId: prior.id, orderIds: prior.orderId ? [prior.orderId] : [] } };
    }
    deliveryId = prior.id;
  }
  // What was just stored is processed as stored, without reading it back.
  const stored: StoredDelivery = { rawBody, headers, channel };
  if (!answerOnceStored) return respond(deliveryId, await processDeliveryRecordingErrors(deliveryId, stored));
  return answerThenApply(deliveryId, stored);
}

/** The production path: parse now (no database), answer, apply after the answer. */
async function answerThenApply(deliveryId: string, stored: StoredDelivery): Promise<DeliveryResponse> {
  // A connector that throws something unexpected: recorded like any failure of the delivery (FAILED, 500 so the platform retries).
  const parsed: ParsedDelivery | RecordedOutcome = await recordingErrors(deliveryId, async () => parseDelivery(stored));
  if ("status" in parsed) return respond(deliveryId, parsed);
  if ("refused" in parsed) return respond(deliveryId, await applyParsedRecordingErrors(deliveryId, stored.channel, parsed));
  await runAfterResponse(`delivery ${deliveryId}`, () => applyParsedRecordingErrors(deliveryId, stored.channel, parsed));
  return { httpStatus: 200, body: { status: "received", deliveryId } };
}

const channelReads = new Map<string, Promise<WebhookChannel | undefined>>();

/**
 * The channel row, read once for the webhooks of one channel that arrive while a read of it is under way (they
 * share that read: nothing is cached beyond it, so a new secret or a deactivation counts from the next read).
 */
function readChannel(channelId: string): Promise<WebhookChannel | undefined> {
  let read = channelReads.get(channelId);
  if (!read) {
    read = hotQuery<WebhookChannel>(Prisma.sql`${CACHED_PLAN}
      SELECT id, platform::text AS platform, name, secret, active, "defaultCurrency" FROM "Channel" WHERE id = ${channelId}::uuid`)
      .then((rows) => rows[0])
      .finally(() => channelReads.delete(channelId));
    channelReads.set(channelId, read);
  }
  return read;
}

interface NewDelivery {
  channelId: string;
  deliveryKey: string;
  topic: string;
  headers: Record<string, string>;
  rawBody: string;
}

/**
 * Store a verified delivery; null when its key is already stored (a duplicate or a retry). Concurrent webhooks
 * share one INSERT (batchStatement); a repeated key in the batch runs after its first copy and finds it stored.
 */
const storeDelivery = batchStatement<NewDelivery, string | null>(insertDeliveries, (d) => `${d.channelId}\u0000${d.deliveryKey}`, { maxBatch: 64, concurrency: 1 });

/** Bodies up to this size (characters) share a batched INSERT; larger ones (up to the 5 MB request limit) go alone. */
const SHARED_INSERT_MAX_BODY = 256 * 1024;

async function insertDeliveries(batch: NewDelivery[]): Promise<(string | null)[]> {
  const rows = await hotQuery<{ k: number; id: string }>(Prisma.sql`${CACHED_PLAN}
    WITH d AS MATERIALIZED (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(batch.map((d, k) => ({ k, ...d })))}::jsonb)
        AS d(k int, "channelId" uuid, "deliveryKey" text, topic text, headers jsonb, "rawBody" text)
    ), ins AS (
      INSERT INTO "ChannelDelivery" ("channelId", "deliveryKey", topic, headers, "rawBody")
      SELECT "channelId", "deliveryKey", topic, headers, "rawBody" FROM d ORDER BY k
      ON CONFLICT ("channelId", "deliveryKey") DO NOTHING
      RETURNING id, "channelId", "deliveryKey"
    )
    SELECT d.k, ins.id FROM ins JOIN d ON d."channelId" = ins."channelId" AND d."deliveryKey" = ins."deliveryKey"`);
  const byK = new Map(rows.map((r) => [r.k, r.id]));
  return batch.map((_, k) => byK.get(k) ?? null);
}

/**
 * FAILED (or abandoned RECEIVED, or kept while the channel was inactive) → RECEIVED, conditional on the attempt count read:
 * of several concurrent retries exactly one matches, the others see attempts moved.
 * While a row is RECEIVED, processedAt holds when its current claim started, so an
 * abandoned claim is recognised by age without touching receivedAt.
 * The claimed row takes the body it arrived with: a key can repeat with different
 * content (a re-fetched Amazon envelope, an ML notification's `attempts`), and the
 * retry must process what was sent now, not the copy that failed.
 */
export async function claimForRetry(
  deliveryId: string,
  attempts: number,
  /** What the retry carries (the recovery sweep re-applies the row as stored: nothing). */
  incoming: { topic: string; headers: Record<string, string>; rawBody: string } | Record<string, never> = {},
): Promise<boolean> {
  const staleBefore = new Date(Date.now() - ABANDONED_AFTER_MS);
  const claimed = await db.channelDelivery.updateMany({
    where: {
      id: deliveryId,
      attempts,
      OR: [
        { status: "FAILED" },
        { status: "IGNORED", error: CHANNEL_INACTIVE_NOTE },
        { status: "RECEIVED", processedAt: null, receivedAt: { lt: staleBefore } },
        { status: "RECEIVED", processedAt: { lt: staleBefore } },
      ],
    },
    data: { status: "RECEIVED", attempts: attempts + 1, processedAt: new Date(), ...incoming },
  });
  return claimed.count === 1;
}

function respond(deliveryId: string, outcome: RecordedOutcome): DeliveryResponse {
  if (outcome.status === "ERROR") {
    // Possibly transient: ask the platform to retry (a retry re-claims the FAILED row).
    return { httpStatus: 500, body: { status: "error", deliveryId, error: outcome.error } };
  }
  if (outcome.status === "FAILED") {
    // Stored with its error: the platform need not retry (202), a person re-processes it.
    return { httpStatus: 202, body: { status: "failed", deliveryId, error: outcome.error } };
  }
  return { httpStatus: 200, body: { status: outcome.status.toLowerCase(), deliveryId, orderIds: outcome.orderIds } };
}

function safeTopic(fn: () => string): string {
  try {
    return fn().slice(0, 200) || "unknown";
  } catch {
    return "unknown";
  }
}
