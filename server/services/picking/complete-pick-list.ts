/**
 * Complete a pick list once every line is PICKED or SHORT, in one transaction:
 *  - one PICK stock movement per line with picked units (bin, quantity = units
 *    picked; levels unchanged — they go down at SHIP, from these bins: see
 *    consume-order-stock.ts);
 *  - every order leaves the list (PickListOrder.open = false) with a
 *    "pick_list.completed" timeline event;
 *  - an order with short lines: the missing units are set aside
 *    (short-pick-stock.ts), SHORT_PICK goes through the state machine —
 *    reallocated when the warehouse still covers the order from other bins
 *    (→ ALLOCATED, picked again in a later list), else → BACKORDERED, after
 *    which the stock engine tries once more (reserveOrderStock: another
 *    warehouse when split shipments are allowed, or stock freed meanwhile) and
 *    ALLOCATE follows when that covers every line — and a SHORT_PICK exception
 *    tells a person which bin to count. Such an order is picked again in full
 *    by a later list, so the units picked for it go back to their bins (the
 *    exception says how many);
 *  - the list becomes COMPLETED.
 * Orders that are no longer PICKING (cancelled meanwhile) just leave the list.
 */
import { Prisma } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import { userActor, type Actor } from "@/server/services/order/actor";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import { setAsideMissingUnits } from "@/server/services/picking/short-pick-stock";
import { reserveOrderStock } from "@/server/services/stock/reserve-order-stock";
import { STOCK_SYSTEM_ACTOR, inStockTx } from "@/server/services/stock/stock-tx";
import type { DbTx } from "@/server/db";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

export interface CompletePickListResult {
  pickListId: string;
  number: number;
  orders: number;
  pickedUnits: number;
  shortOrders: { orderId: string; number: number; to: string; missingUnits: number }[];
}

interface ShortLine {
  orderId: string;
  orderNumber: number;
  orderStatus: string;
  orderLineId: string;
  skuId: string;
  skuCode: string;
  binId: string;
  binCode: string;
  quantity: number;
  pickedQty: number;
  shortReason: string | null;
}

export async function completePickList(opts: { actor: SessionUser; pickListId: string }): Promise<CompletePickListResult> {
  const actor = userActor(opts.actor);
  // The stock engine's transaction helper: short picks take stock locks, and a deadlock victim is retried whole.
  return inStockTx(undefined, async (tx) => {
    const [list] = await tx.$queryRaw<{ id: string; number: number; status: string; warehouseId: string }[]>(Prisma.sql`
      SELECT id::text, number, status::text AS status, "warehouseId"::text AS "warehouseId" FROM "PickList" WHERE id = ${opts.pickListId}::uuid FOR UPDATE`);
    if (!list) throw new DomainError("NOT_FOUND", `Pick list ${opts.pickListId} not found.`);
    if (list.status !== "OPEN") {
      throw new DomainError("CONFLICT", `Pick list #${list.number} is already ${list.status.toLowerCase()}.`, { rule: "LIST_CLOSED", number: list.number, current: list.status });
    }
    const pending = await tx.pickListLine.count({ where: { pickListId: list.id, status: "PENDING" } });
    if (pending > 0) {
      throw new DomainError("GUARD_FAILED", `Pick list #${list.number} still has ${pending} line(s) to confirm.`, {
        detail: `${pending} line(s) still to confirm`,
        rule: "LINES_PENDING",
        number: list.number,
        pending,
      });
    }
    const label = ledgerReason("pickList", { number: list.number });
    const { actorId, actorLabel } = actor.kind === "user" ? { actorId: actor.user.id, actorLabel: actor.user.name } : { actorId: null, actorLabel: actor.label };
    const [summary] = await tx.$queryRaw<{ orders: number; units: number }[]>(Prisma.sql`
      WITH mov AS (
        INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "binId", quantity, reason, "actorId", "actorLabel", "orderId")
        SELECT 'PICK', pl."skuId", ${list.warehouseId}::uuid, pl."binId", pl."pickedQty", ${label}, ${actorId}::uuid, ${actorLabel}, pl."orderId"
        FROM "PickListLine" pl WHERE pl."pickListId" = ${list.id}::uuid AND pl."pickedQty" > 0
        ORDER BY pl."orderId", pl."orderLineId", pl."binId"
        RETURNING quantity
      ), per_order AS (
        SELECT po."orderId", po.tote,
          COALESCE(sum(pl."pickedQty"), 0)::int AS picked, COALESCE(sum(pl.quantity - pl."pickedQty"), 0)::int AS missing
        FROM "PickListOrder" po LEFT JOIN "PickListLine" pl ON pl."pickListId" = po."pickListId" AND pl."orderId" = po."orderId"
        WHERE po."pickListId" = ${list.id}::uuid AND po.open
        GROUP BY po."orderId", po.tote
      ), closed AS (
        UPDATE "PickListOrder" SET open = false WHERE "pickListId" = ${list.id}::uuid AND open
        RETURNING 1
      ), ev AS (
        INSERT INTO "OrderEvent" ("orderId", type, "actorId", "actorLabel", data)
        SELECT p."orderId", 'pick_list.completed', ${actorId}::uuid, ${actorLabel},
          jsonb_build_object('pickList', jsonb_build_object('id', ${list.id}::uuid, 'number', ${list.number}::int, 'tote', p.tote), 'pickedUnits', p.picked, 'missingUnits', p.missing)
        FROM per_order p
        RETURNING 1
      ), done AS (
        UPDATE "PickList" SET status = 'COMPLETED', "completedAt" = now() WHERE id = ${list.id}::uuid
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM closed)::int AS orders, (SELECT COALESCE(sum(quantity), 0) FROM mov)::int AS units,
        (SELECT count(*) FROM ev)::int AS events, (SELECT count(*) FROM done)::int AS done`);

    const shorts = await tx.$queryRaw<ShortLine[]>(Prisma.sql`
      SELECT pl."orderId"::text AS "orderId", o.number AS "orderNumber", o.status::text AS "orderStatus", pl."orderLineId"::text AS "orderLineId",
        pl."skuId"::text AS "skuId", s.code AS "skuCode", pl."binId"::text AS "binId", b.code AS "binCode", pl.quantity, pl."pickedQty", pl."shortReason"
      FROM "PickListLine" pl JOIN "Order" o ON o.id = pl."orderId" JOIN "Sku" s ON s.id = pl."skuId" JOIN "Bin" b ON b.id = pl."binId"
      WHERE pl."pickListId" = ${list.id}::uuid AND pl.status = 'SHORT' AND pl."pickedQty" < pl.quantity
      ORDER BY pl."orderId", s.code, b.code`);
    const byOrder = new Map<string, ShortLine[]>();
    for (const s of shorts) byOrder.set(s.orderId, [...(byOrder.get(s.orderId) ?? []), s]);
    const shortOrders: CompletePickListResult["shortOrders"] = [];
    for (const [orderId, lines] of byOrder) {
      const first = lines[0] as ShortLine;
      if (first.orderStatus !== "PICKING") continue;
      const to = await shortPickOrder(tx, { list, orderId, lines, actor });
      if (to === null) continue;
      shortOrders.push({ orderId, number: first.orderNumber, to, missingUnits: lines.reduce((n, l) => n + l.quantity - l.pickedQty, 0) });
    }
    return { pickListId: list.id, number: list.number, orders: summary?.orders ?? 0, pickedUnits: summary?.units ?? 0, shortOrders };
  });
}

async function shortPickOrder(
  tx: DbTx,
  p: { list: { id: string; number: number; warehouseId: string }; orderId: string; lines: ShortLine[]; actor: Actor },
): Promise<string | null> {
  const { list, orderId, lines, actor } = p;
  // The order row first, as every order action and the stock engine do (stock-tx.ts), so a cancel at the same moment queues instead of deadlocking.
  const [locked] = await tx.$queryRaw<{ status: string }[]>(Prisma.sql`SELECT status::text AS status FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`);
  if (locked?.status !== "PICKING") return null;
  const detail: Record<string, unknown>[] = [];
  let released = 0;
  for (const l of lines) {
    const missing = l.quantity - l.pickedQty;
    const at = { number: list.number, units: missing, sku: l.skuCode, bin: l.binCode };
    const why = l.shortReason ? ledgerReason("shortPickNote", { ...at, note: l.shortReason }) : ledgerReason("shortPick", at);
    const r = await setAsideMissingUnits(tx, { orderId, orderLineId: l.orderLineId, skuId: l.skuId, binId: l.binId, warehouseId: list.warehouseId, missing, reason: why }, actor);
    released += r.released;
    detail.push({ sku: l.skuCode, bin: l.binCode, binId: l.binId, asked: l.quantity, picked: l.pickedQty, reason: l.shortReason, setAside: r.setAside, released: r.released });
  }
  const reallocated = released === 0;
  let result = await applyOrderActionTx(tx, { orderId, action: { type: "SHORT_PICK", reallocated }, actor });
  if (!reallocated) {
    await reserveOrderStock({ tx, orderId, actor, policy: "BACKORDER" });
    const [now] = await tx.$queryRaw<{ status: string; covered: boolean }[]>(Prisma.sql`
      SELECT o.status::text AS status, NOT EXISTS (
        SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o.id AND l."reservedQty" + l."shippedQty" < l.quantity) AS covered
      FROM "Order" o WHERE o.id = ${orderId}::uuid`);
    // The engine's backorder sweep may already have allocated it; otherwise allocate once every line is covered again.
    if (now?.status === "BACKORDERED" && now.covered) {
      result = await applyOrderActionTx(tx, { orderId, action: { type: "ALLOCATE" }, actor: STOCK_SYSTEM_ACTOR });
    } else if (now) {
      result = { ...result, to: now.status as typeof result.to };
    }
  }
  const first = lines[0] as ShortLine;
  const missingUnits = lines.reduce((n, l) => n + l.quantity - l.pickedQty, 0);
  // The order will be picked again in full by a later list, so what was picked for it goes back to its bins.
  const picked = await tx.pickListLine.aggregate({ where: { pickListId: list.id, orderId }, _sum: { pickedQty: true } });
  const putBack = picked._sum.pickedQty ?? 0;
  const reasons = [...new Set(lines.map((l) => l.shortReason).filter((r): r is string => !!r))].join("; ");
  await tx.exception.create({
    data: {
      type: "SHORT_PICK",
      orderId,
      skuId: first.skuId,
      message:
        `Pick list #${list.number}: order #${first.orderNumber} short by ${missingUnits} unit(s) ` +
        `(${lines.map((l) => `${l.skuCode} in ${l.binCode}`).join(", ")})${reasons ? `: ${reasons}` : ""}. Count the bin(s)` +
        (putBack > 0 ? `; return the ${putBack} unit(s) picked for it to their bins.` : "."),
      data: { pickListId: list.id, pickListNumber: list.number, reallocated, to: result.to, putBack, lines: detail } as Prisma.InputJsonValue,
    },
  });
  return result.to;
}
