/**
 * Give an order's stock back and reserve it again by the allocation rules —
 * without the excluded warehouses — in the caller's transaction:
 *   1. release every ACTIVE reservation to no one yet (the order's backorders
 *      and its ORDER_BACKORDERED exception go with them),
 *   2. forget the order's warehouse, so nothing pins it to the old one,
 *   3. reserve its lines again (reserve-order-stock.ts; the pure reallocate()
 *      records why the excluded warehouses were not chosen),
 *   4. hand what it did not take again to the orders waiting for those SKUs,
 *      oldest first — never back to this order.
 * Used by the REALLOCATE action (order-stock-hooks.ts) and when a channel
 * sends the delivery address after the order (apply-channel-address.ts).
 */
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/services/order/actor";
import { autoReserveBackorders } from "@/server/services/stock/auto-reserve-backorders";
import { releaseOrderStock } from "@/server/services/stock/release-order-stock";
import { reserveOrderStock, type ReserveOrderResult } from "@/server/services/stock/reserve-order-stock";

export async function reallocateOrderStock(tx: DbTx, opts: {
  orderId: string;
  actor: Actor;
  /** For the ledger and the timeline (a ledger reason: ledger-reasons.ts). */
  reason: string;
  excludeWarehouseIds?: readonly string[];
  /** As reserveOrderStock: an approved order backorders what is missing; by default the merchant's setting decides. */
  policy?: "BACKORDER" | "HOLD";
}): Promise<ReserveOrderResult> {
  const { released } = await releaseOrderStock({ tx, orderId: opts.orderId, actor: opts.actor, reason: opts.reason, refill: false });
  await tx.order.update({ where: { id: opts.orderId }, data: { warehouseId: null } });
  const reserved = await reserveOrderStock({ tx, orderId: opts.orderId, actor: opts.actor, policy: opts.policy, excludeWarehouseIds: opts.excludeWarehouseIds ?? [] });
  if (released.length > 0) await autoReserveBackorders({ tx, pairs: released, trigger: opts.reason, skipOrderIds: [opts.orderId] });
  return reserved;
}
