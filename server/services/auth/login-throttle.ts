/**
 * Throttles repeated sign-in failures per account + IP. Stored in the
 * database, so it holds across app instances. After FREE_ATTEMPTS failures in
 * WINDOW, each further failure locks the pair for an increasing time.
 */
import { db } from "@/server/db";

export const FREE_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_LOCK_MS = 15 * 60_000;

export function throttleKey(email: string, ip: string): string {
  return `${email.trim().toLowerCase()}|${ip}`;
}

/** Lock duration after `failures` failures (pure, for tests). */
export function lockDurationMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_MS, 30_000 * 2 ** (failures - FREE_ATTEMPTS));
}

export async function lockedUntil(key: string, now = new Date()): Promise<Date | null> {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export async function recordFailure(key: string, now = new Date()): Promise<void> {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
  const failures = fresh ? 1 : row.failures + 1;
  const lock = lockDurationMs(failures);
  const data = {
    failures,
    windowStart: fresh ? now : row.windowStart,
    lockedUntil: lock ? new Date(now.getTime() + lock) : null,
  };
  await db.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
}

export async function recordSuccess(key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
