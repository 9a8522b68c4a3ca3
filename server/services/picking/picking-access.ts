/** Who works with pick lists: warehouse staff and admins (no customer data is shown to them). */
import type { Role } from "@/server/lib/roles";

export const PICKING_ROLES = ["WAREHOUSE", "ADMIN"] as const satisfies readonly Role[];

export function mayPick(role: Role): boolean {
  return (PICKING_ROLES as readonly Role[]).includes(role);
}
