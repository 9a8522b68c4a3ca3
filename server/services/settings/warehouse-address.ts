/**
 * The warehouses' sender (remetente) address, printed on the shipping labels
 * of the packages they dispatch (shipping/get-shipment-label.ts). ADMIN edits
 * it on the settings page (the router checks the role). Every part is
 * optional (a warehouse without one prints city and UF only), but a complement,
 * district or CEP needs the street (SENDER_STREET); a CEP must have 8 digits and
 * is stored "01310-100". Each change is an AuditLog row.
 */
import { z } from "zod";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import type { WarehouseSummary } from "@/server/services/stock/list-stock-locations";
import { normalizeCep } from "@/server/lib/br-documents";
import { DomainError } from "@/server/lib/domain-error";
import { ruled } from "@/server/lib/zod-issue-view";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v));

export const warehouseAddressInput = z
  .object({
  warehouseId: z.guid(),
  /** Street and number. */
  line1: optional(200),
  /** Complement. */
  line2: optional(200),
  district: optional(120),
  postalCode: optional(20)
    .refine((v) => v === null || normalizeCep(v) !== null, ruled("CEP", "A CEP has 8 digits, e.g. 01310-100"))
    .transform((v) => (v === null ? null : normalizeCep(v))),
  })
  // A sender line needs its street: a complement, district or CEP alone would print half an address on the label.
  .refine((a) => a.line1 !== null || (a.line2 === null && a.district === null && a.postalCode === null), {
    path: ["line1"],
    message: "Give the street and number, or leave the whole address empty",
    params: { rule: "SENDER_STREET" },
  });

export interface WarehouseAddressView extends WarehouseSummary {
  line1: string | null;
  line2: string | null;
  district: string | null;
  postalCode: string | null;
}

const SELECT = { id: true, code: true, name: true, city: true, state: true, active: true, line1: true, line2: true, district: true, postalCode: true } as const;

export async function listWarehouseAddresses(): Promise<WarehouseAddressView[]> {
  return db.warehouse.findMany({ orderBy: { code: "asc" }, select: SELECT });
}

export async function updateWarehouseAddress(opts: { actor: SessionUser; input: z.output<typeof warehouseAddressInput> }): Promise<WarehouseAddressView> {
  const { actor, input } = opts;
  const { warehouseId, ...address } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.warehouse.findUnique({ where: { id: warehouseId }, select: SELECT });
    if (!before) throw new DomainError("NOT_FOUND", `Warehouse ${warehouseId} not found.`);
    const after = await tx.warehouse.update({ where: { id: warehouseId }, data: address, select: SELECT });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "warehouse.address_updated",
        entity: "Warehouse",
        entityId: warehouseId,
        data: { before: { line1: before.line1, line2: before.line2, district: before.district, postalCode: before.postalCode }, after: address },
      },
    });
    return after;
  });
}
