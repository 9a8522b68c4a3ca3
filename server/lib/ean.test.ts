import { describe, it, expect } from "vitest";
import { ean13CheckDigit, gtinCheckDigit, isValidGtin, normalizeGtin, validateEan13 } from "./ean";

describe("ean13CheckDigit", () => {
  it("computes the GS1 check digit of known EAN-13s", () => {
    expect(ean13CheckDigit("789100031550")).toBe(7);
    expect(ean13CheckDigit("400638133393")).toBe(1);
    expect(ean13CheckDigit("590123412345")).toBe(7);
    expect(ean13CheckDigit("978030640615")).toBe(7); // ISBN 978-0-306-40615-7
  });

  it("returns 0 when the weighted sum is already a multiple of 10", () => {
    // 0×12 weighted → 0 → check 0
    expect(ean13CheckDigit("000000000000")).toBe(0);
    // digits 1,0,0,0,0,0,0,0,0,0,0,3 → 1×1 + 3×3 = 10 → check 0
    expect(ean13CheckDigit("100000000003")).toBe(0);
  });

  it("rejects bodies that are not exactly 12 digits", () => {
    expect(() => ean13CheckDigit("78910003155")).toThrow(RangeError);
    expect(() => ean13CheckDigit("7891000315507")).toThrow(RangeError);
    expect(() => ean13CheckDigit("78910003155a")).toThrow(RangeError);
    expect(() => ean13CheckDigit("")).toThrow(RangeError);
  });
});

describe("validateEan13", () => {
  it("accepts real EAN-13 barcodes", () => {
    expect(validateEan13("7891000315507")).toBe(true);
    expect(validateEan13("4006381333931")).toBe(true);
    expect(validateEan13("5901234123457")).toBe(true);
    expect(validateEan13("9780306406157")).toBe(true);
  });

  it("rejects a wrong check digit", () => {
    expect(validateEan13("7891000315508")).toBe(false);
    expect(validateEan13("4006381333932")).toBe(false);
    expect(validateEan13("4006381333930")).toBe(false);
  });

  it("rejects transposed digits that the checksum catches", () => {
    expect(validateEan13("7981000315507")).toBe(false);
  });

  it("rejects wrong lengths and non-digits", () => {
    expect(validateEan13("789100031550")).toBe(false);
    expect(validateEan13("07891000315507")).toBe(false);
    expect(validateEan13("789100031550X")).toBe(false);
    expect(validateEan13(" 7891000315507")).toBe(false);
    expect(validateEan13("")).toBe(false);
  });
});

describe("gtinCheckDigit / isValidGtin", () => {
  it("handles other GTIN lengths", () => {
    expect(gtinCheckDigit("9638507")).toBe(4); // EAN-8 96385074
    expect(gtinCheckDigit("03600029145")).toBe(2); // UPC-A 036000291452
    expect(isValidGtin("96385074")).toBe(true);
    expect(isValidGtin("036000291452")).toBe(true);
    expect(isValidGtin("07891000315507")).toBe(true); // GTIN-14 of an EAN-13
    expect(isValidGtin("7891000315507")).toBe(true);
  });

  it("rejects bad GTINs", () => {
    expect(isValidGtin("96385075")).toBe(false);
    expect(isValidGtin("1234567")).toBe(false); // 7 digits is no GTIN length
    expect(isValidGtin("123456789012345")).toBe(false);
    expect(() => gtinCheckDigit("12a")).toThrow(RangeError);
  });
});

describe("normalizeGtin", () => {
  it("pads to 14 digits so EAN-13 and GTIN-14 compare equal", () => {
    expect(normalizeGtin("7891000315507")).toBe("07891000315507");
    expect(normalizeGtin("07891000315507")).toBe("07891000315507");
    expect(normalizeGtin("12345678905")).toBe("00012345678905");
  });

  it("removes whitespace", () => {
    expect(normalizeGtin(" 789 1000 315507\r\n")).toBe("07891000315507");
  });

  it("returns null for non-numeric or too long codes", () => {
    expect(normalizeGtin("SKU-1")).toBeNull();
    expect(normalizeGtin("")).toBeNull();
    expect(normalizeGtin("   ")).toBeNull();
    expect(normalizeGtin("123456789012345")).toBeNull();
  });
});
