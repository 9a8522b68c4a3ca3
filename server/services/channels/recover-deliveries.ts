/**
 * The recovery sweep: stored deliveries that were answered for but never
 * applied. The production webhook path answers once a delivery is stored
 * (receive-delivery.ts, answerOnceStored), so no platform retries it; this
 * sweep is what finishes
 *   - a delivery left RECEIVED by a process that stopped before applying it
 *     (claimed once ABANDONED_AFTER_MS have passed, as a platform's retry would),
 *   - a delivery that failed for a reason that may pass, retried a few times,
 *     RETRY_AFTER_MS apart: the database was unreachable or a deadlock broke
 *     it (the internalError note), or its order was not in Fluxo yet (a refund
 *     or a Mercado Livre shipment applied before the order it belongs to: the
 *     production path answers first and applies after, so a document sent right
 *     after its order can get there first).
 * A document's own refusal (it does not parse, a rule refuses it) is FAILED for
 * good: a person re-processes it from Channel deliveries after a fix.
 * Each row is claimed conditionally (claimForRetry), so app instances that sweep
 * at the same time never apply one delivery twice.
 */
import { db } from "@/server/db";
import { DELIVERY_NOTES, deliveryNote } from "@/server/services/channels/delivery-notes";
import { ABANDONED_AFTER_MS, claimForRetry } from "@/server/services/channels/receive-delivery";
import { processDeliveryRecordingErrors } from "@/server/services/channels/process-delivery";

/** A passing failure is retried until the delivery has had this many attempts. */
export const MAX_ATTEMPTS = 5;
export const RETRY_AFTER_MS = 60_000;
/** How often `npm start` sweeps. */
export const SWEEP_EVERY_MS = 60_000;
const PER_SWEEP = 200;

/** The stored text every internalError note starts with (delivery-notes.ts). */
const INTERNAL_ERROR_PREFIX = deliveryNote("internalError", { detail: "" });
/** How the refundBeforeOrder and addressBeforeOrder notes end, after their last value (recover-deliveries.int.test.ts checks both). */
export const BEFORE_ORDER_SUFFIX = DELIVERY_NOTES.refundBeforeOrder.slice(DELIVERY_NOTES.refundBeforeOrder.lastIndexOf("}") + 1);

export interface SweepResult {
  /** Claimed and applied (whatever the outcome). */
  applied: number;
  /** Another instance or a platform's retry claimed it first. */
  skipped: number;
}

export async function recoverDeliveries(now = new Date()): Promise<SweepResult> {
  const abandonedBefore = new Date(now.getTime() - ABANDONED_AFTER_MS);
  const retryBefore = new Date(now.getTime() - RETRY_AFTER_MS);
  const rows = await db.channelDelivery.findMany({
    where: {
      OR: [
        { status: "RECEIVED", processedAt: null, receivedAt: { lt: abandonedBefore } },
        { status: "RECEIVED", processedAt: { lt: abandonedBefore } },
        {
          status: "FAILED", attempts: { lt: MAX_ATTEMPTS }, processedAt: { lt: retryBefore },
          OR: [{ error: { startsWith: INTERNAL_ERROR_PREFIX } }, { error: { endsWith: BEFORE_ORDER_SUFFIX } }],
        },
      ],
      channel: { active: true },
    },
    select: { id: true, attempts: true },
    orderBy: { receivedAt: "asc" },
    take: PER_SWEEP,
  });
  const result: SweepResult = { applied: 0, skipped: 0 };
  for (const row of rows) {
    if (!(await claimForRetry(row.id, row.attempts))) {
      result.skipped++;
      continue;
    }
    await processDeliveryRecordingErrors(row.id);
    result.applied++;
  }
  return result;
}

/** Sweeps now and every SWEEP_EVERY_MS until the returned function is called. A sweep that fails is logged. */
export function scheduleDeliveryRecovery(everyMs = SWEEP_EVERY_MS): () => void {
  let running: Promise<void> | null = null;
  const sweep = () => {
    if (running) return;
    running = recoverDeliveries()
      .then((r) => {
        if (r.applied) console.log(`[deliveries] recovery sweep applied ${r.applied} stored deliveries`);
      })
      .catch((e: unknown) => console.error("[deliveries] recovery sweep failed:", e))
      .finally(() => {
        running = null;
      });
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
