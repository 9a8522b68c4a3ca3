import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/channels.en.json";
import pt from "@/server/i18n/messages/channels.pt-BR.json";
import { AMAZON_ORDER_NOTE_KEYS, AMAZON_ORDER_NOTES, amazonOrderNote, NOT_COUNTED_NOTE, readAmazonOrderNote, readAmazonOrderNotePart } from "./order-notes";

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();
/** Values with quotes, colons, accents, parentheses and the template's own words. */
const AWKWARD: Record<string, string> = {
  order: '903-"1671087": ção',
  item: '#0 "São Paulo" (x)',
  amount: "41,99 GBP",
  currency: "JPY",
  po: 'PO "Ação": 12; não',
  sku: 'CAM-"Ç": 1',
  message: 'Feliz aniversário! "Com carinho": Gift message (x): y',
  reason: 'Mudei de ideia: "tarde demais" (não)',
};
const sample = (key: keyof typeof AMAZON_ORDER_NOTES) => Object.fromEntries(placeholders(AMAZON_ORDER_NOTES[key]).map((n) => [n, AWKWARD[n] ?? `v-${n} 1`]));

describe("the notes the Amazon connector writes on an order", () => {
  it("every note reads back as itself with its exact values", () => {
    for (const key of AMAZON_ORDER_NOTE_KEYS) {
      expect(readAmazonOrderNotePart(amazonOrderNote(key, sample(key))), key).toEqual({ key, params: sample(key) });
    }
  });

  it("are the English the connector always wrote (orders are unchanged)", () => {
    expect(amazonOrderNote(NOT_COUNTED_NOTE.CODFee, { order: "701-1", item: "9", amount: "3.00 EUR", currency: "USD" })).toBe(
      "Amazon order 701-1 item 9 CODFee 3.00 EUR not counted (order currency USD)",
    );
    expect(amazonOrderNote("buyerCancel", { sku: "X" })).toBe("Buyer requested cancel (X)");
    expect(amazonOrderNote("buyerCancelWithReason", { sku: "X", reason: "late (1)" })).toBe("Buyer requested cancel (X): late (1)");
  });

  it("a stored note reads part by part; a part that is no note (a gift message holding '; ') stays as written", () => {
    const note = [
      amazonOrderNote("purchaseOrder", { po: "4500012" }),
      amazonOrderNote("giftWrapPriceNotCounted", { order: "902-3", item: "6", amount: "41.99 GBP", currency: "JPY" }),
      amazonOrderNote("giftMessage", { sku: "CBA_OTF_1", message: "Happy birthday; love, Ana" }),
    ].join("; ");
    const parts = readAmazonOrderNote(note);
    expect(parts).toEqual([
      { key: "purchaseOrder", params: { po: "4500012" } },
      { key: "giftWrapPriceNotCounted", params: { order: "902-3", item: "6", amount: "41.99 GBP", currency: "JPY" } },
      { key: "giftMessage", params: { sku: "CBA_OTF_1", message: "Happy birthday" } },
      { text: "love, Ana" },
    ]);
    expect(readAmazonOrderNote("Deixar na portaria")).toEqual([{ text: "Deixar na portaria" }]);
  });

  it("every note has an English and a Brazilian Portuguese sentence with the same placeholders; the English one is the stored text", () => {
    const notes = (m: typeof en | typeof pt) => m.channels.amazonNotes as Record<string, string>;
    expect(Object.keys(notes(en)).sort()).toEqual([...AMAZON_ORDER_NOTE_KEYS].sort());
    expect(Object.keys(notes(pt)).sort()).toEqual([...AMAZON_ORDER_NOTE_KEYS].sort());
    const tEn = createTranslator({ locale: "en", messages: en, onError: (e) => { throw e; } });
    const tPt = createTranslator({ locale: "pt-BR", messages: pt, onError: (e) => { throw e; } });
    for (const key of AMAZON_ORDER_NOTE_KEYS) {
      expect(placeholders(notes(en)[key] ?? ""), `en ${key}`).toEqual(placeholders(AMAZON_ORDER_NOTES[key]));
      expect(placeholders(notes(pt)[key] ?? ""), `pt-BR ${key}`).toEqual(placeholders(AMAZON_ORDER_NOTES[key]));
      expect(tEn(`channels.amazonNotes.${key}`, sample(key)), key).toBe(amazonOrderNote(key, sample(key)));
      const portuguese = tPt(`channels.amazonNotes.${key}`, sample(key));
      expect(portuguese, key).not.toBe(amazonOrderNote(key, sample(key)));
      for (const v of Object.values(sample(key))) expect(portuguese, key).toContain(v);
    }
  });
});
