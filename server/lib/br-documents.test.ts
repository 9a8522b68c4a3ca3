import { describe, expect, it } from "vitest";
import {
  BRAZIL_UFS,
  cnpjCheckDigits,
  cpfCheckDigits,
  formatDocument,
  isPlausiblePhone,
  isValidCnpj,
  isValidCpf,
  normalizeCep,
  normalizeUf,
  parseDocument,
} from "@/server/lib/br-documents";

describe("CPF", () => {
  it.each(["529.982.247-25", "52998224725", "111.444.777-35", "  390.533.447-05 "])("accepts %j", (cpf) => {
    expect(isValidCpf(cpf)).toBe(true);
  });

  it("refuses a wrong first or second check digit", () => {
    expect(isValidCpf("529.982.247-35")).toBe(false);
    expect(isValidCpf("529.982.247-26")).toBe(false);
  });

  it("refuses repeated digits, wrong lengths and letters", () => {
    for (const d of "0123456789") expect(isValidCpf(d.repeat(11))).toBe(false);
    expect(isValidCpf("5299822472")).toBe(false);
    expect(isValidCpf("529982247250")).toBe(false);
    expect(isValidCpf("52998224A25")).toBe(false);
    expect(isValidCpf("")).toBe(false);
  });

  it("computes check digits that validate", () => {
    expect(cpfCheckDigits("529982247")).toBe("25");
    expect(cpfCheckDigits("111444777")).toBe("35");
    // 123.456.789: the second digit's remainder is below 2, so it is 0.
    expect(cpfCheckDigits("123456789")).toBe("09");
    expect(() => cpfCheckDigits("12345678")).toThrow(RangeError);
  });
});

describe("CNPJ", () => {
  it.each(["11.222.333/0001-81", "11222333000181", "45.997.418/0001-53"])("accepts the numeric %j", (cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(true);
  });

  it("accepts the alphanumeric CNPJ in force since July 2026", () => {
    expect(isValidCnpj("12.ABC.345/01DE-35")).toBe(true);
    expect(isValidCnpj("12abc34501de35")).toBe(true);
    expect(cnpjCheckDigits("12ABC34501DE")).toBe("35");
  });

  it("refuses wrong check digits, repeated digits, lengths and letters in the check digits", () => {
    expect(isValidCnpj("11.222.333/0001-82")).toBe(false);
    expect(isValidCnpj("11.222.333/0001-91")).toBe(false);
    expect(isValidCnpj("12.ABC.345/01DE-36")).toBe(false);
    expect(isValidCnpj("12.ABC.345/01DE-3A")).toBe(false);
    expect(isValidCnpj("00000000000000")).toBe(false);
    expect(isValidCnpj("1122233300018")).toBe(false);
    expect(isValidCnpj("12.ÁBC.345/01DE-35")).toBe(false);
  });

  it("generates valid check digits for any base", () => {
    for (const base of ["112223330001", "ABCDEFGHIJKL", "000000000001", "Z9Y8X7W6V5U4"]) {
      expect(isValidCnpj(base + cnpjCheckDigits(base))).toBe(true);
    }
  });
});

describe("parseDocument / formatDocument", () => {
  it("tells CPF from CNPJ and compacts them", () => {
    expect(parseDocument("529.982.247-25")).toEqual({ kind: "CPF", value: "52998224725" });
    expect(parseDocument("11.222.333/0001-81")).toEqual({ kind: "CNPJ", value: "11222333000181" });
    expect(parseDocument("12.abc.345/01de-35")).toEqual({ kind: "CNPJ", value: "12ABC34501DE35" });
    expect(parseDocument("529.982.247-24")).toBeNull();
    expect(parseDocument("123")).toBeNull();
  });

  it("formats both kinds", () => {
    expect(formatDocument("52998224725")).toBe("529.982.247-25");
    expect(formatDocument("11222333000181")).toBe("11.222.333/0001-81");
    expect(formatDocument("12ABC34501DE35")).toBe("12.ABC.345/01DE-35");
    expect(formatDocument("x")).toBe("x");
  });
});

describe("CEP, UF and phone", () => {
  it("normalises CEPs and refuses other shapes", () => {
    expect(normalizeCep("01310-100")).toBe("01310-100");
    expect(normalizeCep("01310100")).toBe("01310-100");
    expect(normalizeCep(" 01310-100 ")).toBe("01310-100");
    // As people also write it: with the dot of the old format, or a space for the hyphen.
    expect(normalizeCep("01.310-100")).toBe("01310-100");
    expect(normalizeCep("01310 100")).toBe("01310-100");
    for (const bad of ["1310-100", "01310-10", "0131O-100", "01.310.100", "013.10-100", "01310--100", ""]) expect(normalizeCep(bad), bad).toBeNull();
  });

  it("knows the 27 UFs", () => {
    expect(BRAZIL_UFS).toHaveLength(27);
    expect(normalizeUf(" sp ")).toBe("SP");
    expect(normalizeUf("DF")).toBe("DF");
    expect(normalizeUf("XX")).toBeNull();
    expect(normalizeUf("São Paulo")).toBe("SP");
    expect(normalizeUf("rio grande do sul")).toBe("RS");
    expect(normalizeUf("Gotham")).toBeNull();
  });

  it("accepts phone numbers as people write them", () => {
    expect(isPlausiblePhone("(11) 98765-4321")).toBe(true);
    expect(isPlausiblePhone("+55 11 98765-4321")).toBe(true);
    expect(isPlausiblePhone("3333-4444")).toBe(true);
    expect(isPlausiblePhone("1234567")).toBe(false);
    expect(isPlausiblePhone("ligar depois")).toBe(false);
    expect(isPlausiblePhone("+55 11 98765-4321 000000")).toBe(false);
  });
});
