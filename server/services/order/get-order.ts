/**
 * One order as the detail page shows it: lines, customer and addresses,
 * payment and fulfilment, channel and the raw delivery it came from, holds
 * (active and history), the timeline newest first, the allocation, an open
 * refund due (a paid order that was cancelled: order/refund-due.ts), and the
 * actions the viewer may take now (the state machine's availableActions for
 * the viewer's role, on the same snapshot applyOrderAction will check).
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import type { ChannelPlatform } from "@/server/channels/types";
import { DomainError } from "@/server/lib/domain-error";
import { loadSnapshot } from "@/server/services/order/apply-order-action";
import { exceptionText, type ExceptionText } from "@/server/services/exceptions/exception-text";
import { REFUND_DUE } from "@/server/services/order/refund-due";
import { assertMayViewOrders } from "@/server/services/order/order-access";
import {
  availableActions,
  type FulfillmentStatus,
  type HoldReason,
  type OrderActionType,
  type OrderStatus,
  type PaymentStatus,
} from "@/server/services/order/order-state-machine";

export const TIMELINE_LIMIT = 200;

export const addressSchema = z.object({
  name: z.string().optional(),
  line1: z.string().optional(),
  line2: z.string().optional(),
  district: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
  phone: z.string().optional(),
});
export type AddressView = z.infer<typeof addressSchema>;

export interface OrderDetail {
  id: string;
  number: number;
  externalId: string;
  externalNumber: string | null;
  version: number;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  fulfillmentStatus: FulfillmentStatus;
  onHold: boolean;
  test: boolean;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  paymentMethod: string | null;
  placedAt: Date;
  channelUpdatedAt: Date;
  shipBy: Date | null;
  note: string | null;
  channel: { id: string; name: string; platform: ChannelPlatform };
  sourceDeliveryId: string | null;
  customerName: string;
  customerEmail: string | null;
  customer: { id: string; name: string; email: string | null; phone: string | null; document: string | null } | null;
  shippingAddress: AddressView | null;
  billingAddress: AddressView | null;
  warehouse: { id: string; code: string; name: string } | null;
  allocation: unknown;
  lines: {
    id: string;
    lineNo: number;
    sku: string;
    name: string;
    quantity: number;
    unitPriceCents: number;
    discountCents: number;
    taxCents: number;
    totalCents: number;
    reservedQty: number;
    backorderedQty: number;
    shippedQty: number;
  }[];
  holds: {
    id: string;
    reason: HoldReason;
    note: string | null;
    active: boolean;
    createdAt: Date;
    createdBy: string | null;
    releasedAt: Date | null;
    releasedBy: string | null;
    releaseNote: string | null;
  }[];
  timeline: {
    id: string;
    type: string;
    fromStatus: OrderStatus | null;
    toStatus: OrderStatus | null;
    actorLabel: string;
    reason: string | null;
    data: unknown;
    createdAt: Date;
  }[];
  /** What the viewer may do now (state machine × role); the server checks again on submit. */
  availableActions: OrderActionType[];
  /** The open REFUND_DUE exception: its id (to resolve it) and its sentence (stored English message as fallback). */
  refundDue: { exceptionId: string; message: string; text: ExceptionText | null } | null;
}

function address(json: unknown): AddressView | null {
  if (json === null || json === undefined) return null;
  const parsed = addressSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export async function getOrder(opts: { actor: SessionUser; orderId: string }): Promise<OrderDetail> {
  assertMayViewOrders(opts.actor);
  const { orderId } = opts;
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      channel: { select: { id: true, name: true, platform: true } },
      customer: { select: { id: true, name: true, email: true, phone: true, document: true } },
      warehouse: { select: { id: true, code: true, name: true } },
      lines: { orderBy: { lineNo: "asc" } },
      holds: { orderBy: { createdAt: "desc" } },
      events: { orderBy: { id: "desc" }, take: TIMELINE_LIMIT },
    },
  });
  if (!order) throw new DomainError("NOT_FOUND", `Order ${orderId} not found.`);
  const [{ snapshot }, refundDue] = await Promise.all([
    loadSnapshot(db, orderId),
    db.exception.findFirst({ where: { orderId, type: REFUND_DUE, status: "OPEN" }, orderBy: { createdAt: "desc" }, select: { id: true, message: true, data: true } }),
  ]);

  const userIds = [...new Set(order.holds.flatMap((h) => [h.createdById, h.releasedById]).filter((id): id is string => id !== null))];
  const users = userIds.length > 0 ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const nameOf = (id: string | null) => (id === null ? null : (users.find((u) => u.id === id)?.name ?? null));

  return {
    id: order.id,
    number: order.number,
    externalId: order.externalId,
    externalNumber: order.externalNumber,
    version: order.version,
    status: order.status,
    paymentStatus: order.paymentStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    onHold: order.onHold,
    test: order.test,
    currency: order.currency,
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    shippingCents: order.shippingCents,
    taxCents: order.taxCents,
    totalCents: order.totalCents,
    paymentMethod: order.paymentMethod,
    placedAt: order.placedAt,
    channelUpdatedAt: order.channelUpdatedAt,
    shipBy: order.shipBy,
    note: order.note,
    channel: order.channel,
    sourceDeliveryId: order.sourceDeliveryId,
    customerName: order.customerName,
    customerEmail: order.customerEmail,
    customer: order.customer,
    shippingAddress: address(order.shippingAddress),
    billingAddress: address(order.billingAddress),
    warehouse: order.warehouse,
    allocation: order.allocation ?? null,
    lines: order.lines.map((l) => ({
      id: l.id,
      lineNo: l.lineNo,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      discountCents: l.discountCents,
      taxCents: l.taxCents,
      totalCents: l.totalCents,
      reservedQty: l.reservedQty,
      backorderedQty: l.backorderedQty,
      shippedQty: l.shippedQty,
    })),
    holds: order.holds.map((h) => ({
      id: h.id,
      reason: h.reason,
      note: h.note,
      active: h.releasedAt === null,
      createdAt: h.createdAt,
      createdBy: nameOf(h.createdById),
      releasedAt: h.releasedAt,
      releasedBy: nameOf(h.releasedById),
      releaseNote: h.releaseNote,
    })),
    timeline: order.events.map((e) => ({
      id: e.id.toString(),
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorLabel: e.actorLabel,
      reason: e.reason,
      data: e.data ?? null,
      createdAt: e.createdAt,
    })),
    availableActions: availableActions(snapshot, opts.actor.role),
    refundDue: refundDue && { exceptionId: refundDue.id, message: refundDue.message, text: exceptionText(REFUND_DUE, refundDue.data, order.number) },
  };
}
