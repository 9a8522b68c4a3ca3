/**
 * An ADMIN renames a carrier, changes its kind or services, (de)activates it
 * or rotates its tracking token (the carrier must then be given the new one).
 * The code is fixed: it is part of the tracking URL. AuditLog without the token.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import { CARRIER_ADMIN_SELECT, CARRIER_KINDS, carrierServicesInput, generateTrackingToken, readServices, toCarrierAdminView, type CarrierAdminView } from "./carrier-view";
import { assertRole, CARRIER_ADMIN_ROLES } from "./shipping-roles";

export const updateCarrierInput = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1).max(120).optional(),
  kind: z.enum(CARRIER_KINDS).optional(),
  services: carrierServicesInput.optional(),
  active: z.boolean().optional(),
  rotateToken: z.boolean().optional(),
});
export type UpdateCarrierInput = z.input<typeof updateCarrierInput>;

export async function updateCarrier(opts: { actor: SessionUser; input: UpdateCarrierInput }): Promise<CarrierAdminView> {
  assertRole(CARRIER_ADMIN_ROLES, opts.actor, "manage carriers");
  const input = updateCarrierInput.parse(opts.input);
  const before = await db.carrier.findUnique({ where: { id: input.id }, select: CARRIER_ADMIN_SELECT });
  if (!before) throw new DomainError("NOT_FOUND", `Carrier ${input.id} not found.`);
  const beforeServices = readServices(before.services);
  const changes: Record<string, { from: Prisma.InputJsonValue; to: Prisma.InputJsonValue } | string> = {};
  const data: { name?: string; kind?: (typeof CARRIER_KINDS)[number]; services?: string[]; active?: boolean; trackingToken?: string } = {};
  if (input.name !== undefined && input.name !== before.name) changes.name = { from: before.name, to: (data.name = input.name) };
  if (input.kind !== undefined && input.kind !== before.kind) changes.kind = { from: before.kind, to: (data.kind = input.kind) };
  if (input.services !== undefined && JSON.stringify(input.services) !== JSON.stringify(beforeServices)) {
    changes.services = { from: beforeServices, to: (data.services = input.services) };
  }
  if (input.active !== undefined && input.active !== before.active) changes.active = { from: before.active, to: (data.active = input.active) };
  if (input.rotateToken === true) {
    data.trackingToken = generateTrackingToken();
    changes.trackingToken = "rotated";
  }
  const after =
    Object.keys(changes).length === 0
      ? before
      : await db.$transaction(async (tx) => {
          const row = await tx.carrier.update({ where: { id: input.id }, data, select: CARRIER_ADMIN_SELECT });
          await tx.auditLog.create({ data: { actorId: opts.actor.id, action: "carrier.updated", entity: "Carrier", entityId: input.id, data: changes } });
          return row;
        });
  const shipmentCount = await db.shipment.count({ where: { carrierId: input.id } });
  return toCarrierAdminView(after, shipmentCount);
}
