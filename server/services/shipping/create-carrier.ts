/**
 * An ADMIN adds a carrier. Its code names the tracking webhook URL
 * (/api/carriers/<code>/tracking) and never changes; the tracking token is
 * generated here. Recorded in AuditLog without the token.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import { ruled } from "@/server/lib/zod-issue-view";
import { CARRIER_ADMIN_SELECT, CARRIER_KINDS, carrierServicesInput, generateTrackingToken, toCarrierAdminView, type CarrierAdminView } from "./carrier-view";
import { assertRole, CARRIER_ADMIN_ROLES } from "./shipping-roles";

export const createCarrierInput = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => /^[a-z0-9][a-z0-9-]{1,39}$/.test(v), ruled("CARRIER_CODE", "2–40 lower-case letters, digits or '-'")),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(CARRIER_KINDS),
  services: carrierServicesInput,
});
export type CreateCarrierInput = z.input<typeof createCarrierInput>;

export async function createCarrier(opts: { actor: SessionUser; input: CreateCarrierInput }): Promise<CarrierAdminView> {
  assertRole(CARRIER_ADMIN_ROLES, opts.actor, "manage carriers");
  const input = createCarrierInput.parse(opts.input);
  if (await db.carrier.findUnique({ where: { code: input.code }, select: { id: true } })) {
    throw new DomainError("DUPLICATE", `A carrier with code "${input.code}" already exists.`, { field: "code", rule: "CARRIER_CODE_TAKEN", code: input.code });
  }
  const created = await db.$transaction(async (tx) => {
    const row = await tx.carrier.create({
      data: { code: input.code, name: input.name, kind: input.kind, services: input.services, trackingToken: generateTrackingToken() },
      select: CARRIER_ADMIN_SELECT,
    });
    await tx.auditLog.create({
      data: {
        actorId: opts.actor.id,
        action: "carrier.created",
        entity: "Carrier",
        entityId: row.id,
        data: { code: input.code, name: input.name, kind: input.kind, services: input.services },
      },
    });
    return row;
  });
  return toCarrierAdminView(created, 0);
}
