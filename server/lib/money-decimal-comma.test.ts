import { describe, expect, it } from "vitest";
import { AmbiguousDecimalError, MoneyParseError, parseBrazilianOrDotDecimal } from "@/server/lib/money";

describe("parseBrazilianOrDotDecimal", () => {
  it.each([
    ["1.234,56", 123456],
    ["1234,56", 123456],
    ["12,5", 1250],
    ["0,05", 5],
    [",5", 50],
    ["1.234.567,89", 123456789],
    ["1.234.567", 123456700],
    ["12,90", 1290],
    ["R$ 12,90", 1290],
    ["R$\u00a01.234,56", 123456],
    ["  49,90  ", 4990],
    ["-3,10", -310],
    ["-R$ 3,10", -310],
    ["R$ -3,10", -310],
    ["+7", 700],
    ["0", 0],
    ["-0,00", 0],
  ])("reads the Brazilian form %j as %i cents", (text, cents) => {
    expect(parseBrazilianOrDotDecimal(text)).toBe(cents);
  });

  it.each([
    ["1234.56", 123456],
    ["12.5", 1250],
    ["0.125", 13],
    [".5", 50],
    ["1,234.56", 123456],
    ["1,234,567.8", 123456780],
    ["1,234,567", 123456700],
    ["49.90", 4990],
    ["100", 10000],
  ])("reads the dot-decimal form %j as %i cents", (text, cents) => {
    expect(parseBrazilianOrDotDecimal(text)).toBe(cents);
  });

  it("is exact where binary floats are not", () => {
    // 1.005 * 100 is 100.49999999999999 in floating point.
    expect(parseBrazilianOrDotDecimal("1,005")).toBe(101);
    expect(parseBrazilianOrDotDecimal("0,285")).toBe(29);
    expect(parseBrazilianOrDotDecimal("9.007.199.254.740,99")).toBe(900719925474099);
  });

  it("rounds more than two decimals half away from zero", () => {
    expect(parseBrazilianOrDotDecimal("2,344")).toBe(234);
    expect(parseBrazilianOrDotDecimal("2,345")).toBe(235);
    expect(parseBrazilianOrDotDecimal("-2,345")).toBe(-235);
  });

  it("refuses a lone dot with three digits instead of guessing", () => {
    expect(() => parseBrazilianOrDotDecimal("1.234")).toThrow(AmbiguousDecimalError);
    expect(() => parseBrazilianOrDotDecimal("12.345")).toThrow(AmbiguousDecimalError);
    // …but "1.234" with a comma, or a leading zero, is not ambiguous.
    expect(parseBrazilianOrDotDecimal("1.234,00")).toBe(123400);
    expect(parseBrazilianOrDotDecimal("0.234")).toBe(23);
  });

  it.each([
    "",
    "   ",
    "R$",
    "abc",
    "12,",
    "12.",
    "1,2,3",
    "1.23.45",
    "12.34,56",
    "1234.567,89",
    "1,23.45",
    "12 34",
    "1e5",
    "--5",
    "12,3a",
    "(12,50)",
    "99999999999999999999",
    "NaN",
  ])("rejects %j", (text) => {
    expect(() => parseBrazilianOrDotDecimal(text)).toThrow(MoneyParseError);
  });
});
