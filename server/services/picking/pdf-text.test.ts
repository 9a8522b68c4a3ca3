import { describe, expect, it } from "vitest";
import { toWinAnsi, wrapText } from "./pdf-text";

const w = (s: string) => s.length; // one unit per character

describe("toWinAnsi", () => {
  it("keeps Portuguese letters and typographic quotes, replaces what the font cannot draw", () => {
    expect(toWinAnsi("Camiseta Algodão — “Básica” €10")).toBe("Camiseta Algodão — “Básica” €10");
    expect(toWinAnsi("Caneca ☕ 日本 →")).toBe("Caneca ? ?? ?");
    expect(toWinAnsi("a\tb\nc")).toBe("a b c");
  });

  it("composes decomposed accents first", () => {
    expect(toWinAnsi("Sa\u0303o Paulo")).toBe("São Paulo");
  });
});

describe("wrapText", () => {
  it("wraps on words", () => {
    expect(wrapText("one two three four", 9, w)).toEqual(["one two", "three", "four"]);
  });

  it("cuts words longer than a line", () => {
    expect(wrapText("abcdefghij", 4, w)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("ends a truncated text with an ellipsis", () => {
    expect(wrapText("one two three four", 9, w, 2)).toEqual(["one two", "three…"]);
  });
});
