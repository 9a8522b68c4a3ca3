/**
 * Order capture: one channel order becomes our order, its lines, its customer
 * and its first timeline events in ONE set-based SQL statement (no interactive
 * transaction: this is the ingest hot path, see bench/RESULTS.md). A second
 * delivery of the same order finds it and goes to updateChannelOrder instead.
 */
import { CACHED_PLAN, runSql, type DbTx } from "@/server/db";
import { batchStatement } from "@/server/lib/batcher";
import { Prisma } from "@/server/generated/prisma/client";
import type { ChannelOrderInput } from "@/server/channels/types";
import { SETTINGS_JSON, WAREHOUSES_JSON, balancesJson, contextOf, type ContextLine, type ContextRow, type ReservationContext } from "@/server/services/stock/reservation-read";
import { decide, type OrderSnapshot, type OrderStatus, type PaymentStatus } from "@/server/services/order/order-state-machine";
import { REFUND_DUE, refundDueData, refundDueMessage } from "@/server/services/order/refund-due";
import { ADDRESS_INCOMPLETE, addressExceptionMessage, unusableAddressFields } from "@/server/services/order/address-exception";

export interface CaptureResult {
  orderId: string;
  number: number;
  created: boolean;
  /**
   * What reserving the new order needs (its lines, the availability of its SKUs, the warehouses, the settings),
   * read by the capture statement itself: reserveOrderStock then skips its own read (one round trip less per batch).
   */
  reservation: ReservationContext;
}

interface DraftEvent {
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  reason: string | null;
  data: Record<string, unknown> | null;
}

/** Where the order's number goes in a message written before the order has one. */
const NUMBER_SLOT = "{number}";

const SETTLED: PaymentStatus[] = ["REFUNDED", "PARTIALLY_REFUNDED", "VOIDED", "FAILED"];

/** The state a new order starts in, and the events that got it there, from the state machine. */
export function initialState(input: Pick<ChannelOrderInput, "paymentStatus" | "state" | "cancelReason">): {
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  events: DraftEvent[];
  /** Cancelled on the channel with the money kept: the capture opens REFUND_DUE (refund-due.ts). */
  refundDue: boolean;
} {
  let snapshot: OrderSnapshot = { status: "RECEIVED", paymentStatus: input.paymentStatus, fulfillmentStatus: "UNFULFILLED", activeHolds: [] };
  const events: DraftEvent[] = [{ type: "order.created", fromStatus: null, toStatus: "RECEIVED", reason: null, data: { paymentStatus: input.paymentStatus } }];
  let refundDue = false;
  const step = (d: ReturnType<typeof decide>) => {
    if (!d.ok) return;
    if (d.refundDue) refundDue = true;
    events.push({ type: d.event.type, fromStatus: d.from, toStatus: d.to, reason: d.event.reason ?? null, data: d.event.data ?? null });
    snapshot = { ...snapshot, status: d.to, paymentStatus: d.paymentStatus, fulfillmentStatus: d.fulfillmentStatus };
  };
  if (input.paymentStatus === "AUTHORIZED" || input.paymentStatus === "PAID") step(decide(snapshot, { type: "AUTHORIZE_PAYMENT" }));
  if (input.state === "CANCELLED") {
    step(decide(snapshot, { type: "CANCEL", reason: input.cancelReason || "Cancelled on the sales channel" }));
    // A status the channel settled (refunded, voided, failed) beats what the machine infers.
    if (SETTLED.includes(input.paymentStatus)) snapshot = { ...snapshot, paymentStatus: input.paymentStatus };
  }
  // A status the channel settled as nothing kept (refunded in full, voided, failed) owes nothing.
  const kept = !["REFUNDED", "VOIDED", "FAILED"].includes(snapshot.paymentStatus);
  return { status: snapshot.status, paymentStatus: snapshot.paymentStatus, events, refundDue: refundDue && kept };
}


export function shipStateOf(input: Pick<ChannelOrderInput, "shippingAddress">): string | null {
  const s = input.shippingAddress?.state?.trim().toUpperCase();
  if (!s) return null;
  return s.replace(/^BR-/, "").slice(0, 2);
}

export interface CaptureOrderOptions {
  channelId: string;
  defaultCurrency: string;
  input: ChannelOrderInput;
  deliveryId?: string | null;
  /**
   * The order is the delivery's whole content: the capture statement also marks the delivery PROCESSED with this
   * order (the webhook then needs no statement of its own for it). A delivery of several orders is marked by its caller.
   */
  completesDelivery?: boolean;
  actorLabel: string;
  /** The signed-in person capturing the order (manual entry, CSV import); recorded on its first events. */
  actorId?: string | null;
  /** Merged into the data of the "order.created" event (e.g. how the order was entered). */
  createdEventData?: Record<string, unknown>;
}

/**
 * Capture one order. Without a caller's client, concurrent captures (a burst of webhooks) are grouped by the
 * batcher into one statement per batch (captureOrders); null = the order already exists on that channel.
 */
export async function captureOrder(opts: CaptureOrderOptions, client?: DbTx): Promise<CaptureResult | null> {
  if (client) return ((await captureOrders([opts], client))[0] ?? null);
  return captureBatched(opts);
}

const sameOrder = (o: CaptureOrderOptions) => `${o.channelId}\u0000${o.input.externalId}`;

/**
 * Concurrent captures outside any transaction share one statement (captureOrders). One order's value refused by
 * the database fails the statement: then each is captured alone, so only that one fails. The same order twice in
 * a batch: the copy runs after the first (and finds it).
 */
const captureBatched = batchStatement<CaptureOrderOptions, CaptureResult | null>((batch) => captureOrders(batch), sameOrder, { maxBatch: 64, concurrency: 1 });

/**
 * Several orders (distinct channel + external id) in ONE statement: customers (one upsert per e-mail; the last
 * order of the batch wins, as one-by-one captures would), orders, lines and first events. Results in input order.
 * `client`: the caller's transaction; without one the statement runs on the hot-path pool (hotQuery).
 */
export async function captureOrders(batch: readonly CaptureOrderOptions[], client?: DbTx): Promise<(CaptureResult | null)[]> {
  if (batch.length === 0) return [];
  const starts = batch.map((opts) => initialState(opts.input));
  const orders = batch.map((opts, k) => {
    const { input } = opts;
    const start = starts[k] as ReturnType<typeof initialState>;
    const currency = (input.currency || opts.defaultCurrency).toUpperCase();
    const owed = start.refundDue ? refundDueData({ totalCents: input.totalCents, currency, paymentStatus: start.paymentStatus }, 0) : null;
    // An address that came but cannot be used is an exception from the start (none at all: it may follow, address-exception.ts).
    const missing = start.status === "CANCELLED" ? [] : unusableAddressFields(input.shippingAddress);
    return {
      k, channelId: opts.channelId, externalId: input.externalId, externalNumber: input.externalNumber ?? null,
      customerName: input.customer.name, email: input.customer.email?.trim().toLowerCase() || null,
      phone: input.customer.phone ?? null, document: input.customer.document ?? null,
      status: start.status, paymentStatus: start.paymentStatus, currency,
      subtotalCents: input.subtotalCents, discountCents: input.discountCents, shippingCents: input.shippingCents,
      taxCents: input.taxCents, totalCents: input.totalCents, paymentMethod: input.paymentMethod ?? null,
      placedAt: input.placedAt, channelUpdatedAt: input.updatedAt, shipBy: input.shipBy ?? null,
      shippingAddress: input.shippingAddress ?? null, billingAddress: input.billingAddress ?? null, shipState: shipStateOf(input),
      note: input.note ?? null, test: input.test ?? false, deliveryId: opts.deliveryId ?? null,
      completesDelivery: Boolean(opts.completesDelivery && opts.deliveryId),
      actorId: opts.actorId ?? null, actorLabel: opts.actorLabel,
      // The order's number is known once it is inserted: the statement puts it in the message.
      refundDueData: owed, refundDueMessage: owed ? refundDueMessage(NUMBER_SLOT, owed) : null,
      addressMissing: missing.length ? { missing } : null, addressMessage: missing.length ? addressExceptionMessage(NUMBER_SLOT, missing) : null,
    };
  });
  const lines = batch.flatMap((opts, k) =>
    opts.input.lines.map((l, i) => ({
      k, lineNo: i + 1, externalId: l.externalId ?? null, sku: l.sku, name: l.name, quantity: l.quantity,
      unitPriceCents: l.unitPriceCents, discountCents: l.discountCents, taxCents: l.taxCents,
      totalCents: l.unitPriceCents * l.quantity - l.discountCents + l.taxCents,
    })),
  );
  const events = batch.flatMap((opts, k) => {
    const evs = [...(starts[k] as ReturnType<typeof initialState>).events];
    if (opts.createdEventData && evs[0]) evs[0] = { ...evs[0], data: { ...evs[0].data, ...opts.createdEventData } };
    return evs.map((e, i) => ({ k, seq: i, ...e }));
  });
  const raisesExceptions = orders.some((o) => o.refundDueData !== null || o.addressMissing !== null);
  const rows = await runSql<{ k: number; id: string; number: number; lines: ContextLine[] | null } & Pick<ContextRow, "balances" | "warehouses" | "settings">>(client, Prisma.sql`${CACHED_PLAN}
    WITH inp AS MATERIALIZED (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(orders)}::jsonb) AS i(k int, "channelId" uuid, "externalId" text,
        "externalNumber" text, "customerName" text, email text, phone text, document text, status text, "paymentStatus" text,
        currency text, "subtotalCents" int, "discountCents" int, "shippingCents" int, "taxCents" int, "totalCents" int,
        "paymentMethod" text, "placedAt" timestamptz, "channelUpdatedAt" timestamptz, "shipBy" timestamptz,
        "shippingAddress" jsonb, "billingAddress" jsonb, "shipState" text, note text, test boolean, "deliveryId" uuid, "completesDelivery" boolean,
        "actorId" uuid, "actorLabel" text, "refundDueData" jsonb, "refundDueMessage" text, "addressMissing" jsonb, "addressMessage" text)
    ), fresh AS MATERIALIZED (
      -- A delivery of an order we already hold leaves its customer alone (it goes to updateChannelOrder).
      SELECT i.*, uuid_v7() AS "newCustomerId" FROM inp i
      WHERE NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."channelId" = i."channelId" AND o."externalId" = i."externalId")
    ), cust AS (
      INSERT INTO "Customer" (id, name, email, phone, document)
      SELECT DISTINCT ON (coalesce(f.email, f.k::text)) f."newCustomerId", f."customerName", f.email, f.phone, f.document
      FROM fresh f ORDER BY coalesce(f.email, f.k::text), f.k DESC
      ON CONFLICT (email) DO UPDATE SET
        -- A field a person corrected (editedFields, customer/update-customer.ts) is theirs: the value from the channel does not
        -- overwrite it (the order keeps the name it came with). Read from the row the upsert locks anyway: no extra lookup.
        name = CASE WHEN 'name' = ANY("Customer"."editedFields") THEN "Customer".name ELSE EXCLUDED.name END,
        phone = CASE WHEN 'phone' = ANY("Customer"."editedFields") THEN "Customer".phone ELSE COALESCE(EXCLUDED.phone, "Customer".phone) END,
        document = CASE WHEN 'document' = ANY("Customer"."editedFields") THEN "Customer".document ELSE COALESCE(EXCLUDED.document, "Customer".document) END,
        "updatedAt" = now()
      RETURNING id, email
    ), ord AS (
      INSERT INTO "Order" (
        "channelId", "externalId", "externalNumber", "customerId", "customerName", "customerEmail",
        status, "paymentStatus", currency, "subtotalCents", "discountCents", "shippingCents", "taxCents", "totalCents",
        "paymentMethod", "placedAt", "channelUpdatedAt", "shipBy", "shippingAddress", "billingAddress", "shipState",
        note, test, "sourceDeliveryId")
      SELECT f."channelId", f."externalId", f."externalNumber",
        CASE WHEN f.email IS NULL THEN f."newCustomerId" ELSE (SELECT c.id FROM cust c WHERE c.email = f.email) END,
        f."customerName", f.email, f.status::"OrderStatus", f."paymentStatus"::"PaymentStatus", f.currency,
        f."subtotalCents", f."discountCents", f."shippingCents", f."taxCents", f."totalCents",
        f."paymentMethod", f."placedAt", f."channelUpdatedAt", f."shipBy", f."shippingAddress", f."billingAddress", f."shipState",
        f.note, f.test, f."deliveryId"
      FROM fresh f
      WHERE f.email IS NULL OR EXISTS (SELECT 1 FROM cust c WHERE c.email = f.email)
      ORDER BY f.k
      ON CONFLICT ("channelId", "externalId") DO NOTHING
      RETURNING id, number, "channelId", "externalId"
    ), ok AS MATERIALIZED (
      SELECT f.k, o.id, o.number, f."actorId", f."actorLabel" FROM ord o
      JOIN fresh f ON f."channelId" = o."channelId" AND f."externalId" = o."externalId"
    ), ins_lines AS (
      INSERT INTO "OrderLine" ("orderId", "lineNo", "externalId", sku, "skuId", name, quantity, "unitPriceCents", "discountCents", "taxCents", "totalCents")
      -- a scalar subquery per line uses the code index; a join would hash the whole catalogue (100-row estimate above)
      SELECT ok.id, l."lineNo", l."externalId", l.sku, (SELECT s.id FROM "Sku" s WHERE s.code = l.sku), l.name, l.quantity,
        l."unitPriceCents", l."discountCents", l."taxCents", l."totalCents"
      FROM jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) AS l(k int, "lineNo" int, "externalId" text, sku text, name text, quantity int,
        "unitPriceCents" int, "discountCents" int, "taxCents" int, "totalCents" int)
      JOIN ok ON ok.k = l.k
      RETURNING id, "orderId", "lineNo", sku, "skuId", quantity
    ), ins_events AS (
      INSERT INTO "OrderEvent" ("orderId", type, "fromStatus", "toStatus", "actorId", "actorLabel", reason, data, "createdAt")
      SELECT ok.id, e.type, e."fromStatus"::"OrderStatus", e."toStatus"::"OrderStatus", ok."actorId", ok."actorLabel", e.reason, e.data,
now()
      FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS e(k int, seq int, type text, "fromStatus" text, "toStatus" text, reason text, data jsonb)
      JOIN ok ON ok.k = e.k
      ORDER BY e.k, e.seq -- ids (bigserial) order the timeline
      RETURNING 1
    )${raisesExceptions ? Prisma.sql`, exceptions AS (
      -- From the start: the refund an order that arrived cancelled with the money kept owes (rare), an address a
      -- carrier cannot use (address-exception.ts). Only in the batches that have one: the common statement opens no
      -- Exception indexes.
      INSERT INTO "Exception" (type, "orderId", message, data)
      SELECT ${REFUND_DUE}, ok.id, replace(i."refundDueMessage", ${NUMBER_SLOT}, ok.number::text), i."refundDueData"
      FROM ok JOIN inp i ON i.k = ok.k
      WHERE i."refundDueData" IS NOT NULL
      UNION ALL
      SELECT ${ADDRESS_INCOMPLETE}, ok.id, replace(i."addressMessage", ${NUMBER_SLOT}, ok.number::text), i."addressMissing"
      FROM ok JOIN inp i ON i.k = ok.k
      WHERE i."addressMissing" IS NOT NULL
      RETURNING 1
    )` : Prisma.empty}, delivered AS (
      UPDATE "ChannelDelivery" d SET status = 'PROCESSED', error = NULL, "orderId" = ok.id, "processedAt" = now()
      FROM ok JOIN inp i ON i.k = ok.k
      WHERE i."completesDelivery" AND d.id = i."deliveryId"
      RETURNING d.id
    ), shared AS (
      SELECT ${WAREHOUSES_JSON} AS warehouses, ${SETTINGS_JSON} AS settings
    )
    SELECT ok.k, ok.id, ok.number, shared.warehouses, shared.settings,
      (SELECT json_agg(json_build_object('id', l.id, 'lineNo', l."lineNo", 'sku', l.sku, 'skuId', l."skuId", 'quantity', l.quantity,
                'reservedQty', 0, 'backorderedQty', 0, 'shippedQty', 0) ORDER BY l."lineNo")
         FROM ins_lines l WHERE l."orderId" = ok.id) AS lines,
      -- The statement's snapshot: stock taken since is re-checked under lock by the reservation statement.
      ${balancesJson(Prisma.sql`SELECT l."skuId" FROM ins_lines l WHERE l."orderId" = ok.id AND l."skuId" IS NOT NULL`)} AS balances
    FROM ok CROSS JOIN shared`);
  const byK = new Map(rows.map((r) => [r.k, r]));
  return batch.map((_, k) => {
    const r = byK.get(k);
    if (!r) return null;
    const status = starts[k]?.status ?? "RECEIVED";
    const reservation = { ...contextOf({ ...r, status, shipState: orders[k]?.shipState ?? null, warehouseId: null, holds: [] }), capturedVersion: batch[k]?.input.updatedAt };
    return { orderId: r.id, number: r.number, created: true, reservation };
  });
}
