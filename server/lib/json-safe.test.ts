import { describe, expect, it } from "vitest";
import { JsonSyntaxError, parseJsonSafe } from "./json-safe";

describe("parseJsonSafe", () => {
  it("keeps integers above 2^53 exact as strings", () => {
    const doc = parseJsonSafe('{"id": 820982911946154508, "order_id": -9007199254740993}');
    expect(doc).toEqual({ id: "820982911946154508", order_id: "-9007199254740993" });
    // What JSON.parse would have done:
    expect(String(JSON.parse("820982911946154508"))).not.toBe("820982911946154508");
  });

  it("leaves safe integers, decimals and exponents as numbers", () => {
    expect(parseJsonSafe("[0, -0, 42, -17, 9007199254740991, -9007199254740991, 12.5, 1e3, 8.2e20, 89.99]")).toEqual([
      0, -0, 42, -17, 9007199254740991, -9007199254740991, 12.5, 1000, 8.2e20, 89.99,
    ]);
    expect(parseJsonSafe("9007199254740992")).toBe("9007199254740992");
    expect(parseJsonSafe("12345678901234567890.5")).toBe(12345678901234567890.5);
  });

  it("never touches digits inside strings, including after escapes", () => {
    const text = '{"note": "order 820982911946154508 \\"quoted 820982911946154509\\" \\\\", "n": 820982911946154510}';
    expect(parseJsonSafe(text)).toEqual({
      note: 'order 820982911946154508 "quoted 820982911946154509" \\',
      n: "820982911946154510",
    });
  });

  it("decodes every escape like JSON.parse", () => {
    const text = '"a\\u00e9\\ud83d\\ude00\\n\\t\\r\\b\\f\\/\\\\\\""';
    expect(parseJsonSafe(text)).toBe(JSON.parse(text));
    expect(parseJsonSafe('"Estándar ₹"')).toBe("Estándar ₹");
  });

  it("matches JSON.parse on ordinary documents", () => {
    const text = JSON.stringify({ a: [1, { b: null, c: true, d: false }], e: "x", f: -3.25e-2, g: {} , h: [] });
    expect(parseJsonSafe(text)).toEqual(JSON.parse(text));
    expect(parseJsonSafe(" \n\t[ ]\r\n")).toEqual([]);
  });

  it("accepts duplicate keys, last one wins (as JSON.parse)", () => {
    expect(parseJsonSafe('{"number": 1, "x": 0, "number": 101}')).toEqual({ number: 101, x: 0 });
  });

  it("keeps __proto__ as an own key without touching the prototype", () => {
    const doc = parseJsonSafe('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.keys(doc)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it.each([
    ["", 0],
    ["{", 1],
    ['{"a" 1}', 5],
    ['{"a": 1,}', 8],
    ["[1 2]", 3],
    ["01", 1],
    ["1.", 1],
    ["-", 0],
    ['"abc', 0],
    ['"a\nb"', 2],
    ['"\\x"', 1],
    ["tru", 0],
    ["{} x", 3],
    ["{'a': 1}", 1],
  ])("rejects %j with its position", (text, position) => {
    let error: unknown;
    try {
      parseJsonSafe(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as JsonSyntaxError).position).toBe(position);
    expect((error as JsonSyntaxError).message).toContain(`position ${position}`);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("reports line and column", () => {
    expect(() => parseJsonSafe('{\n  "a": 1\n  "b": 2\n}')).toThrow(/line 3, column 3/);
  });
});
