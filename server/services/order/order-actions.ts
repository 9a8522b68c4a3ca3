/**
 * The actions that move an order through its pipeline, their payloads, and who
 * may perform each one. Adding an action: add it to ORDER_ACTIONS, give it a
 * payload in OrderActionPayloads, a row in ACTION_ROLES and a rule in
 * TRANSITION_TABLE (order-transitions.ts); the compiler points at every gap.
 */
import type { Role } from "@/server/lib/roles";
import type { HoldReason } from "./order-dimensions";

export const ORDER_ACTIONS = [
  "AUTHORIZE_PAYMENT",
  "MARK_PAID",
  "SEND_TO_FRAUD_REVIEW",
  "APPROVE",
  "REJECT",
  "ALLOCATE",
  "BACKORDER",
  "REALLOCATE",
  "EXPIRE_RESERVATION",
  "START_PICKING",
  "SHORT_PICK",
  "PACK",
  "INVOICE",
  "SHIP",
  "DELIVER",
  "REQUEST_RETURN",
  "COMPLETE_RETURN",
  "WITHDRAW_RETURN",
  "CANCEL",
  "HOLD",
  "RELEASE",
  "RECORD_REFUND",
  "CHANNEL_PAYMENT_STATUS",
  "PAID_AFTER_CANCEL",
] as const;
export type OrderActionType = (typeof ORDER_ACTIONS)[number];

type NoPayload = Record<never, never>;

/** Units of one order line leaving in a package. */
export interface ShipUnit {
  orderLineId: string;
  quantity: number;
}

/** The data each action carries besides its `type`. */
export interface OrderActionPayloads {
  AUTHORIZE_PAYMENT: NoPayload;
  MARK_PAID: NoPayload;
  SEND_TO_FRAUD_REVIEW: NoPayload;
  APPROVE: NoPayload;
  /** Why the fraud review rejected the order (optional, goes to the timeline). */
  REJECT: { reason?: string };
  ALLOCATE: NoPayload;
  BACKORDER: NoPayload;
  /**
   * Give back the order's stock and allocate it again (a warehouse that cannot
   * fulfil it, an address that changed): why (non-empty), and the warehouses
   * it must not ship from.
   */
  REALLOCATE: { reason: string; excludeWarehouseIds?: string[] };
  /**
   * An order still waiting for its payment gives its reserved stock back (the boleto that will not be
   * paid): why (non-empty). The expiry job (expire-unpaid-reservations.ts) sends it after the merchant's
   * limit; an operator may send it earlier. Approval reserves again once the payment arrives.
   */
  EXPIRE_RESERVATION: { reason: string };
  START_PICKING: NoPayload;
  /** Whether the short line could be re-allocated from other stock. */
  SHORT_PICK: { reallocated: boolean };
  PACK: NoPayload;
  /** The NF-e number (1–9 digits) and, when given, its series (1–3 digits): nfe-number.ts. */
  INVOICE: { invoiceNumber: string; invoiceSeries?: string };
  /**
   * A shipment of one package (create-shipment.ts): its number and exactly the
   * units it holds per order line; the stock hook consumes those and nothing
   * else. Without units (an ADMIN's SHIP on the order page) every ACTIVE
   * reservation of the order is consumed.
   */
  SHIP: { packageNumber?: number; units?: readonly ShipUnit[] };
  DELIVER: NoPayload;
  REQUEST_RETURN: { reason?: string };
  COMPLETE_RETURN: NoPayload;
  /** The return will not come back (the customer kept the goods, the request was outside the return window): why. */
  WITHDRAW_RETURN: { reason: string };
  /** Why the order is cancelled (non-empty). */
  CANCEL: { reason: string };
  HOLD: { reason: HoldReason; note?: string };
  RELEASE: { reason: HoldReason };
  /**
   * A refund the channel reports (record-refund.ts dedupes it by its id first): its amount, the order's refunded
   * total with it and the order total, from which the payment status follows. The stage does not move.
   */
  RECORD_REFUND: {
    externalRefundId: string;
    amountCents: number;
    refundedTotalCents: number;
    orderTotalCents: number;
    reason?: string;
    currency?: string | null;
    refundedAt?: string | null;
    lines?: { externalLineId?: string; sku?: string; quantity: number; restock: boolean }[];
  };
  /** The channel's own refund status for the order, when it differs from what Fluxo computed (it knows of refunds we were never sent). */
  CHANNEL_PAYMENT_STATUS: { paymentStatus: "PARTIALLY_REFUNDED" | "REFUNDED" };
  /**
   * Money received on an order Fluxo has cancelled (a boleto or PIX paid after the cancel, an authorization captured
   * after it was voided): the payment status it reached. The channel reports it (update-channel-order.ts), or a person
   * records it from the order page (note: how it arrived, for the timeline). The order stays CANCELLED and owes a refund.
   */
  PAID_AFTER_CANCEL: { paymentStatus: "PAID" | "PARTIALLY_PAID"; note?: string };
}

/** The action of one type (or of a union of types), e.g. OrderActionOf<"HOLD">. */
export type OrderActionOf<K extends OrderActionType> = {
  [P in K]: { type: P } & OrderActionPayloads[P];
}[K];

/** Discriminated union of every action, on `type`. */
export type OrderAction = OrderActionOf<OrderActionType>;

export function isOrderActionType(value: unknown): value is OrderActionType {
  return typeof value === "string" && (ORDER_ACTIONS as readonly string[]).includes(value);
}

/** Actions only the channels' own documents perform (system actors): never offered to a person. */
export const CHANNEL_ONLY_ACTIONS = ["RECORD_REFUND", "CHANNEL_PAYMENT_STATUS"] as const satisfies readonly OrderActionType[];
export type ChannelOnlyAction = (typeof CHANNEL_ONLY_ACTIONS)[number];
/** What a person may ask for (the order router's act and bulk). */
export type PersonOrderAction = Exclude<OrderAction, { type: ChannelOnlyAction }>;

/** Who records money received by hand: MARK_PAID, and PAID_AFTER_CANCEL when the order was cancelled before it arrived. */
const PAYMENT_RECORDERS: readonly Role[] = ["ADMIN", "OPERATOR"];

/**
 * Who may do what. ADMIN may do everything a person may; DELIVER is otherwise
 * left to automation (carrier tracking) acting as ADMIN. Refunds come from the
 * channels (system actors, no role check). Money arriving on a cancelled order
 * (PAID_AFTER_CANCEL) comes from a channel or from the people who mark orders
 * paid (the same roles as MARK_PAID).
 */
export const ACTION_ROLES: Readonly<Record<OrderActionType, readonly Role[]>> = {
  AUTHORIZE_PAYMENT: ["ADMIN", "OPERATOR"],
  MARK_PAID: PAYMENT_RECORDERS,
  SEND_TO_FRAUD_REVIEW: ["ADMIN", "OPERATOR"],
  APPROVE: ["ADMIN", "OPERATOR", "MANAGER"],
  REJECT: ["ADMIN", "OPERATOR", "MANAGER"],
  ALLOCATE: ["ADMIN", "OPERATOR", "WAREHOUSE"],
  BACKORDER: ["ADMIN", "OPERATOR"],
  REALLOCATE: ["ADMIN", "OPERATOR"],
  EXPIRE_RESERVATION: ["ADMIN", "OPERATOR"],
  START_PICKING: ["ADMIN", "WAREHOUSE"],
  SHORT_PICK: ["ADMIN", "WAREHOUSE"],
  PACK: ["ADMIN", "WAREHOUSE"],
  INVOICE: ["ADMIN", "OPERATOR"],
  SHIP: ["ADMIN", "WAREHOUSE"],
  DELIVER: ["ADMIN"],
  REQUEST_RETURN: ["ADMIN", "OPERATOR"],
  COMPLETE_RETURN: ["ADMIN", "WAREHOUSE"],
  WITHDRAW_RETURN: ["ADMIN", "OPERATOR"],
  CANCEL: ["ADMIN", "OPERATOR", "MANAGER"],
  HOLD: ["ADMIN", "OPERATOR", "MANAGER"],
  RELEASE: ["ADMIN", "OPERATOR", "MANAGER"],
  RECORD_REFUND: [],
  CHANNEL_PAYMENT_STATUS: [],
  PAID_AFTER_CANCEL: PAYMENT_RECORDERS,
};

export function roleMayPerform(role: Role, action: OrderActionType): boolean {
  return ACTION_ROLES[action].includes(role);
}
