import { describe, expect, it } from "vitest";
import { decodeProductCursor, eanPrefixRange, encodeProductCursor, likePrefix } from "./product-list-query";

describe("product list cursor", () => {
  it("round-trips the last row's key, accents and quotes included", () => {
    const key = { name: "caneca \"cerâmica\" 350 ml", id: "0b8f5f0e-3c55-4c2f-9d53-8d6f2b1c9a10" };
    expect(decodeProductCursor(encodeProductCursor(key))).toEqual(key);
  });

  it("refuses a forged cursor as a VALIDATION error on the cursor field", () => {
    for (const bad of ["", "not-a-cursor", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["a","not-a-uuid"]').toString("base64url")]) {
      expect(() => decodeProductCursor(bad), bad).toThrow(expect.objectContaining({ code: "VALIDATION", params: expect.objectContaining({ field: "cursor" }) }));
    }
  });
});

describe("search prefixes", () => {
  it("escapes LIKE's wildcards and lower-cases", () => {
    expect(likePrefix("CAM-BAS")).toBe("cam-bas%");
    expect(likePrefix("50%_off\\")).toBe("50\\%\\_off\\\\%");
  });

  it("turns an EAN prefix into an index range", () => {
    expect(eanPrefixRange("789")).toEqual({ from: "789", to: "79" });
    expect(eanPrefixRange("7891")).toEqual({ from: "7891", to: "7892" });
    expect(eanPrefixRange("7899")).toEqual({ from: "7899", to: "79" });
    expect(eanPrefixRange("0")).toEqual({ from: "0", to: "1" });
    expect(eanPrefixRange("99")).toEqual({ from: "99", to: null });
  });
});
