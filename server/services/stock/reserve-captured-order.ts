/**
 * Reservation right after capture (channel webhook, manual entry). The order
 * is already stored (capture is its own statement), so a failed reservation
 * must not lose or fail it: it becomes a STOCK_RESERVATION_FAILED exception
 * for a person, and APPROVE tries again (it reserves whatever was never
 * attempted).
 */
import { db } from "@/server/db";
import type { Actor } from "@/server/services/order/actor";
import type { ReservationContext } from "@/server/services/stock/reservation-read";
import { reserveOrderStock, type ReserveOrderResult } from "@/server/services/stock/reserve-order-stock";

/** `context`: the capture's CaptureResult.reservation, when nothing touched the order since it was captured. */
export async function reserveCapturedOrder(opts: { orderId: string; actor: Actor; context?: ReservationContext }): Promise<ReserveOrderResult | null> {
  try {
    return await reserveOrderStock(opts);
  } catch (e) {
    const message = e instanceof Error ? e.message.trim().split("\n").slice(-1)[0] ?? "unknown error" : String(e);
    try {
      await db.exception.create({
        data: { type: "STOCK_RESERVATION_FAILED", orderId: opts.orderId, message: `Stock could not be reserved for this order: ${message}`, data: { error: message } },
      });
    } catch {
      throw e;
    }
    return null;
  }
}
