/**
 * Writing a planned catalogue import, a chunk of rows per transaction
 * (inCatalogTx: a unique index that loses a race reads as DUPLICATE). In it
 * the chunk's products and SKUs are locked and read again, so every write is
 * the difference to what is there now, and the forms' rules are checked once
 * more against it (codes and barcodes still free, variants). A barcode that
 * moves between SKUs of the chunk is first taken off the SKUs that change
 * theirs, so the unique index never sees it twice. A chunk that fails is
 * applied again unit by unit (a barcode move's rows together, plan.unit), then
 * row by row, so a refused row never undoes the others and gets the reason.
 * The audit rows are the catalogue services' own (product.created,
 * product.updated, sku.created, sku.updated: who, before → after), each also
 * naming the file and row.
 */
import { randomUUID } from "node:crypto";
import type { DbTx } from "@/server/db";
import { DomainError, isDomainError } from "@/server/lib/domain-error";
import type { CatalogIssue } from "@/server/services/catalog/catalog-csv-rows";
import type { PlannedProduct, PlannedRow, SnapProduct, SnapSku } from "@/server/services/catalog/catalog-import-plan";
import { rowsByUnit } from "@/server/services/catalog/catalog-import-moves";
import { skuFieldsInput } from "@/server/services/catalog/catalog-inputs";
import { assertSkusFree, auditEntry, diff, inCatalogTx, productText, skuRow } from "@/server/services/catalog/catalog-write";
import { clearEans, insertAudits, insertProducts, insertSkus, updateSkus, type AuditRow } from "@/server/services/catalog/catalog-import-writes";
import { checkVariants } from "@/server/services/catalog/sku-rules";
import type { Actor } from "@/server/services/order/actor";

export interface ApplyContext {
  actor: Actor;
  fileName: string | null;
  products: ReadonlyMap<string, PlannedProduct>;
  /** Kept across chunks: the products created so far (ref → id) and the existing ones already updated. */
  created: Map<string, string>;
  updated: Set<string>;
}

/** Applies the rows; answers the issue of each row that could not be applied. */
export async function applyPlannedRows(ctx: ApplyContext, rows: readonly PlannedRow[], failed = new Map<number, CatalogIssue>()): Promise<Map<number, CatalogIssue>> {
  try {
    await applyChunk(ctx, rows);
    return failed;
  } catch (e) {
    if (rows.length === 1) return failed.set(rows[0]?.row ?? 0, issueOf(e));
  }
  const units = rowsByUnit(rows);
  for (const part of units.length > 1 ? units : rows.map((r) => [r])) await applyPlannedRows(ctx, part, failed);
  return failed;
}

/** What a refusal means for the row: the catalogue rule it broke, a race lost, or why it failed. */
function issueOf(e: unknown): CatalogIssue {
  if (isDomainError(e)) {
    const { rule, field, detail: _detail, ...params } = e.params;
    const column = field === "code" ? "sku" : field === "ean" ? "barcode" : field === "variant" ? "variant" : "";
    if (typeof rule === "string") return { column, code: rule, params };
    if (e.code === "DUPLICATE") return { column, code: "taken_meanwhile", params: {} };
    return { column: "", code: "failed", params: { detail: e.message } };
  }
  console.error("Catalogue import: a row could not be written", e);
  return { column: "", code: "failed", params: { detail: e instanceof Error ? e.message.slice(0, 300) : String(e) } };
}

async function applyChunk(ctx: ApplyContext, rows: readonly PlannedRow[]): Promise<void> {
  const staged = { created: new Map<string, string>(), updated: new Set<string>() };
  await inCatalogTx(async (tx) => {
    const csv = (row: number) => ({ csv: { file: ctx.fileName, row } });
    const { products, audits } = await writeProducts(tx, ctx, rows, staged);

    const locked = await lockSkus(tx, rows.flatMap((r) => (r.skuId ? [r.skuId] : [])));
    const changes = rows.flatMap((r) => {
      if (!r.skuId) return [];
      const before = locked.get(r.skuId);
      if (!before) throw new DomainError("NOT_FOUND", `SKU ${r.code} no longer exists.`);
      const change = diff(before, r.sku);
      return change ? [{ r, before, change }] : [];
    });
    const creates = rows.flatMap((r) => {
      if (r.skuId) return [];
      const product = products.get(r.productRef) as ChunkProduct;
      return [{ r, id: randomUUID(), productId: product.id, row: { code: r.code, ...skuRow(product.name, skuFieldsInput.parse(r.sku)) } }];
    });

    // Barcodes given up in this chunk are free for the others (a move); then the rules once more against the catalogue
    // as it is now (someone may have added a SKU since the file was read).
    await clearEans(tx, changes.flatMap((c) => (c.before.ean && "ean" in c.change.after ? [c.before.id] : [])));
    const newEans = changes.flatMap((c) => (c.change.after.ean ? [{ ean: c.change.after.ean, id: c.before.id }] : []));
    await assertSkusFree(tx, [...creates.map((c) => c.row), ...newEans]);
    await recheckVariants(tx, creates, changes);

    await insertSkus(tx, creates.map((c) => ({ id: c.id, productId: c.productId, ...c.row })));
    await updateSkus(tx, changes.map((c) => ({ ...c.before, ...c.change.after })));
    for (const p of products.values()) {
      if (!p.created) continue;
      const skus = creates.filter((c) => c.productId === p.id).map((c) => c.row.code);
      audits.push(auditEntry(ctx.actor, "product.created", "Product", p.id, { ...p.created.values, skus, ...csv(p.created.row) }));
    }
    for (const c of creates) audits.push(auditEntry(ctx.actor, "sku.created", "Sku", c.id, { productId: c.productId, after: c.row, ...csv(c.r.row) }));
    for (const c of changes) audits.push(auditEntry(ctx.actor, "sku.updated", "Sku", c.before.id, { sku: c.before.code, ...c.change, ...csv(c.r.row) }));
    await insertAudits(tx, audits);
  });
  for (const [ref, id] of staged.created) ctx.created.set(ref, id);
  for (const ref of staged.updated) ctx.updated.add(ref);
}

/** The forms' variant rule over each product that gets a SKU or a new variant, with its SKUs as they are now. */
async function recheckVariants(
  tx: DbTx,
  creates: readonly { productId: string; row: { code: string; variant: string | null } }[],
  changes: readonly { before: SnapSku; change: { after: Partial<SnapSku> } }[],
): Promise<void> {
  const renamed = new Map(changes.filter((c) => "variant" in c.change.after).map((c) => [c.before.id, c.change.after.variant ?? null]));
  const productIds = [...new Set([...creates.map((c) => c.productId), ...changes.filter((c) => renamed.has(c.before.id)).map((c) => c.before.productId)])];
  if (productIds.length === 0) return;
  const siblings = await tx.sku.findMany({ where: { productId: { in: productIds } }, select: { id: true, code: true, variant: true, productId: true } });
  for (const productId of productIds) {
    checkVariants([
      ...siblings
        .filter((s) => s.productId === productId)
        .map((s) => ({ code: s.code, variant: renamed.has(s.id) ? (renamed.get(s.id) ?? null) : s.variant, changed: renamed.has(s.id) })),
      ...creates.filter((c) => c.productId === productId).map((c) => ({ code: c.row.code, variant: c.row.variant, changed: true })),
    ]);
  }
}

interface ChunkProduct {
  id: string;
  /** The name its new SKUs are named after, as it is after this chunk. */
  name: string;
  /** A product this chunk creates: the first of its rows and its fields. */
  created?: { row: number; values: ReturnType<typeof productText> };
}

/**
 * The chunk's products, locked: new ones created (named by the first of their
 * rows), existing ones given the file's columns, once per import.
 */
async function writeProducts(
  tx: DbTx,
  ctx: ApplyContext,
  rows: readonly PlannedRow[],
  staged: { created: Map<string, string>; updated: Set<string> },
): Promise<{ products: Map<string, ChunkProduct>; audits: AuditRow[] }> {
  const refs = [...new Set(rows.map((r) => r.productRef))];
  const idOf = (ref: string) => (ref.startsWith("new:") ? ctx.created.get(ref) : ref);
  const ids = refs.flatMap((ref) => idOf(ref) ?? []);
  const current = ids.length
    ? await tx.$queryRaw<SnapProduct[]>`SELECT id, name, brand, description FROM "Product" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`
    : [];
  const now = new Map(current.map((p) => [p.id, p]));
  const products = new Map<string, ChunkProduct>();
  const audits: AuditRow[] = [];
  for (const ref of refs) {
    const plan = ctx.products.get(ref) as PlannedProduct;
    const firstRow = rows.find((r) => r.productRef === ref)?.row ?? 0;
    const id = idOf(ref);
    if (id === undefined) {
      const values = productText({ name: plan.values.name ?? "", brand: plan.values.brand, description: plan.values.description });
      const made = { id: randomUUID(), name: values.name, created: { row: firstRow, values } };
      staged.created.set(ref, made.id);
      products.set(ref, made);
      continue;
    }
    const product = now.get(id);
    if (!product) throw new DomainError("NOT_FOUND", `Product ${id} no longer exists.`);
    let name = product.name;
    if (plan.existing && plan.changes.length > 0 && !ctx.updated.has(ref)) {
      const change = diff(product, plan.values);
      if (change) {
        await tx.product.update({ where: { id }, data: change.after });
        audits.push(auditEntry(ctx.actor, "product.updated", "Product", id, { ...change, csv: { file: ctx.fileName, row: firstRow } }));
        name = change.after.name ?? name;
      }
      staged.updated.add(ref);
    }
    products.set(ref, { id, name });
  }
  await insertProducts(tx, [...products.values()].flatMap((p) => (p.created ? [{ id: p.id, ...p.created.values }] : [])));
  return { products, audits };
}

async function lockSkus(tx: DbTx, ids: readonly string[]): Promise<Map<string, SnapSku>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<SnapSku[]>`
    SELECT id, "productId", code, name, variant, ean, ncm, "weightGrams", "lengthMm", "widthMm", "heightMm", "priceCents", active
    FROM "Sku" WHERE id = ANY(${ids as string[]}::uuid[]) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((s) => [s.id, s]));
}
