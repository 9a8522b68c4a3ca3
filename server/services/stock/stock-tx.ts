/**
 * Transactions for stock changes. Every stock service accepts an optional
 * `tx` (to join the caller's transaction, e.g. an order action hook) and
 * otherwise opens its own, retried when PostgreSQL aborts it as a deadlock
 * victim or a serialization failure: the statements are idempotent as a whole
 * (the transaction rolled back), so running them again is safe.
 *
 * Lock order, kept by every stock path so deadlocks stay rare:
 *   Order row → Reservation rows → StockBalance rows (by skuId, warehouseId)
 *   → BinStock rows (by skuId, binId) → OrderLine rows.
 * Auto-reservation of backorders locks Order rows after StockBalance, but with
 * SKIP LOCKED, so it never waits on them.
 */
import pg from "pg";
import { db, type DbTx } from "@/server/db";
import { actorFields, systemActor, type Actor } from "@/server/services/order/actor";

export const STOCK_TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;
const MAX_ATTEMPTS = 4;

/** SQLSTATE of a database error raised by pg (the hot-path pool) or through Prisma's driver adapters, if any. */
export function sqlState(e: unknown): string | undefined {
  if (e instanceof pg.DatabaseError) return e.code;
  const meta = (e as { meta?: { driverAdapterError?: { cause?: { code?: unknown; originalCode?: unknown } } } } | null)?.meta;
  const cause = meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? cause?.code;
  return typeof code === "string" ? code : undefined;
}

export function isRetryableTxError(e: unknown): boolean {
  const prismaCode = (e as { code?: unknown } | null)?.code;
  if (prismaCode === "P2034") return true;
  const state = sqlState(e);
  return state === "40P01" || state === "40001";
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` in the caller's transaction, or in a new one retried on deadlock. */
export async function inStockTx<T>(tx: DbTx | undefined, fn: (tx: DbTx) => Promise<T>): Promise<T> {
  if (tx) return fn(tx);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((t) => fn(t), STOCK_TX_OPTIONS);
    } catch (e) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableTxError(e)) throw e;
      await pause(5 + Math.random() * 20 * attempt);
    }
  }
}

/** Automatic follow-ups (allocation when stock arrives, out-of-stock holds) are done by the system. */
export const STOCK_SYSTEM_ACTOR: Actor = systemActor("system");

export function who(actor: Actor): { actorId: string | null; actorLabel: string } {
  return actorFields(actor);
}
