/**
 * Who may read the orders workspace (list, counts, detail, export). Warehouse
 * staff work from pick lists and the pack station, never from customer data.
 * The tRPC procedures declare these roles; services assert them again because
 * the CSV route handler calls a service without tRPC.
 */
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import type { Role } from "@/server/lib/roles";

export const ORDER_VIEW_ROLES = ["OPERATOR", "MANAGER", "ADMIN"] as const satisfies readonly Role[];

export function mayViewOrders(role: Role): boolean {
  return (ORDER_VIEW_ROLES as readonly Role[]).includes(role);
}

export function assertMayViewOrders(actor: SessionUser): void {
  if (!mayViewOrders(actor.role)) throw new DomainError("FORBIDDEN", `A ${actor.role} may not open orders.`);
}
