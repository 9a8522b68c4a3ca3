import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/server/i18n/messages";

const en = MESSAGES.en;
const ptBR = MESSAGES["pt-BR"];
import { localeFromAcceptLanguage } from "@/server/i18n/locales";
import { createTranslator } from "next-intl";

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

/** The warehouse-floor areas: counts shown to users there are ICU plurals, never "unit(s)" / "unidade(s)". */
const COUNTED_AREAS = ["picking", "packing", "shipping", "stock", "purchasing", "exceptions"] as const;

describe("plurals on the warehouse floor", () => {
  const leaves = (obj: unknown, prefix = ""): [string, string][] =>
    typeof obj === "object" && obj !== null
      ? Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
      : [[prefix, String(obj)]];

  it.each(COUNTED_AREAS)("%s writes no '(s)' shortcut in either language", (area) => {
    for (const [lang, messages] of [["en", en], ["pt-BR", ptBR]] as const) {
      const bad = leaves((messages as Record<string, unknown>)[area], area).filter(([, text]) => /\w\((s|is|es)\)/.test(text));
      expect(bad, `${lang}: ${bad.map(([k]) => k).join(", ")}`).toEqual([]);
    }
  });

  it("reads the arguments of plural messages like the one in the brief", () => {
    expect(placeholders("Lista #{number} criada: {orders, plural, one {# pedido} other {# pedidos}}, {units, plural, one {# unidade} other {# unidades}}.")).toEqual(["number", "orders", "units"]);
    expect(placeholders("O pedido #{order} {state, select, PACKED {aguarda a NF-e} other {está {status}.}}")).toEqual(["order", "state", "status"]);
  });

  const cases: [string, Record<string, string | number>, string, string][] = [
    ["picking.wave.created", { number: 2, orders: 1, units: 1 }, "Pick list #2 created: 1 order, 1 unit.", "Lista #2 criada: 1 pedido, 1 unidade."],
    ["picking.wave.created", { number: 3, orders: 2, units: 5 }, "Pick list #3 created: 2 orders, 5 units.", "Lista #3 criada: 2 pedidos, 5 unidades."],
    ["picking.detail.completed", { units: 1 }, "Completed: 1 unit picked.", "Concluída: 1 unidade separada."],
    ["picking.detail.shortOrder", { number: 7, missing: 1, to: "X" }, "#7: 1 unit missing → X", "#7: 1 unidade em falta → X"],
    ["packing.counts", { scanned: 0, total: 1 }, "0 of 1 unit scanned", "0 de 1 unidade bipada"],
    ["purchasing.receive.done", { units: 4, status: "S" }, "4 units received. Status: S.", "4 unidades recebidas. Situação: S."],
    ["purchasing.receive.done", { units: 1, status: "S" }, "1 unit received. Status: S.", "1 unidade recebida. Situação: S."],
  ];
  it.each(cases)("%s %j reads naturally in both languages", (key, values, english, portuguese) => {
    expect(createTranslator({ locale: "en", messages: en })(key as never, values as never)).toBe(english);
    expect(createTranslator({ locale: "pt-BR", messages: ptBR })(key as never, values as never)).toBe(portuguese);
  });

  it("says whether a packed order still waits for the NF-e", () => {
    const t = createTranslator({ locale: "en", messages: en });
    const tp = createTranslator({ locale: "pt-BR", messages: ptBR });
    expect(t("packing.closed.body" as never, { order: 296, state: "PACKED", status: "Packed" } as never)).not.toMatch(/ready to ship/);
    expect(t("packing.closed.body" as never, { order: 296, state: "PACKED", status: "Packed" } as never)).toMatch(/NF-e/);
    expect(t("packing.closed.body" as never, { order: 296, state: "INVOICED", status: "Invoiced" } as never)).toBe("Order #296 is invoiced: ready to ship.");
    expect(tp("packing.closed.body" as never, { order: 296, state: "PACKED", status: "Embalado" } as never)).toMatch(/aguarda a NF-e/);
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
