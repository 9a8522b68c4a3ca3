/**
 * Who may see customers: whoever works with orders (the orders area's roles);
 * who may correct one (name, phone, CPF/CNPJ): customer service, i.e. OPERATOR
 * and ADMIN. The customer router declares these (server-side); pages read them
 * to hide what a role cannot do.
 */
import type { Role } from "@/server/lib/roles";

export const CUSTOMER_READ_ROLES = ["OPERATOR", "MANAGER", "ADMIN"] as const satisfies readonly Role[];
export const CUSTOMER_EDIT_ROLES = ["OPERATOR", "ADMIN"] as const satisfies readonly Role[];

export function mayEditCustomer(role: Role): boolean {
  return (CUSTOMER_EDIT_ROLES as readonly Role[]).includes(role);
}
