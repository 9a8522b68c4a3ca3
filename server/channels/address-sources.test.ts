import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/channels.en.json";
import pt from "@/server/i18n/messages/channels.pt-BR.json";
import { ADDRESS_SOURCE_KEYS, ADDRESS_SOURCES, addressSource, readAddressSource } from "./address-sources";

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();
/** Values with quotes, colons, accents and the template's own words. */
const AWKWARD: Record<string, string> = { shipment: '44001122334 "ação": Mercado Livre shipment 7' };
const sample = (key: keyof typeof ADDRESS_SOURCES) => Object.fromEntries(placeholders(ADDRESS_SOURCES[key]).map((n) => [n, AWKWARD[n] ?? `v-${n} 1`]));

describe("address sources", () => {
  it("every source reads back as itself with its exact values", () => {
    for (const key of ADDRESS_SOURCE_KEYS) expect(readAddressSource(addressSource(key, sample(key))), key).toEqual({ key, params: sample(key) });
    expect(addressSource("mercadoLivreShipment", { shipment: 44001122334 })).toBe("Mercado Livre shipment 44001122334");
    expect(readAddressSource("Shopify fulfillment 12")).toBeNull();
  });

  it("every source has an English and a Brazilian Portuguese name with the same placeholders; the English one is the stored text", () => {
    const sources = (m: typeof en | typeof pt) => m.channels.deliveries.sources as Record<string, string>;
    expect(Object.keys(sources(en)).sort()).toEqual([...ADDRESS_SOURCE_KEYS].sort());
    expect(Object.keys(sources(pt)).sort()).toEqual([...ADDRESS_SOURCE_KEYS].sort());
    const tEn = createTranslator({ locale: "en", messages: en, onError: (e) => { throw e; } });
    const tPt = createTranslator({ locale: "pt-BR", messages: pt, onError: (e) => { throw e; } });
    for (const key of ADDRESS_SOURCE_KEYS) {
      expect(placeholders(sources(en)[key] ?? ""), `en ${key}`).toEqual(placeholders(ADDRESS_SOURCES[key]));
      expect(placeholders(sources(pt)[key] ?? ""), `pt-BR ${key}`).toEqual(placeholders(ADDRESS_SOURCES[key]));
      expect(tEn(`channels.deliveries.sources.${key}`, sample(key))).toBe(addressSource(key, sample(key)));
      expect(tPt(`channels.deliveries.sources.${key}`, sample(key))).not.toBe(addressSource(key, sample(key)));
    }
  });
});
