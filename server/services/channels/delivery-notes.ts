/**
 * The notes and errors Fluxo itself writes on a channel delivery
 * (ChannelDelivery.error), in one place. Each is stored as English text (logs
 * and support read it as it is) built from a template, and read back into its
 * key and values with the same template, so that Channel deliveries shows it
 * in the reader's language (channels.deliveries.notes.<key>). Parse errors
 * that connectors write name the platform's own fields and are shown as
 * written. Pure and client-safe.
 */

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
export const DELIVERY_NOTE_KEYS = Object.keys(DELIVERY_NOTES) as DeliveryNoteKey[];

/** Values of the note, by placeholder name. */
export type NoteParams = Record<string, string | number>;

export interface DeliveryNote {
  key: DeliveryNoteKey;
  params: Record<string, string>;
  /** A param that is an order status code: the UI shows its label. */
  orderStatusParam?: string;
}

const HOLE = /\{(\w+)\}/g;

/** The English text of a note, as stored. */
export function deliveryNote(key: DeliveryNoteKey, params: NoteParams = {}): string {
  return DELIVERY_NOTES[key].replace(HOLE, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`delivery note ${key}: no value for {${name}}`);
    return String(v);
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const READERS = DELIVERY_NOTE_KEYS.map((key) => {
  const template = DELIVERY_NOTES[key];
  const names = [...template.matchAll(HOLE)].map((m) => m[1] as string);
  const parts = template.split(HOLE).filter((_, i) => i % 2 === 0);
  // A value at the end takes the rest of the text (a database message may run over lines); inside, the shortest.
  const body = parts.map(escape).reduce((re, part, i) => (i === 0 ? part : `${re}${i === parts.length - 1 && part === "" ? "([\\s\\S]+)" : "(.+?)"}${part}`), "");
  return { key, names, pattern: new RegExp(`^${body}$`) };
});

/** The note a stored text is, with its values; null for any other text (a connector's parse error). */
export function readDeliveryNote(text: string | null | undefined): DeliveryNote | null {
  if (!text) return null;
  for (const r of READERS) {
    const m = r.pattern.exec(text);
    if (!m) continue;
    const params = Object.fromEntries(r.names.map((n, i) => [n, m[i + 1] as string]));
    return r.key === "addressFrozen" ? { key: r.key, params, orderStatusParam: "status" } : { key: r.key, params };
  }
  return null;
}
