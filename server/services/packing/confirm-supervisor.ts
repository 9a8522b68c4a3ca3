/**
 * A supervisor's override at the pack station: an active ADMIN confirms with
 * their own e-mail and password, checked here with bcrypt (the packer's session
 * proves nothing about the supervisor). Failures are throttled like sign-ins,
 * per supervisor account, so the override form cannot be used to guess an
 * admin's password; every failure answers the same, whatever was wrong.
 */
import bcrypt from "bcryptjs";
import { db } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { lockedUntil, recordFailure, recordSuccess, throttleKey } from "@/server/services/auth/login-throttle";

const THROTTLE_SOURCE = "pack-override";
/** Compared against when the account does not qualify, so the answer takes as long either way. */
const DUMMY_HASH = "$2b$10$KNVXNoHMDbdcO2VkYVM29OMdRYI4FkTkpYwXpRANkqOkSbcAwqa4.";

export interface Supervisor {
  id: string;
  name: string;
}

function refused(): DomainError {
  return new DomainError("FORBIDDEN", "Override refused: the e-mail and password do not belong to an active administrator.", {
    rule: "OVERRIDE_REFUSED",
  });
}

export async function confirmSupervisor(opts: { email: string; password: string }): Promise<Supervisor> {
  const email = opts.email.trim().toLowerCase();
  if (!email || !opts.password) throw refused();
  const key = throttleKey(email, THROTTLE_SOURCE);
  if (await lockedUntil(key)) {
    throw new DomainError("FORBIDDEN", "Too many failed overrides for this administrator; wait a few minutes.", { rule: "OVERRIDE_THROTTLED" });
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, role: true, active: true, passwordHash: true } });
  const qualifies = user !== null && user.active && user.role === "ADMIN";
  const matches = await bcrypt.compare(opts.password, qualifies ? user.passwordHash : DUMMY_HASH);
  if (!qualifies || !matches) {
    await recordFailure(key);
    throw refused();
  }
  await recordSuccess(key);
  return { id: user.id, name: user.name };
}
