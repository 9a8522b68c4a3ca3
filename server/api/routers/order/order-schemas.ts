/** Inputs and outputs of the order router (order-router.ts). */
import { z } from "zod";
import { CHANNEL_PLATFORMS } from "@/server/channels/types";
import { addressSchema } from "@/server/services/order/get-order";
import { exceptionTextOutput } from "@/server/api/routers/exception/exception-schemas";
import { orderFilterSchema } from "@/server/services/order/order-filters";
import {
  FULFILLMENT_STATUSES,
  HOLD_REASONS,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  type OrderActionType,
} from "@/server/services/order/order-state-machine";
import type { ChannelOnlyAction, PersonOrderAction } from "@/server/services/order/order-actions";
import { normalizeNfeNumber, normalizeNfeSeries } from "@/server/services/order/nfe-number";
import { ruled } from "@/server/lib/zod-issue-view";

const status = z.enum(ORDER_STATUSES);
const paymentStatus = z.enum(PAYMENT_STATUSES);
const fulfillmentStatus = z.enum(FULFILLMENT_STATUSES);
const holdReason = z.enum(HOLD_REASONS);
const platform = z.enum(CHANNEL_PLATFORMS);
/** Free text; emptiness is the state machine's call (it answers VALIDATION with the field). */
const text = z.string().trim().max(500);

// ─── actions ───

const hold = z.object({ type: z.literal("HOLD"), reason: holdReason, note: text.optional() });
const release = z.object({ type: z.literal("RELEASE"), reason: holdReason });
const cancel = z.object({ type: z.literal("CANCEL"), reason: text });
const approve = z.object({ type: z.literal("APPROVE") });

/** Every action a person may ask for, discriminated on `type` (payloads as in OrderActionPayloads; refunds come from channels only). */
export const orderActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("AUTHORIZE_PAYMENT") }),
  z.object({ type: z.literal("MARK_PAID") }),
  z.object({ type: z.literal("SEND_TO_FRAUD_REVIEW") }),
  approve,
  z.object({ type: z.literal("REJECT"), reason: text.optional() }),
  z.object({ type: z.literal("ALLOCATE") }),
  z.object({ type: z.literal("BACKORDER") }),
  z.object({ type: z.literal("REALLOCATE"), reason: text, excludeWarehouseIds: z.array(z.guid()).max(50).optional() }),
  z.object({ type: z.literal("EXPIRE_RESERVATION"), reason: text }),
  z.object({ type: z.literal("START_PICKING") }),
  z.object({ type: z.literal("SHORT_PICK"), reallocated: z.boolean() }),
  z.object({ type: z.literal("PACK") }),
  // Empty is the state machine's VALIDATION ("enter the NF-e number"); anything typed must be an NF-e number / series.
  z.object({
    type: z.literal("INVOICE"),
    invoiceNumber: z.string().trim().max(60).refine((v) => v === "" || normalizeNfeNumber(v) !== null, ruled("NFE_NUMBER", "An NF-e number has 1 to 9 digits")),
    invoiceSeries: z.string().trim().max(10).refine((v) => normalizeNfeSeries(v) !== null, ruled("NFE_SERIES", "An NF-e series has 1 to 3 digits")).optional(),
  }),
  z.object({ type: z.literal("SHIP") }),
  z.object({ type: z.literal("DELIVER") }),
  z.object({ type: z.literal("REQUEST_RETURN"), reason: text.optional() }),
  z.object({ type: z.literal("WITHDRAW_RETURN"), reason: text }),
  z.object({ type: z.literal("COMPLETE_RETURN") }),
  cancel,
  hold,
  release,
  // Money received after the order was cancelled (a boleto or PIX paid late): all of it or part; the order owes it back.
  z.object({ type: z.literal("PAID_AFTER_CANCEL"), paymentStatus: z.enum(["PAID", "PARTIALLY_PAID"]), note: text.optional() }),
]) satisfies z.ZodType<PersonOrderAction>;

// The compiler fails here when an action is added to ORDER_ACTIONS but not to the union above.
type MissingAction = Exclude<OrderActionType, z.infer<typeof orderActionSchema>["type"] | ChannelOnlyAction>;
const _everyAction: [MissingAction] extends [never] ? true : MissingAction = true;
void _everyAction;

export const BULK_ACTIONS = ["HOLD", "RELEASE", "CANCEL", "APPROVE"] as const;
export const BULK_MAX_ORDERS = 200;

export const actInput = z.object({
  orderId: z.guid(),
  // A return is completed on the returns desk (returns router), which books the units that came back into stock with it.
  action: orderActionSchema.refine((a) => a.type !== "COMPLETE_RETURN", ruled("RETURNS_DESK", "Complete a return on the returns desk, where the units that came back are booked")),
  /** The version the user saw; a different one means someone else acted first (CONFLICT). */
  expectedVersion: z.number().int().min(0),
});

export const bulkInput = z.object({
  orderIds: z
    .array(z.guid())
    .min(1)
    .max(BULK_MAX_ORDERS)
    .transform((ids) => [...new Set(ids)]),
  action: z.discriminatedUnion("type", [hold, release, cancel, approve]),
});

export const actOutput = z.object({ orderId: z.string(), from: status, to: status, version: z.number().int() });

export const bulkOutput = z.array(
  z.object({
    orderId: z.string(),
    ok: z.boolean(),
    to: status.optional(),
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
      })
      .optional(),
  }),
);

// ─── reads ───

export const countsInput = z.object({ filter: orderFilterSchema.default({}) });

const capped = { count: z.number().int(), capped: z.boolean() };
export const countsOutput = z.object({
  byStatus: z.array(z.object({ status, ...capped })),
  total: z.object(capped),
});

const channel = z.object({ id: z.string(), name: z.string(), platform });

export const listOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      externalNumber: z.string().nullable(),
      channel,
      customerName: z.string(),
      status,
      paymentStatus,
      fulfillmentStatus,
      onHold: z.boolean(),
      totalCents: z.number().int(),
      currency: z.string(),
      placedAt: z.date(),
      shipBy: z.date().nullable(),
      lineCount: z.number().int(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const channelsOutput = z.array(channel.extend({ active: z.boolean() }));

export const getInput = z.object({ id: z.guid() });

const address = addressSchema.nullable();

const cents = z.number().int();

export const getOutput = z.object({
  id: z.string(),
  number: z.number().int(),
  externalId: z.string(),
  externalNumber: z.string().nullable(),
  version: z.number().int(),
  status,
  paymentStatus,
  fulfillmentStatus,
  onHold: z.boolean(),
  test: z.boolean(),
  currency: z.string(),
  subtotalCents: cents,
  discountCents: cents,
  shippingCents: cents,
  taxCents: cents,
  totalCents: cents,
  paymentMethod: z.string().nullable(),
  placedAt: z.date(),
  channelUpdatedAt: z.date(),
  shipBy: z.date().nullable(),
  note: z.string().nullable(),
  channel,
  sourceDeliveryId: z.string().nullable(),
  customerName: z.string(),
  customerEmail: z.string().nullable(),
  customer: z
    .object({ id: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), document: z.string().nullable() })
    .nullable(),
  shippingAddress: address,
  billingAddress: address,
  warehouse: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  allocation: z.unknown(),
  lines: z.array(
    z.object({
      id: z.string(),
      lineNo: z.number().int(),
      sku: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      unitPriceCents: cents,
      discountCents: cents,
      taxCents: cents,
      totalCents: cents,
      reservedQty: z.number().int(),
      backorderedQty: z.number().int(),
      shippedQty: z.number().int(),
    }),
  ),
  holds: z.array(
    z.object({
      id: z.string(),
      reason: holdReason,
      note: z.string().nullable(),
      active: z.boolean(),
      createdAt: z.date(),
      createdBy: z.string().nullable(),
      releasedAt: z.date().nullable(),
      releasedBy: z.string().nullable(),
      releaseNote: z.string().nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      fromStatus: status.nullable(),
      toStatus: status.nullable(),
      actorLabel: z.string(),
      reason: z.string().nullable(),
      data: z.unknown(),
      createdAt: z.date(),
    }),
  ),
  availableActions: z.array(z.enum(ORDER_ACTIONS)),
  refundDue: z.object({ exceptionId: z.string(), message: z.string(), text: exceptionTextOutput }).nullable(),
});
