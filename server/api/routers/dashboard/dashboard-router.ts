import { z } from "zod";
import { protectedProcedure, router } from "@/server/api/trpc";
import { getDashboard } from "@/server/services/dashboard/get-dashboard";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { ORDER_STATUSES } from "@/server/services/order/order-state-machine";

const count = { count: z.number().int(), capped: z.boolean() };

export const dashboardOutput = z.object({
  currency: z.string(),
  byStatus: z.array(z.object({ status: z.enum(ORDER_STATUSES), ...count })),
  byChannel: z.array(z.object({ channelId: z.string(), name: z.string(), platform: z.string(), ...count })),
  daily: z.array(z.object({ day: z.string(), orders: z.number().int(), revenueCents: z.number().int() })),
  otherCurrencies: z.array(z.object({ currency: z.string(), revenueCents: z.number().int() })),
});

export const dashboardRouter = router({
  get: protectedProcedure.output(dashboardOutput).query(async () => {
    const settings = await getMerchantSettings();
    return getDashboard({ timeZone: settings.timeZone, currency: settings.currency });
  }),
});
