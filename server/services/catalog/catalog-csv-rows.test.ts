import { describe, expect, it } from "vitest";
import { parseCsv } from "@/server/lib/csv";
import { catalogTemplateCsv, parseYesNo } from "@/server/services/catalog/catalog-csv-columns";
import { MAX_CATALOG_ROWS, readCatalogRows, type CatalogCsvRow } from "@/server/services/catalog/catalog-csv-rows";

const read = (text: string) => readCatalogRows(parseCsv(text).rows);
/** Each row as [row, sku, "column:code"…]. */
const issues = (rows: CatalogCsvRow[]) => rows.map((r) => [r.row, r.sku, ...r.issues.map((i) => `${i.column}:${i.code}`)]);

describe("the header", () => {
  it("accepts English names, Portuguese aliases and other spellings, case, accents and spaces aside", () => {
    const r = read("Código;Produto;Variação;MARCA;Descrição;Código de Barras;NCM;Preço;Peso (g);comprimento_mm;Largura-mm;altura mm;Ativo\nCAM-1;Camiseta;Azul / M;Aurora;Algodão;7890000000017;6109.10.00;49,90;180;300;250;30;sim\n");
    expect(r.problem).toBeNull();
    // "Peso (g)" is no known header: ignored, like any other column.
    expect([...r.headers.keys()]).toEqual(["sku", "product", "variant", "brand", "description", "barcode", "ncm", "price", "length_mm", "width_mm", "height_mm", "active"]);
    expect(r.headers.get("barcode")).toBe("Código de Barras");
    expect(r.rows).toEqual([{
      row: 2, sku: "CAM-1", issues: [],
      fields: { product: "Camiseta", variant: "Azul / M", brand: "Aurora", description: "Algodão", ean: "7890000000017", ncm: "61091000", priceCents: 4990, lengthMm: 300, widthMm: 250, heightMm: 30, active: true },
    }]);
  });

  it("needs a sku column, each column once, and data", () => {
    expect(read("product,price\nCaneca,10\n").problem).toEqual({ code: "missing_column", params: { columns: "sku" } });
    expect(read("sku,codigo,price\nA,B,1\n").problem).toEqual({ code: "duplicate_column", params: { column: "codigo" } });
    expect(read("").problem).toEqual({ code: "empty_file", params: {} });
    expect(read("sku,price\n\n ,\n").problem).toEqual({ code: "empty_file", params: {} });
    const many = ["sku", ...Array.from({ length: MAX_CATALOG_ROWS + 1 }, (_, i) => `S-${i}`)].join("\n");
    expect(read(many).problem).toEqual({ code: "too_many_rows", params: { max: MAX_CATALOG_ROWS, rows: MAX_CATALOG_ROWS + 1 } });
  });

  it("leaves absent columns out of the fields, and gives null for an empty cell", () => {
    const r = read("sku,price,barcode\nA-1,,\nA-2,10.00,7890000000017\n");
    expect(r.rows.map((x) => x.fields)).toEqual([{ priceCents: null, ean: null }, { priceCents: 1000, ean: "7890000000017" }]);
  });
});

describe("prices", () => {
  it.each([
    ["49,90", 4990], ["49.90", 4990], ["1.234,56", 123456], ["1,234.56", 123456], ["1234,56", 123456], ["R$ 12,90", 1290], ["0", 0], ["10", 1000], ["1.000.000,00", 100_000_000],
  ])("reads %s as %i cents", (text, cents) => {
    expect(read(`sku;price\nA;${text}\n`).rows[0]?.fields.priceCents).toBe(cents);
  });

  it.each([
    ["1.234", "ambiguous_price"], ["abc", "invalid_price"], ["49,9,0", "invalid_price"], ["-1,00", "price_out_of_range"], ["1.000.000,01", "price_out_of_range"],
  ])("refuses %s (%s)", (text, code) => {
    const r = read(`sku;price\nA;${text}\n`).rows[0];
    expect(r?.issues).toEqual([{ column: "price", code, params: expect.objectContaining({ value: text }) }]);
  });
});

describe("active, numbers and the catalogue's field rules", () => {
  it("reads yes / no in both languages", () => {
    const words = ["yes", "no", "TRUE", "false", "sim", "não", "NAO", "1", "0", "Ativo", "inativo"];
    expect(words.map(parseYesNo)).toEqual([true, false, true, false, true, false, false, true, false, true, false]);
    expect(issues(read("sku,active\nA,talvez\n").rows)).toEqual([[2, "A", "active:invalid_active"]]);
  });

  it("takes whole numbers within the forms' ranges", () => {
    const r = read(["sku;weight_g;length_mm;width_mm;height_mm", "A;180;12,0;0;10000", "B;1,5;-3;10001;2000000"].join("\n"));
    expect(r.rows[0]?.fields).toEqual({ weightGrams: 180, lengthMm: 12, widthMm: 0, heightMm: 10000 });
    expect(r.rows[1]?.issues).toEqual([
      { column: "weight_g", code: "invalid_number", params: { value: "1,5" } },
      { column: "length_mm", code: "out_of_range", params: { value: "-3", min: 0, max: 10_000 } },
      { column: "width_mm", code: "out_of_range", params: { value: "10001", min: 0, max: 10_000 } },
      { column: "height_mm", code: "out_of_range", params: { value: "2000000", min: 0, max: 10_000 } },
    ]);
  });

  it("checks codes, barcodes (GS1 check digit), NCM and lengths with the forms' rules", () => {
    const r = read([
      "sku,barcode,ncm,variant",
      "COM ESPAÇO,,,",
      "B,7890000000018,,",
      "C,7,89E+12,61091000,Azul", // unquoted: Excel's scientific number split by the comma is one field too many
      'D,"7,89E+12",6109,',
      `E,,,${"x".repeat(101)}`,
      ",,,",
    ].join("\n"));
    expect(issues(r.rows)).toEqual([
      [2, "COM ESPAÇO", "sku:SKU_CODE_FORMAT"],
      [3, "B", "barcode:EAN_CHECK_DIGIT"],
      [4, "C", ":extra_fields"],
      [5, "D", "barcode:barcode_scientific", "ncm:NCM_FORMAT"],
      [6, "E", "variant:too_long"],
    ]);
    expect(r.rows[1]?.issues[0]?.params).toEqual({ ean: "7890000000018", expected: 7 });
    expect(r.rows[4]?.issues[0]?.params).toEqual({ max: 100 });
    // A row of empty cells is blank, not data.
    expect(r.total).toBe(5);
  });

  it("refuses a row with fewer fields than the header, but not empty cells after the last header", () => {
    const r = read("sku,product,price,,\nA,Caneca\nB,Caneca,10,,\nC,Caneca,10\n");
    expect(issues(r.rows)).toEqual([[2, "A", ":missing_fields"], [3, "B"], [4, "C"]]);
    expect(r.rows[0]?.issues[0]?.params).toEqual({ expected: 3, found: 2 });
  });

  it("reads back text the export guarded against formulas", () => {
    expect(read("sku,product,description\nA,'=Promo,'- item\n").rows[0]?.fields).toEqual({ product: "=Promo", description: "- item" });
  });
});

describe("the same SKU or barcode twice", () => {
  it("keeps the first row and refuses the others, naming it; a barcode is the same in any GTIN length", () => {
    const r = read([
      "sku,barcode",
      "CAM-1,7890000000017",
      "cam-1,",
      "CAM-2,07890000000017",
      "CAM-3,7890000000024",
      "CAM-4,7890000000024",
    ].join("\n"));
    expect(issues(r.rows)).toEqual([[2, "CAM-1"], [3, "cam-1", "sku:duplicate_sku"], [4, "CAM-2", "barcode:duplicate_barcode"], [5, "CAM-3"], [6, "CAM-4", "barcode:duplicate_barcode"]]);
    expect(r.rows[1]?.issues[0]?.params).toEqual({ first: 2 });
    expect(r.rows[2]?.issues[0]?.params).toEqual({ first: 2, sku: "CAM-1" });
  });
});

describe("the template", () => {
  it.each(["en", "pt-BR"] as const)("reads back without an issue (%s)", (locale) => {
    const r = read(catalogTemplateCsv(locale));
    expect(r.problem).toBeNull();
    expect(r.rows.flatMap((x) => x.issues)).toEqual([]);
    expect(r.rows.map((x) => [x.sku, x.fields.product, x.fields.variant, x.fields.priceCents, x.fields.active])).toEqual([
      ["CAM-BAS-P-AZU", "Camiseta Básica", "Azul / P", 4990, true],
      ["CAM-BAS-M-AZU", "Camiseta Básica", "Azul / M", 4990, true],
      ["CAN-CER-350", "Caneca de Cerâmica 350 ml", null, 123456, true],
    ]);
  });
});
