/**
 * Who may do what with shipments. tRPC procedures and route handlers declare
 * these; services assert them again (route handlers call services without tRPC).
 * Warehouse staff see shipments and the recipient on the label, never the
 * orders workspace (customer data).
 */
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import type { Role } from "@/server/lib/roles";

export const SHIPMENT_VIEW_ROLES = ["WAREHOUSE", "OPERATOR", "MANAGER", "ADMIN"] as const satisfies readonly Role[];
export const SHIPMENT_CREATE_ROLES = ["WAREHOUSE", "ADMIN"] as const satisfies readonly Role[];
export const LABEL_ROLES = ["WAREHOUSE", "OPERATOR", "ADMIN"] as const satisfies readonly Role[];
export const TRACKING_ENTRY_ROLES = ["WAREHOUSE", "OPERATOR", "ADMIN"] as const satisfies readonly Role[];
export const DELAY_CHECK_ROLES = ["OPERATOR", "ADMIN"] as const satisfies readonly Role[];
export const CARRIER_ADMIN_ROLES = ["ADMIN"] as const satisfies readonly Role[];

export function hasRole(roles: readonly Role[], user: SessionUser): boolean {
  return roles.includes(user.role);
}

export function assertRole(roles: readonly Role[], user: SessionUser, what: string): void {
  if (!hasRole(roles, user)) throw new DomainError("FORBIDDEN", `A ${user.role} may not ${what}.`);
}
