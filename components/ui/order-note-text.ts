/**
 * An order's note in the reader's language where a connector wrote it, pure (a
 * next-intl translator in, text out): the parts the Amazon connector writes
 * (a charge left out of the totals, the buyer's purchase order, a gift message,
 * a cancel the buyer asked for: server/channels/amazon/order-notes.ts) are
 * worded in the reader's language; anything else (what the buyer or a person
 * wrote, a note of another platform) stays as written.
 */
import type { Translate } from "@/components/ui/error-text";
import { NOTE_SEPARATOR, readAmazonOrderNote } from "@/server/channels/amazon/order-notes";

export function orderNoteText(t: Translate, order: { note: string; platform: string }): string {
  if (order.platform !== "AMAZON") return order.note;
  return readAmazonOrderNote(order.note)
    .map((part) => ("key" in part ? t(`channels.amazonNotes.${part.key}`, part.params) : part.text))
    .join(NOTE_SEPARATOR);
}
