/**
 * A person resolves (acknowledges) an exception: OPERATOR, WAREHOUSE, ADMIN.
 * One conditional UPDATE (… WHERE status = 'OPEN') records who, when and
 * the note, so of two people resolving the same exception exactly one wins;
 * the other is told who was first. The order's timeline gets an
 * "exception.resolved" event, and the audit log the change, in the same
 * transaction.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import { assertRole } from "@/server/services/shipping/shipping-roles";
import { EXCEPTION_RESOLVE_ROLES, MAX_RESOLUTION_NOTE } from "./exception-types";

export const resolveExceptionInput = z.object({
  id: z.uuid(),
  /** What was done about it. */
  note: z.string().trim().min(1, "Say what was done").max(MAX_RESOLUTION_NOTE),
});
export type ResolveExceptionInput = z.input<typeof resolveExceptionInput>;

export interface ResolvedException {
  id: string;
  type: string;
  status: "RESOLVED";
  resolvedAt: Date;
  resolvedById: string;
  resolvedBy: string;
  resolutionNote: string;
}

export async function resolveException(opts: { actor: SessionUser; input: ResolveExceptionInput }): Promise<ResolvedException> {
  const { actor } = opts;
  assertRole(EXCEPTION_RESOLVE_ROLES, actor, "resolve exceptions");
  const input = resolveExceptionInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; type: string; orderId: string | null; message: string; resolvedAt: Date }[]>(Prisma.sql`
      UPDATE "Exception" SET status = 'RESOLVED', "resolvedAt" = now(), "resolvedById" = ${actor.id}::uuid, "resolutionNote" = ${input.note}
      WHERE id = ${input.id}::uuid AND status = 'OPEN'
      RETURNING id, type, "orderId", message, "resolvedAt"`);
    if (!row) {
      const prev = await tx.exception.findUnique({
        where: { id: input.id },
        select: { resolvedAt: true, resolvedBy: { select: { name: true } } },
      });
      if (!prev) throw new DomainError("NOT_FOUND", `Exception ${input.id} not found.`, { rule: "EXCEPTION_NOT_FOUND" });
      const by = prev.resolvedBy?.name ?? "the system";
      const detail = `already resolved by ${by}${prev.resolvedAt ? ` at ${prev.resolvedAt.toISOString()}` : ""}`;
      throw new DomainError("GUARD_FAILED", `Exception ${input.id} is ${detail}.`, { rule: "EXCEPTION_ALREADY_RESOLVED", detail, resolvedBy: by, bySystem: prev.resolvedBy ? "no" : "yes" });
    }
    const what = { exceptionId: row.id, exceptionType: row.type, message: row.message, note: input.note };
    if (row.orderId) {
      await tx.orderEvent.create({
        data: { orderId: row.orderId, type: "exception.resolved", actorId: actor.id, actorLabel: actor.name, reason: input.note, data: what },
      });
    }
    await tx.auditLog.create({ data: { actorId: actor.id, action: "RESOLVE", entity: "Exception", entityId: row.id, data: what } });
    return {
      id: row.id,
      type: row.type,
      status: "RESOLVED" as const,
      resolvedAt: row.resolvedAt,
      resolvedById: actor.id,
      resolvedBy: actor.name,
      resolutionNote: input.note,
    };
  });
}
