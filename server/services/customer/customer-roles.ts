/** Who may see customers: whoever works with orders (the orders area's roles). The customer router declares these. */
import type { Role } from "@/server/lib/roles";

export const CUSTOMER_READ_ROLES = ["OPERATOR", "MANAGER", "ADMIN"] as const satisfies readonly Role[];
