/**
 * Who works the returns desk (/returns). Everyone who follows returns may see
 * the orders waiting for their goods; recording the arrival completes the
 * return, so it takes the roles the state machine gives COMPLETE_RETURN
 * (server/services/order/order-actions.ts, ACTION_ROLES) — one source of truth.
 */
import { DomainError } from "@/server/lib/domain-error";
import type { Role } from "@/server/lib/roles";
import { ACTION_ROLES } from "@/server/services/order/order-actions";

export const RETURN_VIEW_ROLES = ["WAREHOUSE", "OPERATOR", "MANAGER", "ADMIN"] as const satisfies readonly Role[];

export const RETURN_COMPLETE_ROLES: readonly Role[] = ACTION_ROLES.COMPLETE_RETURN;

export function mayCompleteReturns(role: Role): boolean {
  return RETURN_COMPLETE_ROLES.includes(role);
}

export function assertReturnRole(roles: readonly Role[], role: Role, what: string): void {
  if (!roles.includes(role)) throw new DomainError("FORBIDDEN", `A ${role} may not ${what}.`);
}
