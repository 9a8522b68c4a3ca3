import { describe, expect, it } from "vitest";
import type { DomainError } from "@/server/lib/domain-error";
import { checkEan, checkNcm, checkRepeats, checkSkuCode, checkVariants, cleanText, defaultSkuName, formatNcm, gtinForms } from "./sku-rules";

/** The code and params of the DomainError `fn` throws. */
function refusal(fn: () => unknown): { code: string; params: Record<string, string | number> } {
  try {
    fn();
  } catch (e) {
    return { code: (e as DomainError).code, params: (e as DomainError).params };
  }
  throw new Error("expected a DomainError");
}

describe("checkEan", () => {
  it("accepts GTIN-8, -12, -13 and -14 with a correct GS1 check digit, spaces removed; empty is none", () => {
    expect(checkEan("7891000315507")).toBe("7891000315507");
    expect(checkEan("96385074")).toBe("96385074");
    expect(checkEan("036000291452")).toBe("036000291452");
    expect(checkEan("07891000315507")).toBe("07891000315507");
    expect(checkEan(" 789 1000 315507 ")).toBe("7891000315507");
    expect(checkEan("")).toBeNull();
    expect(checkEan("   ")).toBeNull();
    expect(checkEan(null)).toBeNull();
    expect(checkEan(undefined)).toBeNull();
  });

  it("refuses a wrong check digit and says which digit was expected", () => {
    expect(refusal(() => checkEan("7891000315508"))).toEqual({
      code: "VALIDATION",
      params: expect.objectContaining({ rule: "EAN_CHECK_DIGIT", field: "ean", ean: "7891000315508", expected: 7 }),
    });
    expect(refusal(() => checkEan("96385075")).params).toMatchObject({ rule: "EAN_CHECK_DIGIT", expected: 4 });
  });

  it("refuses other lengths and non-digits", () => {
    for (const bad of ["1234567", "123456789", "78910003155", "123456789012345", "789100031550X", "7891-000315507"]) {
      expect(refusal(() => checkEan(bad)).params, bad).toMatchObject({ rule: "EAN_FORMAT" });
    }
  });
});

describe("gtinForms", () => {
  it("lists every GTIN length the same number can be written in", () => {
    expect(gtinForms("7891000315507")).toEqual(["07891000315507", "7891000315507"]);
    expect(gtinForms("07891000315507")).toEqual(["07891000315507", "7891000315507"]);
    expect(gtinForms("036000291452")).toEqual(["00036000291452", "0036000291452", "036000291452"]);
    expect(gtinForms("96385074")).toEqual(["00000096385074", "0000096385074", "000096385074", "96385074"]);
    expect(gtinForms("17891000315504")).toEqual(["17891000315504"]);
  });
});

describe("formatNcm", () => {
  it("prints 8 digits the way an NF-e reader writes them, and reads back through checkNcm", () => {
    expect(formatNcm("61091000")).toBe("6109.10.00");
    expect(checkNcm(formatNcm("61091000"))).toBe("61091000");
    expect(formatNcm("6109")).toBe("6109");
  });
});

describe("checkNcm", () => {
  it("takes 8 digits, with the usual dots or not; empty is none", () => {
    expect(checkNcm("61091000")).toBe("61091000");
    expect(checkNcm("6109.10.00")).toBe("61091000");
    expect(checkNcm(" 6109 10 00 ")).toBe("61091000");
    expect(checkNcm("")).toBeNull();
    expect(checkNcm(null)).toBeNull();
  });

  it("refuses anything but 8 digits", () => {
    for (const bad of ["6109", "610910000", "6109.10.0A", "61-09-10-00"]) {
      expect(refusal(() => checkNcm(bad)), bad).toEqual({ code: "VALIDATION", params: expect.objectContaining({ rule: "NCM_FORMAT", field: "ncm" }) });
    }
  });
});

describe("checkSkuCode", () => {
  it("keeps letters, digits and . _ - /, trimmed, case as typed", () => {
    expect(checkSkuCode(" CAM-BAS-M-AZU ")).toBe("CAM-BAS-M-AZU");
    expect(checkSkuCode("kit_3/meias.39")).toBe("kit_3/meias.39");
  });

  it("refuses spaces, accents, a leading symbol, and more than 60 characters", () => {
    for (const bad of ["", "CAM AZU", "CAMISETA-AÇAÍ", "-CAM", "X".repeat(61)]) {
      expect(refusal(() => checkSkuCode(bad)).params, bad).toMatchObject({ rule: "SKU_CODE_FORMAT", field: "code" });
    }
  });
});

describe("variants and repeats", () => {
  it("needs a variant on every changed SKU of a product with several, each different (case aside)", () => {
    expect(() => checkVariants([{ code: "A", variant: null, changed: true }])).not.toThrow();
    expect(() => checkVariants([{ code: "A", variant: null, changed: false }, { code: "B", variant: "Azul", changed: true }])).not.toThrow();
    expect(refusal(() => checkVariants([{ code: "A", variant: "Azul", changed: false }, { code: "B", variant: null, changed: true }])).params).toMatchObject({
      rule: "VARIANT_REQUIRED", code: "B",
    });
    expect(refusal(() => checkVariants([{ code: "A", variant: "Azul / M", changed: false }, { code: "B", variant: "azul / m", changed: true }]))).toEqual({
      code: "DUPLICATE", params: expect.objectContaining({ rule: "VARIANT_TAKEN", variant: "azul / m", code: "A" }),
    });
  });

  it("tells variants apart the way a picker reads them: accents and the spaces around '/' aside, other differences kept", () => {
    for (const [a, b] of [["Médio / Azul", "medio/azul"], ["Pão de Açúcar", "PAO  DE ACUCAR"], ["Tam. G /Verde", "tam. g / verde"]] as const) {
      expect(refusal(() => checkVariants([{ code: "A", variant: a, changed: false }, { code: "B", variant: b, changed: true }])).params, `${a} | ${b}`).toMatchObject({
        rule: "VARIANT_TAKEN", code: "A",
      });
    }
    for (const [a, b] of [["Azul / M", "Azul / G"], ["Azul / M", "Azul M"], ["110V", "220V"]] as const) {
      expect(() => checkVariants([{ code: "A", variant: a, changed: false }, { code: "B", variant: b, changed: true }]), `${a} | ${b}`).not.toThrow();
    }
  });

  it("finds the same code (case aside) or the same trade item number twice in one form", () => {
    expect(() => checkRepeats([{ code: "A", ean: "7891000315507" }, { code: "B", ean: null }, { code: "C", ean: null }])).not.toThrow();
    expect(refusal(() => checkRepeats([{ code: "A", ean: null }, { code: "a", ean: null }]))).toEqual({ code: "DUPLICATE", params: expect.objectContaining({ rule: "SKU_CODE_REPEATED", code: "a" }) });
    expect(refusal(() => checkRepeats([{ code: "A", ean: "7891000315507" }, { code: "B", ean: "07891000315507" }])).params).toMatchObject({ rule: "EAN_REPEATED", code: "A" });
  });
});

describe("text", () => {
  it("folds spaces, empties to null, and names a SKU after its product and variant", () => {
    expect(cleanText("  Aurora   Moda ")).toBe("Aurora Moda");
    expect(cleanText("   ")).toBeNull();
    expect(cleanText(undefined)).toBeNull();
    expect(defaultSkuName("Camiseta Básica Algodão", "Azul / M")).toBe("Camiseta Básica Algodão Azul M");
    expect(defaultSkuName("Caneca Cerâmica", "350 ml")).toBe("Caneca Cerâmica 350 ml");
    expect(defaultSkuName("Boné Aba Curva ", null)).toBe("Boné Aba Curva");
  });
});
