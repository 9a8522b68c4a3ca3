/**
 * A customer's edit history for their page, newest first: the corrections
 * ("customer.updated" AuditLog rows, update-customer.ts), each with who, when
 * and the fields from → to, and the corrected fields handed back to the
 * channels ("customer.follows_channel", follow-channel.ts), with whether the
 * latest order's value was restored (and from which order) or the next order
 * will bring it. One range of the AuditLog (entity, entityId) index.
 */
import { db } from "@/server/db";
import { CUSTOMER_EDITABLE_FIELDS, CUSTOMER_FOLLOWS_CHANNEL, type CustomerEditableField } from "@/server/services/customer/customer-inputs";
import { CUSTOMER_UPDATED } from "@/server/services/customer/update-customer";

/** At most this many edits are shown. */
export const MAX_HISTORY = 20;

export interface CustomerFieldChange {
  field: CustomerEditableField;
  from: string | null;
  to: string | null;
}

/** A corrected field handed back to the channels. */
export interface CustomerFollowsChannel {
  field: CustomerEditableField;
  /** The latest order's value was restored at once (orderNumber: that order); else the next order brings it. */
  restored: boolean;
  orderNumber: number | null;
}

export interface CustomerEdit {
  id: string;
  at: Date;
  /** The person's name when they made the edit. */
  by: string;
  /** The values that changed (a correction; a restored value that differed). */
  changes: CustomerFieldChange[];
  /** Set when the entry hands a field back to the channels; null for a correction. */
  followsChannel: CustomerFollowsChannel | null;
}

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const isField = (v: unknown): v is CustomerEditableField => (CUSTOMER_EDITABLE_FIELDS as readonly unknown[]).includes(v);

function followsChannel(data: Record<string, unknown>): CustomerFollowsChannel | null {
  if (!isField(data.field)) return null;
  return { field: data.field, restored: data.restored === true, orderNumber: typeof data.orderNumber === "number" ? data.orderNumber : null };
}

export async function customerHistory(customerId: string): Promise<CustomerEdit[]> {
  const rows = await db.auditLog.findMany({
    where: { entity: "Customer", entityId: customerId, action: { in: [CUSTOMER_UPDATED, CUSTOMER_FOLLOWS_CHANNEL] } },
    orderBy: { id: "desc" },
    take: MAX_HISTORY,
    select: { id: true, createdAt: true, action: true, data: true },
  });
  return rows.map((r) => {
    const data = record(r.data);
    const before = record(data.before);
    const after = record(data.after);
    return {
      id: r.id.toString(),
      at: r.createdAt,
      by: text(data.by) ?? "",
      changes: CUSTOMER_EDITABLE_FIELDS.filter((f) => f in after).map((field) => ({ field, from: text(before[field]), to: text(after[field]) })),
      followsChannel: r.action === CUSTOMER_FOLLOWS_CHANNEL ? followsChannel(data) : null,
    };
  });
}
