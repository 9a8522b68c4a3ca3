/**
 * Demo pick lists: every PICKING order is on one OPEN pick list of its
 * warehouse, as the app's waves make them — up to 10 orders a list, oldest
 * first, one tote per order, and per order line its reserved units drawn from
 * the SKU's bins along the walking path (pickSequence), never more than a bin
 * holds for sale. Nothing is picked yet: lines are PENDING and no stock moves.
 * Without this, /picking shows orders "in picking" that no list holds.
 */
import { randomUUID } from "node:crypto";
import { getDb } from "@/server/db";
import type { SeedWriter } from "./write";

const LIST_ORDERS = 10;

interface OrderRow { id: string; warehouseId: string; startedAt: Date }
interface LineRow { orderId: string; orderLineId: string; skuId: string; quantity: number }
interface BinRow { skuId: string; binId: string; warehouseId: string; free: number }

export interface PickingSeedCounts { pickLists: number; pickListLines: number }

export async function seedPickLists(writer: SeedWriter): Promise<PickingSeedCounts> {
  const db = getDb();
  if ((await db.pickList.count()) > 0) await db.$executeRawUnsafe(`TRUNCATE "PickList" RESTART IDENTITY CASCADE`);
  const picker = (await db.user.findFirst({ where: { role: "WAREHOUSE" }, orderBy: { email: "asc" }, select: { id: true } }))?.id ?? null;
  const orders = await db.$queryRaw<OrderRow[]>`
    SELECT o.id, o."warehouseId",
      COALESCE((SELECT max(e."createdAt") FROM "OrderEvent" e WHERE e."orderId" = o.id AND e.type = 'order.picking_started'), o."updatedAt") AS "startedAt"
    FROM "Order" o WHERE o.status = 'PICKING' AND o."warehouseId" IS NOT NULL
    ORDER BY o."warehouseId", o."placedAt", o.number`;
  if (orders.length === 0) return { pickLists: 0, pickListLines: 0 };
  const lines = await db.$queryRaw<LineRow[]>`
    SELECT l."orderId", l.id AS "orderLineId", l."skuId", l."reservedQty" AS quantity
    FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId"
    WHERE o.status = 'PICKING' AND l."skuId" IS NOT NULL AND l."reservedQty" > 0
    ORDER BY l."orderId", l."lineNo"`;
  const bins = await db.$queryRaw<BinRow[]>`
    SELECT bs."skuId", bs."binId", b."warehouseId", bs."onHand" - bs.unavailable AS free
    FROM "BinStock" bs JOIN "Bin" b ON b.id = bs."binId"
    WHERE bs."skuId" IN (SELECT DISTINCT l."skuId" FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" WHERE o.status = 'PICKING')
      AND bs."onHand" > bs.unavailable
    ORDER BY b."pickSequence", b.code`;
  const binsOf = new Map<string, BinRow[]>();
  for (const b of bins) {
    const key = `${b.skuId}|${b.warehouseId}`;
    binsOf.set(key, [...(binsOf.get(key) ?? []), { ...b }]);
  }
  const linesOf = new Map<string, LineRow[]>();
  for (const l of lines) linesOf.set(l.orderId, [...(linesOf.get(l.orderId) ?? []), l]);

  const lists: object[] = [];
  const listOrders: object[] = [];
  const listLines: object[] = [];
  for (let i = 0; i < orders.length; ) {
    const wh = orders[i]!.warehouseId;
    const group: OrderRow[] = [];
    while (i < orders.length && orders[i]!.warehouseId === wh && group.length < LIST_ORDERS) group.push(orders[i++]!);
    const listId = randomUUID();
    const createdAt = new Date(Math.min(...group.map((o) => o.startedAt.getTime())));
    lists.push({ id: listId, warehouseId: wh, status: "OPEN", rule: { kind: "wave", warehouseId: wh, dueBefore: null, maxOrders: LIST_ORDERS, maxUnits: null, groupBy: null }, createdById: picker, assignedToId: picker, createdAt });
    group.forEach((o, t) => {
      const tote = t + 1;
      listOrders.push({ pickListId: listId, orderId: o.id, tote, open: true });
      for (const l of linesOf.get(o.id) ?? []) {
        // Along the walking path; what a bin gives to one line is no longer there for the next.
        let left = l.quantity;
        for (const b of binsOf.get(`${l.skuId}|${wh}`) ?? []) {
          if (left === 0) break;
          const take = Math.min(left, b.free);
          if (take <= 0) continue;
          b.free -= take;
          left -= take;
          listLines.push({ id: randomUUID(), pickListId: listId, orderId: o.id, orderLineId: l.orderLineId, skuId: l.skuId, binId: b.binId, tote, quantity: take, pickedQty: 0, status: "PENDING" });
        }
        if (left > 0) throw new Error(`seed: order line ${l.orderLineId} is reserved in a warehouse whose bins hold ${l.quantity - left} of its ${l.quantity} units`);
      }
    });
  }
  const pickLists = await writer.insert("PickList", lists);
  await writer.insert("PickListOrder", listOrders);
  const pickListLines = await writer.insert("PickListLine", listLines);
  return { pickLists, pickListLines };
}
