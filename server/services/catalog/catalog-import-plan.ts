/**
 * What a catalogue import does with each row (pure), from the rows read from
 * the file and what the catalogue holds for them (the snapshot):
 *
 * - A row whose SKU code exists (case aside) updates that SKU; its product
 *   columns update the SKU's current product (a SKU never moves).
 * - A new code joins the product named on its row: the product of the file's
 *   existing SKUs with the same name (and brand, when the file has a brand
 *   column), else the catalogue's product with that name (and brand), else a
 *   new product made of all the file's new rows with that name (and brand).
 *   Names and brands are the same case and accents aside, as the database
 *   folds them (server/lib/text-fold.ts): "Cafe Especial" is "Café Especial".
 *   Joining a product does not edit it; creating one takes its columns.
 * - Empty cells: an optional value (variant, brand, description, barcode, NCM)
 *   is cleared; a value a SKU always has (product name, price, weight and
 *   sizes, active) is kept, and a new SKU must have its product and price.
 *   A column the file does not have changes nothing.
 * - The rows of one product must agree on its columns (the first row's value
 *   counts); variants follow the forms' rule (sku-rules.ts checkVariants),
 *   the first row keeping a variant two rows give.
 * - A barcode another SKU holds is refused, unless that SKU's row in the same
 *   file gives it up and is written too: then it moves (catalog-import-moves.ts).
 *
 * Every row ends as an error (with its issues) or a planned create, update or
 * "unchanged"; the writes themselves are catalog-import-apply.ts's.
 */
import { foldText } from "@/server/lib/text-fold";
import { diff } from "@/server/services/catalog/catalog-write";
import { COLUMN_OF, type CatalogCsvRow, type CatalogFields, type CatalogIssue, type ReadCatalog } from "@/server/services/catalog/catalog-csv-rows";
import type { CatalogColumn, SkuCsvFields } from "@/server/services/catalog/catalog-csv-columns";
import type { Product, Sku } from "@/server/generated/prisma/client";
import { refuseKeptBarcodes, releasingRows, settleBarcodeMoves } from "@/server/services/catalog/catalog-import-moves";
import { checkVariants, gtinForms } from "@/server/services/catalog/sku-rules";
import { isDomainError } from "@/server/lib/domain-error";

/** A SKU as the catalogue holds it (the fields the import may change, and who it is). */
export type SnapSku = SkuCsvFields & Pick<Sku, "id" | "productId" | "code" | "name">;

export type SnapProduct = Pick<Product, "id" | "name" | "brand" | "description">;

/** What the catalogue holds for a file's rows. */
export interface CatalogSnapshot {
  /** The file's existing SKUs by lower-case code. */
  skus: Map<string, SnapSku[]>;
  /** Their products, and the products named in the file. */
  products: Map<string, SnapProduct>;
  /** Every SKU of each of those products. */
  siblings: Map<string, { code: string; variant: string | null }[]>;
  /** Product ids by folded name (case and accents aside, text-fold.ts). */
  byName: Map<string, string[]>;
  /** Who holds each of the file's barcodes, in any GTIN length. */
  eans: Map<string, EanHolder>;
}

/** A SKU holding a barcode, and its product's name (for the report). */
export interface EanHolder {
  skuId: string;
  code: string;
  product: string;
}

export type SkuValues = Partial<Pick<SnapSku, "variant" | "ean" | "ncm" | "priceCents" | "weightGrams" | "lengthMm" | "widthMm" | "heightMm" | "active">>;
export type ProductValues = Partial<Pick<SnapProduct, "name" | "brand" | "description">>;

export interface PlannedProduct {
  /** An existing product's id, or "new:<name and brand>" for one the import creates. */
  ref: string;
  existing: SnapProduct | null;
  /** Existing: what the file sets; new: every field. */
  values: ProductValues;
  /** Existing: the columns whose value changes. */
  changes: CatalogColumn[];
}

export interface PlannedRow {
  row: number;
  /** The code as stored (an existing SKU keeps its own spelling). */
  code: string;
  skuId: string | null;
  productRef: string;
  /** New SKU: every field; existing: what the file sets. */
  sku: SkuValues;
  action: "create" | "update" | "unchanged";
  /** Update: the columns whose value changes (the product's included). */
  changes: CatalogColumn[];
  /** The first row of the barcode move this row is part of (its own row otherwise): those rows are written together. */
  unit: number;
}

export interface RowOutcome {
  row: number;
  sku: string;
  /** The product's name, for the report. */
  product: string | null;
  issues: CatalogIssue[];
  plan: PlannedRow | null;
}

export interface CatalogImportPlan {
  rows: RowOutcome[];
  products: Map<string, PlannedProduct>;
}

const fold = (s: string | null | undefined) => foldText(s ?? "");
const PRODUCT_FIELDS = [["product", "name"], ["brand", "brand"], ["description", "description"]] as const;

type Fail = (out: RowOutcome, column: CatalogColumn, code: string, params?: Record<string, string | number>) => void;

interface Work {
  out: RowOutcome;
  f: CatalogFields;
  existing: SnapSku | null;
  ref: string;
  /** The other SKUs holding the row's new barcode (in any GTIN length): their rows must give it up (catalog-import-moves.ts). */
  takes: EanHolder[];
}

export function planCatalogImport(read: ReadCatalog, snap: CatalogSnapshot): CatalogImportPlan {
  const brandKnown = read.headers.has("brand");
  const keyOf = (f: CatalogFields) => `${fold(f.product)}\u0000${brandKnown ? fold(f.brand) : "*"}`;
  const rows: RowOutcome[] = read.rows.map((r) => ({ row: r.row, sku: r.sku, product: r.fields.product ?? null, issues: [...r.issues], plan: null }));
  const fail: Fail = (out, column, code, params = {}) => void out.issues.push({ column, code, params });

  let work = read.rows.flatMap((r, i) => resolveSku(r, rows[i] as RowOutcome, snap, fail));
  const releasing = releasingRows(work);
  refuseKeptBarcodes(work, releasing);
  work = work.filter((w) => w.out.issues.length === 0);
  // Which product each new SKU joins (see the header).
  const fileProducts = new Map<string, Set<string>>();
  for (const w of work) if (w.existing && w.f.product) fileProducts.set(keyOf(w.f), (fileProducts.get(keyOf(w.f)) ?? new Set()).add(w.existing.productId));
  for (const w of work) {
    if (w.existing) continue;
    const name = w.f.product as string;
    const inFile = [...(fileProducts.get(keyOf(w.f)) ?? [])];
    const known = (snap.byName.get(fold(name)) ?? []).filter((id) => !brandKnown || fold(snap.products.get(id)?.brand) === fold(w.f.brand));
    const candidates = inFile.length > 0 ? inFile : known;
    if (candidates.length > 1) fail(w.out, "product", "product_ambiguous", { product: name, count: candidates.length });
    else w.ref = candidates[0] ?? `new:${keyOf(w.f)}`;
  }
  work = work.filter((w) => w.out.issues.length === 0);

  const products = collectProducts(work, snap, fail);
  work = work.filter((w) => w.out.issues.length === 0);
  for (const group of groupBy(work, (w) => w.ref).values()) checkGroupVariants(group, snap.siblings.get(group[0]?.ref ?? "") ?? [], fail);

  for (const w of work) {
    if (w.out.issues.length > 0) continue;
    const p = products.get(w.ref) as PlannedProduct;
    w.out.product = p.values.name ?? p.existing?.name ?? null;
    w.out.plan = w.existing ? updatePlan(w, w.existing, p) : createPlan(w);
  }
  settleBarcodeMoves(work, releasing);
  return { rows, products };
}

/** The row's SKU (existing or new), what a new one needs, and its barcode against the catalogue's. */
function resolveSku(r: CatalogCsvRow, out: RowOutcome, snap: CatalogSnapshot, fail: Fail): Work[] {
  if (out.issues.length > 0) return [];
  const found = snap.skus.get(r.sku.toLowerCase()) ?? [];
  // A catalogue from before codes were unique case aside may hold "abc" and "ABC": only the exact spelling then says which.
  const existing = found.find((s) => s.code === r.sku) ?? (found.length === 1 ? found[0] : undefined) ?? null;
  const f = r.fields;
  if (!existing && found.length > 1) fail(out, "sku", "sku_ambiguous", { codes: found.map((s) => s.code).join(", ") });
  if (!existing && found.length === 0) {
    if (!f.product) fail(out, "product", "product_required");
    if (f.priceCents === undefined || f.priceCents === null) fail(out, "price", "required");
  }
  const takes: EanHolder[] = [];
  if (f.ean && f.ean !== existing?.ean) {
    for (const g of gtinForms(f.ean)) {
      const holder = snap.eans.get(g);
      if (holder && holder.skuId !== existing?.id && !takes.some((h) => h.skuId === holder.skuId)) takes.push(holder);
    }
  }
  return out.issues.length > 0 ? [] : [{ out, f, existing, ref: existing?.productId ?? "", takes }];
}

/** Each product's columns as the file gives them: the first row's value; a row that says otherwise is refused. */
function collectProducts(work: Work[], snap: CatalogSnapshot, fail: Fail) {
  const products = new Map<string, PlannedProduct>();
  const firstRow = new Map<string, number>();
  for (const w of work) {
    const existing = snap.products.get(w.ref) ?? null;
    const p = products.get(w.ref) ?? { ref: w.ref, existing, values: {}, changes: [] };
    products.set(w.ref, p);
    // A new SKU joining a product the catalogue has names it (case aside) but does not edit it: its SKUs' rows do.
    if (!w.existing && existing) continue;
    const given = PRODUCT_FIELDS.filter(([col, field]) => w.f[col] !== undefined && !(field === "name" && w.f[col] === null));
    const conflict = given.find(([col, field]) => field in p.values && fold(p.values[field]) !== fold(w.f[col]));
    if (conflict) {
      fail(w.out, conflict[0], "product_conflict", { first: firstRow.get(`${w.ref}|${conflict[1]}`) ?? 0 });
      continue;
    }
    for (const [col, field] of given) {
      if (field in p.values) continue;
      (p.values as Record<string, string | null>)[field] = w.f[col] ?? null; // a name is never null here (filtered above)
      firstRow.set(`${w.ref}|${field}`, w.out.row);
    }
  }
  for (const p of products.values()) {
    if (!p.existing) p.values = { name: p.values.name, brand: p.values.brand ?? null, description: p.values.description ?? null };
    else p.changes = Object.keys(diff(p.existing, p.values)?.after ?? {}).map((k) => (k === "name" ? "product" : (k as CatalogColumn)));
  }
  return products;
}

/**
 * The forms' variant rule over the product as it will be: its other SKUs as
 * they are, then the file's rows in order, each checked against the ones
 * before it; rows after it count (a product of several SKUs needs variants)
 * but do not yet hold their variant, so the first row keeps a variant.
 */
function checkGroupVariants(group: Work[], siblings: readonly { code: string; variant: string | null }[], fail: Fail) {
  const touched = new Set(group.flatMap((w) => (w.existing ? [w.existing.code] : [])));
  const fixed = siblings.filter((s) => !touched.has(s.code)).map((s) => ({ ...s, changed: false }));
  const next = (w: Work) => (w.f.variant !== undefined ? w.f.variant : (w.existing?.variant ?? null));
  const code = (w: Work) => w.existing?.code ?? w.out.sku;
  const changing = group.filter((w) => !w.existing || next(w) !== w.existing.variant);
  for (const w of group) if (!changing.includes(w)) fixed.push({ code: code(w), variant: next(w), changed: false });
  for (const [i, w] of changing.entries()) {
    const later = changing.slice(i + 1).map((x) => ({ code: code(x), variant: null, changed: false }));
    try {
      checkVariants([...fixed, { code: code(w), variant: next(w), changed: true }, ...later]);
      fixed.push({ code: code(w), variant: next(w), changed: false });
    } catch (e) {
      if (!isDomainError(e) || typeof e.params.rule !== "string") throw e;
      const { rule, field: _field, detail: _detail, ...params } = e.params;
      fail(w.out, "variant", rule, params);
      if (w.existing) fixed.push({ code: code(w), variant: w.existing.variant, changed: false });
    }
  }
}

function createPlan(w: Work): PlannedRow {
  const f = w.f;
  const sku: SkuValues = {
    variant: f.variant ?? null, ean: f.ean ?? null, ncm: f.ncm ?? null, priceCents: f.priceCents ?? 0,
    weightGrams: f.weightGrams ?? 0, lengthMm: f.lengthMm ?? 0, widthMm: f.widthMm ?? 0, heightMm: f.heightMm ?? 0, active: f.active ?? true,
  };
  return { row: w.out.row, code: w.out.sku, skuId: null, productRef: w.ref, sku, action: "create", changes: [], unit: w.out.row };
}

function updatePlan(w: Work, existing: SnapSku, product: PlannedProduct): PlannedRow {
  const f = w.f;
  const sku: SkuValues = {};
  // Optional values: an empty cell clears them.
  for (const k of ["variant", "ean", "ncm"] as const) if (f[k] !== undefined) sku[k] = f[k];
  // Values a SKU always has: an empty cell keeps them.
  for (const k of ["priceCents", "weightGrams", "lengthMm", "widthMm", "heightMm", "active"] as const) {
    const v = f[k];
    if (v !== undefined && v !== null) (sku as Record<string, unknown>)[k] = v;
  }
  const skuChanges = Object.keys(diff(existing, sku)?.after ?? {}).map((k) => COLUMN_OF[k as keyof CatalogFields]);
  const changes = [...product.changes, ...skuChanges];
  return {
    row: w.out.row, code: existing.code, skuId: existing.id, productRef: w.ref, sku, action: changes.length > 0 ? "update" : "unchanged", changes, unit: w.out.row,
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const list = m.get(key(it));
    if (list) list.push(it);
    else m.set(key(it), [it]);
  }
  return m;
}
