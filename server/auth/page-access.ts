/**
 * Which roles may open which area. The sidebar and the pages read this one
 * table; tRPC procedures declare their own roles (server/api/routers/*).
 * Areas not built yet are simply absent. The order here is the sidebar's: the day's work from the
 * order to the shipment, the admin's settings last (insert a new area where it belongs in that flow).
 */
import type { Role } from "@/server/lib/roles";

export const AREAS = {
  dashboard: { href: "/", roles: ["ADMIN", "OPERATOR", "WAREHOUSE", "MANAGER"] },
  orders: { href: "/orders", roles: ["OPERATOR", "MANAGER", "ADMIN"] },
  customers: { href: "/customers", roles: ["OPERATOR", "MANAGER", "ADMIN"] },
  exceptions: { href: "/exceptions", roles: ["OPERATOR", "WAREHOUSE", "MANAGER", "ADMIN"] },
  deliveries: { href: "/deliveries", roles: ["ADMIN", "OPERATOR", "MANAGER"] },
  products: { href: "/products", roles: ["ADMIN", "OPERATOR", "MANAGER", "WAREHOUSE"] },
  stock: { href: "/stock", roles: ["WAREHOUSE", "OPERATOR", "MANAGER", "ADMIN"] },
  picking: { href: "/picking", roles: ["WAREHOUSE", "ADMIN"] },
  packing: { href: "/packing", roles: ["WAREHOUSE", "ADMIN"] },
  shipments: { href: "/shipments", roles: ["WAREHOUSE", "OPERATOR", "MANAGER", "ADMIN"] },
  returns: { href: "/returns", roles: ["WAREHOUSE", "OPERATOR", "MANAGER", "ADMIN"] },
  settings: { href: "/settings", roles: ["ADMIN"] },
} as const satisfies Record<string, { href: string; roles: readonly Role[] }>;

export type Area = keyof typeof AREAS;

export function canOpen(area: Area, role: Role): boolean {
  return (AREAS[area].roles as readonly Role[]).includes(role);
}

export function areasFor(role: Role): { area: Area; href: string }[] {
  return (Object.keys(AREAS) as Area[]).filter((a) => canOpen(a, role)).map((a) => ({ area: a, href: AREAS[a].href }));
}
