/**
 * The shape of a transition rule (see TRANSITION_TABLE in order-transitions.ts).
 */
import type { FulfillmentStatus, HoldReason, OrderSnapshot, OrderStatus, PaymentStatus } from "./order-dimensions";
import type { OrderActionOf, OrderActionType } from "./order-actions";

/** Why something is refused: a stable id for the UI (params.rule) and an English explanation. */
export interface RuleFailure {
  rule: string;
  message: string;
}

/** A condition on the order alone (no payload), so availableActions() can evaluate it too. */
export interface StateGuard {
  id: string;
  test: (snapshot: OrderSnapshot) => boolean;
  /** Completes "Cannot <ACTION> an order that is <STATUS>: …". */
  message: (snapshot: OrderSnapshot) => string;
}

/** A condition that also depends on the action's payload (e.g. which hold reason). */
export interface ActionGuard<K extends OrderActionType> {
  id: string;
  test: (snapshot: OrderSnapshot, action: OrderActionOf<K>) => boolean;
  message: (snapshot: OrderSnapshot, action: OrderActionOf<K>) => string;
}

/** Changes besides the stage; anything left out stays as it was. */
export interface TransitionEffects {
  paymentStatus?: PaymentStatus;
  fulfillmentStatus?: FulfillmentStatus;
  holdsAdded?: HoldReason[];
  holdsReleased?: HoldReason[];
  /** Money was captured and the order will not be fulfilled: a refund must follow. */
  refundDue?: true;
}

/** The payload-independent part of a rule: enough to say whether an action is possible now. */
export interface StageRule<K extends OrderActionType = OrderActionType> {
  action: K;
  /** The stages the action may start from. */
  from: readonly OrderStatus[];
  /** Exempt from the "order on hold" block (HOLD, RELEASE, CANCEL, MARK_PAID). */
  allowedOnHold?: boolean;
  /** Specific explanations for stages outside `from` (default: "Cannot X: order is Y"). */
  refusals?: Partial<Record<OrderStatus, RuleFailure>>;
  guards?: readonly StateGuard[];
}

export interface TransitionRule<K extends OrderActionType> extends StageRule<K> {
  /** The stage after the action; a function when it depends on the order or the payload. */
  to: OrderStatus | ((snapshot: OrderSnapshot, action: OrderActionOf<K>) => OrderStatus);
  /** Timeline event type, e.g. "order.approved". */
  event: string | ((snapshot: OrderSnapshot, action: OrderActionOf<K>) => string);
  /** Checks the payload's shape; returns what is wrong, or null. */
  validate?: (action: OrderActionOf<K>) => { field: string; message: string } | null;
  actionGuards?: readonly ActionGuard<K>[];
  effects?: (snapshot: OrderSnapshot, action: OrderActionOf<K>) => TransitionEffects;
  /** The "why" for the timeline event. */
  eventReason?: (action: OrderActionOf<K>) => string | undefined;
  eventData?: (snapshot: OrderSnapshot, action: OrderActionOf<K>) => Record<string, unknown>;
}

export type TransitionTable = { readonly [K in OrderActionType]: TransitionRule<K> };
export type AnyTransitionRule = TransitionTable[OrderActionType];
