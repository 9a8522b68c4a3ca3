/**
 * Work that may finish after its HTTP answer was sent: applying a delivery a
 * webhook stored (server/http/webhook-fast-path.ts: the order's capture and
 * stock reservation). The delivery is stored before the answer; what follows
 * is tracked here so that a shutdown (scripts/serve.ts) or a test can wait for
 * it, and the recovery sweep (recover-deliveries.ts) finishes what a stopped
 * process left.
 *
 * Backpressure: past PENDING_LIMIT tasks in flight, the caller waits for its
 * own task, so a burst the database cannot keep up with slows the senders down
 * instead of growing a queue in memory.
 */
const pending = new Set<Promise<void>>();

/** Tasks in flight beyond which callers wait for their own (about a second of ingest at full speed). */
export const PENDING_LIMIT = 256;

/**
 * Starts `task` and resolves when the caller may answer: at once, or, over the limit, when the task is done.
 * A failure is the task's own to record: one that escapes is logged, never thrown at the caller.
 */
export function runAfterResponse(label: string, task: () => Promise<unknown>): Promise<void> {
  const run: Promise<void> = task().then(
    () => undefined,
    (e: unknown) => console.error(`[after-response] ${label}:`, e),
  );
  const tracked = run.finally(() => pending.delete(tracked));
  pending.add(tracked);
  return pending.size > PENDING_LIMIT ? tracked : Promise.resolve();
}

/** How many tasks are still running. */
export function pendingAfterResponse(): number {
  return pending.size;
}

/** Waits until every task started so far (and any they start) has finished, or `timeoutMs` passed; true when all finished. */
export async function settleAfterResponse(timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await Promise.race([Promise.allSettled([...pending]), new Promise((r) => setTimeout(r, left))]);
  }
  return true;
}
