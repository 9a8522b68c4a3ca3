/**
 * Barcodes that move between SKUs within one catalogue import (pure). A row
 * may take a barcode another SKU holds when that SKU's row in the same file
 * gives it up (another barcode, or an empty cell) and is written too; a swap
 * is two such rows. The rows of a move share a unit (PlannedRow.unit, its
 * first row) so they are written in one transaction, where the barcodes given
 * up are cleared first (catalog-import-apply.ts). One barcode on two rows of a
 * file never gets here: the second row is refused (catalog-csv-rows.ts).
 */
import type { CatalogFields } from "@/server/services/catalog/catalog-csv-rows";
import type { EanHolder, PlannedRow, RowOutcome, SnapSku } from "@/server/services/catalog/catalog-import-plan";

/** What a planned row needs here: its outcome, its values, its SKU and the SKUs holding its new barcode. */
export interface MoveRow {
  out: RowOutcome;
  f: CatalogFields;
  existing: SnapSku | null;
  takes: EanHolder[];
}

function refuse(w: MoveRow, holder: EanHolder): void {
  w.out.issues.push({ column: "barcode", code: "EAN_TAKEN", params: { ean: w.f.ean ?? "", code: holder.code, product: holder.product } });
  w.out.plan = null;
}

/** The file's rows that give up their SKU's barcode (another one, or none), by SKU id. */
export function releasingRows<W extends MoveRow>(work: readonly W[]): Map<string, W> {
  return new Map(work.flatMap((w) => (w.existing?.ean && w.f.ean !== undefined && w.f.ean !== w.existing.ean ? [[w.existing.id, w] as const] : [])));
}

/** Refuses the rows taking a barcode that no row of the file gives up. */
export function refuseKeptBarcodes(work: readonly MoveRow[], releasing: ReadonlyMap<string, MoveRow>): void {
  for (const w of work) {
    const kept = w.takes.find((h) => !releasing.has(h.skuId));
    if (kept) refuse(w, kept);
  }
}

/**
 * Once every row is planned: a row takes a barcode only when every row giving
 * it up is written too, else the barcode stays where it is (repeated until
 * nothing changes: moves can chain). Then the rows of each move get its unit.
 */
export function settleBarcodeMoves(work: readonly MoveRow[], releasing: ReadonlyMap<string, MoveRow>): void {
  const movers = work.filter((w) => w.takes.length > 0);
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of movers) {
      const kept = w.out.plan ? w.takes.find((h) => !releasing.get(h.skuId)?.out.plan) : undefined;
      if (!kept) continue;
      refuse(w, kept);
      changed = true;
    }
  }
  const parent = new Map<number, number>();
  const root = (row: number): number => {
    const up = parent.get(row);
    return up === undefined ? row : root(up);
  };
  for (const w of movers) {
    for (const h of w.takes) {
      const other = releasing.get(h.skuId);
      if (!w.out.plan || !other) continue;
      const [a, b] = [root(w.out.row), root(other.out.row)].sort((x, y) => x - y) as [number, number];
      if (a !== b) parent.set(b, a);
    }
  }
  for (const w of work) if (w.out.plan) w.out.plan.unit = root(w.out.row);
}

/** The rows by unit, each unit where its first row is. */
export function rowsByUnit(rows: readonly PlannedRow[]): PlannedRow[][] {
  const units = new Map<number, PlannedRow[]>();
  for (const r of rows) {
    const unit = units.get(r.unit);
    if (unit) unit.push(r);
    else units.set(r.unit, [r]);
  }
  return [...units.values()];
}
