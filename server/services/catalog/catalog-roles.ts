/**
 * Who may see and who may change the catalogue. The catalog router declares
 * these (server-side); pages read them to hide what a role cannot do.
 */
import type { Role } from "@/server/lib/roles";

export const CATALOG_READ_ROLES = ["ADMIN", "OPERATOR", "MANAGER", "WAREHOUSE"] as const satisfies readonly Role[];
export const CATALOG_WRITE_ROLES = ["ADMIN", "OPERATOR"] as const satisfies readonly Role[];

export function mayEditCatalog(role: Role): boolean {
  return (CATALOG_WRITE_ROLES as readonly Role[]).includes(role);
}
