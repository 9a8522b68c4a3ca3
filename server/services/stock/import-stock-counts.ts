/**
 * Cycle-count import: each valid CSV row sets one bin's on hand to the counted
 * quantity through adjustStock (mode SET) — so every change is an ADJUSTMENT
 * movement with the acting user and a reason naming the file and row, the
 * levels are checked (never below what is reserved or damaged), found units go
 * to waiting backorders and stock alerts are refreshed.
 *
 * Rows are independent: each runs in its own transaction, so a refused row
 * never undoes the others. Every data row ends up in the report as applied
 * (with before → after), unchanged (the bin already held that many) or error
 * (with a code, its parameters and an English message); nothing is dropped.
 * A file that cannot be read at all comes back as `problem`.
 */
import { z } from "zod";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { readCsvRows } from "@/server/lib/csv";
import { DomainError, isDomainError } from "@/server/lib/domain-error";
import { userActor } from "@/server/services/order/actor";
import { adjustStock } from "@/server/services/stock/adjust-stock";
import { readCountRows, type CountRow, type FileProblem, type RowIssue, type RowIssueCode } from "@/server/services/stock/stock-count-rows";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

export const importStockCountsInput = z.object({
  /** The file's text (the browser decodes UTF-8 or Windows-1252 with decodeCsvBytes). */
  csv: z.string().max(5 * 1024 * 1024),
  fileName: z.string().trim().max(200).optional(),
});

const COUNT_ROLES: readonly SessionUser["role"][] = ["WAREHOUSE", "ADMIN"];
const CHUNK = 1000;

export type CountRowStatus = "APPLIED" | "UNCHANGED" | "ERROR";

export interface CountReportRow {
  row: number;
  sku: string;
  warehouse: string;
  bin: string;
  counted: string;
  status: CountRowStatus;
  before: number | null;
  after: number | null;
  column: string;
  code: RowIssueCode | null;
  params: Record<string, string | number>;
  message: string;
}

export interface StockCountReport {
  problem: (FileProblem | { code: "unreadable"; params: { detail: string; line: number } }) | null;
  total: number;
  applied: number;
  unchanged: number;
  errors: number;
  rows: CountReportRow[];
}

const MESSAGES: Record<RowIssueCode, (p: Record<string, string | number>) => string> = {
  required: () => "This column is required.",
  invalid_quantity: (p) => `"${p.value}" is not a whole number of units.`,
  negative_quantity: (p) => `A count cannot be negative (${p.value}).`,
  too_large: (p) => `${p.value} is more than ${p.max} units.`,
  reason_too_long: (p) => `The reason is longer than ${p.max} characters.`,
  extra_fields: (p) => `The row has ${p.found} fields; the header has ${p.expected}.`,
  unknown_sku: (p) => `SKU ${p.sku} is not in the catalogue.`,
  unknown_warehouse: (p) => `Warehouse ${p.warehouse} does not exist.`,
  unknown_bin: (p) => `Bin ${p.bin} does not exist in warehouse ${p.warehouse}.`,
  duplicate_row: (p) => `The same SKU and bin were already counted on row ${p.first}; this row is ignored.`,
  below_reserved: (p) => `Refused: ${p.warehouse} has ${p.reserved} unit(s) reserved for open orders and ${p.unavailable} unavailable; the count would leave ${p.newOnHand} on hand.`,
  below_unavailable: (p) => `Refused: the bin holds ${p.unavailable} damaged/quarantined unit(s); the count (${p.newOnHand}) cannot be lower.`,
  failed: (p) => `Not applied: ${p.detail}`,
};

function errorRow(i: RowIssue): CountReportRow {
  return { ...i, status: "ERROR", before: null, after: null, message: MESSAGES[i.code](i.params) };
}

export async function importStockCounts(opts: { actor: SessionUser; csv: string; fileName?: string }): Promise<StockCountReport> {
  if (!COUNT_ROLES.includes(opts.actor.role)) throw new DomainError("FORBIDDEN", `Your role (${opts.actor.role}) may not import stock counts.`);
  const report: StockCountReport = { problem: null, total: 0, applied: 0, unchanged: 0, errors: 0, rows: [] };
  const parsed = readCsvRows(opts.csv);
  if (parsed.problem) return { ...report, problem: parsed.problem };
  const read = readCountRows(parsed.rows);
  report.total = read.total;
  if (read.problem) return { ...report, problem: read.problem };
  const rows: CountReportRow[] = read.issues.map(errorRow);

  const refs = await loadRefs(read.counts);
  const actor = userActor(opts.actor);
  const reasonOf = (row: number, note: string | undefined) => {
    const at = { row, ...(note ? { note } : {}) };
    return opts.fileName ? ledgerReason(note ? "fileRowNote" : "fileRow", { file: opts.fileName, ...at }) : ledgerReason(note ? "csvRowNote" : "csvRow", at);
  };
  for (const c of read.counts) {
    const base = { row: c.row, sku: c.sku, warehouse: c.warehouse, bin: c.bin, counted: String(c.counted), column: "" };
    const fail = (column: string, code: RowIssueCode, params: Record<string, string | number>) => rows.push(errorRow({ ...base, column, code, params }));
    const skuId = refs.skus.get(c.sku);
    if (!skuId) { fail("sku", "unknown_sku", { sku: c.sku }); continue; }
    const warehouseId = refs.warehouses.get(c.warehouse.toUpperCase());
    if (!warehouseId) { fail("warehouse", "unknown_warehouse", { warehouse: c.warehouse }); continue; }
    const binId = refs.bins.get(`${warehouseId}|${c.bin.toUpperCase()}`);
    if (!binId) { fail("bin", "unknown_bin", { bin: c.bin, warehouse: c.warehouse }); continue; }
    try {
      const r = await adjustStock({
        actor,
        input: { mode: "SET", skuId, binId, counted: c.counted, reason: reasonOf(c.row, c.reason || undefined) },
      });
      const change = r.changes[0];
      const before = change ? change.binOnHandAfter - change.onHandDelta : c.counted;
      rows.push({ ...base, status: change ? "APPLIED" : "UNCHANGED", before, after: c.counted, code: null, params: {}, message: "" });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      const p = e.params;
      if (e.code === "INSUFFICIENT_STOCK" && "reserved" in p) fail("counted", "below_reserved", { warehouse: c.warehouse, ...p });
      else if (e.code === "INSUFFICIENT_STOCK") fail("counted", "below_unavailable", { ...p });
      else fail("", "failed", { detail: e.message });
    }
  }
  rows.sort((a, b) => a.row - b.row);
  return {
    ...report, rows,
    applied: rows.filter((r) => r.status === "APPLIED").length,
    unchanged: rows.filter((r) => r.status === "UNCHANGED").length,
    errors: rows.filter((r) => r.status === "ERROR").length,
  };
}

/** SKU codes exactly as in the catalogue; warehouse and bin codes case-insensitively (labels are often typed in lower case). */
async function loadRefs(counts: readonly CountRow[]) {
  const codes = [...new Set(counts.map((c) => c.sku))];
  const skus = new Map<string, string>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    for (const s of await db.sku.findMany({ where: { code: { in: codes.slice(i, i + CHUNK) } }, select: { id: true, code: true } })) skus.set(s.code, s.id);
  }
  const warehouseRows = await db.warehouse.findMany({ select: { id: true, code: true } });
  const warehouses = new Map(warehouseRows.map((w) => [w.code.toUpperCase(), w.id]));
  const used = [...new Set(counts.map((c) => warehouses.get(c.warehouse.toUpperCase())).filter((x): x is string => x !== undefined))];
  const binRows = used.length ? await db.bin.findMany({ where: { warehouseId: { in: used } }, select: { id: true, code: true, warehouseId: true } }) : [];
  const bins = new Map(binRows.map((b) => [`${b.warehouseId}|${b.code.toUpperCase()}`, b.id]));
  return { skus, warehouses, bins };
}
