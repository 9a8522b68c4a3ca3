/**
 * The dashboard as one user may see it: counts for everyone who opens it, money (revenue received) only for
 * the roles in REVENUE_ROLES — the warehouse team gets the figures without the revenue, not a hidden card.
 */
import type { SessionUser } from "@/server/auth/options";
import type { Role } from "@/server/lib/roles";
import type { DashboardPeriod } from "@/server/services/dashboard/dashboard-period";
import { getDashboard, type CappedCount, type DashboardData } from "@/server/services/dashboard/get-dashboard";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { countOrders } from "@/server/services/order/count-orders";
import { mayViewOrders } from "@/server/services/order/order-access";

export const REVENUE_ROLES: readonly Role[] = ["ADMIN", "MANAGER", "OPERATOR"];

export function canSeeRevenue(role: Role): boolean {
  return REVENUE_ROLES.includes(role);
}

export interface DashboardView {
  currency: string;
  byStatus: DashboardData["byStatus"];
  byChannel: DashboardData["byChannel"];
  /** revenueCents only when `revenueVisible`. */
  daily: { day: string; orders: number; revenueCents?: number }[];
  /** Only when `revenueVisible`. */
  otherCurrencies?: DashboardData["otherCurrencies"];
  period: DashboardData["period"];
  /** Orders placed in the period. */
  orders: number;
  /** Only when `revenueVisible`. */
  revenueCents?: number;
  /** The period before: revenueCents only when `revenueVisible`. */
  previous: { orders: number; revenueCents?: number };
  revenueVisible: boolean;
  /**
   * Orders needing attention now (any period), counted as the orders list counts its filters `onHold=true` and
   * `overdue=true` (countOrders, capped alike), so each figure is what its link opens. Only for the roles that may
   * open the orders list.
   */
  attention?: { onHold: CappedCount; overdue: CappedCount };
}

async function attentionFor(actor: SessionUser, now: Date | undefined): Promise<DashboardView["attention"]> {
  if (!mayViewOrders(actor.role)) return undefined;
  // One after the other: the embedded database runs one statement at a time anyway.
  const onHold = await countOrders({ actor, filter: { onHold: true }, now });
  const overdue = await countOrders({ actor, filter: { overdue: true }, now });
  return { onHold: onHold.total, overdue: overdue.total };
}

export async function getDashboardFor(opts: { actor: SessionUser; period?: DashboardPeriod; now?: Date }): Promise<DashboardView> {
  const settings = await getMerchantSettings();
  const data = await getDashboard({ timeZone: settings.timeZone, currency: settings.currency, period: opts.period, now: opts.now });
  const attention = await attentionFor(opts.actor, opts.now);
  if (canSeeRevenue(opts.actor.role)) return { ...data, revenueVisible: true, ...(attention && { attention }) };
  return {
    currency: data.currency,
    byStatus: data.byStatus,
    byChannel: data.byChannel,
    daily: data.daily.map(({ day, orders }) => ({ day, orders })),
    period: data.period,
    orders: data.orders,
    previous: { orders: data.previous.orders },
    revenueVisible: false,
    ...(attention && { attention }),
  };
}
