import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/server/i18n/messages";

const en = MESSAGES.en;
const ptBR = MESSAGES["pt-BR"];
import { localeFromAcceptLanguage } from "@/server/i18n/locales";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * The argument names of an ICU message ("{name}", "{n, number, ::.00}", "{n, plural, one {# line} other {…}}"):
 * the words inside plural / select branches are text, not arguments.
 */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const skipSpace = () => {
    while (/\s/.test(text[i] ?? "")) i++;
  };
  const message = (nested: boolean): void => {
    while (i < text.length) {
      const c = text[i++];
      if (c === "}" && nested) return;
      if (c === "{") argument();
    }
  };
  const argument = (): void => {
    skipSpace();
    const name = /^\w+/.exec(text.slice(i))?.[0] ?? "";
    names.add(name);
    i += name.length;
    skipSpace();
    if (text[i++] === "}") return;
    skipSpace();
    const type = /^\w+/.exec(text.slice(i))?.[0] ?? "";
    i += type.length;
    if (["plural", "select", "selectordinal"].includes(type)) {
      i = text.indexOf(",", i) + 1;
      for (;;) {
        skipSpace();
        if (i >= text.length || text[i] === "}") return void i++;
        while (i < text.length && !/[\s{]/.test(text[i] as string)) i++; // the selector: one, other, =0, offset:1
        skipSpace();
        if (text[i] === "{") {
          i++;
          message(true);
        }
      }
    }
    for (let depth = 1; i < text.length && depth > 0; i++) depth += text[i] === "{" ? 1 : text[i] === "}" ? -1 : 0;
  };
  message(false);
  return [...names].sort();
}

describe("translations", () => {
  it("have the same keys in both languages", () => {
    expect(keys(ptBR).sort()).toEqual(keys(en).sort());
  });

  it("reads ICU arguments, not the words of plural branches", () => {
    expect(placeholders("{w} has {lines, plural, one {the only line} other {all # lines}} ({n, number, ::.00}).")).toEqual(["lines", "n", "w"]);
    expect(placeholders("{a, select, x {{b} e} other {c}}")).toEqual(["a", "b"]);
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
