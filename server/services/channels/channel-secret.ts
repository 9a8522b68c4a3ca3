/**
 * A pasted webhook secret: what the channel services accept, and what the
 * channel forms say about a typed one before it is sent. Pure (client-safe).
 */
import { z } from "zod";
import { ruled } from "@/server/lib/zod-issue-view";

export const CHANNEL_SECRET_MIN = 8;
/** The inputs stop there (maxLength). */
export const CHANNEL_SECRET_MAX = 500;

export const channelSecretInput = z
  .string()
  .trim()
  .min(CHANNEL_SECRET_MIN, `The secret must have at least ${CHANNEL_SECRET_MIN} characters`)
  .max(CHANNEL_SECRET_MAX)
  .refine((s) => !/\s/.test(s), ruled("NO_SPACES", "The secret cannot contain spaces"));

export type SecretProblem = { key: "secretTooShort"; count: number } | { key: "secretSpaces" } | null;

/** Why a typed secret would be refused (channels.manage.<key>); null when it is empty (not typed yet) or fine. */
export function secretProblem(text: string): SecretProblem {
  const secret = text.trim();
  if (secret === "" || channelSecretInput.safeParse(secret).success) return null;
  if (secret.length < CHANNEL_SECRET_MIN) return { key: "secretTooShort", count: secret.length };
  return /\s/.test(secret) ? { key: "secretSpaces" } : null;
}
