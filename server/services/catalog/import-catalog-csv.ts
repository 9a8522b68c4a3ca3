/**
 * Catalogue CSV import (products and their SKUs, one row per SKU): the file is
 * read with the forms' rules (catalog-csv-rows.ts), matched against the
 * catalogue (catalog-import-plan.ts: which rows create, update or change
 * nothing, and into which product) and written in chunks
 * (catalog-import-apply.ts; the rows of a barcode move in the same chunk).
 * Rows are independent: a refused row never undoes the others. Every data row ends up in the report; a file that cannot be read
 * at all comes back as `problem`. Progress is reported every `progressEvery`
 * rows for the streaming route (app/api/products/import).
 */
import type { SessionUser } from "@/server/auth/options";
import { readCsvRows } from "@/server/lib/csv";
import { DomainError } from "@/server/lib/domain-error";
import { readCatalogRows, type CatalogIssue } from "@/server/services/catalog/catalog-csv-rows";
import { applyPlannedRows, type ApplyContext } from "@/server/services/catalog/catalog-import-apply";
import { rowsByUnit } from "@/server/services/catalog/catalog-import-moves";
import { planCatalogImport, type PlannedRow } from "@/server/services/catalog/catalog-import-plan";
import { reportIssue, type CatalogImportReport, type CatalogReportRow } from "@/server/services/catalog/catalog-import-report";
import { loadCatalogSnapshot } from "@/server/services/catalog/catalog-import-snapshot";
import { mayEditCatalog } from "@/server/services/catalog/catalog-roles";
import { userActor } from "@/server/services/order/actor";

export interface CatalogImportProgress {
  processed: number;
  total: number;
}

/** Rows written per transaction: large enough to be quick, small enough to stay well inside the transaction timeout. */
const CHUNK = 250;

export async function importCatalogCsv(opts: {
  actor: SessionUser;
  csv: string;
  fileName?: string;
  onProgress?: (p: CatalogImportProgress) => void | Promise<void>;
  progressEvery?: number;
  chunkSize?: number;
}): Promise<CatalogImportReport> {
  if (!mayEditCatalog(opts.actor.role)) throw new DomainError("FORBIDDEN", `Your role (${opts.actor.role}) may not import the catalogue.`);
  const report: CatalogImportReport = { problem: null, total: 0, created: 0, updated: 0, unchanged: 0, errors: 0, productsCreated: 0, productsUpdated: 0, rows: [] };
  const parsed = readCsvRows(opts.csv);
  if (parsed.problem) return { ...report, problem: parsed.problem };
  const read = readCatalogRows(parsed.rows);
  report.total = read.total;
  if (read.problem) return { ...report, problem: read.problem };

  const plan = planCatalogImport(read, await loadCatalogSnapshot(read.rows));
  const writes = plan.rows.flatMap((o) => (o.plan && o.plan.action !== "unchanged" ? [o.plan] : []));

  const every = opts.progressEvery ?? 500;
  let processed = read.total - writes.length;
  let lastSent = -1;
  const progress = async (force = false) => {
    if (processed === lastSent) return;
    if (force || Math.floor(processed / every) > Math.floor(lastSent / every)) {
      lastSent = processed;
      await opts.onProgress?.({ processed, total: read.total });
    }
  };
  await progress(true);

  const ctx: ApplyContext = { actor: userActor(opts.actor), fileName: opts.fileName ?? null, products: plan.products, created: new Map(), updated: new Set() };
  const failed = new Map<number, CatalogIssue>();
  const size = opts.chunkSize ?? CHUNK;
  for (const chunk of chunksOf(writes, size)) {
    for (const [row, issue] of await applyPlannedRows(ctx, chunk)) failed.set(row, issue);
    processed += chunk.length;
    await progress();
  }
  await progress(true);

  const rows = plan.rows.map((o): CatalogReportRow => {
    const late = failed.get(o.row);
    const issues = late ? [late] : o.issues;
    return {
      row: o.row, sku: o.sku, product: o.product,
      status: issues.length > 0 || !o.plan ? "ERROR" : STATUS[o.plan.action],
      newProduct: o.plan?.action === "create" && o.plan.productRef.startsWith("new:"),
      changes: issues.length > 0 ? [] : (o.plan?.changes ?? []),
      issues: issues.map((i) => reportIssue(i, read.headers)),
    };
  });
  const count = (s: CatalogReportRow["status"]) => rows.filter((r) => r.status === s).length;
  const updatedProducts = [...ctx.updated].filter((ref) => (plan.products.get(ref)?.changes.length ?? 0) > 0);
  return {
    ...report, rows,
    created: count("CREATED"), updated: count("UPDATED"), unchanged: count("UNCHANGED"), errors: count("ERROR"),
    productsCreated: ctx.created.size, productsUpdated: updatedProducts.length,
  };
}

/** The writes in chunks of about `size` rows; a barcode move's rows (one unit) always share a chunk. */
function chunksOf(writes: readonly PlannedRow[], size: number): PlannedRow[][] {
  const chunks: PlannedRow[][] = [];
  let chunk: PlannedRow[] = [];
  for (const unit of rowsByUnit(writes)) {
    if (chunk.length > 0 && chunk.length + unit.length > size) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(...unit);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

const STATUS: Record<PlannedRow["action"], CatalogReportRow["status"]> = { create: "CREATED", update: "UPDATED", unchanged: "UNCHANGED" };
