import { describe, expect, it } from "vitest";
import { COMMON_CURRENCIES, currencyLabel, isIsoCurrency } from "@/server/lib/currency";
import { currencyCodeInput, toIssueView } from "@/server/lib/zod-issue-view";

const rules = (v: string) => {
  const r = currencyCodeInput().safeParse(v);
  return r.success ? r.data : r.error.issues.map((i) => toIssueView(i).rule);
};

describe("ISO 4217 currency codes", () => {
  it("knows real codes and nothing else", () => {
    for (const c of ["BRL", "USD", "EUR", "JPY", "ARS"]) expect(isIsoCurrency(c)).toBe(true);
    for (const c of ["REA", "XYZ", "brl", "", "BRLL"]) expect(isIsoCurrency(c)).toBe(false);
  });

  it("the common list starts with BRL and holds only real codes", () => {
    expect(COMMON_CURRENCIES[0]).toBe("BRL");
    expect(COMMON_CURRENCIES.every(isIsoCurrency)).toBe(true);
  });

  it("currencyCodeInput: trims and upper-cases a real code; names the rule a wrong one breaks", () => {
    expect(rules(" brl ")).toBe("BRL");
    expect(rules("reais")).toEqual(["CURRENCY_CODE"]);
    expect(rules("XYZ")).toEqual(["CURRENCY_UNKNOWN"]);
    expect(rules("rea")).toEqual(["CURRENCY_UNKNOWN"]);
  });

  it("labels a code with its name in the user's language", () => {
    expect(currencyLabel("BRL", "pt-BR")).toBe("BRL — Real brasileiro");
    expect(currencyLabel("USD", "en")).toBe("USD — US Dollar");
  });
});
