import { describe, expect, it } from "vitest";
import { FOLD_FROM, FOLD_TO, foldSql, foldText, foldedLikePrefix } from "./text-fold";

describe("foldText", () => {
  it("drops case and the accents Portuguese uses, and nothing else", () => {
    expect(foldText("João Conceição")).toBe("joao conceicao");
    expect(foldText("ÁGUA DE COCO Nº 1")).toBe("agua de coco nº 1");
    expect(foldText("Fábio Müller Niño")).toBe("fabio muller nino");
    expect(foldText("Café-Açúcar 100% (x_y)")).toBe("cafe-acucar 100% (x_y)");
  });

  it("reads a decomposed accent (as some keyboards and files send it) like the composed one", () => {
    expect(foldText("Jo\u0061\u0303o")).toBe("joao");
  });

  it("maps each letter of FOLD_FROM to the letter at the same place in FOLD_TO", () => {
    expect([...FOLD_FROM]).toHaveLength([...FOLD_TO].length);
    expect(foldText(FOLD_FROM)).toBe(FOLD_TO);
    expect(FOLD_TO).toMatch(/^[a-z]+$/);
  });

  it("sorts Fábio before Francisco and Álvaro among the A's", () => {
    const names = ["Francisco", "Fábio", "Bruno", "Álvaro", "Ana"];
    expect([...names].sort((a, b) => (foldText(a) < foldText(b) ? -1 : 1))).toEqual(["Álvaro", "Ana", "Bruno", "Fábio", "Francisco"]);
  });
});

describe("foldedLikePrefix and foldSql", () => {
  it("makes a prefix pattern with LIKE's wildcards taken literally", () => {
    expect(foldedLikePrefix("Ção_10%")).toBe("cao\\_10\\%%");
  });

  it("builds the indexed expression for a column and refuses anything that is not a column reference", () => {
    expect(foldSql("c.name").sql).toBe(`translate(lower(c.name), '${FOLD_FROM}', '${FOLD_TO}')`);
    expect(foldSql('"customerName"').sql).toContain('lower("customerName")');
    expect(() => foldSql("name); DROP TABLE x; --")).toThrow(/not a column reference/);
  });
});
