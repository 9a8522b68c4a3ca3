import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { errorText, issueProblem, type Translate, type TrpcErrorLike } from "@/components/ui/error-text";
import { appRouter } from "@/server/api/root";
import { MESSAGES } from "@/server/i18n/messages";
import { DomainError } from "@/server/lib/domain-error";
import { toIssueView, type IssueView } from "@/server/lib/zod-issue-view";
import { createChannelInput } from "@/server/services/channels/create-channel";
import { createCarrierInput } from "@/server/services/shipping/create-carrier";
import { adjustStockInput } from "@/server/services/stock/adjust-stock";

const LOCALES = ["en", "pt-BR"] as const;
const translator = (locale: (typeof LOCALES)[number]) =>
  createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => { throw e; } }) as unknown as Translate;
const en = translator("en");
const pt = translator("pt-BR");

/** A zod refusal as the client receives it (server/api/trpc.ts errorData). */
function zodError(schema: z.ZodType, value: unknown): TrpcErrorLike {
  const issues = schema.safeParse(value).error?.issues ?? [];
  expect(issues.length).toBeGreaterThan(0);
  return { message: "BAD_REQUEST", data: { domainCode: null, params: null, zodIssues: issues.map(toIssueView) } };
}
const domainError = (e: DomainError): TrpcErrorLike => ({ message: e.message, data: { domainCode: e.code, params: e.params, zodIssues: null } });

const UUID = "5b0e6a64-6f2a-4c8e-9a51-3f4c1b2d7e90";

describe("errors in the user's language (the QA reproductions)", () => {
  it("a change of 0 units names the field and the rule", () => {
    const error = zodError(adjustStockInput, { mode: "DELTA", skuId: UUID, binId: UUID, delta: 0, reason: "contagem" });
    expect(errorText(pt, error)).toBe("Alteração (±): Não pode ser 0.");
    expect(errorText(en, error)).toBe("Change (±): Must not be 0.");
  });

  it("a transfer of more units than the bin holds says so with the bin's numbers", () => {
    const e = new DomainError("INSUFFICIENT_STOCK", "Bin B-04-1-02 holds 46 of ALM-DEC-AZU (2 unavailable); this change would leave -953 (2 unavailable).", {
      rule: "BIN_SHORT", sku: "ALM-DEC-AZU", bin: "B-04-1-02", warehouse: "SP1", onHand: 46, unavailable: 2, newOnHand: -953, newUnavailable: 2,
    });
    expect(errorText(pt, domainError(e), { scopes: ["stock.errors"] })).toBe(
      "Estoque insuficiente: o endereço B-04-1-02 tem 46 de ALM-DEC-AZU (2 indisponíveis); esta alteração deixaria -953 (2 indisponíveis).",
    );
    // A shortfall is stock's wherever it surfaces (an order page's action): found without the form naming the area.
    expect(errorText(pt, domainError(e))).toBe(errorText(pt, domainError(e), { scopes: ["stock.errors"] }));
    expect(errorText(en, domainError(e))).toContain("Not enough stock: bin B-04-1-02 holds 46 of ALM-DEC-AZU");
  });

  it("damaged or quarantined units above the bin's stock read in Portuguese too", () => {
    const e = new DomainError("INSUFFICIENT_STOCK", "Bin A-1 has 1 unit(s) of X marked damaged; 3 cannot be cleared.", {
      rule: "BIN_KIND_SHORT", sku: "X", bin: "A-1", warehouse: "SP1", kind: "DAMAGED", unavailable: 1, newUnavailable: -2, requested: 3,
    });
    expect(errorText(pt, domainError(e))).toBe("Estoque insuficiente: o endereço A-1 tem 1 de X marcadas como avariadas; não é possível liberar 3.");
  });

  it("a channel secret that is too short says how long it must be", () => {
    const error = zodError(createChannelInput, { platform: "SHOPIFY", name: "Loja", secret: "abc" });
    expect(errorText(pt, error)).toBe("Segredo do webhook: Use pelo menos 8 caracteres.");
    expect(errorText(en, error)).toBe("Webhook secret: Use at least 8 characters.");
    expect(errorText(pt, zodError(createChannelInput, { platform: "SHOPIFY", name: "Loja", secret: "abc def ghi" }))).toBe("Segredo do webhook: Não pode conter espaços.");
  });

  it("a carrier code already taken names the code, in the carrier form's words", () => {
    const e = new DomainError("DUPLICATE", 'A carrier with code "correios" already exists.', { field: "code", rule: "CARRIER_CODE_TAKEN", code: "correios" });
    expect(errorText(pt, domainError(e), { scopes: ["shipping.errors.rule"] })).toBe("Já existe uma transportadora com o código “correios”.");
  });

  it("the browser's checks bypassed, zod's own refusals never reach the page in English", () => {
    const error = zodError(createCarrierInput, { code: "Não Vale", name: "", kind: "GENERIC", services: [] });
    expect(errorText(pt, error)).toBe("Código: Use de 2 a 40 letras minúsculas, dígitos ou '-'. Nome: Obrigatório. Serviços: Informe pelo menos 1.");
    expect(errorText(en, error)).toBe("Code: Use 2–40 lower-case letters, digits or '-'. Name: Required. Services: Give at least 1.");
  });

  it("a list item's issue says which line", () => {
    const issue: IssueView = { path: "lines.2.quantity", code: "too_small", origin: "number", minimum: 0, inclusive: false, message: "Too small" };
    expect(errorText(pt, { message: "x", data: { zodIssues: [issue] } })).toBe("Item 3 · Quantidade: Deve ser maior que 0.");
  });
});

describe("every zod issue kind", () => {
  const kinds: Omit<IssueView, "path" | "message">[] = [
    { code: "too_small", origin: "string", minimum: 1 },
    { code: "too_small", origin: "string", minimum: 3 },
    { code: "too_big", origin: "string", maximum: 500 },
    { code: "too_small", origin: "number", minimum: 0, inclusive: true },
    { code: "too_small", origin: "number", minimum: 0, inclusive: false },
    { code: "too_big", origin: "number", maximum: 10_000_000, inclusive: true },
    { code: "too_big", origin: "number", maximum: 5, inclusive: false },
    { code: "too_small", origin: "array", minimum: 1 },
    { code: "too_big", origin: "array", maximum: 500 },
    { code: "invalid_type", expected: "int", format: "safeint" },
    { code: "invalid_type", expected: "number" },
    { code: "invalid_type", expected: "date" },
    { code: "invalid_type", expected: "string" },
    { code: "invalid_format", format: "email" },
    { code: "invalid_format", format: "uuid" },
    { code: "invalid_format", format: "regex" },
    { code: "invalid_value" },
    { code: "invalid_union" },
    { code: "custom" },
    { code: "custom", rule: "UNIQUE_ITEMS" },
    { code: "unrecognized_keys" },
  ];

  it("reads in both languages, never as zod's English message", () => {
    for (const kind of kinds) {
      const issue: IssueView = { path: "x", message: "Too small: expected string to have >=1 characters", ...kind };
      const [a, b] = [issueProblem(en, issue), issueProblem(pt, issue)];
      expect(a, JSON.stringify(kind)).not.toBe(issue.message);
      expect(b, JSON.stringify(kind)).not.toBe(a);
      expect(`${a} ${b}`).not.toMatch(/[{}]|expected (string|number|int)|received|undefined/);
    }
    expect(issueProblem(pt, { path: "x", message: "", code: "too_big", origin: "number", maximum: 10_000_000 })).toBe("Deve ser 10.000.000 ou menos.");
  });
});

describe("domain errors", () => {
  it("a reason looked up in the form's area first, then where its code's reasons live, then errors.rule", () => {
    const sameBin = domainError(new DomainError("VALIDATION", "Source and destination bins are the same.", { field: "toBinId", rule: "SAME_BIN" }));
    expect(errorText(pt, sameBin, { scopes: ["stock.errors"] })).toBe("Escolha um endereço de destino diferente do de origem.");
    // Without its area, the field is still named; the server's English never shows.
    expect(errorText(pt, sameBin)).toBe("Para o endereço: valor inválido.");
  });

  it("without a reason, the code's sentence in the user's language, not the server's detail", () => {
    for (const code of ["VALIDATION", "GUARD_FAILED", "INSUFFICIENT_STOCK", "DUPLICATE"] as const) {
      const e = new DomainError(code, "Something only the server says, in English.", { detail: "english detail" });
      const text = errorText(pt, domainError(e)) ?? "";
      expect(text).toBe(pt(`errors.${code}`));
      expect(text).not.toContain("English");
    }
  });

  it("an unexpected error (no domain code) keeps the server's message for support", () => {
    expect(errorText(pt, { message: "Failed to fetch" })).toBe("Algo deu errado: Failed to fetch");
    expect(errorText(pt, null)).toBeNull();
  });

  it("every reason the services name reads in both languages with the values they give", () => {
    const values = {
      bin: "A-01", bins: "A-01, B-02", sku: "CAM-01", warehouse: "SP1", onHand: 46, unavailable: 2, newOnHand: -953, newUnavailable: 2, kind: "QUARANTINE", requested: 3,
      reserved: 5, held: 7, available: 1, number: 12, status: "RECEIVED", received: 9, expected: 4, current: "COMPLETED", pending: 2, quantity: 3, order: "#1042",
      pickList: 7, resolvedBy: "Ana", bySystem: "no", code: "correios", platform: "SHOPIFY", trackingNumber: "AB123", package: 3, carrier: "Correios", packed: 2, left: 1,
      timeZone: "America/Sao_Paulo",
    };
    for (const locale of LOCALES) {
      const t = translator(locale);
      const messages = MESSAGES[locale] as Record<string, Record<string, Record<string, unknown>>>;
      const scopes: [string, Record<string, unknown>][] = [
        ["stock.errors", messages.stock?.errors ?? {}],
        ["channels.errors", messages.channels?.errors ?? {}],
        ["picking.errors", messages.picking?.errors ?? {}],
        ["exceptions.errors", messages.exceptions?.errors ?? {}],
        ["errors.rule", messages.errors?.rule ?? {}],
      ];
      for (const [scope, rules] of scopes) {
        expect(Object.keys(rules).length, scope).toBeGreaterThan(0);
        for (const rule of Object.keys(rules)) expect(t(`${scope}.${rule}`, values), `${locale} ${scope}.${rule}`).not.toMatch(/[{}]/);
      }
    }
  });
});

/** The field names a zod schema accepts, nested ones included. */
function fieldNames(schema: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def || seen.has(schema)) return out;
  seen.add(schema);
  const inner = (s: unknown) => fieldNames(s, out, seen);
  if (def.type === "object") {
    for (const [name, s] of Object.entries(def.shape as Record<string, unknown>)) {
      out.add(name);
      inner(s);
    }
  }
  if (def.type === "array") inner(def.element);
  if (def.type === "pipe") [def.in, def.out].forEach(inner);
  if (def.type === "union") (def.options as unknown[]).forEach(inner);
  if (["optional", "nullable", "default", "prefault", "readonly", "nonoptional", "catch"].includes(def.type as string)) inner(def.innerType);
  return out;
}

describe("field labels", () => {
  it("every field of every change (mutation) the app accepts has a label in both languages", () => {
    const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string; inputs: unknown[] } }> } })._def.procedures;
    const names = new Set<string>();
    for (const p of Object.values(procedures)) if (p._def.type === "mutation") for (const input of p._def.inputs) fieldNames(input, names);
    expect(names.size).toBeGreaterThan(50);
    for (const name of names) for (const t of [en, pt]) expect(t.has(`errors.field.${name}`), name).toBe(true);
  });
});
