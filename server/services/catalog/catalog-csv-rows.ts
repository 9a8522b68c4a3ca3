/**
 * Reading a catalogue CSV (pure): the header → which columns the file has,
 * then each data row → the values of those columns, or the issues naming the
 * column and why. The field rules are the forms' own: SKU code shape, barcode
 * (GTIN length and GS1 check digit) and NCM through sku-rules.ts, lengths and
 * ranges through the zod inputs (catalog-inputs.ts). A SKU code or a barcode
 * twice in one file: the first row keeps it, later rows are refused. Whether
 * a SKU or a product already exists is the import's business
 * (catalog-import-plan.ts). The header is row 1, as a spreadsheet numbers its
 * rows; wholly blank rows are not data.
 *
 * An empty cell is `null` here; what it means (clear an optional value, keep
 * a required one) is decided by the plan.
 */
import type { z } from "zod";
import { isDomainError } from "@/server/lib/domain-error";
import { AmbiguousDecimalError, MoneyParseError, parseBrazilianOrDotDecimal } from "@/server/lib/money";
import { CATALOG_COLUMNS, catalogColumnFor, parseYesNo, type CatalogColumn } from "@/server/services/catalog/catalog-csv-columns";
import { createProductInput, skuFieldsInput } from "@/server/services/catalog/catalog-inputs";
import { checkEan, checkNcm, checkSkuCode, cleanText, gtinForms } from "@/server/services/catalog/sku-rules";
import { parseCount } from "@/server/services/stock/stock-count-rows";

export const MAX_CATALOG_ROWS = 10_000;

/** The typed values of one row, for the columns the file has (a key is absent when its column is). */
export interface CatalogFields {
  product?: string | null;
  brand?: string | null;
  description?: string | null;
  variant?: string | null;
  ean?: string | null;
  ncm?: string | null;
  priceCents?: number | null;
  weightGrams?: number | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  active?: boolean | null;
}
export type CatalogField = keyof CatalogFields;

/** The field each column (other than sku) fills. */
export const FIELD_OF: Readonly<Record<Exclude<CatalogColumn, "sku">, CatalogField>> = {
  product: "product", brand: "brand", description: "description", variant: "variant", barcode: "ean", ncm: "ncm",
  price: "priceCents", weight_g: "weightGrams", length_mm: "lengthMm", width_mm: "widthMm", height_mm: "heightMm", active: "active",
};
export const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([c, f]) => [f, c])) as Readonly<Record<CatalogField, CatalogColumn>>;

export type CatalogFileProblem =
  | { code: "empty_file"; params: Record<string, never> }
  | { code: "missing_column"; params: { columns: string } }
  | { code: "duplicate_column"; params: { column: string } }
  | { code: "too_many_rows"; params: { max: number; rows: number } };

export interface CatalogIssue {
  /** The column at fault (its English name); "" for the row as a whole. */
  column: CatalogColumn | "";
  code: string;
  params: Record<string, string | number>;
}

export interface CatalogCsvRow {
  row: number;
  /** The SKU code as written (trimmed). */
  sku: string;
  fields: CatalogFields;
  issues: CatalogIssue[];
}

export interface ReadCatalog {
  problem: CatalogFileProblem | null;
  /** The columns the file has, with their header as written. */
  headers: Map<CatalogColumn, string>;
  rows: CatalogCsvRow[];
  /** Data rows in the file (blank rows excluded). */
  total: number;
}

/** toCsv's formula guard written back: "'=SUM" as exported becomes "=SUM" again, so export → import changes nothing. */
function unguard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

type Parsed = { value: string | number | boolean | null } | { issue: Omit<CatalogIssue, "column"> };

const issue = (code: string, params: Record<string, string | number> = {}): Parsed => ({ issue: { code, params } });

/** A zod field of the forms' inputs: the first problem as a code with its bounds. */
function byInput(schema: z.ZodType, value: string | number | null): Parsed {
  const r = schema.safeParse(value);
  if (r.success) return { value };
  const first = r.error.issues[0];
  if (first?.code === "too_big" && typeof value === "string") return issue("too_long", { max: Number(first.maximum) });
  return issue("invalid", { value: String(value) });
}

function wholeNumber(text: string, schema: z.ZodNumber): Parsed {
  const n = parseCount(text);
  if (n === "invalid") return issue("invalid_number", { value: text });
  if (!schema.safeParse(n).success) return issue("out_of_range", { value: text, min: schema.minValue ?? 0, max: schema.maxValue ?? 0 });
  return { value: n };
}

function price(text: string): Parsed {
  let cents: number;
  try {
    cents = parseBrazilianOrDotDecimal(text);
  } catch (e) {
    if (e instanceof AmbiguousDecimalError) return issue("ambiguous_price", { value: text });
    if (e instanceof MoneyParseError) return issue("invalid_price", { value: text });
    throw e;
  }
  const schema = skuFieldsInput.shape.priceCents;
  if (!schema.safeParse(cents).success) return issue("price_out_of_range", { value: text, max: (schema.maxValue ?? 0) / 100 });
  return { value: cents };
}

/** A rule of sku-rules.ts: its DomainError becomes the issue (code = the rule, its values as params). */
function byRule(check: () => string | null): Parsed {
  try {
    return { value: check() };
  } catch (e) {
    if (!isDomainError(e) || typeof e.params.rule !== "string") throw e;
    const { rule, field: _field, detail: _detail, ...params } = e.params;
    return issue(rule, params);
  }
}

/** One non-empty cell of a column other than sku. */
function parseCell(column: Exclude<CatalogColumn, "sku">, text: string): Parsed {
  const sku = skuFieldsInput.shape;
  const product = createProductInput.shape;
  switch (column) {
    case "product":
      return byInput(product.name, cleanText(text));
    case "brand":
      return byInput(product.brand, cleanText(text));
    case "description":
      return byInput(product.description, text);
    case "variant":
      return byInput(sku.variant, cleanText(text));
    case "barcode":
      // What Excel makes of a 13-digit number in a General cell ("7,89101E+12"): the digits are lost.
      if (/^\d+([.,]\d+)?e\+?\d+$/i.test(text)) return issue("barcode_scientific", { value: text });
      return byRule(() => checkEan(text));
    case "ncm":
      return byRule(() => checkNcm(text));
    case "price":
      return price(text);
    case "weight_g":
      return wholeNumber(text, sku.weightGrams);
    case "length_mm":
      return wholeNumber(text, sku.lengthMm);
    case "width_mm":
      return wholeNumber(text, sku.widthMm);
    case "height_mm":
      return wholeNumber(text, sku.heightMm);
    case "active": {
      const yes = parseYesNo(text);
      return yes === null ? issue("invalid_active", { value: text }) : { value: yes };
    }
  }
}

export function readCatalogRows(rows: readonly (readonly string[])[]): ReadCatalog {
  const headers = new Map<CatalogColumn, string>();
  const out: ReadCatalog = { problem: null, headers, rows: [], total: 0 };
  const headerIdx = rows.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerIdx < 0) return { ...out, problem: { code: "empty_file", params: {} } };
  const header = rows[headerIdx] as readonly string[];
  const pos = new Map<CatalogColumn, number>();
  for (const [i, raw] of header.entries()) {
    const col = catalogColumnFor(raw);
    if (!col) continue; // other columns are allowed (a spreadsheet's own notes, a stock figure…) and ignored
    if (pos.has(col)) return { ...out, problem: { code: "duplicate_column", params: { column: raw.trim() } } };
    pos.set(col, i);
    headers.set(col, raw.trim());
  }
  if (!pos.has("sku")) return { ...out, problem: { code: "missing_column", params: { columns: "sku" } } };

  const data = rows.map((cells, i) => ({ cells, row: i + 1 })).slice(headerIdx + 1).filter((r) => r.cells.some((c) => c.trim() !== ""));
  out.total = data.length;
  if (data.length === 0) return { ...out, problem: { code: "empty_file", params: {} } };
  if (data.length > MAX_CATALOG_ROWS) return { ...out, problem: { code: "too_many_rows", params: { max: MAX_CATALOG_ROWS, rows: data.length } } };

  // Trailing cells with no header (what Excel leaves after a formatted column) are no data.
  const width = header.reduce((w, h, i) => (h.trim() !== "" ? i + 1 : w), 0);
  const present = CATALOG_COLUMNS.flatMap((c) => (c.key !== "sku" && pos.has(c.key) ? [c.key as Exclude<CatalogColumn, "sku">] : []));
  for (const { cells, row } of data) {
    const get = (c: CatalogColumn) => unguard((cells[pos.get(c) ?? -1] ?? "").trim()).trim();
    const line: CatalogCsvRow = { row, sku: get("sku"), fields: {}, issues: [] };
    out.rows.push(line);
    // A row whose fields do not line up with the header (an unquoted "49,90" in a ","-separated file) is not read further.
    const extra = cells.slice(header.length).some((c) => c.trim() !== "");
    if (extra || cells.length < width) {
      line.issues.push({ column: "", code: extra ? "extra_fields" : "missing_fields", params: { expected: width, found: cells.length } });
      continue;
    }
    if (line.sku === "") line.issues.push({ column: "sku", code: "required", params: {} });
    else {
      const code = byRule(() => checkSkuCode(line.sku));
      if ("issue" in code) line.issues.push({ column: "sku", ...code.issue });
    }
    for (const column of present) {
      const text = get(column);
      const parsed = text === "" ? { value: null } : parseCell(column, text);
      if ("issue" in parsed) line.issues.push({ column, ...parsed.issue });
      else (line.fields as Record<string, unknown>)[FIELD_OF[column]] = parsed.value;
    }
  }
  markRepeats(out.rows);
  return out;
}

/** The same SKU code (case aside) or barcode (in any GTIN length) on two rows: the first row keeps it. */
function markRepeats(rows: CatalogCsvRow[]): void {
  const codes = new Map<string, number>();
  const eans = new Map<string, { row: number; sku: string }>();
  for (const r of rows) {
    if (r.sku === "") continue;
    const key = r.sku.toLowerCase();
    const first = codes.get(key);
    if (first !== undefined) {
      r.issues.push({ column: "sku", code: "duplicate_sku", params: { first } });
      continue;
    }
    codes.set(key, r.row);
    const ean = r.fields.ean;
    if (r.issues.length > 0 || !ean) continue;
    const forms = gtinForms(ean);
    const other = forms.map((f) => eans.get(f)).find((x) => x !== undefined);
    if (other) r.issues.push({ column: "barcode", code: "duplicate_barcode", params: { first: other.row, sku: other.sku } });
    else for (const f of forms) eans.set(f, { row: r.row, sku: r.sku });
  }
}
