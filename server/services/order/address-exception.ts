/**
 * ADDRESS_INCOMPLETE: an order whose delivery address a carrier cannot use
 * (shipping-address.ts missingAddressFields) is an exception in plain sight,
 * not only a refusal when someone tries to approve it (SHIPPING_ADDRESS_COMPLETE).
 *
 *  - opened when an address that cannot be used arrives: with the order
 *    (capture-order.ts, in the capture statement), in a later version of it
 *    (update-channel-order.ts) or in a document of its own
 *    (apply-channel-address.ts). An order that arrives with no address at all
 *    is not one: Mercado Livre and Amazon send it afterwards;
 *  - resolved by the system when the order's address becomes usable (a
 *    person's correction, correct-shipping-address.ts, resolves it in their
 *    name) or when the order is cancelled;
 *  - at most one OPEN per order; a later unusable address updates what it says.
 */
import { Prisma } from "@/server/generated/prisma/client";
import type { DbTx } from "@/server/db";
import { onOrderAction } from "@/server/services/order/order-action-hooks";
import { missingAddressFields, type CarrierAddressField } from "@/server/services/shipping/shipping-address";

export const ADDRESS_INCOMPLETE = "ADDRESS_INCOMPLETE";

export interface AddressExceptionData {
  missing: CarrierAddressField[];
}

/** What a present address lacks for a carrier; empty when it can be used, or when there is no address yet. */
export function unusableAddressFields(address: unknown): CarrierAddressField[] {
  if (typeof address !== "object" || address === null || Array.isArray(address)) return [];
  return missingAddressFields(address);
}

/** The stored English text (the UI words it in the reader's language from the data: exception-text.ts). */
export function addressExceptionMessage(orderNumber: number | string, missing: readonly CarrierAddressField[]): string {
  return `Order #${orderNumber}: a carrier cannot use the delivery address (missing or not usable: ${missing.join(", ")}). Correct it on the order page.`;
}

/**
 * Brings the order's ADDRESS_INCOMPLETE in line with `address`, its delivery address now: opens one (or updates the
 * open one) while the address cannot be used, resolves it once it can. `resolvedById`: the person whose correction
 * made it usable. In the caller's transaction, with the order row locked.
 */
export async function syncAddressException(
  tx: DbTx,
  opts: { orderId: string; orderNumber: number; address: unknown; resolvedById?: string | null },
): Promise<"OPENED" | "UPDATED" | "RESOLVED" | "NONE"> {
  const missing = unusableAddressFields(opts.address);
  const open = await tx.exception.findFirst({ where: { orderId: opts.orderId, type: ADDRESS_INCOMPLETE, status: "OPEN" }, select: { id: true, data: true } });
  if (missing.length === 0) {
    if (!open) return "NONE";
    await tx.exception.update({
      where: { id: open.id },
      // No note: it would be English on a page read in Portuguese; the order's timeline says what changed.
      data: { status: "RESOLVED", resolvedAt: new Date(), resolvedById: opts.resolvedById ?? null },
    });
    return "RESOLVED";
  }
  const data = { missing } satisfies AddressExceptionData as Prisma.InputJsonObject;
  const message = addressExceptionMessage(opts.orderNumber, missing);
  if (!open) {
    await tx.exception.create({ data: { type: ADDRESS_INCOMPLETE, orderId: opts.orderId, message, data } });
    return "OPENED";
  }
  const before = (open.data as Partial<AddressExceptionData> | null)?.missing ?? [];
  if (before.join() === missing.join()) return "NONE";
  await tx.exception.update({ where: { id: open.id }, data: { message, data } });
  return "UPDATED";
}

// A cancelled order ships nowhere: its address is nobody's problem any more.
onOrderAction("CANCEL", async (tx, ctx) => {
  await tx.exception.updateMany({
    where: { orderId: ctx.orderId, type: ADDRESS_INCOMPLETE, status: "OPEN" },
    data: { status: "RESOLVED", resolvedAt: new Date() },
  });
});
