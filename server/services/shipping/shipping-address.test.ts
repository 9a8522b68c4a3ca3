import { describe, expect, it } from "vitest";
import { ufOf } from "@/server/services/stock/brazil-regions";
import { formatCep, isShippableAddress, missingAddressFields, withBrazilianUf } from "./shipping-address";

const SP = { name: "Ana", line1: "Av. Paulista, 1000", line2: "apto 12", district: "Bela Vista", city: "São Paulo", state: "SP", postalCode: "01310-100", country: "BR" };

describe("missingAddressFields: what a carrier needs", () => {
  it("accepts a complete Brazilian address, with or without country, CEP punctuation or BR- prefix", () => {
    expect(missingAddressFields(SP)).toEqual([]);
    const { country: _c, ...noCountry } = SP;
    expect(missingAddressFields({ ...noCountry, postalCode: "01310100", state: "br-sp" })).toEqual([]);
    expect(isShippableAddress(SP)).toBe(true);
  });

  it("no address at all misses every part", () => {
    for (const json of [null, undefined, "Rua A", [], {}]) expect(missingAddressFields(json)).toEqual(["line1", "city", "state", "postalCode"]);
    expect(isShippableAddress(null)).toBe(false);
  });

  it("names each missing or unusable part in Brazil", () => {
    expect(missingAddressFields({ ...SP, line1: "  " })).toEqual(["line1"]);
    expect(missingAddressFields({ ...SP, city: "" })).toEqual(["city"]);
    expect(missingAddressFields({ ...SP, state: "XX" })).toEqual(["state"]);
    expect(missingAddressFields({ ...SP, state: undefined })).toEqual(["state"]);
    expect(missingAddressFields({ ...SP, postalCode: "1310-100" })).toEqual(["postalCode"]);
    expect(missingAddressFields({ ...SP, postalCode: 1310100 })).toEqual(["postalCode"]);
  });

  it("abroad asks for the street line and city only", () => {
    expect(missingAddressFields({ line1: "1 Main St", city: "Lisboa", country: "PT" })).toEqual([]);
    expect(missingAddressFields({ line1: "", city: "Lisboa", country: "PT" })).toEqual(["line1"]);
  });
});

describe("formatCep", () => {
  it("punctuates 8 digits and leaves anything else", () => {
    expect(formatCep("01310100")).toBe("01310-100");
    expect(formatCep("123")).toBe("123");
  });
});

describe("the UF a platform's state field means", () => {
  it("reads codes in any form and the 27 states' names with or without accents", () => {
    expect(["SP", " sp ", "BR-SP", "br-sp", "São Paulo", "SAO PAULO", "sao  paulo"].map(ufOf)).toEqual(Array(7).fill("SP"));
    expect(ufOf("Espírito Santo")).toBe("ES");
    expect(ufOf("Mato Grosso do Sul")).toBe("MS");
    expect(ufOf("Mato Grosso")).toBe("MT");
    expect(ufOf("Rio Grande do Norte")).toBe("RN");
    expect(ufOf("Distrito Federal")).toBe("DF");
    for (const other of ["Oregon", "Buenos Aires", "S", "São", "XX", ""]) expect(ufOf(other)).toBeUndefined();
  });

  it("a Brazilian address carries the UF instead of the state's name; another country's and an unknown state stay as sent", () => {
    const named = { ...SP, state: "São Paulo" };
    expect(missingAddressFields(named)).toEqual(["state"]);
    expect(withBrazilianUf(named)).toEqual(SP);
    expect(withBrazilianUf({ ...SP, state: "sp", country: undefined })).toEqual({ ...SP, state: "SP", country: undefined });
    const oregon = { ...SP, state: "Oregon", country: "US" };
    expect(withBrazilianUf(oregon)).toBe(oregon);
    const parana = { ...SP, state: "Paraná", country: "US" };
    expect(withBrazilianUf(parana)).toBe(parana);
    const unknown = { ...SP, state: "Estado X" };
    expect(withBrazilianUf(unknown)).toBe(unknown);
    expect(withBrazilianUf(SP)).toBe(SP);
  });
});
