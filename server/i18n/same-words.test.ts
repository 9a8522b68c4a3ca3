/**
 * One name per concept in each language (a user audit found two): Fluxo's own automatic steps are "Fluxo
 * (automatic)" / "Fluxo (automático)" wherever an actor is shown — timeline, ledger, holds, history lists,
 * exceptions — never "system" / "sistema"; in Portuguese a warehouse is an "armazém" (not "depósito"), a hold a
 * "retenção" / "retido" (not "bloqueio"), and an order short of stock is "aguardando estoque" ("em espera" was
 * used for both holds and backorders).
 */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/server/i18n/messages";

type Translate = (key: string, params?: Record<string, string | number>) => string;
const t = (locale: "en" | "pt-BR") => createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => { throw e; } }) as unknown as Translate;

function strings(node: unknown, path = ""): [string, string][] {
  if (typeof node === "string") return [[path, node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

const SYSTEM = { en: "Fluxo (automatic)", "pt-BR": "Fluxo (automático)" } as const;

describe("the same words for the same thing", () => {
  it("names Fluxo's automatic steps one way per language, and never 'system' / 'sistema' as an actor", () => {
    for (const locale of ["en", "pt-BR"] as const) {
      const say = t(locale);
      expect(say("common.actor.system")).toBe(SYSTEM[locale]);
      expect(say("exceptions.list.resolvedBySystem", { when: "x" })).toContain(SYSTEM[locale]);
      expect(say("exceptions.errors.EXCEPTION_ALREADY_RESOLVED", { bySystem: "yes", resolvedBy: "" })).toContain(SYSTEM[locale]);
      const bare = strings(MESSAGES[locale]).filter(([, v]) => /^(the )?(system|sistema)$/i.test(v.trim()) || /\b(by|por|pelo) (the )?(system|sistema)\b/i.test(v));
      expect(bare, locale).toEqual([]);
    }
  });

  it("in Portuguese, one word for warehouse, hold and backorder", () => {
    const pt = strings(MESSAGES["pt-BR"]);
    expect(pt.filter(([, v]) => /dep[óo]sito|centro de distribui/i.test(v)).map(([k]) => k)).toEqual([]);
    expect(pt.filter(([, v]) => /bloqueio/i.test(v)).map(([k]) => k)).toEqual([]);
    expect(pt.filter(([, v]) => /em espera/i.test(v)).map(([k]) => k)).toEqual([]);
    expect(t("pt-BR")("errors.ORDER_ON_HOLD", { holds: "Outro" })).toContain("retido");
    expect(t("pt-BR")("stock.dryRun.backordered")).toBe("Aguardando estoque");
    expect(t("pt-BR")("stock.grid.backordered", { count: 3 })).toBe("3 aguardando estoque");
  });
});
