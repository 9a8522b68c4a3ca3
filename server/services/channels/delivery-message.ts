/**
 * What a delivery's stored error or note says, read back into a key and its
 * values so a screen can word it in the reader's language: a note Fluxo wrote
 * (delivery-notes.ts → channels.deliveries.notes.<key>), a refusal by one of
 * Fluxo's services while applying it (delivery-refusals.ts → the DomainError's
 * code and values, worded like every DomainError) or why a connector could not
 * read the document (server/channels/parse-errors.ts → channelErrors.<rule>).
 * null for any other text (one stored before these existed): it is shown as
 * stored. Read from the whole stored text, before a list shortens it. Pure and
 * client-safe.
 */
import { readChannelParseError, type ChannelParseRule } from "@/server/channels/parse-errors";
import type { DomainErrorCode } from "@/server/lib/domain-error";
import { readDeliveryNote, type DeliveryNoteKey } from "@/server/services/channels/delivery-notes";
import { readDeliveryRefusal, type RefusalParams } from "@/server/services/channels/delivery-refusals";

export type DeliveryMessage =
  | { kind: "note"; key: DeliveryNoteKey; params: Record<string, string>; orderStatusParam?: string }
  /** key: the DomainError code. */
  | { kind: "refusal"; key: DomainErrorCode; params: RefusalParams }
  | { kind: "parseError"; key: ChannelParseRule; params: Record<string, string> };

export function readDeliveryMessage(text: string | null | undefined): DeliveryMessage | null {
  const note = readDeliveryNote(text);
  if (note) return { kind: "note", ...note };
  const refusal = readDeliveryRefusal(text);
  if (refusal) return { kind: "refusal", key: refusal.code, params: refusal.params };
  const error = readChannelParseError(text);
  return error ? { kind: "parseError", ...error } : null;
}
