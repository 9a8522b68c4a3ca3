/**
 * CSV import of orders. Every row is checked and every failing row reported
 * (row, column, code); an order is captured only when all its rows are valid,
 * through captureOrder like any channel order. An order already imported on
 * the channel (same order_external_id) is counted as a duplicate, not an
 * error, so a file can be imported again safely. Progress is reported every
 * `progressEvery` rows for the streaming route (app/api/orders/import).
 */
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import type { ChannelOrderInput } from "@/server/channels/types";
import { CsvParseError, parseCsv } from "@/server/lib/csv";
import { DomainError } from "@/server/lib/domain-error";
import { userActor } from "@/server/services/order/actor";
import { captureOrder } from "@/server/services/order/capture-order";
import { chosenImportChannel, defaultImportChannel, type ImportChannel } from "@/server/services/order/csv-import-channel";
import { csvIssue, type CsvIssue } from "@/server/services/order/csv-order-issues";
import { columnRank } from "@/server/services/order/csv-order-columns";
import { readOrderRows, type DraftOrder, type ReadResult } from "@/server/services/order/csv-order-rows";
import { MAX_CENTS } from "@/server/services/order/manual-order-input";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { reserveCapturedOrder } from "@/server/services/stock/reserve-captured-order";

export interface ImportProgress {
  processed: number;
  total: number;
}

export interface ImportReport {
  created: number;
  duplicates: number;
  errors: CsvIssue[];
  /** Orders that were already on the channel: row of their first line and their id. */
  duplicateOrders: { row: number; externalId: string }[];
  total: number;
  channel: ImportChannel | null;
}

const IMPORT_ROLES: readonly SessionUser["role"][] = ["ADMIN", "OPERATOR"];
const SKU_CHUNK = 1000;

interface SkuInfo {
  code: string;
  name: string;
  priceCents: number;
  active: boolean;
}

async function loadSkus(cells: ReadResult["skuCells"]): Promise<Map<string, SkuInfo>> {
  const codes = [...new Set(cells.map((c) => c.sku))];
  const map = new Map<string, SkuInfo>();
  for (let i = 0; i < codes.length; i += SKU_CHUNK) {
    const found = await db.sku.findMany({
      where: { code: { in: codes.slice(i, i + SKU_CHUNK) } },
      select: { code: true, name: true, priceCents: true, active: true },
    });
    for (const s of found) map.set(s.code, s);
  }
  return map;
}

/**
 * An unknown or inactive SKU on every row whose SKU cell was readable, also
 * rows whose quantity, price or order id failed: a row shows all its problems
 * at once.
 */
function skuIssues(cells: ReadResult["skuCells"], skus: Map<string, SkuInfo>, column: string): CsvIssue[] {
  return cells.flatMap(({ row, sku: code }) => {
    const sku = skus.get(code);
    if (sku?.active) return [];
    return [csvIssue(row, column, sku ? "inactive_sku" : "unknown_sku", { value: code })];
  });
}

/** A channel order whose currency may still be the channel's default. */
type CsvOrderInput = Omit<ChannelOrderInput, "currency"> & { currency?: string };

/**
 * Amount checks and totals for one order; pushes issues and returns the channel
 * input when it is valid. Unknown and inactive SKUs were reported by skuIssues:
 * here they only keep the order out (their line is still checked against the
 * price the row gives, or an inactive SKU's catalogue price).
 */
function buildOrder(
  order: DraftOrder,
  skus: Map<string, SkuInfo>,
  headers: Partial<Record<string, string>>,
  issues: CsvIssue[],
): CsvOrderInput | null {
  const col = (key: string, fallback: string) => headers[key] ?? fallback;
  const lines: ChannelOrderInput["lines"] = [];
  let ok = true;
  for (const line of order.lines) {
    const sku = skus.get(line.sku);
    const unitPriceCents = line.unitPriceCents ?? sku?.priceCents;
    if (!sku?.active) ok = false;
    if (unitPriceCents === undefined) continue;
    const gross = unitPriceCents * line.quantity;
    if (gross > MAX_CENTS) {
      issues.push(csvIssue(line.row, col("quantity", "quantity"), "amount_too_large"));
      ok = false;
    } else if (line.discountCents > gross) {
      issues.push(csvIssue(line.row, col("discount", "discount"), "discount_exceeds_line"));
      ok = false;
    }
    if (sku?.active) lines.push({ sku: sku.code, name: sku.name, quantity: line.quantity, unitPriceCents, discountCents: line.discountCents, taxCents: 0 });
  }
  const h = order.header;
  if (!ok || !h || lines.length !== order.rows.length) return null;
  const subtotalCents = lines.reduce((a, l) => a + l.unitPriceCents * l.quantity, 0);
  const discountCents = lines.reduce((a, l) => a + l.discountCents, 0);
  const totalCents = subtotalCents - discountCents + h.shippingCents;
  if (subtotalCents > MAX_CENTS || totalCents > MAX_CENTS) {
    issues.push(csvIssue(order.rows[0] ?? 0, "", "amount_too_large"));
    return null;
  }
  return {
    externalId: order.externalId,
    externalNumber: h.externalNumber,
    placedAt: h.placedAt,
    updatedAt: h.placedAt,
    currency: h.currency,
    state: "OPEN",
    paymentStatus: h.paymentStatus,
    paymentMethod: h.paymentMethod,
    customer: h.customer,
    shippingAddress: { name: h.customer.name, ...h.address, country: "BR", phone: h.customer.phone },
    lines,
    subtotalCents,
    discountCents,
    shippingCents: h.shippingCents,
    taxCents: 0,
    totalCents,
    note: h.note,
  };
}

/** By row, then a row's issues left to right in column order, whichever check found them (whole-row issues first). */
function byRowAndColumn(a: CsvIssue, b: CsvIssue): number {
  return a.row - b.row || columnRank(a.column) - columnRank(b.column);
}

export async function importOrdersCsv(opts: {
  actor: SessionUser;
  csv: string;
  channelId?: string | null;
  fileName?: string;
  onProgress?: (p: ImportProgress) => void | Promise<void>;
  progressEvery?: number;
}): Promise<ImportReport> {
  const { actor } = opts;
  if (!IMPORT_ROLES.includes(actor.role)) throw new DomainError("FORBIDDEN", `Your role (${actor.role}) may not import orders.`);
  const report: ImportReport = { created: 0, duplicates: 0, errors: [], duplicateOrders: [], total: 0, channel: null };

  let rows: string[][];
  try {
    rows = parseCsv(opts.csv).rows;
  } catch (e) {
    if (!(e instanceof CsvParseError)) throw e;
    report.errors.push(csvIssue(e.row, "", "unreadable", { detail: e.message, line: e.line }));
    return report;
  }
  const settings = await getMerchantSettings();
  const read = readOrderRows(rows, { timeZone: settings.timeZone });
  report.total = read.total;
  const issues = [...read.issues];

  const skus = await loadSkus(read.skuCells);
  issues.push(...skuIssues(read.skuCells, skus, read.headers.sku ?? "sku"));

  let channel: ImportChannel | null = null;
  if (opts.channelId) {
    channel = await chosenImportChannel(opts.channelId);
    if (!channel) {
      report.errors = [csvIssue(1, "", "invalid_channel"), ...issues.sort(byRowAndColumn)];
      return report;
    }
  }
  const ready: { order: DraftOrder; input: CsvOrderInput }[] = [];
  for (const order of read.orders) {
    const input = buildOrder(order, skus, read.headers, issues);
    if (input) ready.push({ order, input });
  }
  // An order with a bad row is not imported: say so on each of its good rows, so no row is dropped silently.
  const badRows = new Set(issues.map((i) => i.row));
  ready.splice(0, ready.length, ...ready.filter((r) => !r.order.rows.some((row) => badRows.has(row))));
  for (const order of read.orders) {
    const bad = order.rows.filter((r) => badRows.has(r));
    if (bad.length === 0) continue;
    for (const row of order.rows.filter((r) => !badRows.has(r))) {
      issues.push(csvIssue(row, "", "order_not_imported", { order: order.externalId, rows: bad.join(", ") }));
    }
  }

  const every = opts.progressEvery ?? 500;
  let processed = read.total - ready.reduce((a, r) => a + r.order.rows.length, 0);
  let lastSent = -1;
  /** Sends when `processed` crosses a multiple of `every` (or when forced), never the same count twice. */
  const progress = async (force = false) => {
    if (processed === lastSent) return;
    if (force || lastSent < 0 || Math.floor(processed / every) > Math.floor(lastSent / every)) {
      lastSent = processed;
      await opts.onProgress?.({ processed, total: read.total });
    }
  };
  await progress(true);

  if (ready.length > 0 && !channel) channel = await defaultImportChannel({ actor, currency: settings.currency });
  report.channel = channel;
  for (const { order, input } of ready) {
    if (!channel) break;
    const firstRow = order.rows[0] ?? 0;
    try {
      const created = await captureOrder({
        channelId: channel.id,
        defaultCurrency: channel.defaultCurrency,
        input: { ...input, currency: input.currency ?? channel.defaultCurrency },
        actorLabel: actor.name,
        actorId: actor.id,
        createdEventData: { source: "csv", fileName: opts.fileName ?? null, row: firstRow, enteredBy: { id: actor.id, name: actor.name } },
      });
      if (created) {
        report.created++;
        await reserveCapturedOrder({ orderId: created.orderId, actor: userActor(actor), context: created.reservation });
      } else {
        report.duplicates++;
        report.duplicateOrders.push({ row: firstRow, externalId: order.externalId });
      }
    } catch (e) {
      const detail = e instanceof Error ? e.message.slice(0, 300) : String(e);
      issues.push(csvIssue(firstRow, "", "capture_failed", { detail }));
    }
    processed += order.rows.length;
    await progress();
  }
  processed = read.total;
  await progress(true);

  report.errors = issues.sort(byRowAndColumn);
  if (channel && (report.created > 0 || report.duplicates > 0)) {
    await db.auditLog.create({
      data: {
        actorId: actor.id,
        action: "orders.csv_imported",
        entity: "Channel",
        entityId: channel.id,
        data: { fileName: opts.fileName ?? null, rows: read.total, created: report.created, duplicates: report.duplicates, errors: report.errors.length },
      },
    });
  }
  return report;
}
