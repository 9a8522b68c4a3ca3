/**
 * The one error type services throw. Each code has a message in both
 * languages (messages/*.json under "errors.<code>"); params.rule names the
 * precise reason, worded in the area's messages ("stock.errors.BIN_SHORT")
 * with the other params as values, and params.field the field it is about
 * (components/ui/error-text.ts). The English message is for logs and API
 * clients, never shown on a page. The tRPC layer maps codes to HTTP-ish tRPC
 * codes in one place (server/api/trpc.ts).
 */
export const DOMAIN_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "VALIDATION",
  "INVALID_TRANSITION",
  "ORDER_ON_HOLD",
  "GUARD_FAILED",
  "CONFLICT",
  "INSUFFICIENT_STOCK",
  "DUPLICATE",
  "CHANNEL_INACTIVE",
  "PARSE_FAILED",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    /** Values for the translated message, e.g. { current: "SHIPPED" }. */
    public readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
