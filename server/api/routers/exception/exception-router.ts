/**
 * Exceptions (/exceptions): everything that needs a person's attention. The
 * list and the open counts per type (OPERATOR, WAREHOUSE, MANAGER, ADMIN);
 * resolving one (OPERATOR, WAREHOUSE, ADMIN — a MANAGER only looks).
 */
import { roleProcedure, router } from "@/server/api/trpc";
import { exceptionCountsOutput, exceptionListOutput, resolvedExceptionOutput } from "@/server/api/routers/exception/exception-schemas";
import { EXCEPTION_RESOLVE_ROLES, EXCEPTION_VIEW_ROLES } from "@/server/services/exceptions/exception-types";
import { countOpenExceptions, listExceptions, listExceptionsInput } from "@/server/services/exceptions/list-exceptions";
import { resolveException, resolveExceptionInput } from "@/server/services/exceptions/resolve-exception";

const viewers = roleProcedure(...EXCEPTION_VIEW_ROLES);

export const exceptionRouter = router({
  list: viewers
    .input(listExceptionsInput)
    .output(exceptionListOutput)
    .query(({ ctx, input }) => listExceptions({ actor: ctx.user, input })),
  openCounts: viewers.output(exceptionCountsOutput).query(({ ctx }) => countOpenExceptions({ actor: ctx.user })),
  resolve: roleProcedure(...EXCEPTION_RESOLVE_ROLES)
    .input(resolveExceptionInput)
    .output(resolvedExceptionOutput)
    .mutation(({ ctx, input }) => resolveException({ actor: ctx.user, input })),
});
