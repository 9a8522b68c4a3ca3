/** Active carriers and their services, for choosing how a package ships. No tokens. */
import { db } from "@/server/db";
import { carrierAdapter } from "./carriers/registry";
import { readServices, type CarrierOption } from "./carrier-view";

export async function listCarrierOptions(opts: { includeInactive?: boolean } = {}): Promise<CarrierOption[]> {
  const rows = await db.carrier.findMany({
    where: opts.includeInactive ? {} : { active: true },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, kind: true, services: true },
  });
  return rows.map((r) => ({ ...r, services: readServices(r.services), typedTrackingNumber: carrierAdapter(r).typedTrackingNumber }));
}
