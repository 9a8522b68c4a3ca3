/**
 * What the Amazon connector writes into an order's note (Order.note, shown on
 * the order page): an optional charge in another currency than the order's,
 * left out of the totals; the buyer's purchase order; a gift message; a cancel
 * the buyer requested. Each is English built from a template, and the note is
 * these joined with "; " (exactly as before templates: orders are unchanged).
 * A note is read back part by part (a part that is no template — a gift
 * message holding "; " — stays as written), so the order page words the parts
 * in the reader's language (channels.amazonNotes.<key>). Pure and client-safe.
 */
import { templateTable, type ReadText, type TemplateParams } from "@/server/lib/text-templates";

/** Read back in this order (the first that matches wins: a cancel with a reason before one without). */
export const AMAZON_ORDER_NOTES = {
  giftWrapPriceNotCounted: "Amazon order {order} item {item} GiftWrapPrice {amount} not counted (order currency {currency})",
  giftWrapTaxNotCounted: "Amazon order {order} item {item} GiftWrapTax {amount} not counted (order currency {currency})",
  codFeeNotCounted: "Amazon order {order} item {item} CODFee {amount} not counted (order currency {currency})",
  codFeeDiscountNotCounted: "Amazon order {order} item {item} CODFeeDiscount {amount} not counted (order currency {currency})",
  purchaseOrder: "Purchase order {po}",
  giftMessage: "Gift message ({sku}): {message}",
  buyerCancelWithReason: "Buyer requested cancel ({sku}): {reason}",
  buyerCancel: "Buyer requested cancel ({sku})",
} as const;
export type AmazonOrderNoteKey = keyof typeof AMAZON_ORDER_NOTES;

/** The optional charges an order may leave out, and the note that says so. */
export const NOT_COUNTED_NOTE = {
  GiftWrapPrice: "giftWrapPriceNotCounted",
  GiftWrapTax: "giftWrapTaxNotCounted",
  CODFee: "codFeeNotCounted",
  CODFeeDiscount: "codFeeDiscountNotCounted",
} as const satisfies Record<string, AmazonOrderNoteKey>;
export type OptionalChargeKey = keyof typeof NOT_COUNTED_NOTE;

const table = templateTable<AmazonOrderNoteKey>("Amazon order note", AMAZON_ORDER_NOTES);
export const AMAZON_ORDER_NOTE_KEYS = table.keys;

/** Parts of an order note are joined with this. */
export const NOTE_SEPARATOR = "; ";

/** The English text of one part of the note, as stored. */
export function amazonOrderNote(key: AmazonOrderNoteKey, params?: TemplateParams): string {
  return table.write(key, params);
}

export const readAmazonOrderNotePart = table.read;

/** A stored note, part by part: each part the connector wrote as its key and values, anything else as written. */
export function readAmazonOrderNote(note: string): (ReadText<AmazonOrderNoteKey> | { text: string })[] {
  return note.split(NOTE_SEPARATOR).map((part) => table.read(part) ?? { text: part });
}
