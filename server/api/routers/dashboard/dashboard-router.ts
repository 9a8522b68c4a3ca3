import { z } from "zod";
import { protectedProcedure, router } from "@/server/api/trpc";
import { getDashboardFor } from "@/server/services/dashboard/dashboard-for-actor";
import { DASHBOARD_PERIODS, DEFAULT_DASHBOARD_PERIOD, dashboardPeriodSchema } from "@/server/services/dashboard/dashboard-period";
import { ORDER_STATUSES } from "@/server/services/order/order-state-machine";

const count = { count: z.number().int(), capped: z.boolean() };

/** Revenue (daily revenueCents, otherCurrencies) is absent for the roles that may not see money (REVENUE_ROLES). */
export const dashboardOutput = z.object({
  currency: z.string(),
  byStatus: z.array(z.object({ status: z.enum(ORDER_STATUSES), ...count })),
  byChannel: z.array(z.object({ channelId: z.string(), name: z.string(), platform: z.string(), ...count })),
  daily: z.array(z.object({ day: z.string(), orders: z.number().int(), revenueCents: z.number().int().optional() })),
  otherCurrencies: z.array(z.object({ currency: z.string(), revenueCents: z.number().int() })).optional(),
  period: z.object({ key: z.enum(DASHBOARD_PERIODS), from: z.iso.date(), to: z.iso.date(), previousFrom: z.iso.date(), previousTo: z.iso.date() }),
  orders: z.number().int(),
  revenueCents: z.number().int().optional(),
  previous: z.object({ orders: z.number().int(), revenueCents: z.number().int().optional() }),
  revenueVisible: z.boolean(),
  attention: z.object({ onHold: z.object(count), overdue: z.object(count) }).optional(),
});

/** An unknown period is refused (BAD_REQUEST); the page falls back to the default and says so. */
export const dashboardInput = z.object({ period: dashboardPeriodSchema.default(DEFAULT_DASHBOARD_PERIOD) }).default({ period: DEFAULT_DASHBOARD_PERIOD });

export const dashboardRouter = router({
  get: protectedProcedure
    .input(dashboardInput)
    .output(dashboardOutput)
    .query(({ ctx, input }) => getDashboardFor({ actor: ctx.user, period: input.period })),
});
