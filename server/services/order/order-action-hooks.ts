/**
 * What else happens when an order moves: the place where later steps plug in
 * (stock on cancel/approve, picking, invoice, shipment…). A hook runs in the
 * transition's transaction, after the state change is written, and may chain
 * a follow-up action (e.g. APPROVE → ALLOCATE when every line is reserved).
 */
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/services/order/actor";
import type { ActionResult } from "@/server/services/order/apply-order-action";
import type { AllowedDecision, OrderAction, OrderActionType } from "@/server/services/order/order-state-machine";

export interface HookContext {
  orderId: string;
  action: OrderAction;
  decision: AllowedDecision;
  actor: Actor;
  result: ActionResult;
}

export type ActionHook = (tx: DbTx, ctx: HookContext) => Promise<ActionResult | void>;

const hooks: Partial<Record<OrderActionType, ActionHook[]>> = {};

export function onOrderAction(type: OrderActionType, hook: ActionHook): void {
  (hooks[type] ??= []).push(hook);
}

export async function runActionHooks(tx: DbTx, ctx: HookContext): Promise<ActionResult | undefined> {
  let result: ActionResult | undefined;
  for (const hook of hooks[ctx.action.type] ?? []) {
    const r = await hook(tx, { ...ctx, result: result ?? ctx.result });
    if (r) result = r;
  }
  return result;
}
