/** One package as the pack station shows it: lines with their counts, the box, the override, the last scans. */
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { assertMayPack } from "@/server/services/packing/packing-access";
import { loadPackage, recentScans, toView, type PackageView } from "@/server/services/packing/package-state";

export async function getPackage(opts: { actor: SessionUser; packageId: string }): Promise<PackageView> {
  assertMayPack(opts.actor);
  const pkg = await loadPackage(db, opts.packageId);
  if (!pkg) throw new DomainError("NOT_FOUND", `Package ${opts.packageId} not found.`, { rule: "PACKAGE_NOT_FOUND" });
  return toView(pkg, await recentScans(db, pkg));
}
