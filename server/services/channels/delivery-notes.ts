/**
 * The notes and errors Fluxo itself writes on a channel delivery
 * (ChannelDelivery.error), in one place. Each is stored as English text (logs
 * and support read it as it is) built from a template, and read back into its
 * key and values with the same template, so that Channel deliveries shows it
 * in the reader's language (channels.deliveries.notes.<key>). Why a connector
 * could not read a document is written the same way by its own table
 * (server/channels/parse-errors.ts); delivery-message.ts reads either. Pure
 * and client-safe.
 */
import { templateTable, type ReadText, type TemplateParams } from "@/server/lib/text-templates";

/** Templates: `{name}` is a value. Read back in this order (the first that matches wins: specific before generic). */
export const DELIVERY_NOTES = {
  stale: "Older than the version Fluxo holds: not applied.",
  staleAll: "Older than (or the same as) the versions Fluxo holds: not applied.",
  sameVersion: "Same version as the one Fluxo holds.",
  sameVersionAll: "Same version of every order as the one Fluxo holds.",
  handshake: "Webhook handshake.",
  channelInactive: "The channel was inactive in Fluxo when this arrived: activate the channel, then re-process it.",
  notification: "Notification {topic} for order {order}: the order document must be delivered to apply it.",
  orderNotInFluxo: "Order {order} is not in Fluxo.",
  refundBeforeOrder: "Refund {refund} is for order {order}, which is not in Fluxo yet.",
  refundDuplicate: "Refund {refund} is already on the order.",
  addressSame: "Order #{number} already has this address.",
  addressFrozen: "Order #{number} is already {status}: its address stays as invoiced.",
  addressBeforeOrder: "{source} is for order {order}, which is not in Fluxo yet.",
  signatureFailed: "Signature check failed: {reason}",
  databaseRefused: "The database refused a value of this document: {detail}",
  internalError: "Internal error while processing: {detail}",
} as const;

export type DeliveryNoteKey = keyof typeof DELIVERY_NOTES;
const NOTES = templateTable<DeliveryNoteKey>("delivery note", DELIVERY_NOTES);
export const DELIVERY_NOTE_KEYS = NOTES.keys;

export interface DeliveryNote extends ReadText<DeliveryNoteKey> {
  /** A param that is an order status code: the UI shows its label. */
  orderStatusParam?: string;
}

/** The English text of a note, as stored. */
export function deliveryNote(key: DeliveryNoteKey, params: TemplateParams = {}): string {
  return NOTES.write(key, params);
}

/** The note a stored text is, with its values; null for any other text (a connector's parse error, an older text). */
export function readDeliveryNote(text: string | null | undefined): DeliveryNote | null {
  const note = NOTES.read(text);
  return note?.key === "addressFrozen" ? { ...note, orderStatusParam: "status" } : note;
}
