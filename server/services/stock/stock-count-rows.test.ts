import { describe, expect, it } from "vitest";
import { parseCsv } from "@/server/lib/csv";
import { normalizeHeader, parseCount, readCountRows } from "@/server/services/stock/stock-count-rows";

const read = (text: string) => readCountRows(parseCsv(text).rows);

describe("parseCount", () => {
  it("accepts whole units and refuses fractions and ambiguous separators", () => {
    expect(parseCount("12")).toBe(12);
    expect(parseCount("12,0")).toBe(12);
    expect(parseCount("12.00")).toBe(12);
    expect(parseCount("-3")).toBe(-3);
    expect(parseCount("1.000")).toBe("invalid");
    expect(parseCount("1,5")).toBe("invalid");
    expect(parseCount("abc")).toBe("invalid");
  });
});

describe("readCountRows", () => {
  it("maps Portuguese headers and keeps spreadsheet row numbers across blank rows", () => {
    expect(normalizeHeader(" Quantidade Contada ")).toBe("quantidade_contada");
    const r = read("SKU;Armazém;Posição;Quantidade contada;Motivo;Produto\nA;SP1;B1;5;recount;Shirt\n;;;;;\nB;SP1;B2;0;;\n");
    expect(r.problem).toBeNull();
    expect(r.total).toBe(2);
    expect(r.counts).toEqual([
      { row: 2, sku: "A", warehouse: "SP1", bin: "B1", counted: 5, reason: "recount" },
      { row: 4, sku: "B", warehouse: "SP1", bin: "B2", counted: 0, reason: null },
    ]);
  });

  it("reports file problems: missing and duplicate columns, no data", () => {
    expect(read("sku,warehouse,counted\nA,SP1,1").problem).toEqual({ code: "missing_column", params: { columns: "bin" } });
    expect(read("sku,warehouse,bin,counted,quantidade\nA,SP1,B,1,1").problem).toEqual({ code: "duplicate_column", params: { column: "quantidade" } });
    expect(read("sku,warehouse,bin,counted\n").problem).toMatchObject({ code: "empty_file" });
    expect(read("").problem).toMatchObject({ code: "empty_file" });
  });

  it("reports every bad row with its column and never drops one", () => {
    const r = read("sku,warehouse,bin,counted\nA,SP1,B1,\nA,SP1,B1,-2\nA,SP1,B1,x\nA,SP1,B1,3\na,sp1,b1,4\nA,SP1,B1,3,extra\n");
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, "counted", "required"], [3, "counted", "negative_quantity"], [4, "counted", "invalid_quantity"], [6, "", "duplicate_row"], [7, "", "extra_fields"],
    ]);
    expect(r.counts.map((c) => c.row)).toEqual([5]);
    expect(r.issues.length + r.counts.length).toBe(r.total);
  });
});

describe("the example on /stock/import", () => {
  it("reads in both languages' header rows", async () => {
    for (const loc of ["en", "pt-BR"]) {
      const messages = (await import(`@/server/i18n/messages/purchasing.${loc}.json`)).default as { purchasing: { import: { exampleHeader: string; exampleReason: string } } };
      const { exampleHeader, exampleReason } = messages.purchasing.import;
      const r = read(`${exampleHeader}\nCAM-BAS-M-PRE,SP,A-01-1-01,42,${exampleReason}\n`);
      expect(r.problem, loc).toBeNull();
      expect(r.counts, loc).toEqual([expect.objectContaining({ sku: "CAM-BAS-M-PRE", warehouse: "SP", bin: "A-01-1-01", counted: 42, reason: exampleReason })]);
    }
  });
});
