/**
 * The user roles of Fluxo. What each role may do to an order is decided next to
 * the order state machine (server/services/order/order-actions.ts, ACTION_ROLES).
 */
export const ROLES = ["ADMIN", "OPERATOR", "WAREHOUSE", "MANAGER"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
