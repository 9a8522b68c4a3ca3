/**
 * The pack station (dispatch validation / conferência): open an order's
 * package, scan every unit, close it. Warehouse staff and admins only.
 */
import { roleProcedure, router } from "@/server/api/trpc";
import {
  closeInput,
  closeOutput,
  getInput,
  packageOutput,
  scanInput,
  scanOutput,
  startInput,
  startOutput,
} from "@/server/api/routers/packing/packing-schemas";
import { closePackage } from "@/server/services/packing/close-package";
import { getPackage } from "@/server/services/packing/get-package";
import { PACKING_ROLES } from "@/server/services/packing/packing-access";
import { recordScan } from "@/server/services/packing/record-scan";
import { startPacking } from "@/server/services/packing/start-packing";

const packProcedure = roleProcedure(...PACKING_ROLES);

export const packingRouter = router({
  start: packProcedure
    .input(startInput)
    .output(startOutput)
    .mutation(({ ctx, input }) => startPacking({ actor: ctx.user, code: input.code })),
  scan: packProcedure
    .input(scanInput)
    .output(scanOutput)
    .mutation(({ ctx, input }) => recordScan({ actor: ctx.user, packageId: input.packageId, code: input.code })),
  close: packProcedure
    .input(closeInput)
    .output(closeOutput)
    .mutation(({ ctx, input }) => closePackage({ actor: ctx.user, packageId: input.packageId, box: input.box, override: input.override })),
  get: packProcedure
    .input(getInput)
    .output(packageOutput)
    .query(({ ctx, input }) => getPackage({ actor: ctx.user, packageId: input.packageId })),
});
