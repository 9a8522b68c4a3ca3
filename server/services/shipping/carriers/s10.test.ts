import { describe, expect, it } from "vitest";
import { formatS10, isValidS10, s10CheckDigit } from "./s10";

describe("S10 check digit", () => {
  it("matches published valid identifiers", () => {
    // UPU S10 example (also on Wikipedia) and the classic Correios sample.
    expect(isValidS10("AA473124829GB")).toBe(true);
    expect(s10CheckDigit("47312482")).toBe(9);
    expect(isValidS10("RA123456785BR")).toBe(true);
    expect(s10CheckDigit("12345678")).toBe(5);
  });

  it("maps 11 − (sum mod 11) = 11 to 5 and = 10 to 0", () => {
    expect(s10CheckDigit("00000001")).toBe(4); // sum 7 → 11 − 7
    expect(s10CheckDigit("00000000")).toBe(5); // sum 0 → 11 → 5
    expect(s10CheckDigit("00000008")).toBe(0); // sum 56, 56 mod 11 = 1 → 10 → 0
    expect(formatS10("SS", 8)).toBe("SS000000080BR");
  });

  it("refuses a wrong check digit, a bad shape and bad serials", () => {
    expect(isValidS10("RA123456784BR")).toBe(false);
    expect(isValidS10("RA12345678BR")).toBe(false);
    expect(isValidS10("R1123456785BR")).toBe(false);
    expect(isValidS10(" ra 123456785 br ")).toBe(true);
    expect(() => s10CheckDigit("1234567")).toThrow(RangeError);
    expect(() => formatS10("S", 1)).toThrow(RangeError);
  });

  it("formats serials with leading zeros and a valid check digit", () => {
    const code = formatS10("pn", 42);
    expect(code).toMatch(/^PN00000042\dBR$/);
    expect(isValidS10(code)).toBe(true);
  });
});
