import { describe, expect, it } from "vitest";
import { CsvParseError, decodeCsvBytes, detectDelimiter, parseCsv, stripBom, toCsv } from "@/server/lib/csv";

describe("parseCsv", () => {
  it("reads plain records with LF, CRLF and CR line ends", () => {
    expect(parseCsv("a,b,c\n1,2,3\n").rows).toEqual([["a", "b", "c"], ["1", "2", "3"]]);
    expect(parseCsv("a,b\r\n1,2\r\n").rows).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsv("a,b\r1,2").rows).toEqual([["a", "b"], ["1", "2"]]);
  });

  it("does not invent a record for the final line break, but keeps the last record without one", () => {
    expect(parseCsv("a\n1").rows).toEqual([["a"], ["1"]]);
    expect(parseCsv("a\n1\n").rows).toEqual([["a"], ["1"]]);
    expect(parseCsv("").rows).toEqual([]);
  });

  it("keeps empty fields, trailing empty fields and blank lines (so row numbers stay right)", () => {
    expect(parseCsv("a,,c,\n,,,\n\nx").rows).toEqual([["a", "", "c", ""], ["", "", "", ""], [""], ["x"]]);
    expect(parseCsv("a,").rows).toEqual([["a", ""]]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks inside", () => {
    const csv = 'name,note\n"Silva, Maria","She said ""hi""\nand left"\n"",x\n';
    expect(parseCsv(csv).rows).toEqual([
      ["name", "note"],
      ["Silva, Maria", 'She said "hi"\nand left'],
      ["", "x"],
    ]);
  });

  it("keeps CRLF inside quotes and reports the line each record starts on", () => {
    const r = parseCsv('h1;h2\r\n"a\r\nb";c\r\nd;e\r\n');
    expect(r.rows).toEqual([["h1", "h2"], ["a\r\nb", "c"], ["d", "e"]]);
    expect(r.lines).toEqual([1, 2, 4]);
  });

  it("keeps a quote in the middle of an unquoted field and spaces around fields", () => {
    expect(parseCsv('Tela 5" HD, x \n').rows).toEqual([['Tela 5" HD', " x "]]);
  });

  it("detects ; (Brazilian Excel) or , from the header, ignoring quoted ones", () => {
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter("a,b,c\n1;2;3")).toBe(",");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter("single")).toBe(",");
    const r = parseCsv("sku;preco\nCAM-1;49,90\n");
    expect(r.delimiter).toBe(";");
    expect(r.rows[1]).toEqual(["CAM-1", "49,90"]);
  });

  it("honours an explicit delimiter", () => {
    expect(parseCsv("a;b,c", { delimiter: "," }).rows).toEqual([["a;b", "c"]]);
  });

  it("strips the byte-order mark", () => {
    expect(parseCsv("\ufeffsku;qtd\nA;1").rows[0]).toEqual(["sku", "qtd"]);
    expect(stripBom("\ufeffx")).toBe("x");
    expect(stripBom("x")).toBe("x");
  });

  it("refuses an unterminated quoted field, naming its row and line", () => {
    const err = (() => {
      try {
        parseCsv('a,b\n1,2\n3,"never\nclosed\n');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CsvParseError);
    expect((err as CsvParseError).row).toBe(3);
    expect((err as CsvParseError).line).toBe(3);
  });

  it("refuses text after a closing quote", () => {
    expect(() => parseCsv('a\n"abc"def\n')).toThrow(CsvParseError);
    expect(() => parseCsv('a\n"abc" \n')).toThrow(/closing quote/);
  });
});

describe("decodeCsvBytes", () => {
  it("reads UTF-8 with or without BOM", () => {
    const utf8 = new TextEncoder().encode("\ufeffcliente;cidade\nJoão;São Paulo\n");
    expect(decodeCsvBytes(utf8)).toBe("cliente;cidade\nJoão;São Paulo\n");
  });

  it("falls back to Windows-1252 for what Excel saves in Brazil", () => {
    // "João;Ação" in Windows-1252: ã = 0xE3, ç = 0xE7.
    const bytes = new Uint8Array([0x4a, 0x6f, 0xe3, 0x6f, 0x3b, 0x41, 0xe7, 0xe3, 0x6f]);
    expect(decodeCsvBytes(bytes)).toBe("João;Ação");
  });
});

describe("toCsv", () => {
  it("quotes only what needs quoting and doubles quotes", () => {
    expect(toCsv([["a", "b,c", 'say "x"', "line\nbreak", " pad", 12, null, undefined]])).toBe(
      'a,"b,c","say ""x""","line\nbreak"," pad",12,,\r\n',
    );
  });

  it("quotes by the delimiter in use", () => {
    expect(toCsv([["1,5", "a;b"]], { delimiter: ";" })).toBe('1,5;"a;b"\r\n');
  });

  it("guards text that a spreadsheet would run as a formula, when asked", () => {
    expect(toCsv([["=HYPERLINK(\"x\")", "+1", "-2", "@a", "ok", -5]], { guardFormulas: true })).toBe(
      '"\'=HYPERLINK(""x"")",\'+1,\'-2,\'@a,ok,-5\r\n',
    );
    expect(toCsv([["=1+1"]])).toBe("=1+1\r\n");
  });

  it("adds a BOM for Excel when asked", () => {
    expect(toCsv([["a"]], { bom: true })).toBe("\ufeffa\r\n");
  });

  it("round-trips through parseCsv", () => {
    const rows = [
      ["sku", "nome", "obs"],
      ["CAM-1", 'Camiseta "Tropical", azul', "linha 1\r\nlinha 2"],
      ["", ";", '"'],
    ];
    for (const delimiter of [",", ";"] as const) {
      expect(parseCsv(toCsv(rows, { delimiter, bom: true }), { delimiter }).rows).toEqual(rows);
    }
  });
});
