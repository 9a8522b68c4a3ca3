/**
 * Reservation right after capture (channel webhook, manual entry). The order
 * is already stored (capture is its own statement), so a failed reservation
 * must not lose or fail it: it becomes a STOCK_RESERVATION_FAILED exception
 * for a person, and APPROVE tries again (it reserves whatever was never
 * attempted).
 */
import { db } from "@/server/db";
import type { Actor } from "@/server/services/order/actor";
import { reserveOrderStock, type ReserveOrderResult } from "@/server/services/stock/reserve-order-stock";

export async function reserveCapturedOrder(opts: { orderId: string; actor: Actor }): Promise<ReserveOrderResult | null> {
  try {
    return await reserveOrderStock(opts);
  } catch (e) {
    const message = e instanceof Error ? e.message.trim().split("\n").slice(-1)[0] ?? "unknown error" : String(e);
    try {
      await db.exception.create({
        data: { type: "STOCK_RESERVATION_FAILED", orderId: opts.orderId, message: `Stock could not be reserved for this order: ${message}` },
      });
    } catch {
      throw e;
    }
    return null;
  }
}
