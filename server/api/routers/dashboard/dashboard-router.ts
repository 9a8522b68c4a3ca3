import { z } from "zod";
import { protectedProcedure, router } from "@/server/api/trpc";
import { getDashboardFor } from "@/server/services/dashboard/dashboard-for-actor";
import { ORDER_STATUSES } from "@/server/services/order/order-state-machine";

const count = { count: z.number().int(), capped: z.boolean() };

/** Revenue (daily revenueCents, otherCurrencies) is absent for the roles that may not see money (REVENUE_ROLES). */
export const dashboardOutput = z.object({
  currency: z.string(),
  byStatus: z.array(z.object({ status: z.enum(ORDER_STATUSES), ...count })),
  byChannel: z.array(z.object({ channelId: z.string(), name: z.string(), platform: z.string(), ...count })),
  daily: z.array(z.object({ day: z.string(), orders: z.number().int(), revenueCents: z.number().int().optional() })),
  otherCurrencies: z.array(z.object({ currency: z.string(), revenueCents: z.number().int() })).optional(),
  revenueVisible: z.boolean(),
});

export const dashboardRouter = router({
  get: protectedProcedure.output(dashboardOutput).query(({ ctx }) => getDashboardFor({ actor: ctx.user })),
});
