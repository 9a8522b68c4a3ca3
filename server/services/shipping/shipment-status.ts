/**
 * Shipment statuses and how a tracking event moves them. Pure.
 *
 * Carriers resend events and deliver them out of order, so an event moves the
 * shipment only when it is news:
 *  - after DELIVERED or RETURNED_TO_SENDER (terminal) nothing moves it again;
 *  - an event newer than the last applied one (lastEventAt) moves it;
 *  - an event at the same instant moves it only forward (higher rank);
 *  - an older event is history, except a terminal one: "delivered" is
 *    definitive even when the carrier's clocks disagree.
 * Every event is stored either way; the caller records it on the timeline.
 */
export const SHIPMENT_STATUSES = ["CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERY_FAILED", "RETURNED_TO_SENDER", "DELIVERED"] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** What a carrier (or a person) may report. CREATED is ours alone. */
export const TRACKING_STATUSES = ["IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "DELIVERY_FAILED", "RETURNED_TO_SENDER"] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export const TERMINAL_SHIPMENT_STATUSES: readonly ShipmentStatus[] = ["DELIVERED", "RETURNED_TO_SENDER"];

/** Statuses that need a person: an exception is opened when a shipment reaches one. */
export const EXCEPTION_STATUSES: readonly ShipmentStatus[] = ["DELIVERY_FAILED", "RETURNED_TO_SENDER"];

const RANK: Readonly<Record<ShipmentStatus, number>> = {
  CREATED: 0,
  IN_TRANSIT: 1,
  OUT_FOR_DELIVERY: 2,
  DELIVERY_FAILED: 3,
  RETURNED_TO_SENDER: 4,
  DELIVERED: 5,
};

export function shipmentStatusRank(status: ShipmentStatus): number {
  return RANK[status];
}

export function isTerminalShipmentStatus(status: ShipmentStatus): boolean {
  return TERMINAL_SHIPMENT_STATUSES.includes(status);
}

export function isShipmentStatus(value: unknown): value is ShipmentStatus {
  return typeof value === "string" && (SHIPMENT_STATUSES as readonly string[]).includes(value);
}

export interface TrackState {
  status: ShipmentStatus;
  /** occurredAt of the newest event applied; null before the first one. */
  lastEventAt: Date | null;
}

export interface TrackOutcome extends TrackState {
  /** Whether the event changed the shipment's status (false: stored as history only). */
  applied: boolean;
}

export function applyTrackingEvent(state: TrackState, event: { status: TrackingStatus; occurredAt: Date }): TrackOutcome {
  const unchanged: TrackOutcome = { ...state, applied: false };
  if (isTerminalShipmentStatus(state.status)) return unchanged;
  const last = state.lastEventAt?.getTime();
  const at = event.occurredAt.getTime();
  const newer = last === undefined || at > last;
  const sameInstantForward = last === at && RANK[event.status] > RANK[state.status];
  const lateTerminal = last !== undefined && at < last && isTerminalShipmentStatus(event.status);
  if (!newer && !sameInstantForward && !lateTerminal) return unchanged;
  return { status: event.status, lastEventAt: newer ? event.occurredAt : (state.lastEventAt as Date), applied: true };
}
