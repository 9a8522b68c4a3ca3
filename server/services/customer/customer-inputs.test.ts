/** What a person may type when correcting a customer, and how a refusal reads in each language. */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { errorText, type Translate } from "@/components/ui/error-text";
import { MESSAGES } from "@/server/i18n/messages";
import { cnpjCheckDigits, cpfCheckDigits } from "@/server/lib/br-documents";
import { toIssueView } from "@/server/lib/zod-issue-view";
import { updateCustomerInput } from "@/server/services/customer/customer-inputs";

const ID = "5b0e6a64-6f2a-4c8e-9a51-3f4c1b2d7e90";
const CPF = `529982247${cpfCheckDigits("529982247")}`;
const CNPJ = `112223330001${cnpjCheckDigits("112223330001")}`;
const parse = (v: Record<string, unknown>) => updateCustomerInput.safeParse({ customerId: ID, ...v });
const issues = (v: Record<string, unknown>) => parse(v).error?.issues.map((i) => [i.path.join("."), toIssueView(i).rule ?? i.code]) ?? [];

describe("correcting a customer: the input", () => {
  it("tidies the name, keeps the phone as written and stores the CPF/CNPJ compact", () => {
    expect(parse({ name: "  Ana   de  Souza ", phone: " (11) 98765-4321 ", document: `${CPF.slice(0, 3)}.${CPF.slice(3, 6)}.${CPF.slice(6, 9)}-${CPF.slice(9)}` }).data).toEqual({
      customerId: ID, name: "Ana de Souza", phone: "(11) 98765-4321", document: CPF,
    });
    expect(parse({ document: "11.222.333/0001-" + CNPJ.slice(12) }).data?.document).toBe(CNPJ);
  });

  it("leaves out what is not given, and clears a phone or CPF/CNPJ that is empty or null", () => {
    expect(parse({}).data).toEqual({ customerId: ID });
    expect(parse({ phone: "", document: "  " }).data).toEqual({ customerId: ID, phone: null, document: null });
    expect(parse({ phone: null, document: null }).data).toEqual({ customerId: ID, phone: null, document: null });
  });

  it("gives the same values when parsed again (the router parses, then the service)", () => {
    const once = parse({ name: "Ana", phone: "", document: CPF }).data;
    expect(updateCustomerInput.parse(once)).toEqual(once);
  });

  it("refuses an empty name, an impossible phone and a CPF/CNPJ with wrong check digits, naming the rule", () => {
    expect(issues({ name: "   " })).toEqual([["name", "too_small"]]);
    expect(issues({ name: "x".repeat(201) })).toEqual([["name", "too_big"]]);
    expect(issues({ phone: "1234" })).toEqual([["phone", "PHONE"]]);
    expect(issues({ phone: "11 9876-5432 ramal" })).toEqual([["phone", "PHONE"]]);
    const wrong = `${CPF.slice(0, 10)}${(Number(CPF[10]) + 1) % 10}`;
    expect(issues({ document: wrong })).toEqual([["document", "DOCUMENT"]]);
    expect(issues({ document: "111.111.111-11" })).toEqual([["document", "DOCUMENT"]]);
    expect(issues({ document: "12345" })).toEqual([["document", "DOCUMENT"]]);
    expect(issues({ customerId: "nope" })).toEqual([["customerId", "invalid_format"]]);
  });

  it.each([
    ["en", "Name: Required. Phone: Not a phone number: use 8 to 15 digits. CPF / CNPJ: Not a valid CPF or CNPJ: check the digits."],
    ["pt-BR", "Nome: Obrigatório. Telefone: Não é um telefone: use de 8 a 15 dígitos. CPF / CNPJ: CPF ou CNPJ inválido: confira os dígitos."],
  ] as const)("reads the refusal in %s with the field's name", (locale, text) => {
    const t = createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => { throw e; } }) as unknown as Translate;
    const zodIssues = (parse({ phone: "12", document: "123", name: "" }).error?.issues ?? []).map(toIssueView);
    expect(errorText(t, { message: "BAD_REQUEST", data: { domainCode: null, params: null, zodIssues } }, { scopes: ["customers.errors"] })).toBe(text);
  });
});
