/**
 * Reading a cycle-count CSV (pure): header → column positions, then each data
 * row → a count, or an issue naming the row, the column and why. Columns:
 * sku, warehouse (code), bin (code), counted, reason (optional); Portuguese
 * headers are accepted too (see HEADER_ALIASES). The header is row 1, as a
 * spreadsheet numbers its rows; wholly blank rows are not data.
 */

export type CountColumn = "sku" | "warehouse" | "bin" | "counted" | "reason";
export const REQUIRED_COLUMNS: readonly CountColumn[] = ["sku", "warehouse", "bin", "counted"];
export const MAX_COUNT_ROWS = 5_000;
export const MAX_COUNTED = 10_000_000;

const HEADER_ALIASES: Record<string, CountColumn> = {
  sku: "sku", codigo: "sku", code: "sku",
  warehouse: "warehouse", warehouse_code: "warehouse", armazem: "warehouse", deposito: "warehouse", cd: "warehouse",
  bin: "bin", bin_code: "bin", posicao: "bin", endereco: "bin", local: "bin",
  counted: "counted", counted_quantity: "counted", count: "counted", quantity: "counted", qty: "counted",
  quantidade: "counted", quantidade_contada: "counted", contagem: "counted", contado: "counted",
  reason: "reason", motivo: "reason", note: "reason", observacao: "reason",
};

/** "Quantidade contada" → "quantidade_contada". */
export function normalizeHeader(h: string): string {
  return h.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase().replace(/[\s-]+/g, "_");
}

export type FileProblem =
  | { code: "empty_file"; params: Record<string, never> }
  | { code: "missing_column"; params: { columns: string } }
  | { code: "duplicate_column"; params: { column: string } }
  | { code: "too_many_rows"; params: { max: number; rows: number } };

export type RowIssueCode =
  | "required" | "invalid_quantity" | "negative_quantity" | "too_large" | "reason_too_long" | "extra_fields"
  | "unknown_sku" | "unknown_warehouse" | "unknown_bin" | "duplicate_row" | "below_reserved" | "below_unavailable" | "failed";

export interface CountRow {
  row: number;
  sku: string;
  warehouse: string;
  bin: string;
  counted: number;
  reason: string | null;
}

export interface RowIssue {
  row: number;
  sku: string;
  warehouse: string;
  bin: string;
  counted: string;
  column: string;
  code: RowIssueCode;
  params: Record<string, string | number>;
}

export interface ReadCounts {
  problem: FileProblem | null;
  counts: CountRow[];
  issues: RowIssue[];
  /** Data rows in the file (blank rows excluded). */
  total: number;
}

export function readCountRows(rows: readonly (readonly string[])[]): ReadCounts {
  const out: ReadCounts = { problem: null, counts: [], issues: [], total: 0 };
  const headerIdx = rows.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerIdx < 0) return { ...out, problem: { code: "empty_file", params: {} } };
  const header = rows[headerIdx] as readonly string[];
  const pos = new Map<CountColumn, number>();
  const names = new Map<CountColumn, string>();
  for (const [i, raw] of header.entries()) {
    const col = HEADER_ALIASES[normalizeHeader(raw)];
    if (!col) continue; // unknown columns are allowed (e.g. a product name next to the SKU)
    if (pos.has(col)) return { ...out, problem: { code: "duplicate_column", params: { column: raw.trim() } } };
    pos.set(col, i);
    names.set(col, raw.trim());
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !pos.has(c));
  if (missing.length) return { ...out, problem: { code: "missing_column", params: { columns: missing.join(", ") } } };

  const data = rows.map((cells, i) => ({ cells, row: i + 1 })).slice(headerIdx + 1).filter((r) => r.cells.some((c) => c.trim() !== ""));
  out.total = data.length;
  if (data.length === 0) return { ...out, problem: { code: "empty_file", params: {} } };
  if (data.length > MAX_COUNT_ROWS) return { ...out, problem: { code: "too_many_rows", params: { max: MAX_COUNT_ROWS, rows: data.length } } };

  const seen = new Map<string, number>();
  for (const { cells, row } of data) {
    const get = (c: CountColumn) => {
      const i = pos.get(c);
      return i === undefined ? "" : (cells[i] ?? "").trim();
    };
    const base = { row, sku: get("sku"), warehouse: get("warehouse"), bin: get("bin"), counted: get("counted") };
    const issue = (column: CountColumn | "", code: RowIssueCode, params: Record<string, string | number> = {}) =>
      out.issues.push({ ...base, column: column ? (names.get(column) ?? column) : "", code, params });
    const blank = REQUIRED_COLUMNS.find((c) => get(c) === "");
    if (blank) {
      issue(blank, "required");
      continue;
    }
    if (cells.length > header.length) {
      issue("", "extra_fields", { expected: header.length, found: cells.length });
      continue;
    }
    const counted = parseCount(base.counted);
    if (counted === "invalid") {
      issue("counted", "invalid_quantity", { value: base.counted });
      continue;
    }
    if (counted < 0) {
      issue("counted", "negative_quantity", { value: base.counted });
      continue;
    }
    if (counted > MAX_COUNTED) {
      issue("counted", "too_large", { value: base.counted, max: MAX_COUNTED });
      continue;
    }
    const reason = get("reason");
    if (reason.length > 400) {
      issue("reason", "reason_too_long", { max: 400 });
      continue;
    }
    // The same bin counted twice in one file is ambiguous: the first row counts, the others are refused.
    const key = `${base.sku.toUpperCase()}|${base.warehouse.toUpperCase()}|${base.bin.toUpperCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issue("", "duplicate_row", { first });
      continue;
    }
    seen.set(key, row);
    out.counts.push({ row, sku: base.sku, warehouse: base.warehouse, bin: base.bin, counted, reason: reason || null });
  }
  return out;
}

/** Whole units: "12", "12.0", "12,00"; "1.000" / "1,000" are refused (thousands or decimals? ambiguous); "-3" is negative. */
export function parseCount(text: string): number | "invalid" {
  const m = /^(-?)(\d+)(?:[.,]0{1,2})?$/.exec(text.replace(/\s/g, ""));
  if (!m) return "invalid";
  const n = Number(m[2]);
  if (!Number.isSafeInteger(n)) return "invalid";
  return m[1] === "-" ? -n : n;
}
