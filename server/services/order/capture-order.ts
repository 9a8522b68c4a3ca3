/**
 * Order capture: one channel order becomes our order, its lines, its customer
 * and its first timeline events in ONE set-based SQL statement (no interactive
 * transaction: this is the ingest hot path, see bench/RESULTS.md). A second
 * delivery of the same order finds it and goes to updateChannelOrder instead.
 */
import { db, type DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { ChannelOrderInput } from "@/server/channels/types";
import { decide, type OrderSnapshot, type OrderStatus, type PaymentStatus } from "@/server/services/order/order-state-machine";

export interface CaptureResult {
  orderId: string;
  number: number;
  created: boolean;
}

interface DraftEvent {
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  reason: string | null;
  data: Record<string, unknown> | null;
}

const SETTLED: PaymentStatus[] = ["REFUNDED", "PARTIALLY_REFUNDED", "VOIDED", "FAILED"];

/** The state a new order starts in, and the events that got it there, from the state machine. */
export function initialState(input: Pick<ChannelOrderInput, "paymentStatus" | "state" | "cancelReason">): {
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  events: DraftEvent[];
} {
  let snapshot: OrderSnapshot = { status: "RECEIVED", paymentStatus: input.paymentStatus, fulfillmentStatus: "UNFULFILLED", activeHolds: [] };
  const events: DraftEvent[] = [{ type: "order.created", fromStatus: null, toStatus: "RECEIVED", reason: null, data: { paymentStatus: input.paymentStatus } }];
  const step = (d: ReturnType<typeof decide>) => {
    if (!d.ok) return;
    events.push({ type: d.event.type, fromStatus: d.from, toStatus: d.to, reason: d.event.reason ?? null, data: d.event.data ?? null });
    snapshot = { ...snapshot, status: d.to, paymentStatus: d.paymentStatus, fulfillmentStatus: d.fulfillmentStatus };
  };
  if (input.paymentStatus === "AUTHORIZED" || input.paymentStatus === "PAID") step(decide(snapshot, { type: "AUTHORIZE_PAYMENT" }));
  if (input.state === "CANCELLED") {
    step(decide(snapshot, { type: "CANCEL", reason: input.cancelReason || "Cancelled on the sales channel" }));
    // A status the channel settled (refunded, voided, failed) beats what the machine infers.
    if (SETTLED.includes(input.paymentStatus)) snapshot = { ...snapshot, paymentStatus: input.paymentStatus };
  }
  return { status: snapshot.status, paymentStatus: snapshot.paymentStatus, events };
}

function addressJson(a: ChannelOrderInput["shippingAddress"]): string | null {
  return a ? JSON.stringify(a) : null;
}

export function shipStateOf(input: ChannelOrderInput): string | null {
  const s = input.shippingAddress?.state?.trim().toUpperCase();
  if (!s) return null;
  return s.replace(/^BR-/, "").slice(0, 2);
}

export async function captureOrder(
  opts: {
    channelId: string;
    defaultCurrency: string;
    input: ChannelOrderInput;
    deliveryId?: string | null;
    actorLabel: string;
    /** The signed-in person capturing the order (manual entry, CSV import); recorded on its first events. */
    actorId?: string | null;
    /** Merged into the data of the "order.created" event (e.g. how the order was entered). */
    createdEventData?: Record<string, unknown>;
  },
  client: DbTx = db,
): Promise<CaptureResult | null> {
  const { input } = opts;
  const start = initialState(input);
  if (opts.createdEventData && start.events[0]) {
    start.events[0] = { ...start.events[0], data: { ...start.events[0].data, ...opts.createdEventData } };
  }
  const email = input.customer.email?.trim().toLowerCase() || null;
  const lines = input.lines.map((l, i) => ({
    lineNo: i + 1,
    externalId: l.externalId ?? null,
    sku: l.sku,
    name: l.name,
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    discountCents: l.discountCents,
    taxCents: l.taxCents,
    totalCents: l.unitPriceCents * l.quantity - l.discountCents + l.taxCents,
  }));
  const rows = await client.$queryRaw<{ id: string; number: number }[]>(Prisma.sql`
    WITH existing AS (
      SELECT 1 FROM "Order" WHERE "channelId" = ${opts.channelId}::uuid AND "externalId" = ${input.externalId}
    ), cust AS (
      INSERT INTO "Customer" (name, email, phone, document)
      SELECT ${input.customer.name}, ${email}, ${input.customer.phone ?? null}, ${input.customer.document ?? null}
      WHERE NOT EXISTS (SELECT 1 FROM existing)
      ON CONFLICT (email) DO UPDATE SET
        name = EXCLUDED.name,
        phone = COALESCE(EXCLUDED.phone, "Customer".phone),
        document = COALESCE(EXCLUDED.document, "Customer".document),
        "updatedAt" = now()
      RETURNING id
    ), ord AS (
      INSERT INTO "Order" (
        "channelId", "externalId", "externalNumber", "customerId", "customerName", "customerEmail",
        status, "paymentStatus", currency, "subtotalCents", "discountCents", "shippingCents", "taxCents", "totalCents",
        "paymentMethod", "placedAt", "channelUpdatedAt", "shipBy", "shippingAddress", "billingAddress", "shipState",
        note, test, "sourceDeliveryId")
      SELECT ${opts.channelId}::uuid, ${input.externalId}, ${input.externalNumber ?? null}, cust.id, ${input.customer.name}, ${email},
        ${start.status}::"OrderStatus", ${start.paymentStatus}::"PaymentStatus", ${(input.currency || opts.defaultCurrency).toUpperCase()},
        ${input.subtotalCents}, ${input.discountCents}, ${input.shippingCents}, ${input.taxCents}, ${input.totalCents},
        ${input.paymentMethod ?? null}, ${input.placedAt}, ${input.updatedAt}, ${input.shipBy ?? null},
        ${addressJson(input.shippingAddress)}::jsonb, ${addressJson(input.billingAddress)}::jsonb, ${shipStateOf(input)},
        ${input.note ?? null}, ${input.test ?? false}, ${opts.deliveryId ?? null}::uuid
      FROM cust
      ON CONFLICT ("channelId", "externalId") DO NOTHING
      RETURNING id, number
    ), ins_lines AS (
      INSERT INTO "OrderLine" ("orderId", "lineNo", "externalId", sku, "skuId", name, quantity, "unitPriceCents", "discountCents", "taxCents", "totalCents")
      SELECT ord.id, l."lineNo", l."externalId", l.sku, (SELECT s.id FROM "Sku" s WHERE s.code = l.sku), l.name, l.quantity, l."unitPriceCents", l."discountCents", l."taxCents", l."totalCents"
      FROM ord
      CROSS JOIN jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) AS l("lineNo" int, "externalId" text, sku text, name text, quantity int,
        "unitPriceCents" int, "discountCents" int, "taxCents" int, "totalCents" int)
      -- a scalar subquery per line uses the code index; a join would hash the whole catalogue (100-row estimate above)
      RETURNING 1
    ), ins_events AS (
      INSERT INTO "OrderEvent" ("orderId", type, "fromStatus", "toStatus", "actorId", "actorLabel", reason, data, "createdAt")
      SELECT ord.id, e.type, e."fromStatus"::"OrderStatus", e."toStatus"::"OrderStatus", ${opts.actorId ?? null}::uuid, ${opts.actorLabel}, e.reason, e.data, now()
      FROM ord CROSS JOIN jsonb_to_recordset(${JSON.stringify(start.events)}::jsonb) AS e(type text, "fromStatus" text, "toStatus" text, reason text, data jsonb)
      RETURNING 1
    )
    SELECT id, number FROM ord`);
  const row = rows[0];
  return row ? { orderId: row.id, number: row.number, created: true } : null;
}
