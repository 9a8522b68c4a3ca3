/**
 * Picking (separação): pick lists for one order, a selection, or a wave by
 * rule; confirming lines; completing a list. Warehouse staff and admins only
 * (PICKING_ROLES); everyone else is refused here, whatever the UI shows.
 */
import { roleProcedure, router } from "@/server/api/trpc";
import {
  completeOutput,
  confirmOutput,
  createOutput,
  listOutput,
  pickableOrdersOutput,
  pickListIdInput,
  pickListOutput,
  warehousesOutput,
} from "@/server/api/routers/picking/picking-schemas";
import { completePickList } from "@/server/services/picking/complete-pick-list";
import { confirmPick, confirmPickInput } from "@/server/services/picking/confirm-pick";
import { createPickList, createPickListInput } from "@/server/services/picking/create-pick-list";
import { getPickList } from "@/server/services/picking/get-pick-list";
import { listPickLists, listPickListsInput } from "@/server/services/picking/list-pick-lists";
import { listPickableOrders, listPickableOrdersInput, listPickingWarehouses } from "@/server/services/picking/list-pickable-orders";
import { PICKING_ROLES } from "@/server/services/picking/picking-access";

const picking = roleProcedure(...PICKING_ROLES);

export const pickingRouter = router({
  list: picking
    .input(listPickListsInput)
    .output(listOutput)
    .query(({ input }) => listPickLists({ input })),
  get: picking
    .input(pickListIdInput)
    .output(pickListOutput)
    .query(({ input }) => getPickList({ pickListId: input.id })),
  warehouses: picking.output(warehousesOutput).query(() => listPickingWarehouses()),
  pickableOrders: picking
    .input(listPickableOrdersInput)
    .output(pickableOrdersOutput)
    .query(({ input }) => listPickableOrders({ input })),
  create: picking
    .input(createPickListInput)
    .output(createOutput)
    .mutation(({ ctx, input }) => createPickList({ actor: ctx.user, input })),
  confirmLine: picking
    .input(confirmPickInput)
    .output(confirmOutput)
    .mutation(({ ctx, input }) => confirmPick({ actor: ctx.user, input })),
  complete: picking
    .input(pickListIdInput)
    .output(completeOutput)
    .mutation(({ ctx, input }) => completePickList({ actor: ctx.user, pickListId: input.id })),
});
