import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/server/i18n/messages";
import { parseCsv } from "@/server/lib/csv";
import { CSV_COLUMNS, columnForHeader, columnRank, normalizeHeader, otherLanguageHeader, templateHeader } from "@/server/services/order/csv-order-columns";
import { CSV_ISSUE_CODES, csvIssue } from "@/server/services/order/csv-order-issues";
import { readOrderRows } from "@/server/services/order/csv-order-rows";
import { ISSUE_CODES } from "@/server/services/order/manual-order-input";

const SP = "America/Sao_Paulo";
const HEADER = "pedido;data_pedido;cliente;endereco;cidade;uf;cep;sku;quantidade;preco_unitario;frete";
const read = (text: string) => readOrderRows(parseCsv(text).rows, { timeZone: SP });

describe("order CSV headers", () => {
  it("match without case, accents, spaces or hyphens, in English or Portuguese", () => {
    expect(normalizeHeader(" Preço Unitário ")).toBe("preco_unitario");
    expect(columnForHeader("Preço Unitário")?.key).toBe("unitPrice");
    expect(columnForHeader("Order External ID")?.key).toBe("orderExternalId");
    expect(columnForHeader("order-external-id")?.key).toBe("orderExternalId");
    expect(columnForHeader("UF")?.key).toBe("state");
    expect(columnForHeader("CPF/CNPJ")).toBeUndefined();
    expect(columnForHeader("cpf_cnpj")?.key).toBe("customerDocument");
  });

  it("each name and alias leads to its own column", () => {
    for (const c of CSV_COLUMNS) {
      expect(columnForHeader(c.name)?.key, c.name).toBe(c.key);
      expect(columnForHeader(c.alias)?.key, c.alias).toBe(c.key);
    }
  });

  it("each language's template (and its help) names the columns in that language; the other language's names are read too", () => {
    const pt = CSV_COLUMNS.map((c) => templateHeader(c, "pt-BR"));
    const en = CSV_COLUMNS.map((c) => templateHeader(c, "en"));
    expect(pt.slice(0, 3)).toEqual(["pedido_canal", "pedido", "data_pedido"]);
    expect(en.slice(0, 3)).toEqual(["channel_external_id", "order_external_id", "placed_at"]);
    expect(pt).not.toContain("order_external_id");
    for (const c of CSV_COLUMNS) {
      expect(otherLanguageHeader(c, "pt-BR")).toBe(templateHeader(c, "en"));
      expect(columnForHeader(otherLanguageHeader(c, "pt-BR"))?.key).toBe(c.key);
      expect(columnForHeader(templateHeader(c, "pt-BR"))?.key).toBe(c.key);
    }
  });

  it("refuse a repeated column", () => {
    const r = read(`${HEADER};SKU\n1;05/03/2026;Ana;Rua A;X;SP;01310-100;A;1;1;0;B`);
    expect(r.issues.map((i) => `${i.row} ${i.column} ${i.code}`)).toEqual(["1 SKU duplicate_column"]);
    expect(r.orders).toEqual([]);
  });
});

describe("readOrderRows", () => {
  it("groups rows by order id even when they are not adjacent, keeping spreadsheet row numbers", () => {
    const r = read(
      [
        HEADER,
        "P1;05/03/2026 10:00;Ana;Rua A;X;SP;01310-100;A;1;10,00;5",
        "P2;05/03/2026 11:00;Bia;Rua B;Y;RJ;20000-000;B;2;;",
        "",
        "P1;05/03/2026 10:00;Ana;Rua A;X;SP;01310-100;C;3;1.000,50;5,00",
      ].join("\n"),
    );
    expect(r.issues).toEqual([]);
    expect(r.total).toBe(3);
    expect(r.orders.map((o) => [o.externalId, o.rows, o.lines.map((l) => [l.row, l.sku, l.quantity, l.unitPriceCents])])).toEqual([
      ["P1", [2, 5], [[2, "A", 1, 1000], [5, "C", 3, 100050]]],
      ["P2", [3], [[3, "B", 2, null]]],
    ]);
    expect(r.orders[0]?.header).toMatchObject({ shippingCents: 500, paymentStatus: "PENDING", placedAt: new Date("2026-03-05T13:00:00Z") });
  });

  it("allows an unnamed column only while it stays empty", () => {
    const r = read(`${HEADER};\nP1;05/03/2026;Ana;Rua A;X;SP;01310-100;A;1;;;\nP2;05/03/2026;Ana;Rua A;X;SP;01310-100;A;1;;;oops`);
    expect(r.issues.map((i) => `${i.row} ${i.code} ${i.params.position}`)).toEqual(["3 extra_fields 12"]);
  });

  it("refuses a placed-at more than 1 day ahead or before 2000-01-01, keeping the order's header out", () => {
    const now = new Date("2026-03-05T12:00:00Z");
    const at = (placed: string, id = "P1") => `${id};${placed};Ana;Rua A;X;SP;01310-100;A;1`;
    const r = readOrderRows(
      parseCsv([HEADER, at("01/01/2030", "F1"), at("01/01/1990", "O1"), at("31/12/1999 23:59", "O2"), at("06/03/2026 08:00", "OK1"), at("01/01/2000 00:00", "OK2"), at("07/03/2026 10:00", "F2")].join("\n")).rows,
      { timeZone: SP, now },
    );
    expect(r.issues.map((i) => `${i.row} ${i.column} ${i.code} ${i.params.value}`)).toEqual([
      "2 data_pedido date_in_future 01/01/2030",
      "3 data_pedido date_too_old 01/01/1990",
      "4 data_pedido date_too_old 31/12/1999 23:59",
      "7 data_pedido date_in_future 07/03/2026 10:00",
    ]);
    expect(r.orders.filter((o) => o.header !== null).map((o) => o.externalId)).toEqual(["OK1", "OK2"]);
    expect(r.issues[0]?.message).toContain("future");
  });

  it("treats a missing trailing cell as empty", () => {
    const r = read(`${HEADER}\nP1;05/03/2026;Ana;Rua A;X;SP;01310-100;A;1`);
    expect(r.issues).toEqual([]);
    expect(r.orders[0]?.header?.shippingCents).toBe(0);
  });

  it("reports every problem of a row, each with its column as written in the file", () => {
    const r = read(`${HEADER}\nP1;ontem;;Rua A;X;ZZ;123;A;0;abc;-1`);
    expect(r.issues.map((i) => `${i.column}: ${i.code}`)).toEqual([
      "data_pedido: invalid_date",
      "cliente: required",
      "uf: invalid_uf",
      "cep: invalid_cep",
      "quantidade: invalid_quantity",
      "preco_unitario: invalid_amount",
      "frete: negative_amount",
    ]);
    expect(r.orders[0]?.header).toBeNull();
  });

  it("hands on every readable SKU cell for the catalogue check, also on rows that make no line", () => {
    const r = read(
      [
        HEADER,
        "P1;05/03/2026;Ana;Rua A;X;SP;01310-100;A;0;;",
        ";05/03/2026;Ana;Rua A;X;SP;01310-100;B;1;;",
        "P2;05/03/2026;Ana;Rua A;X;SP;01310-100;C;1;abc;",
        "P3;05/03/2026;;Rua A;X;SP;01310-100;D;1;;",
        "P4;05/03/2026;Ana;Rua A;X;SP;01310-100;;1;;",
      ].join("\n"),
    );
    expect(r.skuCells).toEqual([
      { row: 2, sku: "A" },
      { row: 3, sku: "B" },
      { row: 4, sku: "C" },
      { row: 5, sku: "D" },
    ]);
    expect(r.orders.flatMap((o) => o.lines.map((l) => l.sku))).toEqual(["D"]);
  });

  it("ranks a header, in either language, by its column's place; whole-row issues first", () => {
    expect(columnRank("")).toBe(-1);
    expect(columnRank("não existe")).toBe(-1);
    expect(columnRank("SKU")).toBe(columnRank("sku"));
    expect(columnRank("Quantidade")).toBe(columnRank("quantity"));
    expect(columnRank("cliente")).toBeLessThan(columnRank("sku"));
    expect(columnRank("sku")).toBeLessThan(columnRank("quantity"));
  });

  it("compares order details after normalising them", () => {
    const r = read(
      [HEADER, "P1;05/03/2026 10:00;Ana;Rua A;X;sp;01310100;A;1;;10,00", "P1;2026-03-05T10:00:00-03:00;Ana;Rua A;X;SP;01310-100;B;1;;10.00"].join("\n"),
    );
    expect(r.issues).toEqual([]);
  });

  it("refuses more rows than the limit", () => {
    const rows = Array.from({ length: 4 }, (_, i) => `P${i};05/03/2026;Ana;Rua A;X;SP;01310-100;A;1;;`);
    const r = readOrderRows(parseCsv([HEADER, ...rows].join("\n")).rows, { timeZone: SP, maxRows: 3 });
    expect(r.issues.map((i) => i.code)).toEqual(["too_many_rows"]);
  });
});

describe("issue messages", () => {
  const areas = [MESSAGES.en, MESSAGES["pt-BR"]].map((m) => (m as unknown as { orderEntry: { issues: Record<string, string>; csvIssues: Record<string, string> } }).orderEntry);

  it("every field issue code of the order form is translated", () => {
    for (const area of areas) for (const code of ISSUE_CODES) expect(area.issues[code], code).toBeTruthy();
  });

  it("every CSV issue code is translated, using only the parameters the server sends", () => {
    const sample: Record<string, Record<string, string | number>> = {
      unreadable: { detail: "x" },
      missing_column: { column: "sku" },
      unknown_column: { column: "x" },
      duplicate_column: { column: "x" },
      too_many_rows: { max: 1 },
      extra_fields: { position: 3 },
      too_long: { max: 10 },
      invalid_quantity: { value: "0", max: 9999 },
      differs_from_first_row: { row: 2, value: "x" },
      order_not_imported: { order: "P1", rows: "3" },
      capture_failed: { detail: "x" },
    };
    for (const code of CSV_ISSUE_CODES) {
      const params = sample[code] ?? { value: "x" };
      expect(csvIssue(2, "c", code, params).message).not.toContain("undefined");
      for (const area of areas) {
        const text = area.csvIssues[code];
        expect(text, code).toBeTruthy();
        for (const [, name] of (text ?? "").matchAll(/\{(\w+)\}/g)) expect(params, `${code} uses {${name}}`).toHaveProperty(name as string);
      }
    }
  });
});
