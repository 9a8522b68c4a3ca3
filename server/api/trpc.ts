/**
 * tRPC wiring: context, the error mapping from DomainError codes, and the
 * procedure factories. Every procedure needs a session (deny by default);
 * roles are declared with roleProcedure(...), never checked in handlers.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { SessionUser } from "@/server/auth/options";
import { isDomainError, type DomainErrorCode } from "@/server/lib/domain-error";
import type { Role } from "@/server/lib/roles";
import { toIssueView } from "@/server/lib/zod-issue-view";

export interface Context {
  user: SessionUser | null;
}

const TRPC_CODE: Record<DomainErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  VALIDATION: "BAD_REQUEST",
  INVALID_TRANSITION: "CONFLICT",
  ORDER_ON_HOLD: "CONFLICT",
  GUARD_FAILED: "PRECONDITION_FAILED",
  CONFLICT: "CONFLICT",
  INSUFFICIENT_STOCK: "CONFLICT",
  DUPLICATE: "CONFLICT",
  CHANNEL_INACTIVE: "PRECONDITION_FAILED",
  PARSE_FAILED: "UNPROCESSABLE_CONTENT",
};

/** What the client learns of an error besides tRPC's code: the domain code and its params, or the zod issues (components/ui/error-text.ts reads them). */
export function errorData(error: TRPCError) {
  const cause = error.cause;
  return {
    domainCode: isDomainError(cause) ? cause.code : error.code === "FORBIDDEN" ? "FORBIDDEN" : null,
    params: isDomainError(cause) ? cause.params : null,
    zodIssues: cause instanceof ZodError ? cause.issues.map(toIssueView) : null,
  };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, stack: undefined, ...errorData(error) } };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Turns a service's DomainError into the matching tRPC error, in one place. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

/** Signed-in users, any role. */
export const protectedProcedure = t.procedure.use(domainErrors).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { user: ctx.user } });
});

/** Signed-in users with one of `roles`. */
export function roleProcedure(...roles: Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Your role (${ctx.user.role}) may not do this.` });
    }
    return next({ ctx });
  });
}
