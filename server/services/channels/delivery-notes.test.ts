import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/channels.en.json";
import pt from "@/server/i18n/messages/channels.pt-BR.json";
import { DELIVERY_NOTE_KEYS, DELIVERY_NOTES, deliveryNote, readDeliveryNote } from "@/server/services/channels/delivery-notes";

const sample = (key: string) =>
  Object.fromEntries([...DELIVERY_NOTES[key as keyof typeof DELIVERY_NOTES].matchAll(/\{(\w+)\}/g)].map((m) => [m[1], `v-${m[1]} 1`]));

describe("delivery notes", () => {
  it("every note reads back as itself, with its values", () => {
    for (const key of DELIVERY_NOTE_KEYS) {
      const params = sample(key);
      expect(readDeliveryNote(deliveryNote(key, params)), key).toMatchObject({ key, params });
    }
    expect(readDeliveryNote(deliveryNote("refundBeforeOrder", { refund: "R1", order: "O1" }))).toEqual({ key: "refundBeforeOrder", params: { refund: "R1", order: "O1" } });
    expect(readDeliveryNote(deliveryNote("addressBeforeOrder", { source: "Mercado Livre shipment 7", order: "9" }))?.key).toBe("addressBeforeOrder");
    expect(readDeliveryNote(deliveryNote("addressFrozen", { number: 12, status: "SHIPPED" }))).toEqual({
      key: "addressFrozen", params: { number: "12", status: "SHIPPED" }, orderStatusParam: "status",
    });
    const db = deliveryNote("databaseRefused", { detail: "value too long\nfor type (SQLSTATE 22001)" });
    expect(readDeliveryNote(db)?.params.detail).toBe("value too long\nfor type (SQLSTATE 22001)");
  });

  it("anything else (a connector's parse error) is not a note", () => {
    expect(readDeliveryNote("Shopify order has no line_items")).toBeNull();
    expect(readDeliveryNote("Same version as the one Fluxo holds. Extra")).toBeNull();
    expect(readDeliveryNote(null)).toBeNull();
    expect(() => deliveryNote("refundDuplicate")).toThrow(/no value for \{refund\}/);
  });

  it("every note has a sentence in both languages that fills every value", () => {
    for (const [locale, messages] of [["en", en], ["pt-BR", pt]] as const) {
      const t = createTranslator({ locale, messages, onError: (e) => { throw e; } });
      for (const key of DELIVERY_NOTE_KEYS) {
        const params = sample(key);
        const text = t(`channels.deliveries.notes.${key}`, params);
        for (const v of Object.values(params)) expect(text, `${locale} ${key}`).toContain(v);
      }
    }
    // The English sentence is the stored text.
    const t = createTranslator({ locale: "en", messages: en });
    for (const key of DELIVERY_NOTE_KEYS) expect(t(`channels.deliveries.notes.${key}`, sample(key))).toBe(deliveryNote(key, sample(key)));
  });
});
