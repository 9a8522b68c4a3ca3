/**
 * Which stage an order of a given age has reached and the path it took
 * there. Older orders are mostly delivered; recent ones spread over the early
 * stages; a few stay stuck (overdue against their ship-by date).
 */
import type { Rng, WeightedPairs } from "./rng";
import type { FulfillmentStatus, OrderStatus, PaymentStatus } from "./types";

export type PaymentKind = "card" | "pix" | "boleto" | "cash";

type Band = { maxHours: number; weights: WeightedPairs<OrderStatus> };

const BANDS: readonly Band[] = [
  { maxHours: 2, weights: [["RECEIVED", 35], ["PAYMENT_AUTHORIZED", 28], ["FRAUD_REVIEW", 8], ["APPROVED", 17], ["ALLOCATED", 9], ["CANCELLED", 3]] },
  { maxHours: 12, weights: [["RECEIVED", 12], ["PAYMENT_AUTHORIZED", 10], ["FRAUD_REVIEW", 6], ["APPROVED", 13], ["BACKORDERED", 4], ["ALLOCATED", 20], ["PICKING", 13], ["PACKED", 9], ["INVOICED", 6], ["CANCELLED", 3]] },
  { maxHours: 48, weights: [["RECEIVED", 4], ["PAYMENT_AUTHORIZED", 3], ["FRAUD_REVIEW", 3], ["APPROVED", 4], ["BACKORDERED", 5], ["ALLOCATED", 9], ["PICKING", 7], ["PACKED", 9], ["INVOICED", 12], ["SHIPPED", 40], ["CANCELLED", 4]] },
  { maxHours: 24 * 7, weights: [["RECEIVED", 1.5], ["FRAUD_REVIEW", 0.5], ["APPROVED", 1], ["BACKORDERED", 4], ["ALLOCATED", 1.5], ["PICKING", 1], ["PACKED", 1.5], ["INVOICED", 2], ["SHIPPED", 48], ["DELIVERED", 34], ["CANCELLED", 5]] },
  { maxHours: 24 * 30, weights: [["BACKORDERED", 0.8], ["INVOICED", 0.2], ["SHIPPED", 4], ["DELIVERED", 83], ["RETURN_REQUESTED", 3], ["RETURNED", 3], ["CANCELLED", 6]] },
  { maxHours: Infinity, weights: [["SHIPPED", 0.5], ["DELIVERED", 87], ["RETURN_REQUESTED", 1], ["RETURNED", 5], ["CANCELLED", 6.5]] },
];

export function statusForAge(rng: Rng, hours: number): OrderStatus {
  const band = BANDS.find((b) => hours < b.maxHours) ?? BANDS[BANDS.length - 1]!;
  return rng.weighted(band.weights);
}

/**
 * One order per stage is placed at a typical age for it, so even a 300-order
 * seed shows every stage. Hours before the end of the window.
 */
export const COVERAGE: readonly (readonly [OrderStatus, number])[] = [
  ["DELIVERED", 24 * 20], ["RETURNED", 24 * 45], ["RETURN_REQUESTED", 24 * 12], ["CANCELLED", 24 * 9],
  ["SHIPPED", 60], ["BACKORDERED", 30], ["INVOICED", 22], ["PACKED", 16], ["PICKING", 10], ["ALLOCATED", 7],
  ["APPROVED", 4], ["FRAUD_REVIEW", 2.5], ["PAYMENT_AUTHORIZED", 1], ["RECEIVED", 0.2],
];

const HAPPY: readonly OrderStatus[] = ["RECEIVED", "PAYMENT_AUTHORIZED", "APPROVED", "ALLOCATED", "PICKING", "PACKED", "INVOICED", "SHIPPED", "DELIVERED", "RETURN_REQUESTED", "RETURNED"];

const CANCEL_STAGES: WeightedPairs<OrderStatus> = [
  ["RECEIVED", 30], ["PAYMENT_AUTHORIZED", 12], ["FRAUD_REVIEW", 15], ["APPROVED", 10], ["BACKORDERED", 6], ["ALLOCATED", 20], ["PICKING", 7],
];

/** The stages an order went through, first RECEIVED, last its current stage. */
export function buildPath(rng: Rng, final: OrderStatus, kind: PaymentKind): OrderStatus[] {
  const target = final === "CANCELLED" ? rng.weighted(kind === "card" ? CANCEL_STAGES : CANCEL_STAGES.filter(([s]) => s !== "FRAUD_REVIEW")) : final;
  const path: OrderStatus[] = [];
  if (target === "FRAUD_REVIEW") path.push("RECEIVED", "PAYMENT_AUTHORIZED", "FRAUD_REVIEW");
  else if (target === "BACKORDERED") path.push("RECEIVED", "PAYMENT_AUTHORIZED", "APPROVED", "BACKORDERED");
  else {
    const upTo = HAPPY.indexOf(target);
    const reviewed = kind === "card" && upTo >= 2 && rng.chance(0.07);
    const waited = upTo >= 3 && rng.chance(0.02);
    for (const s of HAPPY.slice(0, upTo + 1)) {
      if (s === "APPROVED" && reviewed) path.push("FRAUD_REVIEW");
      if (s === "ALLOCATED" && waited) path.push("BACKORDERED");
      path.push(s);
    }
  }
  if (final === "CANCELLED") path.push("CANCELLED");
  return path;
}

/** Payment status implied by the path (card: authorized, captured on approval; pix/boleto/cash: paid at once). */
export function paymentStatusFor(path: readonly OrderStatus[], kind: PaymentKind): PaymentStatus {
  const final = path[path.length - 1]!;
  const captured = path.includes("APPROVED") || kind !== "card";
  if (final === "RECEIVED") return "PENDING";
  if (final === "RETURNED") return "REFUNDED";
  if (final === "CANCELLED") {
    const paidBeforeCancel = path.includes("PAYMENT_AUTHORIZED") && captured;
    return paidBeforeCancel ? "REFUNDED" : "VOIDED";
  }
  return captured ? "PAID" : "AUTHORIZED";
}

export function fulfillmentStatusFor(status: OrderStatus): FulfillmentStatus {
  switch (status) {
    case "BACKORDERED": return "BACKORDERED";
    case "ALLOCATED": return "ALLOCATED";
    case "PICKING": return "PICKING";
    case "PACKED":
    case "INVOICED": return "PACKED";
    case "SHIPPED": return "SHIPPED";
    case "DELIVERED":
    case "RETURN_REQUESTED": return "DELIVERED";
    case "RETURNED": return "RETURNED";
    default: return "UNFULFILLED";
  }
}

/** Stages before allocation: the order holds what it reserved when it was captured, as the app does (reserve-captured-order.ts). */
export const BEFORE_ALLOCATION: ReadonlySet<OrderStatus> = new Set(["RECEIVED", "PAYMENT_AUTHORIZED", "FRAUD_REVIEW", "APPROVED"]);
/** Stages in which the order holds ACTIVE reservations. */
export const RESERVING: ReadonlySet<OrderStatus> = new Set([...BEFORE_ALLOCATION, "BACKORDERED", "ALLOCATED", "PICKING", "PACKED", "INVOICED"]);
/** Stages after the goods left (reservations CONSUMED). */
export const SHIPPED_STAGES: ReadonlySet<OrderStatus> = new Set(["SHIPPED", "DELIVERED", "RETURN_REQUESTED", "RETURNED"]);

/** The timeline event type of arriving at a stage (names from server/services/order/order-transitions.ts). */
export function eventTypeFor(to: OrderStatus, from: OrderStatus | null, kind: PaymentKind): string {
  switch (to) {
    case "RECEIVED": return "order.created";
    case "PAYMENT_AUTHORIZED": return kind === "card" ? "order.payment_authorized" : "order.paid";
    case "FRAUD_REVIEW": return "order.fraud_review";
    case "APPROVED": return "order.approved";
    case "BACKORDERED": return "order.backordered";
    case "ALLOCATED": return "order.allocated";
    case "PICKING": return "order.picking_started";
    case "PACKED": return "order.packed";
    case "INVOICED": return "order.invoiced";
    case "SHIPPED": return "order.shipped";
    case "DELIVERED": return "order.delivered";
    case "RETURN_REQUESTED": return "order.return_requested";
    case "RETURNED": return "order.returned";
    case "CANCELLED": return from === "FRAUD_REVIEW" ? "order.rejected" : "order.cancelled";
  }
}
