/**
 * The dashboard as one user may see it: counts for everyone who opens it, money (revenue received) only for
 * the roles in REVENUE_ROLES — the warehouse team gets the figures without the revenue, not a hidden card.
 */
import type { SessionUser } from "@/server/auth/options";
import type { Role } from "@/server/lib/roles";
import { getDashboard, type DashboardData } from "@/server/services/dashboard/get-dashboard";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";

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
  revenueVisible: boolean;
}

export async function getDashboardFor(opts: { actor: SessionUser; now?: Date }): Promise<DashboardView> {
  const settings = await getMerchantSettings();
  const data = await getDashboard({ timeZone: settings.timeZone, currency: settings.currency, now: opts.now });
  if (canSeeRevenue(opts.actor.role)) return { ...data, revenueVisible: true };
  return {
    currency: data.currency,
    byStatus: data.byStatus,
    byChannel: data.byChannel,
    daily: data.daily.map(({ day, orders }) => ({ day, orders })),
    revenueVisible: false,
  };
}
