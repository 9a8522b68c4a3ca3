/**
 * Delivery trouble nobody reported: shipments that stopped moving and
 * shipments that are late. Opens one exception per shipment and type (while
 * it is open) and writes a "shipment.exception" event on the order's timeline.
 *
 *  SHIPMENT_STALLED  not delivered/returned, no tracking movement (or, with
 *                    none yet, since it shipped) for `stalledDays` days.
 *  SHIPMENT_LATE     not delivered/returned, and it left after the order's
 *                    ship-by date, or the promised date (ship-by +
 *                    `transitDays`) has passed.
 *
 * Set-based, in batches (one transaction each). Runs are serialized with a
 * transaction-scoped advisory lock; shipments a tracking event is updating
 * right now are skipped (SKIP LOCKED) and looked at on the next run.
 */
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/auth/options";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { assertRole, DELAY_CHECK_ROLES } from "./shipping-roles";

export const DEFAULT_STALLED_DAYS = 3;
export const DEFAULT_TRANSIT_DAYS = 7;
const BATCH = 2_000;
const MAX_BATCHES = 50;
/** Any constant; only this job takes it. */
const LOCK_KEY = 7_340_211;

export interface DetectOptions {
  now?: Date;
  stalledDays?: number;
  transitDays?: number;
  /** A person pressing "Check for delays" (OPERATOR, ADMIN); absent for the scheduled job. */
  actor?: SessionUser;
}

export interface DetectResult {
  stalled: number;
  late: number;
  /** The run stopped at its batch limit; run it again for the rest. */
  more: boolean;
}

interface Who {
  actorId: string | null;
  actorLabel: string;
}

const OPEN_STATUSES = Prisma.sql`('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERY_FAILED')`;

function noOpenException(type: string): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM "Exception" e WHERE e."shipmentId" = s.id AND e.type = ${type} AND e.status = 'OPEN')`;
}

/** One statement: pick a batch (locked), insert its exceptions and their timeline events. */
function batchSql(type: "SHIPMENT_STALLED" | "SHIPMENT_LATE", condition: Prisma.Sql, message: Prisma.Sql, extra: Prisma.Sql, actor: Who): Prisma.Sql {
  return Prisma.sql`
    WITH cand AS (
      SELECT s.id, s."orderId", s."trackingNumber", c.name AS carrier, o.number AS "orderNumber", o."shipBy",
             COALESCE(s."lastEventAt", s."shippedAt", s."createdAt") AS "lastMove", s."shippedAt"
      FROM "Shipment" s JOIN "Carrier" c ON c.id = s."carrierId" JOIN "Order" o ON o.id = s."orderId"
      WHERE s.status IN ${OPEN_STATUSES} AND ${condition} AND ${noOpenException(type)}
      ORDER BY s."createdAt", s.id
      LIMIT ${BATCH}
      FOR UPDATE OF s SKIP LOCKED
    ), ins AS (
      INSERT INTO "Exception" (type, "orderId", "shipmentId", message, data)
      SELECT ${type}, "orderId", id, ${message},
             jsonb_build_object('shipmentId', id, 'trackingNumber', "trackingNumber", 'carrier', carrier) || ${extra}
      FROM cand
      RETURNING id, "orderId", message, data
    ), ev AS (
      INSERT INTO "OrderEvent" ("orderId", type, "actorId", "actorLabel", reason, data)
      SELECT "orderId", 'shipment.exception', ${actor.actorId}::uuid, ${actor.actorLabel}, message,
             data || jsonb_build_object('exceptionId', id, 'exceptionType', ${type}::text, 'message', message)
      FROM ins
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ev`;
}

async function runBatches(sql: Prisma.Sql): Promise<{ count: number; more: boolean }> {
  let count = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const n = await db.$transaction(async (tx) => {
      await tx.$queryRaw(Prisma.sql`SELECT 1 AS locked FROM pg_advisory_xact_lock(${LOCK_KEY}::bigint)`);
      const rows = await tx.$queryRaw<{ n: number }[]>(sql);
      return rows[0]?.n ?? 0;
    }, { maxWait: 30_000, timeout: 120_000 });
    count += n;
    if (n < BATCH) return { count, more: false };
  }
  return { count, more: true };
}

export async function detectDeliveryExceptions(opts: DetectOptions = {}): Promise<DetectResult> {
  const now = opts.now ?? new Date();
  const stalledDays = opts.stalledDays ?? DEFAULT_STALLED_DAYS;
  const transitDays = opts.transitDays ?? DEFAULT_TRANSIT_DAYS;
  if (!Number.isInteger(stalledDays) || stalledDays < 1 || !Number.isInteger(transitDays) || transitDays < 0) {
    throw new RangeError("stalledDays must be an integer ≥ 1 and transitDays an integer ≥ 0");
  }
  if (opts.actor) assertRole(DELAY_CHECK_ROLES, opts.actor, "check shipments for delays");
  const actor: Who = opts.actor ? { actorId: opts.actor.id, actorLabel: opts.actor.name } : { actorId: null, actorLabel: "job:shipping-exceptions" };
  const { timeZone } = await getMerchantSettings();
  const cutoff = new Date(now.getTime() - stalledDays * 86_400_000);

  const stalled = await runBatches(
    batchSql(
      "SHIPMENT_STALLED",
      Prisma.sql`COALESCE(s."lastEventAt", s."shippedAt", s."createdAt") < ${cutoff}`,
      Prisma.sql`format('%s %s (order #%s): no tracking movement since %s (%s days or more).', carrier, "trackingNumber", "orderNumber",
                        to_char("lastMove" AT TIME ZONE ${timeZone}, 'YYYY-MM-DD HH24:MI'), ${stalledDays}::int)`,
      Prisma.sql`jsonb_build_object('lastMovementAt', "lastMove", 'days', ${stalledDays}::int)`,
      actor,
    ),
  );
  const promisedBefore = new Date(now.getTime() - transitDays * 86_400_000);
  const late = await runBatches(
    batchSql(
      "SHIPMENT_LATE",
      Prisma.sql`o."shipBy" IS NOT NULL AND (s."shippedAt" > o."shipBy" OR o."shipBy" < ${promisedBefore})`,
      Prisma.sql`format('%s %s (order #%s): %s', carrier, "trackingNumber", "orderNumber",
                        CASE WHEN "shippedAt" > "shipBy"
                             THEN 'shipped after the ship-by date ' || to_char("shipBy" AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') || ' and not delivered yet.'
                             ELSE 'not delivered by the promised date ' || to_char(("shipBy" + make_interval(days => ${transitDays}::int)) AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') || '.' END)`,
      Prisma.sql`jsonb_build_object('shipBy', "shipBy", 'reason', CASE WHEN "shippedAt" > "shipBy" THEN 'SHIPPED_AFTER_SHIP_BY' ELSE 'DELIVERY_OVERDUE' END,
                                    'transitDays', ${transitDays}::int)`,
      actor,
    ),
  );
  return { stalled: stalled.count, late: late.count, more: stalled.more || late.more };
}
