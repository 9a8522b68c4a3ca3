import { z } from "zod";
import { protectedProcedure, roleProcedure, router } from "@/server/api/trpc";
import { getMerchantSettings, settingsInput, updateMerchantSettings } from "@/server/services/settings/merchant-settings";
import { expireUnpaidReservations } from "@/server/services/order/expire-unpaid-reservations";
import { setUserLocale } from "@/server/services/settings/user-locale";
import { listWarehouseAddresses, updateWarehouseAddress, warehouseAddressInput } from "@/server/services/settings/warehouse-address";

const warehouseOutput = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  city: z.string(),
  state: z.string(),
  active: z.boolean(),
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  district: z.string().nullable(),
  postalCode: z.string().nullable(),
});

const settingsOutput = z.object({
  companyName: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  backorderPolicy: z.enum(["BACKORDER", "HOLD"]),
  allowSplitShipments: z.boolean(),
  unpaidReservationHours: z.number().int().nullable(),
});

const expiryOutput = z.object({
  hours: z.number().int().nullable(),
  orders: z.number().int(),
  units: z.number().int(),
  skipped: z.number().int(),
  more: z.boolean(),
});

export const settingsRouter = router({
  get: protectedProcedure.output(settingsOutput).query(() => getMerchantSettings()),
  update: roleProcedure("ADMIN")
    .input(settingsInput)
    .output(settingsOutput)
    .mutation(({ ctx, input }) => updateMerchantSettings({ actor: ctx.user, input })),
  /** "Give back unpaid stock now" on the settings page: the expiry job, run by an admin. */
  expireUnpaid: roleProcedure("ADMIN")
    .output(expiryOutput)
    .mutation(({ ctx }) => expireUnpaidReservations({ actor: ctx.user })),
  /** The warehouses and their sender address (printed on shipping labels), for the settings page. */
  warehouses: roleProcedure("ADMIN").output(z.array(warehouseOutput)).query(() => listWarehouseAddresses()),
  updateWarehouseAddress: roleProcedure("ADMIN")
    .input(warehouseAddressInput)
    .output(warehouseOutput)
    .mutation(({ ctx, input }) => updateWarehouseAddress({ actor: ctx.user, input })),
  setMyLocale: protectedProcedure
    .input(z.object({ locale: z.enum(["en", "pt-BR"]) }))
    .output(z.object({ locale: z.string() }))
    .mutation(({ ctx, input }) => setUserLocale({ actor: ctx.user, locale: input.locale })),
});
