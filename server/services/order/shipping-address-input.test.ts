import { describe, expect, it } from "vitest";
import { correctedAddressInput, mayEditShippingAddress, sameAddress, storedAddress } from "./shipping-address-input";
import { isShippableAddress } from "@/server/services/shipping/shipping-address";

const ok = { line1: " Rua A, 1 ", city: "São Paulo", state: "sp", postalCode: "01310100" };
const rules = (value: unknown) => (correctedAddressInput.safeParse(value).error?.issues ?? []).map((i) => `${i.path.join(".")}:${(i as { params?: { rule?: string } }).params?.rule ?? i.code}`);

describe("correctedAddressInput", () => {
  it("normalises a Brazilian address (UF upper-case, CEP punctuated, blanks dropped) into one a carrier can use", () => {
    const a = correctedAddressInput.parse({ ...ok, line2: "  ", name: "" });
    expect(a).toEqual({ line1: "Rua A, 1", city: "São Paulo", state: "SP", postalCode: "01310-100", country: "BR", line2: undefined, name: undefined, district: undefined });
    expect(storedAddress(a, { phone: "+55 11 99999-0000" })).toEqual({ line1: "Rua A, 1", city: "São Paulo", state: "SP", postalCode: "01310-100", country: "BR", phone: "+55 11 99999-0000" });
    expect(isShippableAddress(storedAddress(a))).toBe(true);
  });

  it("names what is wrong in Brazil: UF, CEP, street, city, country code", () => {
    expect(rules({ ...ok, state: "XX" })).toEqual(["state:UF"]);
    expect(rules({ ...ok, state: undefined })).toEqual(["state:UF"]);
    expect(rules({ ...ok, postalCode: "0131-0100" })).toEqual(["postalCode:CEP"]);
    expect(rules({ ...ok, line1: "  " })).toEqual(["line1:too_small"]);
    expect(rules({ ...ok, city: undefined })).toEqual(["city:invalid_type"]);
    expect(rules({ ...ok, country: "Brasil" })).toEqual(["country:COUNTRY_CODE"]);
    // Two letters that are no country would skip the Brazilian checks.
    expect(rules({ ...ok, country: "ZZ" })).toEqual(["country:COUNTRY_CODE"]);
    expect(rules({ ...ok, country: "XY" })).toEqual(["country:COUNTRY_CODE"]);
  });

  it("wants the house number on a Brazilian street, or s/n when there is none", () => {
    expect(rules({ ...ok, line1: "Avenida Paulista" })).toEqual(["line1:STREET_NUMBER"]);
    for (const line1 of ["Avenida Paulista, 1000", "Rua Sete, s/n", "Estrada Velha S/N", "Rua Um, sn", "Sítio Boa Vista, sem número", "Rua das Flores 12B"]) {
      expect(rules({ ...ok, line1 }), line1).toEqual([]);
    }
    // Abroad the street line is as the country writes it.
    expect(rules({ line1: "Baker Street", city: "London", country: "GB" })).toEqual([]);
  });

  it("abroad needs the street line and city only", () => {
    expect(correctedAddressInput.parse({ line1: "1 Main St", city: "Lisboa", country: "pt" })).toEqual({ line1: "1 Main St", city: "Lisboa", country: "PT" });
  });
});

describe("sameAddress", () => {
  it("ignores case, spacing, CEP punctuation and a missing BR", () => {
    expect(sameAddress({ line1: "Rua A, 1", city: "SÃO PAULO", state: "SP", postalCode: "01310-100" }, { line1: "rua a,  1", city: "São Paulo", state: "sp", postalCode: "01310100", country: "BR" })).toBe(true);
    expect(sameAddress({ line1: "Rua A, 1", city: "São Paulo" }, { line1: "Rua A, 2", city: "São Paulo" })).toBe(false);
    expect(sameAddress(null, { line1: "Rua A" })).toBe(false);
    expect(sameAddress(null, undefined)).toBe(true);
  });
});

describe("mayEditShippingAddress", () => {
  it("until picking; not once packed, invoiced, shipped or stopped", () => {
    for (const s of ["RECEIVED", "PAYMENT_AUTHORIZED", "FRAUD_REVIEW", "APPROVED", "BACKORDERED", "ALLOCATED", "PICKING"] as const) expect(mayEditShippingAddress(s)).toBe(true);
    for (const s of ["PACKED", "INVOICED", "SHIPPED", "DELIVERED", "RETURN_REQUESTED", "RETURNED", "CANCELLED"] as const) expect(mayEditShippingAddress(s)).toBe(false);
  });
});
