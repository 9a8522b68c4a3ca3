import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/server/i18n/messages";

const en = MESSAGES.en;
const ptBR = MESSAGES["pt-BR"];
import { localeFromAcceptLanguage } from "@/server/i18n/locales";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)/g)].map((m) => m[1] ?? "").sort();
}

describe("translations", () => {
  it("have the same keys in both languages", () => {
    expect(keys(ptBR).sort()).toEqual(keys(en).sort());
  });

  it("use the same placeholders in both languages", () => {
    const get = (obj: unknown, path: string) =>
      path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    for (const k of keys(en)) {
      expect(placeholders(get(ptBR, k)), k).toEqual(placeholders(get(en, k)));
    }
  });

  it("has no empty text", () => {
    const get = (obj: unknown, path: string) =>
      path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    for (const k of keys(en)) {
      expect(get(en, k).trim(), k).not.toBe("");
      expect(get(ptBR, k).trim(), k).not.toBe("");
    }
  });
});

describe("localeFromAcceptLanguage", () => {
  it("maps Portuguese and English and defaults to pt-BR", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("pt-PT,pt;q=0.9")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("fr-FR, en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("de")).toBe("pt-BR");
    expect(localeFromAcceptLanguage(undefined)).toBe("pt-BR");
  });
});
