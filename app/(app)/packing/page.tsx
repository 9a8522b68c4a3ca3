import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { PackStation } from "@/components/forms/pack-station";

/** The pack station: everything happens in the browser against the packing procedures (scan by scan). */
export default async function PackingPage() {
  await requireRole(...AREAS.packing.roles);
  return <PackStation />;
}
