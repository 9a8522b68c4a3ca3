/**
 * A purchase order's history for its page: its AuditLog rows (one range of the
 * (entity, entityId) index), newest first — created, each receipt, cancelled,
 * closed short, expected date changed — with who, when, what and why.
 */
import { db } from "@/server/db";
import { PO_STATUSES, type PoStatus } from "@/server/services/stock/purchase-order-state";

export const PO_AUDIT = {
  created: "purchaseOrder.created",
  received: "purchaseOrder.received",
  cancelled: "purchaseOrder.cancelled",
  closedShort: "purchaseOrder.closedShort",
  expectedDateChanged: "purchaseOrder.expectedDateChanged",
} as const;
export type PoHistoryKind = keyof typeof PO_AUDIT;
export const PO_HISTORY_KINDS = Object.keys(PO_AUDIT) as [PoHistoryKind, ...PoHistoryKind[]];

/** At most this many entries are shown (a purchase order is received a handful of times). */
export const MAX_PO_HISTORY = 200;

export interface PoHistoryEntry {
  id: string;
  kind: PoHistoryKind;
  at: Date;
  /** Actor label: a person's name, or "system" / "channel:…" (components/ui/actor-label.tsx). */
  by: string;
  reason: string | null;
  /** Received, cancelled or not delivered (closed short) units; null for the others. */
  units: number | null;
  /** The status the change left, when it changed one. */
  status: PoStatus | null;
  /** Expected date change: before (null: none was set) → after. */
  from: Date | null;
  to: Date | null;
}

const KIND_OF = new Map<string, PoHistoryKind>(Object.entries(PO_AUDIT).map(([k, v]) => [v, k as PoHistoryKind]));

const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const count = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const status = (v: unknown): PoStatus | null => (PO_STATUSES as readonly unknown[]).includes(v) ? (v as PoStatus) : null;
function date(v: unknown): Date | null {
  if (typeof v !== "string") return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

export async function purchaseOrderHistory(purchaseOrderId: string): Promise<PoHistoryEntry[]> {
  const rows = await db.auditLog.findMany({
    where: { entity: "PurchaseOrder", entityId: purchaseOrderId, action: { in: Object.values(PO_AUDIT) } },
    orderBy: { id: "desc" },
    take: MAX_PO_HISTORY,
    select: { id: true, createdAt: true, action: true, actorId: true, data: true },
  });
  // Older rows (created, received) carry only the actor's id; newer ones their name then (audit-log.ts).
  const ids = [...new Set(rows.filter((r) => r.actorId && !text(record(r.data).by)).map((r) => r.actorId as string))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.flatMap((r) => {
    const kind = KIND_OF.get(r.action);
    if (!kind) return [];
    const d = record(r.data);
    return [{
      id: r.id.toString(),
      kind,
      at: r.createdAt,
      by: text(d.by) ?? (r.actorId ? (names.get(r.actorId) ?? "") : "system"),
      reason: text(d.reason),
      units: count(d.units),
      status: status(d.status),
      from: date(d.from),
      to: date(d.to),
    }];
  });
}
