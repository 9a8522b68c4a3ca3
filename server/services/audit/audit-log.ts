/**
 * The AuditLog row of a change made to something that has no timeline of its
 * own (a product, a SKU, a customer): who (and their name then), the action,
 * what it was about, and the fields before → after. Read back by entity and id
 * (the AuditLog (entity, entityId) index), e.g. a customer's edit history.
 */
import type { DbTx } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { actorFields, type Actor } from "@/server/services/order/actor";

export type AuditValue = string | number | boolean | null;

export type AuditEntity = "Product" | "Sku" | "Customer" | "PurchaseOrder";

/** The fields whose value changes, as { before, after } (only those), or null when nothing changes. */
export function diff<T extends Record<string, AuditValue>>(before: T, patch: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const next = patch[key];
    if (next === undefined || next === before[key]) continue;
    b[key] = before[key];
    a[key] = next;
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}

export function auditEntry(actor: Actor, action: string, entity: AuditEntity, entityId: string, data: Record<string, unknown>) {
  const who = actorFields(actor);
  return { actorId: who.actorId, action, entity, entityId, data: { ...data, by: who.actorLabel } as Prisma.InputJsonObject };
}

export function audit(tx: DbTx, actor: Actor, action: string, entity: AuditEntity, entityId: string, data: Record<string, unknown>) {
  return tx.auditLog.create({ data: auditEntry(actor, action, entity, entityId, data) });
}
