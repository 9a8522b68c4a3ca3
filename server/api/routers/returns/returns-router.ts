/**
 * The returns desk (/returns): orders waiting for their goods (WAREHOUSE,
 * OPERATOR, MANAGER, ADMIN may look) and recording what arrived, which
 * completes the return (the COMPLETE_RETURN roles: WAREHOUSE, ADMIN).
 */
import { roleProcedure, router } from "@/server/api/trpc";
import { completeReturnOutput, returnDetailOutput, returnIdInput, returnListOutput } from "@/server/api/routers/returns/returns-schemas";
import { completeReturn, completeReturnInput } from "@/server/services/returns/complete-return";
import { getReturn } from "@/server/services/returns/get-return";
import { listReturns, listReturnsInput } from "@/server/services/returns/list-returns";
import { RETURN_COMPLETE_ROLES, RETURN_VIEW_ROLES } from "@/server/services/returns/return-roles";

const viewers = roleProcedure(...RETURN_VIEW_ROLES);
const receivers = roleProcedure(...RETURN_COMPLETE_ROLES);

export const returnsRouter = router({
  list: viewers
    .input(listReturnsInput)
    .output(returnListOutput)
    .query(({ ctx, input }) => listReturns({ actor: ctx.user, input })),
  get: viewers
    .input(returnIdInput)
    .output(returnDetailOutput)
    .query(({ ctx, input }) => getReturn({ actor: ctx.user, orderId: input.id })),
  complete: receivers
    .input(completeReturnInput)
    .output(completeReturnOutput)
    .mutation(({ ctx, input }) => completeReturn({ actor: ctx.user, input })),
});
