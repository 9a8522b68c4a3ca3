/**
 * What a short pick does to stock. The picker did not find `missing` units of
 * a SKU in a bin, so the books hold units that are not there:
 *
 *  1. those units are set aside in that bin (TO_UNAVAILABLE, kind QUARANTINE,
 *     through the stock ledger) so no later pick list or reservation
 *     counts on them; a count of the bin clears or writes them off;
 *  2. if the warehouse still holds enough sellable units elsewhere for every
 *     reservation, the order keeps its reservation (it will be picked from
 *     another bin: "reallocated");
 *  3. otherwise the order gives up just enough of its reservation for the
 *     warehouse's books to stay whole (on hand ≥ reserved + unavailable) —
 *     one RELEASE movement — and those units are what the order now lacks.
 *
 * Lock order as in the stock engine (stock-tx.ts): Reservation rows →
 * StockBalance → BinStock → OrderLine.
 */
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { Actor } from "@/server/services/order/actor";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { who } from "@/server/services/stock/stock-tx";

export interface MissingUnits {
  orderId: string;
  orderLineId: string;
  skuId: string;
  binId: string;
  warehouseId: string;
  missing: number;
  reason: string;
}

export interface SetAsideResult {
  /** Units moved to unavailable in the bin. */
  setAside: number;
  /** Units of the order's reservation given back (the order now lacks them). */
  released: number;
}

export async function setAsideMissingUnits(tx: DbTx, m: MissingUnits, actor: Actor): Promise<SetAsideResult> {
  const reservations = await tx.$queryRaw<{ id: string; quantity: number }[]>(Prisma.sql`
    SELECT id::text, quantity FROM "Reservation"
    WHERE "orderLineId" = ${m.orderLineId}::uuid AND "warehouseId" = ${m.warehouseId}::uuid AND status = 'ACTIVE'
    ORDER BY id FOR UPDATE`);
  const [bal] = await tx.$queryRaw<{ onHand: number; reserved: number; unavailable: number }[]>(Prisma.sql`
    SELECT "onHand", reserved, unavailable FROM "StockBalance"
    WHERE "skuId" = ${m.skuId}::uuid AND "warehouseId" = ${m.warehouseId}::uuid FOR UPDATE`);
  const [bin] = await tx.$queryRaw<{ onHand: number; unavailable: number }[]>(Prisma.sql`
    SELECT "onHand", unavailable FROM "BinStock" WHERE "skuId" = ${m.skuId}::uuid AND "binId" = ${m.binId}::uuid FOR UPDATE`);
  if (!bal || !bin) return { setAside: 0, released: 0 };

  const held = reservations.reduce((n, r) => n + r.quantity, 0);
  let setAside = Math.max(0, Math.min(m.missing, bin.onHand - bin.unavailable));
  const needed = Math.max(0, bal.reserved + bal.unavailable + setAside - bal.onHand);
  const released = Math.min(needed, held, m.missing);
  // Other orders' reservations cannot be touched here: set aside only what the books can take.
  setAside = Math.min(setAside, bal.onHand - (bal.reserved - released) - bal.unavailable);
  const { actorId, actorLabel } = who(actor);

  if (released > 0) {
    let left = released;
    for (const r of reservations) {
      if (left === 0) break;
      const take = Math.min(left, r.quantity);
      left -= take;
      if (take === r.quantity) {
        await tx.$executeRaw(Prisma.sql`UPDATE "Reservation" SET status = 'RELEASED', "closedAt" = now() WHERE id = ${r.id}::uuid`);
      } else {
        await tx.$executeRaw(Prisma.sql`UPDATE "Reservation" SET quantity = quantity - ${take} WHERE id = ${r.id}::uuid`);
      }
    }
    await tx.$executeRaw(Prisma.sql`
      WITH bal AS (
        UPDATE "StockBalance" SET reserved = reserved - ${released}
        WHERE "skuId" = ${m.skuId}::uuid AND "warehouseId" = ${m.warehouseId}::uuid
        RETURNING 1
      ), mov AS (
        INSERT INTO "StockMovement" (type, "skuId", "warehouseId", "reservedDelta", reason, "actorId", "actorLabel", "orderId")
        VALUES ('RELEASE', ${m.skuId}::uuid, ${m.warehouseId}::uuid, ${-released}, ${m.reason}, ${actorId}::uuid, ${actorLabel}, ${m.orderId}::uuid)
        RETURNING 1
      ), ev AS (
        INSERT INTO "OrderEvent" ("orderId", type, "actorId", "actorLabel", reason, data)
        VALUES (${m.orderId}::uuid, 'stock.released', ${actorId}::uuid, ${actorLabel}, ${m.reason}, jsonb_build_object('units', ${released}::int, 'reservations', ${reservations.length}::int))
        RETURNING 1
      )
      UPDATE "OrderLine" SET "reservedQty" = "reservedQty" - ${released} WHERE id = ${m.orderLineId}::uuid`);
  }
  if (setAside > 0) {
    await applyBinChanges(tx, {
      actor,
      changes: [{ type: "TO_UNAVAILABLE", skuId: m.skuId, binId: m.binId, unavailableDelta: setAside, unavailableKind: "QUARANTINE", reason: m.reason, orderId: m.orderId }],
    });
  }
  return { setAside, released };
}
