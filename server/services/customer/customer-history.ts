/**
 * A customer's edit history for their page: the "customer.updated" AuditLog
 * rows (update-customer.ts), newest first, each with who, when and the fields
 * from → to. One range of the AuditLog (entity, entityId) index.
 */
import { db } from "@/server/db";
import { CUSTOMER_EDITABLE_FIELDS, type CustomerEditableField } from "@/server/services/customer/customer-inputs";
import { CUSTOMER_UPDATED } from "@/server/services/customer/update-customer";

/** At most this many edits are shown. */
export const MAX_HISTORY = 20;

export interface CustomerFieldChange {
  field: CustomerEditableField;
  from: string | null;
  to: string | null;
}

export interface CustomerEdit {
  id: string;
  at: Date;
  /** The person's name when they made the edit. */
  by: string;
  changes: CustomerFieldChange[];
}

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export async function customerHistory(customerId: string): Promise<CustomerEdit[]> {
  const rows = await db.auditLog.findMany({
    where: { entity: "Customer", entityId: customerId, action: CUSTOMER_UPDATED },
    orderBy: { id: "desc" },
    take: MAX_HISTORY,
    select: { id: true, createdAt: true, data: true },
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
    };
  });
}
