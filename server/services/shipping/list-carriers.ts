/** Every carrier with its tracking token, for the carrier settings page (ADMIN). */
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { CARRIER_ADMIN_SELECT, toCarrierAdminView, type CarrierAdminView } from "./carrier-view";
import { assertRole, CARRIER_ADMIN_ROLES } from "./shipping-roles";

export async function listCarriers(opts: { actor: SessionUser }): Promise<CarrierAdminView[]> {
  assertRole(CARRIER_ADMIN_ROLES, opts.actor, "manage carriers");
  const rows = await db.carrier.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { ...CARRIER_ADMIN_SELECT, _count: { select: { shipments: true } } },
  });
  return rows.map((r) => toCarrierAdminView(r, r._count.shipments));
}
