/**
 * What went wrong when a delivery could not be applied for a reason that is not
 * a parse error: the database's own message (Prisma wraps it several layers deep)
 * and whether retrying can help.
 */
import pg from "pg";

interface AdapterCause {
  originalCode?: unknown;
  originalMessage?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/**
 * SQLSTATE and message of a PostgreSQL error: raised by pg itself (the hot-path pool, server/db.ts hotQuery) or
 * through a Prisma driver adapter (pg or PGlite).
 */
export function databaseErrorOf(e: unknown): { code: string; message: string } | undefined {
  if (e instanceof pg.DatabaseError && typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, message: e.message };
  const meta = (e as { meta?: { driverAdapterError?: { cause?: AdapterCause } } } | null)?.meta;
  const cause = meta?.driverAdapterError?.cause;
  if (!cause) return undefined;
  const code = [cause.originalCode, cause.code].find((c): c is string => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c));
  const message = [cause.originalMessage, cause.message, cause.cause].find((m): m is string => typeof m === "string" && m !== "");
  return code && message ? { code, message } : undefined;
}

/**
 * Class 22 (data exception: a NUL in a string, a number out of range…) fails the
 * same way on every retry: the document itself cannot be stored.
 */
export function isPermanentDataError(e: unknown): boolean {
  return databaseErrorOf(e)?.code.startsWith("22") ?? false;
}

export function describeError(e: unknown): string {
  const dbError = databaseErrorOf(e);
  if (dbError) return `${dbError.message} (SQLSTATE ${dbError.code})`;
  return e instanceof Error ? e.message.trim() : String(e);
}
