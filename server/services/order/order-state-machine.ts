/**
 * The order pipeline state machine. Pure: it reads an OrderSnapshot and an
 * action and returns a Decision; the caller persists the decision and writes
 * its timeline event. The rules live in TRANSITION_TABLE (order-transitions.ts).
 *
 * decide() checks, in this order, and stops at the first failure:
 *   1. the action type is known                         → VALIDATION
 *   2. the current stage is one the action starts from  → INVALID_TRANSITION
 *   3. no active hold, unless the action is exempt
 *      (HOLD, RELEASE, CANCEL, MARK_PAID)               → ORDER_ON_HOLD
 *   4. the payload is well-formed                       → VALIDATION
 *   5. the rule's guards on the order, then on the
 *      payload (e.g. HOLD of an already-active reason)  → GUARD_FAILED
 * Every message names the action and the current stage; params always carry
 * { current, action } (plus rule / holds / field) for the UI to translate.
 */
import { DomainError } from "@/server/lib/domain-error";
import type { Role } from "@/server/lib/roles";
import { ORDER_ACTIONS, isOrderActionType, roleMayPerform, type OrderAction, type OrderActionOf, type OrderActionType } from "./order-actions";
import type { FulfillmentStatus, HoldReason, OrderSnapshot, OrderStatus, PaymentStatus } from "./order-dimensions";
import { TRANSITION_TABLE, type StageRule, type TransitionRule } from "./order-transitions";

export * from "./order-dimensions";
export * from "./order-actions";
export * from "./order-transitions";

export interface TimelineEventDraft {
  /** e.g. "order.approved", "order.held". */
  type: string;
  from: OrderStatus;
  to: OrderStatus;
  reason?: string;
  data?: Record<string, unknown>;
}

export type DecisionErrorCode = "INVALID_TRANSITION" | "ORDER_ON_HOLD" | "GUARD_FAILED" | "VALIDATION";

export type Decision =
  | {
      ok: true;
      from: OrderStatus;
      to: OrderStatus;
      paymentStatus: PaymentStatus;
      fulfillmentStatus: FulfillmentStatus;
      holdsAdded: HoldReason[];
      holdsReleased: HoldReason[];
      event: TimelineEventDraft;
      refundDue?: boolean;
    }
  | {
      ok: false;
      code: DecisionErrorCode;
      message: string;
      current: OrderStatus;
      params: Record<string, string | number>;
    };

export type AllowedDecision = Extract<Decision, { ok: true }>;
export type RefusedDecision = Extract<Decision, { ok: false }>;

function refuse(
  snapshot: OrderSnapshot,
  action: string,
  code: DecisionErrorCode,
  message: string,
  extra: Record<string, string | number> = {},
): RefusedDecision {
  return { ok: false, code, message, current: snapshot.status, params: { current: snapshot.status, action, ...extra } };
}

/** Steps 2, 3 and the order guards of step 5: everything that does not need the payload. */
function checkStage(rule: StageRule, snapshot: OrderSnapshot): RefusedDecision | null {
  const { action } = rule;
  const current = snapshot.status;
  if (!rule.from.includes(current)) {
    const refusal = rule.refusals?.[current];
    return refusal
      ? refuse(snapshot, action, "INVALID_TRANSITION", `Cannot ${action} an order that is ${current}: ${refusal.message}`, { rule: refusal.rule })
      : refuse(snapshot, action, "INVALID_TRANSITION", `Cannot ${action}: order is ${current}`);
  }
  if (snapshot.activeHolds.length > 0 && rule.allowedOnHold !== true) {
    const holds = snapshot.activeHolds.join(", ");
    return refuse(snapshot, action, "ORDER_ON_HOLD", `Cannot ${action}: order is ${current} and on hold (${holds})`, {
      holds: snapshot.activeHolds.join(","),
    });
  }
  for (const guard of rule.guards ?? []) {
    if (!guard.test(snapshot)) {
      return refuse(snapshot, action, "GUARD_FAILED", `Cannot ${action} an order that is ${current}: ${guard.message(snapshot)}`, {
        rule: guard.id,
      });
    }
  }
  return null;
}

function decideWith<K extends OrderActionType>(type: K, snapshot: OrderSnapshot, action: OrderActionOf<K>): Decision {
  const rule: TransitionRule<K> = TRANSITION_TABLE[type];
  const current = snapshot.status;

  const stageRefusal = checkStage(rule, snapshot);
  if (stageRefusal) return stageRefusal;

  const invalid = rule.validate?.(action);
  if (invalid) {
    return refuse(snapshot, type, "VALIDATION", `Cannot ${type} an order that is ${current}: ${invalid.message}`, { field: invalid.field });
  }

  for (const guard of rule.actionGuards ?? []) {
    if (!guard.test(snapshot, action)) {
      return refuse(snapshot, type, "GUARD_FAILED", `Cannot ${type} an order that is ${current}: ${guard.message(snapshot, action)}`, {
        rule: guard.id,
      });
    }
  }

  const to = typeof rule.to === "function" ? rule.to(snapshot, action) : rule.to;
  const effects = rule.effects?.(snapshot, action) ?? {};
  const paymentStatus = effects.paymentStatus ?? snapshot.paymentStatus;
  const fulfillmentStatus = effects.fulfillmentStatus ?? snapshot.fulfillmentStatus;

  const data: Record<string, unknown> = { ...rule.eventData?.(snapshot, action) };
  if (paymentStatus !== snapshot.paymentStatus) data.payment = { from: snapshot.paymentStatus, to: paymentStatus };
  if (fulfillmentStatus !== snapshot.fulfillmentStatus) {
    data.fulfillment = { from: snapshot.fulfillmentStatus, to: fulfillmentStatus };
  }
  if (effects.refundDue) data.refundDue = true;

  const event: TimelineEventDraft = {
    type: typeof rule.event === "function" ? rule.event(snapshot, action) : rule.event,
    from: current,
    to,
  };
  const reason = rule.eventReason?.(action);
  if (reason !== undefined) event.reason = reason;
  if (Object.keys(data).length > 0) event.data = data;

  const decision: AllowedDecision = {
    ok: true,
    from: current,
    to,
    paymentStatus,
    fulfillmentStatus,
    holdsAdded: effects.holdsAdded ?? [],
    holdsReleased: effects.holdsReleased ?? [],
    event,
  };
  if (effects.refundDue) decision.refundDue = true;
  return decision;
}

/** Whether `action` may be applied to the order now, and if so what it changes. Never throws. */
export function decide(snapshot: OrderSnapshot, action: OrderAction): Decision {
  // Actions may come from untyped input (tRPC, jobs): refuse unknown types instead of crashing.
  const type: unknown = typeof action === "object" && action !== null ? (action as { type?: unknown }).type : undefined;
  if (!isOrderActionType(type)) {
    return refuse(snapshot, String(type), "VALIDATION", `Cannot apply unknown action ${String(type)}: order is ${snapshot.status}`);
  }
  return decideWith(action.type, snapshot, action);
}

/** decide(), throwing a DomainError (code, message, params { current, action, … }) when refused. */
export function assertTransition(snapshot: OrderSnapshot, action: OrderAction): AllowedDecision {
  const decision = decide(snapshot, action);
  if (!decision.ok) throw new DomainError(decision.code, decision.message, decision.params);
  return decision;
}

/**
 * The actions that are legal now and that `role` may perform, in ORDER_ACTIONS
 * order. Payloads are not considered: HOLD is offered while some reason is not
 * yet active, RELEASE while some hold is active.
 */
export function availableActions(snapshot: OrderSnapshot, role: Role): OrderActionType[] {
  return ORDER_ACTIONS.filter((type) => roleMayPerform(role, type) && checkStage(TRANSITION_TABLE[type], snapshot) === null);
}
