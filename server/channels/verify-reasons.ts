/**
 * Why a delivery's signature or token was refused: English as stored in the
 * "Signature check failed: …" note (and answered to the platform with the 401),
 * read back into a key and values with the same template so Channel deliveries
 * words it in the reader's language (channels.deliveries.verify.<key>). Pure and client-safe.
 */
import { templateTable, type TemplateParams } from "@/server/lib/text-templates";

export const VERIFY_REASONS = {
  missingHeader: "missing {header} header",
  noSecret: "no webhook secret configured for this channel",
  malformedHeader: "malformed {header} header (not a {encoding} SHA-256 digest)",
  signatureMismatch: "{header} does not match the body (wrong secret or altered body)",
  missingToken: "missing token",
  noToken: "no shared token configured for this channel",
  tokenMismatch: "token does not match the channel secret",
} as const;
export type VerifyReasonKey = keyof typeof VERIFY_REASONS;

const table = templateTable<VerifyReasonKey>("verify reason", VERIFY_REASONS);

export function verifyReason(key: VerifyReasonKey, params?: TemplateParams): string {
  return table.write(key, params);
}

export const readVerifyReason = table.read;
