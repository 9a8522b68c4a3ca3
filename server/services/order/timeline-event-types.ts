/**
 * Every OrderEvent.type a service writes, and the translation key of its
 * label on the order timeline (orders.timeline.events.<key>). Pure.
 * timeline-event-types.test.ts scans the services for event-type literals, so
 * a new event type without a label in both languages fails the unit tests.
 *
 * Tracking updates and delivery exceptions are one type each; their label
 * says what happened (data.status / data.exceptionType) when it is known.
 */
export const TIMELINE_EVENT_TYPES = [
  "order.created",
  "order.updated",
  "order.channel_updated",
  "order.address_from_channel",
  "order.address_corrected",
  "order.channel_address_not_applied",
  "order.lines_changed",
  "order.channel_change_not_applied",
  "order.deleted",
  "order.restored",
  "order.payment_authorized",
  "order.paid",
  "order.paid_after_cancel",
  "order.fraud_review",
  "order.approved",
  "order.rejected",
  "order.allocated",
  "order.backordered",
  "order.reallocated",
  "order.reservation_expired",
  "order.picking_started",
  "order.short_picked",
  "order.packed",
  "order.package_closed",
  "order.invoiced",
  "order.shipped",
  "order.partially_shipped",
  "order.delivered",
  "order.return_requested",
  "order.returned",
  "order.return_withdrawn",
  "order.cancelled",
  "order.held",
  "order.released",
  "payment.refunded",
  "payment.channel_status",
  "pick_list.completed",
  "stock.reserved",
  "stock.released",
  "stock.backordered",
  "shipment.created",
  "shipment.tracking",
  "shipment.exception",
  "exception.resolved",
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

/** Statuses a tracking event can report (shipment-status.ts SHIPMENT_STATUSES). */
export const TRACKING_EVENT_STATUSES = ["CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERY_FAILED", "RETURNED_TO_SENDER", "DELIVERED"] as const;
/** Exception types of shipment.exception (shipping-exceptions.ts SHIPPING_EXCEPTION_TYPES). */
export const DELIVERY_EXCEPTION_TYPES = ["DELIVERY_FAILED", "RETURNED_TO_SENDER", "SHIPMENT_STALLED", "SHIPMENT_LATE"] as const;

const keyOf = (type: string): string => type.replace(/[^a-zA-Z0-9]/g, "_");

function dataField(data: unknown, field: string): string | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const v = (data as Record<string, unknown>)[field];
  return typeof v === "string" && /^[A-Z_]+$/.test(v) ? v : null;
}

/** Candidate label keys, most specific first; the caller shows the first that exists, else the raw type. */
export function timelineLabelKeys(type: string, data: unknown): string[] {
  const base = keyOf(type);
  const detail = type === "shipment.tracking" ? dataField(data, "status") : type === "shipment.exception" ? dataField(data, "exceptionType") : null;
  return detail ? [`${base}_${detail}`, base] : [base];
}
