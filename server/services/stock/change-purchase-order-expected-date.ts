/**
 * The supplier moved the delivery: a new expected date for an open or
 * partially received purchase order, with the reason. The date is a calendar
 * day of the merchant (their time zone, from the settings) and may not be
 * before today there. Audited as purchaseOrder.expectedDateChanged, from → to.
 */
import { z } from "zod";
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import type { Actor } from "@/server/services/order/actor";
import { audit } from "@/server/services/audit/audit-log";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { PO_AUDIT } from "@/server/services/stock/purchase-order-history";
import {
  assertExpectedDateNotPast, dayInZone, isPoOpen, OPEN_PO_STATUSES, poChangeRefusal, type PoStatus,
} from "@/server/services/stock/purchase-order-state";
import { poReason } from "@/server/services/stock/purchase-order-transition";
import { inStockTx } from "@/server/services/stock/stock-tx";

export const changeExpectedDateInput = z.object({
  purchaseOrderId: z.string().uuid(),
  expectedAt: z.coerce.date(),
  reason: poReason,
});
export type ChangeExpectedDateInput = z.infer<typeof changeExpectedDateInput>;

export interface ExpectedDateChange {
  purchaseOrderId: string;
  number: number;
  from: Date | null;
  to: Date;
}

interface LockedPo {
  id: string;
  number: number;
  status: PoStatus;
  expectedAt: Date | null;
}

export async function changePurchaseOrderExpectedDate(opts: { actor: Actor; input: ChangeExpectedDateInput; now?: Date; tx?: DbTx }): Promise<ExpectedDateChange> {
  const { input } = opts;
  const { timeZone } = await getMerchantSettings();
  assertExpectedDateNotPast(input.expectedAt, { now: opts.now ?? new Date(), timeZone });
  return inStockTx(opts.tx, async (tx) => {
    // The row lock keeps a concurrent cancel/close (or receipt) out until this change is written.
    const [po] = await tx.$queryRaw<LockedPo[]>(Prisma.sql`
      SELECT id, number, status::text AS status, "expectedAt" FROM "PurchaseOrder" WHERE id = ${input.purchaseOrderId}::uuid FOR UPDATE`);
    if (!po) throw new DomainError("NOT_FOUND", `Purchase order ${input.purchaseOrderId} not found.`);
    if (!isPoOpen(po.status)) {
      const lines = await tx.purchaseOrderLine.findMany({ where: { purchaseOrderId: po.id }, select: { quantityOrdered: true, quantityReceived: true } });
      throw poChangeRefusal("changeExpectedDate", { number: po.number, status: po.status, lines });
    }
    const day = dayInZone(input.expectedAt, timeZone);
    if (po.expectedAt && dayInZone(po.expectedAt, timeZone) === day) {
      throw new DomainError("VALIDATION", `Purchase order #${po.number} is already expected on ${day}.`, { field: "expectedAt", rule: "EXPECTED_DATE_UNCHANGED", number: po.number, date: day });
    }
    const { count } = await tx.purchaseOrder.updateMany({ where: { id: po.id, status: { in: [...OPEN_PO_STATUSES] } }, data: { expectedAt: input.expectedAt } });
    if (count !== 1) throw poChangeRefusal("changeExpectedDate", { number: po.number, status: po.status, lines: [] });
    await audit(tx, opts.actor, PO_AUDIT.expectedDateChanged, "PurchaseOrder", po.id, {
      number: po.number, from: po.expectedAt?.toISOString() ?? null, to: input.expectedAt.toISOString(), reason: input.reason,
    });
    return { purchaseOrderId: po.id, number: po.number, from: po.expectedAt, to: input.expectedAt };
  });
}
