import { describe, expect, it } from "vitest";
import { addressLines } from "@/components/ui/address-lines";

describe("addressLines", () => {
  const a = { name: "Carlos", line1: "Av. Sete, 1200", line2: "Casa", district: "Centro", city: "Salvador", state: "BA", postalCode: "40060-001", country: "BR", phone: "71 99999-0000" };

  it("prints the lines people read, the country in the reader's language", () => {
    expect(addressLines(a, "pt-BR")).toEqual(["Carlos", "Av. Sete, 1200, Casa", "Centro", "Salvador - BA", "40060-001", "Brasil", "71 99999-0000"]);
    expect(addressLines(a, "en")).toContain("Brazil");
  });

  it("leaves out what is missing, the phone on request, and keeps a country that is not a code", () => {
    expect(addressLines({ line1: "Rua A", city: "Recife", country: "Brasil", phone: "x" }, "en", { phone: false })).toEqual(["Rua A", "Recife", "Brasil"]);
  });
});
