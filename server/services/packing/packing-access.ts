/**
 * Who works the pack station. The tRPC procedures declare these roles; the
 * services assert them again, so a script or another caller cannot skip them.
 */
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import type { Role } from "@/server/lib/roles";

export const PACKING_ROLES = ["WAREHOUSE", "ADMIN"] as const satisfies readonly Role[];

export function assertMayPack(actor: SessionUser): void {
  if (!(PACKING_ROLES as readonly Role[]).includes(actor.role)) {
    throw new DomainError("FORBIDDEN", `A ${actor.role} may not use the pack station.`);
  }
}
