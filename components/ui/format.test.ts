import { describe, expect, it } from "vitest";
import { formatCount, formatMoney } from "@/components/ui/format";

describe("formatMoney", () => {
  it("formats BRL per locale", () => {
    expect(formatMoney(123456, "BRL", "pt-BR").replace(/\s/g, " ")).toBe("R$ 1.234,56");
    expect(formatMoney(123456, "BRL", "en")).toBe("R$1,234.56");
  });
  it("formats other currencies", () => {
    expect(formatMoney(1999, "USD", "en")).toBe("$19.99");
    expect(formatMoney(-500, "BRL", "pt-BR").replace(/\s/g, " ")).toBe("-R$ 5,00");
  });
});

describe("formatCount", () => {
  it("marks capped counts", () => {
    expect(formatCount(100000, "en", true)).toBe("100,000+");
    expect(formatCount(1234, "pt-BR")).toBe("1.234");
  });
});
