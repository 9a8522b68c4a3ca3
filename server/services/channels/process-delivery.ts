/**
 * Parses a stored delivery and applies what it says. Used for live webhooks
 * and for "re-process" on the Channel deliveries page; it reads only what was
 * stored, so a fixed connector can replay a failed delivery exactly.
 */
import { CACHED_PLAN, db, hotQuery } from "@/server/db";
import { batchStatement } from "@/server/lib/batcher";
import { Prisma, type ChannelPlatform } from "@/server/generated/prisma/client";
import { connectorFor } from "@/server/channels/registry";
import { ChannelParseError, type ChannelOrderInput, type InboundDocument, type InboundRequest } from "@/server/channels/types";
import { MoneyParseError } from "@/server/lib/money";
import { DomainError } from "@/server/lib/domain-error";
import { applyChannelAddress } from "@/server/services/order/apply-channel-address";
import { withBrazilianUf } from "@/server/services/shipping/shipping-address";
import { captureOrder } from "@/server/services/order/capture-order";
import { updateChannelOrder } from "@/server/services/order/update-channel-order";
import { recordCapturedOrderRefunds } from "@/server/services/order/record-refund";
import { systemActor } from "@/server/services/order/actor";
import { reserveCapturedOrder } from "@/server/services/stock/reserve-captured-order";
import { applyChannelCancellation, applyChannelRefund } from "@/server/services/channels/apply-channel-events";
import { describeError, isPermanentDataError } from "@/server/services/channels/delivery-errors";
import { deliveryNote } from "@/server/services/channels/delivery-notes";
import { deliveryRefusalText } from "@/server/services/channels/delivery-refusals";

export type ProcessOutcome =
  /** `recorded`: the delivery row already says so (the capture statement marked it, completesDelivery). */
  | { status: "PROCESSED" | "DUPLICATE" | "IGNORED"; orderIds: string[]; note?: string; recorded?: boolean }
  | { status: "FAILED"; error: string };

/** processDelivery's outcome, or ERROR when it threw something unexpected (recorded on the row as FAILED). */
export type RecordedOutcome = ProcessOutcome | { status: "ERROR"; error: string };

/**
 * processDelivery for a delivery the caller has claimed. Anything else that goes
 * wrong is recorded on the row as FAILED, so it is visible and can be re-processed,
 * instead of leaving it RECEIVED: a value the database refuses (class 22) is a
 * permanent failure of the document (FAILED); anything else (database down, a
 * deadlock) may pass on a retry (ERROR: the caller answers 500, or the recovery
 * sweep retries it, recover-deliveries.ts).
 */
export function processDeliveryRecordingErrors(deliveryId: string, stored?: StoredDelivery): Promise<RecordedOutcome> {
  return recordingErrors(deliveryId, () => processDelivery(deliveryId, stored));
}

/** applyParsed, recording what goes wrong as processDeliveryRecordingErrors does. */
export function applyParsedRecordingErrors(deliveryId: string, channel: StoredDelivery["channel"], parsed: ParsedDelivery): Promise<RecordedOutcome> {
  return recordingErrors(deliveryId, () => applyParsed(deliveryId, channel, parsed));
}

/** `work` for a claimed delivery; what it throws is recorded on the row (FAILED) and returned as an outcome. */
export async function recordingErrors<T>(deliveryId: string, work: () => Promise<T>): Promise<T | { status: "FAILED" | "ERROR"; error: string }> {
  try {
    return await work();
  } catch (e) {
    const permanent = isPermanentDataError(e);
    const error = deliveryNote(permanent ? "databaseRefused" : "internalError", { detail: describeError(e) }).slice(0, 2000);
    if (!permanent) console.error(`[channels] delivery ${deliveryId}:`, e);
    await db.channelDelivery
      .update({ where: { id: deliveryId }, data: { status: "FAILED", error, processedAt: new Date() } })
      .catch(() => undefined);
    return permanent ? { status: "FAILED", error } : { status: "ERROR", error };
  }
}

/** A delivery as stored: the live webhook passes what it just wrote instead of reading it back. */
export interface StoredDelivery {
  rawBody: string;
  headers: Record<string, string>;
  channel: ChannelRef & { platform: string };
}

/** What the connector read in a stored body: a document, or why it is none (the delivery ends FAILED with it). */
export type ParsedDelivery = { doc: InboundDocument } | { refused: string };

/** A document's refusal (connector, money, a service's rule), worded for the deliveries pages; anything else is not one. */
function refusalOf(e: unknown): string | null {
  if (e instanceof DomainError) return deliveryRefusalText(e);
  if (e instanceof ChannelParseError || e instanceof MoneyParseError || e instanceof SyntaxError) return e.message;
  return null;
}

/** The connector's reading of a stored body. Pure: no database, so the webhook can do it before it answers. */
export function parseDelivery(delivery: StoredDelivery): ParsedDelivery {
  const connector = connectorFor(delivery.channel.platform as ChannelPlatform);
  const req: InboundRequest = { rawBody: Buffer.from(delivery.rawBody, "utf8"), headers: delivery.headers ?? {}, query: {} };
  try {
    if (!connector) throw new ChannelParseError("noConnector", { platform: delivery.channel.platform });
    return { doc: withBrazilianUfs(connector.parse(req)) };
  } catch (e) {
    const refused = refusalOf(e);
    if (refused === null) throw e;
    return { refused };
  }
}

/** Every address of the document with its UF where a platform sent the state's name (withBrazilianUf). */
function withBrazilianUfs(doc: InboundDocument): InboundDocument {
  const order = (o: ChannelOrderInput): ChannelOrderInput => ({
    ...o,
    shippingAddress: o.shippingAddress && withBrazilianUf(o.shippingAddress),
    billingAddress: o.billingAddress && withBrazilianUf(o.billingAddress),
  });
  if (doc.kind === "order") return { ...doc, order: order(doc.order) };
  if (doc.kind === "orders") return { ...doc, orders: doc.orders.map(order) };
  if (doc.kind === "shippingAddress") return { ...doc, address: withBrazilianUf(doc.address) };
  return doc;
}

export async function processDelivery(deliveryId: string, stored?: StoredDelivery): Promise<ProcessOutcome> {
  const delivery: StoredDelivery =
    stored ??
    (await db.channelDelivery.findUniqueOrThrow({
      where: { id: deliveryId },
      select: { rawBody: true, headers: true, channel: { select: { id: true, name: true, platform: true, defaultCurrency: true } } },
    }) as StoredDelivery);
  return applyParsed(deliveryId, delivery.channel, parseDelivery(delivery));
}

/** Applies what a delivery says and records the outcome on its row. */
export async function applyParsed(deliveryId: string, channel: ChannelRef, parsed: ParsedDelivery): Promise<ProcessOutcome> {
  let outcome: ProcessOutcome;
  if ("refused" in parsed) outcome = { status: "FAILED", error: parsed.refused };
  else {
    try {
      outcome = await applyDocument({ channel, deliveryId, doc: parsed.doc });
    } catch (e) {
      // A service's refusal keeps its code and values, so the deliveries pages word it like any DomainError.
      const refused = refusalOf(e);
      if (refused === null) throw e;
      outcome = { status: "FAILED", error: refused };
    }
  }
  const failed = outcome.status === "FAILED";
  const error = outcome.status === "FAILED" ? outcome.error : (outcome.note ?? null);
  const orderId = outcome.status === "FAILED" ? null : (outcome.orderIds[0] ?? null);
  if (outcome.status === "FAILED" || !outcome.recorded) await recordOutcome({ deliveryId, status: outcome.status, error, orderId, failed });
  return outcome;
}

interface DeliveryOutcomeRow {
  deliveryId: string;
  status: ProcessOutcome["status"];
  error: string | null;
  orderId: string | null;
  /** A failure keeps the order an earlier attempt linked. */
  failed: boolean;
}

/** The outcome on the delivery row; concurrent deliveries share one UPDATE (batchStatement). */
const recordOutcome = batchStatement<DeliveryOutcomeRow, void>(updateDeliveries, (r) => r.deliveryId, { maxBatch: 64, concurrency: 1 });

async function updateDeliveries(batch: DeliveryOutcomeRow[]): Promise<void[]> {
  await hotQuery(Prisma.sql`${CACHED_PLAN}
    UPDATE "ChannelDelivery" d SET status = x.status::"DeliveryStatus", error = x.error,
      "orderId" = CASE WHEN x.failed THEN d."orderId" ELSE x."orderId" END, "processedAt" = now()
    FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS x("deliveryId" uuid, status text, error text, "orderId" uuid, failed boolean)
    WHERE d.id = x."deliveryId"`);
  return batch.map(() => undefined);
}

interface ChannelRef {
  id: string;
  name: string;
  defaultCurrency: string;
}

/** Order amounts and quantities are 32-bit integer columns. */
const INT4_MAX = 2_147_483_647;

/** `input`: the value's name in the order input (`totalCents`, `lines[0].unitPriceCents`). */
function checkStorable(value: number, order: string, input: string): void {
  if (!Number.isSafeInteger(value) || Math.abs(value) > INT4_MAX) {
    throw new ChannelParseError("beyondStorage", { order, input, value, max: INT4_MAX });
  }
}

export function validateOrderInput(order: ChannelOrderInput): void {
  if (!order.externalId) throw new ChannelParseError("orderWithoutId");
  const id = order.externalId;
  if (order.lines.length === 0) throw new ChannelParseError("orderWithoutLines", { order: id });
  order.lines.forEach((l, i) => {
    if (!Number.isInteger(l.quantity) || l.quantity <= 0) throw new ChannelParseError("lineQuantity", { order: id, sku: l.sku, quantity: l.quantity });
    const line = `lines[${i}]`;
    checkStorable(l.quantity, id, `${line}.quantity`);
    checkStorable(l.unitPriceCents, id, `${line}.unitPriceCents`);
    checkStorable(l.discountCents, id, `${line}.discountCents`);
    checkStorable(l.taxCents, id, `${line}.taxCents`);
    checkStorable(l.unitPriceCents * l.quantity - l.discountCents + l.taxCents, id, `${line}.totalCents`);
  });
  for (const key of ["subtotalCents", "discountCents", "shippingCents", "taxCents", "totalCents"] as const) checkStorable(order[key], id, key);
}

/** `whole`: the order is the delivery's only content, so its capture also marks the delivery PROCESSED. */
async function upsertOrder(channel: ChannelRef, order: ChannelOrderInput, deliveryId: string, whole = false) {
  validateOrderInput(order);
  const actorLabel = `channel:${channel.name}`;
  const created = await captureOrder({
    channelId: channel.id, defaultCurrency: channel.defaultCurrency, input: order, deliveryId, completesDelivery: whole, actorLabel,
  });
  if (created) {
    // Refunds may change the order: then the reservation reads it afresh.
    const refunded = Boolean(order.refunds?.length);
    if (refunded) await recordCapturedOrderRefunds({ orderId: created.orderId, input: order, actorLabel });
    await reserveCapturedOrder({ orderId: created.orderId, actor: systemActor(actorLabel), context: refunded ? undefined : created.reservation });
    return { orderId: created.orderId, outcome: "CREATED" as const };
  }
  return updateChannelOrder({ channelId: channel.id, input: order, actorLabel, deliveryId });
}

async function applyDocument(args: { channel: ChannelRef; deliveryId: string; doc: InboundDocument }): Promise<ProcessOutcome> {
  const { channel, deliveryId, doc } = args;
  switch (doc.kind) {
    case "order": {
      const r = await upsertOrder(channel, doc.order, deliveryId, true);
      if (r.outcome === "STALE") return { status: "IGNORED", orderIds: [r.orderId], note: deliveryNote("stale") };
      if (r.outcome === "SAME_VERSION") return { status: "DUPLICATE", orderIds: [r.orderId], note: deliveryNote("sameVersion") };
      return { status: "PROCESSED", orderIds: [r.orderId], recorded: r.outcome === "CREATED" };
    }
    case "orders": {
      const results: { orderId: string; outcome: string }[] = [];
      for (const o of doc.orders) results.push(await upsertOrder(channel, o, deliveryId));
      const orderIds = results.map((r) => r.orderId);
      if (results.some((r) => r.outcome === "CREATED" || r.outcome === "UPDATED")) return { status: "PROCESSED", orderIds };
      if (results.every((r) => r.outcome === "SAME_VERSION")) {
        return { status: "DUPLICATE", orderIds, note: deliveryNote("sameVersionAll") };
      }
      return { status: "IGNORED", orderIds, note: deliveryNote("staleAll") };
    }
    case "cancellation":
    case "deletion": {
      const reason = doc.kind === "cancellation" ? (doc.reason ?? "Cancelled on the sales channel") : "Deleted on the sales channel";
      const orderId = await applyChannelCancellation({ channelId: channel.id, externalId: doc.externalId, reason, actorLabel: `channel:${channel.name}` });
      return orderId ? { status: "PROCESSED", orderIds: [orderId] } : { status: "IGNORED", orderIds: [], note: deliveryNote("orderNotInFluxo", { order: doc.externalId }) };
    }
    case "refund": {
      const r = await applyChannelRefund({ channelId: channel.id, refund: doc.refund, actorLabel: `channel:${channel.name}` });
      if (!r) return { status: "FAILED", error: deliveryNote("refundBeforeOrder", { refund: doc.refund.externalRefundId, order: doc.refund.externalOrderId }) };
      if (!r.applied) return { status: "DUPLICATE", orderIds: [r.orderId], note: deliveryNote("refundDuplicate", { refund: doc.refund.externalRefundId }) };
      return { status: "PROCESSED", orderIds: [r.orderId] };
    }
    case "shippingAddress": {
      const { externalId, address, shipBy, source } = doc;
      const r = await applyChannelAddress({ channelId: channel.id, externalId, address, shipBy, source, actorLabel: `channel:${channel.name}` });
      if (!r) return { status: "FAILED", error: deliveryNote("addressBeforeOrder", { source: doc.source, order: doc.externalId }) };
      if (r.outcome === "SAME") return { status: "DUPLICATE", orderIds: [r.orderId], note: deliveryNote("addressSame", { number: r.orderNumber }) };
      if (r.outcome === "TOO_LATE") {
        return { status: "IGNORED", orderIds: [r.orderId], note: deliveryNote("addressFrozen", { number: r.orderNumber, status: r.status }) };
      }
      return { status: "PROCESSED", orderIds: [r.orderId] };
    }
    case "notification": {
      const order = await db.order.findUnique({
        where: { channelId_externalId: { channelId: channel.id, externalId: doc.externalId } },
        select: { id: true },
      });
      return {
        status: "PROCESSED",
        orderIds: order ? [order.id] : [],
        note: deliveryNote("notification", { topic: doc.topic, order: doc.externalId }),
      };
    }
    case "ping":
      return { status: "PROCESSED", orderIds: [], note: deliveryNote("handshake") };
  }
}
