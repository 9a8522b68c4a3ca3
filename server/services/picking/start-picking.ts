/**
 * START_PICKING for a whole pick list at once, set-based.
 *
 * Why not applyOrderActionTx per order: a 5,000-order wave would be 5,000 ×
 * (read snapshot, conditional UPDATE, INSERT event) ≈ 15,000 round trips —
 * tens of seconds. Instead one statement writes the pick list, its orders,
 * the state change, the timeline events and the pick lines.
 *
 * Why it is still the state machine's decision: decide() is called once per
 * distinct (fulfilment status, payment status) of the claimed orders — the
 * only snapshot fields that vary among ALLOCATED, unheld orders — and its
 * answer (event type, from/to, new fulfilment/payment status, event data) is
 * what the UPDATE and the INSERT of OrderEvent apply. The UPDATE is
 * conditional (status = 'ALLOCATED' AND NOT "onHold"), bumps `version` like
 * persistDecision, and the orders are locked by the claim, so the counts must
 * agree or the transaction is rolled back. The action's hooks still run for
 * every order in the same transaction (none is registered for START_PICKING
 * today, so that costs nothing). If START_PICKING ever gets a guard that reads
 * per-order facts (lines, packages), those facts must join the decision key.
 *
 * Bins: for each order line, the units the order has reserved in the
 * warehouse are taken from the bins holding the SKU in walking-path order
 * (pickSequence, code), splitting across bins when one holds too little. A
 * bin's free units are on hand − unavailable − units already promised to pick
 * lines of orders in flight (PICKING/PACKED/INVOICED: stock levels only go
 * down at SHIP) — looked up through the warehouse's open lists and the lists
 * completed in the last IN_FLIGHT_DAYS days, so the cost follows the recent
 * activity, not the whole history (an order picked but unshipped for longer
 * is an anomaly; at worst its units are planned again and the pick comes up
 * short, which raises an exception). Demand and supply are laid end to end per SKU — demand in
 * tote order — and each pick line is the overlap of an order line's interval
 * with a bin's interval. An order whose lines the bins cannot fully cover is
 * left out (it stays ALLOCATED; the warehouse should count those bins).
 *
 * Plan safety: the row estimates of these CTEs are far too low (the
 * Reservation filter is estimated at a row or two for the whole wave), so a
 * join between two wave-sized CTEs is planned as a nested loop over CTE scans,
 * i.e. O(orders × lines) — the pick lines joined to the updated orders took
 * 18 s for a 5,000-order wave. Lookups by order id between wave-sized CTEs
 * therefore go through a one-row jsonb object (key → value, binary search)
 * instead of a join; the per-order facts (rank, short) come from one GROUP BY.
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/auth/options";
import { userActor } from "@/server/services/order/actor";
import { runActionHooks } from "@/server/services/order/order-action-hooks";
import {
  assertTransition,
  type AllowedDecision,
  type FulfillmentStatus,
  type OrderAction,
  type PaymentStatus,
} from "@/server/services/order/order-state-machine";
import type { ClaimedOrder } from "@/server/services/picking/claim-orders";

const START: OrderAction = { type: "START_PICKING" };
/** How far back completed lists are searched for picked units that have not shipped yet. */
const IN_FLIGHT_DAYS = 14;

export interface StartPickingResult {
  pickListId: string | null;
  number: number | null;
  started: { id: string; version: number; tote: number }[];
  lineCount: number;
  units: number;
  /** Orders left out because the bins cannot cover them. */
  noBinStock: string[];
  /** Orders with nothing reserved in this warehouse. */
  noUnits: string[];
}

const keyOf = (fs: string, ps: string) => `${fs}|${ps}`;

/** The state machine's decision for each kind of claimed order. */
function decisionsFor(orders: readonly ClaimedOrder[]): Map<string, AllowedDecision> {
  const out = new Map<string, AllowedDecision>();
  for (const o of orders) {
    const key = keyOf(o.fulfillmentStatus, o.paymentStatus);
    if (out.has(key)) continue;
    const decision = assertTransition(
      {
        status: "ALLOCATED",
        paymentStatus: o.paymentStatus as PaymentStatus,
        fulfillmentStatus: o.fulfillmentStatus as FulfillmentStatus,
        activeHolds: [],
      },
      START,
    );
    if (decision.holdsAdded.length > 0 || decision.holdsReleased.length > 0) {
      throw new Error("START_PICKING changes holds: the set-based path cannot apply it (use applyOrderActionTx)");
    }
    out.set(key, decision);
  }
  return out;
}

export async function startPicking(
  tx: DbTx,
  opts: { warehouseId: string; orders: readonly ClaimedOrder[]; rule: Record<string, unknown>; actor: SessionUser },
): Promise<StartPickingResult> {
  const { warehouseId, orders, actor } = opts;
  const decisions = decisionsFor(orders);
  const decisionRows = JSON.stringify(
    [...decisions].map(([key, d]) => {
      const [fs, ps] = key.split("|");
      return { fs, ps, type: d.event.type, from: d.from, to: d.to, toFs: d.fulfillmentStatus, toPs: d.paymentStatus, reason: d.event.reason ?? null, data: d.event.data ?? {} };
    }),
  );
  const ids = orders.map((o) => o.id);
  const ranks = orders.map((_, i) => i + 1);
  const rows = await tx.$queryRaw<
    {
      pickListId: string | null;
      number: number | null;
      claimed: number;
      events: number;
      started: { id: string; version: number; tote: number; fs: string; ps: string }[] | null;
      lineCount: number;
      units: number;
      noBinStock: string[] | null;
      noUnits: string[] | null;
    }[]
  >(Prisma.sql`
    WITH sel AS MATERIALIZED (
      SELECT s.id, s.rank FROM unnest(${ids}::uuid[], ${ranks}::int[]) AS s(id, rank)
    ), demand AS MATERIALIZED (
      SELECT r."orderId", r."orderLineId", r."skuId", sum(r.quantity)::int AS qty, min(s.rank) AS rank
      FROM "Reservation" r JOIN sel s ON s.id = r."orderId"
      WHERE r.status = 'ACTIVE' AND r."warehouseId" = ${warehouseId}::uuid
      GROUP BY r."orderId", r."orderLineId", r."skuId"
    ), skus AS MATERIALIZED (
      SELECT DISTINCT "skuId" FROM demand
    ), lists AS MATERIALIZED (
      SELECT l.id FROM "PickList" l
      WHERE l."warehouseId" = ${warehouseId}::uuid
        AND (l.status = 'OPEN' OR (l.status = 'COMPLETED' AND l."completedAt" > now() - make_interval(days => ${IN_FLIGHT_DAYS})))
    ), claimed AS MATERIALIZED (
      SELECT pl."skuId", pl."binId", sum(CASE WHEN pl.status = 'PENDING' THEN pl.quantity ELSE pl."pickedQty" END)::int AS units
      FROM lists JOIN "PickListLine" pl ON pl."pickListId" = lists.id JOIN "Order" o ON o.id = pl."orderId"
      WHERE o.status IN ('PICKING', 'PACKED', 'INVOICED') AND pl."skuId" IN (SELECT "skuId" FROM skus)
      GROUP BY 1, 2
    ), supply AS MATERIALIZED (
      SELECT bs."skuId", bs."binId", b."pickSequence", b.code, bs."onHand" - bs.unavailable - COALESCE(c.units, 0) AS free
      FROM "BinStock" bs JOIN "Bin" b ON b.id = bs."binId" AND b."warehouseId" = ${warehouseId}::uuid
      LEFT JOIN claimed c ON c."skuId" = bs."skuId" AND c."binId" = bs."binId"
      WHERE bs."skuId" IN (SELECT "skuId" FROM skus)
    ), s_cum AS MATERIALIZED (
      SELECT "skuId", "binId", sum(free) OVER w - free AS s_from, sum(free) OVER w AS s_to
      FROM supply WHERE free > 0
      WINDOW w AS (PARTITION BY "skuId" ORDER BY "pickSequence", code, "binId" ROWS UNBOUNDED PRECEDING)
    ), s_total AS MATERIALIZED (
      SELECT jsonb_object_agg("skuId"::text, total) AS m FROM (SELECT "skuId", max(s_to) AS total FROM s_cum GROUP BY 1) t
    ), d_cum AS MATERIALIZED (
      SELECT d.*, sum(qty) OVER w - qty AS d_from, sum(qty) OVER w AS d_to FROM demand d
      WINDOW w AS (PARTITION BY "skuId" ORDER BY rank, "orderLineId" ROWS UNBOUNDED PRECEDING)
    ), per_order AS MATERIALIZED (
      SELECT d."orderId", min(d.rank) AS rank, bool_or(d.d_to > COALESCE((t.m ->> d."skuId"::text)::bigint, 0)) AS short
      FROM d_cum d CROSS JOIN s_total t GROUP BY d."orderId"
    ), short_orders AS MATERIALIZED (
      SELECT "orderId" FROM per_order WHERE short
    ), good AS MATERIALIZED (
      SELECT "orderId" AS id, (row_number() OVER (ORDER BY rank))::int AS tote FROM per_order WHERE NOT short
    ), with_demand AS MATERIALIZED (
      SELECT jsonb_object_agg("orderId"::text, rank) AS m FROM per_order
    ), alloc AS (
      SELECT d."orderId", d."orderLineId", d."skuId", s."binId", (LEAST(d.d_to, s.s_to) - GREATEST(d.d_from, s.s_from))::int AS qty
      FROM d_cum d JOIN s_cum s ON s."skuId" = d."skuId" AND s.s_from < d.d_to AND d.d_from < s.s_to
    ), pl AS (
      INSERT INTO "PickList" ("warehouseId", rule, "createdById")
      SELECT ${warehouseId}::uuid, ${JSON.stringify(opts.rule)}::jsonb, ${actor.id}::uuid WHERE EXISTS (SELECT 1 FROM good)
      RETURNING id, number
    ), plo AS (
      INSERT INTO "PickListOrder" ("pickListId", "orderId", tote)
      SELECT pl.id, g.id, g.tote FROM pl CROSS JOIN good g
      ON CONFLICT ("orderId") WHERE open DO NOTHING
      RETURNING "orderId", tote
    ), dec AS (
      SELECT * FROM jsonb_to_recordset(${decisionRows}::jsonb)
        AS d(fs text, ps text, type text, "from" text, "to" text, "toFs" text, "toPs" text, reason text, data jsonb)
    ), upd AS (
      UPDATE "Order" o SET status = dec."to"::"OrderStatus", "fulfillmentStatus" = dec."toFs"::"FulfillmentStatus",
        "paymentStatus" = dec."toPs"::"PaymentStatus", version = o.version + 1, "updatedAt" = now()
      FROM plo, dec
      WHERE o.id = plo."orderId" AND o.status = dec."from"::"OrderStatus" AND NOT o."onHold"
        AND o."fulfillmentStatus"::text = dec.fs AND o."paymentStatus"::text = dec.ps
      RETURNING o.id, o.version, plo.tote, dec.fs, dec.ps, dec.type, dec."from", dec."to", dec.reason, dec.data
    ), ev AS (
      INSERT INTO "OrderEvent" ("orderId", type, "fromStatus", "toStatus", "actorId", "actorLabel", reason, data)
      SELECT u.id, u.type, u."from"::"OrderStatus", u."to"::"OrderStatus", ${actor.id}::uuid, ${actor.name}, u.reason,
        u.data || jsonb_build_object('pickList', jsonb_build_object('id', pl.id, 'number', pl.number, 'tote', u.tote))
      FROM upd u CROSS JOIN pl
      RETURNING 1
    ), started AS MATERIALIZED (
      SELECT jsonb_object_agg(id::text, tote) AS m FROM upd
    ), lines AS (
      INSERT INTO "PickListLine" ("pickListId", "orderId", "orderLineId", "skuId", "binId", tote, quantity)
      SELECT pl.id, a."orderId", a."orderLineId", a."skuId", a."binId", (st.m ->> a."orderId"::text)::int, a.qty
      FROM alloc a CROSS JOIN started st CROSS JOIN pl
      WHERE st.m ->> a."orderId"::text IS NOT NULL
      RETURNING quantity
    )
    SELECT (SELECT id FROM pl) AS "pickListId", (SELECT number FROM pl) AS number,
      (SELECT count(*) FROM plo)::int AS claimed,
      (SELECT json_agg(json_build_object('id', id, 'version', version, 'tote', tote, 'fs', fs, 'ps', ps)) FROM upd) AS started,
      (SELECT count(*) FROM ev)::int AS events,
      (SELECT count(*) FROM lines)::int AS "lineCount",
      (SELECT COALESCE(sum(quantity), 0) FROM lines)::int AS units,
      (SELECT array_agg("orderId"::text) FROM short_orders) AS "noBinStock",
      (SELECT array_agg(s.id::text) FROM sel s CROSS JOIN with_demand w WHERE w.m -> s.id::text IS NULL) AS "noUnits"`);
  const r = rows[0];
  if (!r) throw new Error("pick list statement returned nothing");
  const started = r.started ?? [];
  if (started.length !== r.claimed || r.events !== r.claimed) {
    // The claim locked these orders, so this means a bug or a manual change under the lock: roll everything back.
    throw new Error(`pick list: ${r.claimed} orders claimed but ${started.length} moved to PICKING`);
  }
  const who = userActor(actor);
  for (const s of started) {
    const decision = decisions.get(keyOf(s.fs, s.ps));
    if (!decision) continue;
    await runActionHooks(tx, { orderId: s.id, action: START, decision, actor: who, result: { orderId: s.id, from: decision.from, to: decision.to, version: s.version } });
  }
  return {
    pickListId: r.pickListId,
    number: r.number,
    started: started.map((s) => ({ id: s.id, version: s.version, tote: s.tote })),
    lineCount: r.lineCount,
    units: r.units,
    noBinStock: r.noBinStock ?? [],
    noUnits: r.noUnits ?? [],
  };
}
