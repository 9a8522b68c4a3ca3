/** Carrier management (ADMIN only): the one place the tracking token is returned. */
import { roleProcedure, router } from "@/server/api/trpc";
import { carrierAdminOutput } from "@/server/api/routers/shipping/shipping-schemas";
import { createCarrier, createCarrierInput } from "@/server/services/shipping/create-carrier";
import { listCarriers } from "@/server/services/shipping/list-carriers";
import { CARRIER_ADMIN_ROLES } from "@/server/services/shipping/shipping-roles";
import { updateCarrier, updateCarrierInput } from "@/server/services/shipping/update-carrier";

const admin = roleProcedure(...CARRIER_ADMIN_ROLES);

export const carrierRouter = router({
  list: admin.output(carrierAdminOutput.array()).query(({ ctx }) => listCarriers({ actor: ctx.user })),
  create: admin
    .input(createCarrierInput)
    .output(carrierAdminOutput)
    .mutation(({ ctx, input }) => createCarrier({ actor: ctx.user, input })),
  update: admin
    .input(updateCarrierInput)
    .output(carrierAdminOutput)
    .mutation(({ ctx, input }) => updateCarrier({ actor: ctx.user, input })),
});
