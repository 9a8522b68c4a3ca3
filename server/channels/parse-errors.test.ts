import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/channelErrors.en.json";
import pt from "@/server/i18n/messages/channelErrors.pt-BR.json";
import { CHANNEL_PARSE_ERRORS, CHANNEL_PARSE_RULES, channelParseText, parseRuleParams, readChannelParseError } from "./parse-errors";
import { ChannelParseError } from "./types";

/** Values that would confuse a naive reader: quotes, the template's own words, separators (quoted values and the last one can hold anything). */
const AWKWARD: Record<string, string> = {
  platform: "Mercado Livre",
  field: 'line_items[0]."odd key"; Shopify sent x',
  header: "x-shopify-topic",
  topic: 'orders/"weird" topic; send only',
  found: '"',
  value: '{"a":"b; Shopify sent c"}',
  min: "1",
  line: "12",
  column: "3",
  count: "4",
  page: "2",
  max: "2147483647",
};
const sample = (rule: (typeof CHANNEL_PARSE_RULES)[number]) =>
  Object.fromEntries(parseRuleParams(rule).map((name) => [name, AWKWARD[name] ?? `v-${name} 1`]));

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe("channel parse errors", () => {
  it("every rule's text reads back as that rule with its exact values", () => {
    for (const rule of CHANNEL_PARSE_RULES) {
      const params = sample(rule);
      expect(readChannelParseError(channelParseText(rule, params)), rule).toEqual({ key: rule, params });
    }
  });

  it("a ChannelParseError carries the rule, only the values its text names, and the English text as its message", () => {
    const e = new ChannelParseError("notInteger", { platform: "Shopify", field: "line_items[0].quantity", min: 1, value: '"abc"', extra: "x" });
    expect(e.params).toEqual({ platform: "Shopify", field: "line_items[0].quantity", min: "1", value: '"abc"' });
    expect(e.message).toBe('Field "line_items[0].quantity" should be a whole number ≥ 1; Shopify sent "abc"');
    expect(readChannelParseError(e.message)).toEqual({ key: "notInteger", params: e.params });
  });

  it("texts stored before the rules (plain English) are not read as a rule", () => {
    for (const old of [
      "Shopify order 5812345678901234567 has no line_items",
      'Unsupported Shopify topic "products/create" (not an order or refund topic)',
      "Mercado Livre order 4411223344 order_items[0].quantity is not an integer ≥ 1: \"x\"",
      "Refund 1 is for order 2, which is not in Fluxo yet.",
      "",
    ]) {
      expect(readChannelParseError(old), old).toBeNull();
    }
  });

  it("every rule has an English and a Brazilian Portuguese message with the same placeholders as its template", () => {
    expect(Object.keys(en.channelErrors).sort()).toEqual([...CHANNEL_PARSE_RULES].sort());
    expect(Object.keys(pt.channelErrors).sort()).toEqual([...CHANNEL_PARSE_RULES].sort());
    for (const rule of CHANNEL_PARSE_RULES) {
      const template = placeholders(CHANNEL_PARSE_ERRORS[rule]);
      expect(placeholders(en.channelErrors[rule]), `en ${rule}`).toEqual(template);
      expect(placeholders(pt.channelErrors[rule]), `pt-BR ${rule}`).toEqual(template);
    }
  });

  it("the messages fill every value in both languages, and the English one is the stored text", () => {
    for (const [locale, messages] of [["en", en], ["pt-BR", pt]] as const) {
      const t = createTranslator({ locale, messages, onError: (e) => { throw e; } });
      for (const rule of CHANNEL_PARSE_RULES) {
        const params = Object.fromEntries(parseRuleParams(rule).map((name) => [name, `v-${name} 1`]));
        const text = t(`channelErrors.${rule}`, params);
        for (const v of Object.values(params)) expect(text, `${locale} ${rule}`).toContain(v);
        if (locale === "en") expect(text, rule).toBe(channelParseText(rule, params));
        else expect(text, rule).not.toBe(channelParseText(rule, params));
      }
    }
  });

  it("reads in Portuguese with the platform's field names verbatim", () => {
    const t = createTranslator({ locale: "pt-BR", messages: pt });
    const e = new ChannelParseError("notInteger", { platform: "Shopify", field: "line_items[0].quantity", min: 1, value: '"abc"' });
    expect(t(`channelErrors.${e.rule}`, e.params)).toBe('O campo "line_items[0].quantity" deveria ser um número inteiro ≥ 1; Shopify enviou "abc"');
  });
});
