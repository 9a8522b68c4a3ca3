/**
 * Unpaid orders give their stock back. An order still RECEIVED whose payment
 * is PENDING or FAILED and that was placed more than the merchant's
 * `unpaidReservationHours` ago (a boleto that expired, a Pix never paid) holds
 * units other customers could buy: each one goes through the state machine
 * (EXPIRE_RESERVATION), whose stock hook releases its reservations and hands
 * the units to the orders waiting for them. Nothing happens while the setting
 * is empty.
 *
 * One order per transaction, oldest first, in batches. An order that changed
 * meanwhile (paid, cancelled, expired by a concurrent run) is refused by the
 * state machine and counted as skipped; nothing else is touched.
 */
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/auth/options";
import { DomainError, isDomainError } from "@/server/lib/domain-error";
import { applyOrderAction } from "@/server/services/order/apply-order-action";
import { systemActor, userActor } from "@/server/services/order/actor";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

export const EXPIRY_JOB_LABEL = "job:unpaid-reservations";
const BATCH = 200;
const MAX_BATCHES = 25;

export interface ExpiryResult {
  /** The setting in force; null: expiry is off and nothing was looked at. */
  hours: number | null;
  orders: number;
  units: number;
  /** Orders that changed between the search and their turn (left as they are). */
  skipped: number;
  /** The run stopped at its batch limit; run it again for the rest. */
  more: boolean;
}

export async function expireUnpaidReservations(opts: { actor?: SessionUser; now?: Date } = {}): Promise<ExpiryResult> {
  if (opts.actor && opts.actor.role !== "ADMIN") throw new DomainError("FORBIDDEN", `Your role (${opts.actor.role}) may not run jobs.`);
  const { unpaidReservationHours: hours } = await getMerchantSettings();
  if (hours === null) return { hours: null, orders: 0, units: 0, skipped: 0, more: false };
  const cutoff = new Date((opts.now ?? new Date()).getTime() - hours * 3_600_000);
  const actor = opts.actor ? userActor(opts.actor) : systemActor(EXPIRY_JOB_LABEL);
  const reason = ledgerReason("unpaidFor", { hours });
  const result: ExpiryResult = { hours, orders: 0, units: 0, skipped: 0, more: false };
  const skipped = new Set<string>();
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    // Order (status, placedAt, id) bounds the scan; the EXISTS keeps orders that already gave their stock back out.
    const candidates = await db.$queryRaw<{ id: string; units: number }[]>(Prisma.sql`
      SELECT o.id, (SELECT COALESCE(sum(r.quantity), 0)::int FROM "Reservation" r WHERE r."orderId" = o.id AND r.status = 'ACTIVE') AS units
      FROM "Order" o
      WHERE o.status = 'RECEIVED' AND o."paymentStatus" IN ('PENDING', 'FAILED') AND o."placedAt" < ${cutoff}
        AND EXISTS (SELECT 1 FROM "Reservation" r WHERE r."orderId" = o.id AND r.status = 'ACTIVE')
        ${skipped.size > 0 ? Prisma.sql`AND o.id NOT IN (${Prisma.join([...skipped].map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.empty}
      ORDER BY o."placedAt", o.id
      LIMIT ${BATCH}`);
    for (const c of candidates) {
      try {
        await applyOrderAction({ orderId: c.id, action: { type: "EXPIRE_RESERVATION", reason }, actor });
        result.orders += 1;
        result.units += c.units;
      } catch (e) {
        if (!isDomainError(e) || !["CONFLICT", "GUARD_FAILED", "INVALID_TRANSITION", "NOT_FOUND"].includes(e.code)) throw e;
        skipped.add(c.id);
        result.skipped += 1;
      }
    }
    if (candidates.length < BATCH) return result;
  }
  result.more = true;
  return result;
}
