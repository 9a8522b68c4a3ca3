/**
 * The pick list as an A4 PDF (pdf-lib), for printing on any machine: header
 * with the list number and its Code 128 barcode, then one row per SKU per bin
 * along the walking path — bin, SKU, product, quantity, EAN-13 barcode, and
 * the quantity for each tote. Small lists (a picking cart's worth of totes)
 * end with the tote labels as barcodes for the pack station. The caller
 * passes the texts in the user's language.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";
import { isBarcodeText, renderBarcodePng } from "@/server/lib/barcode";
import { toteLabel } from "@/server/services/packing/parse-pack-code";
import type { PickListView } from "@/server/services/picking/get-pick-list";
import { toWinAnsi, wrapText } from "@/server/services/picking/pdf-text";

export interface PickListPdfLabels {
  title: string;
  meta: string;
  bin: string;
  sku: string;
  product: string;
  quantity: string;
  ean: string;
  totes: string;
  noEan: string;
  toteList: string;
  signature: string;
  page: (page: number, pages: number) => string;
  toteQty: (tote: number, quantity: number) => string;
  tote: (tote: number) => string;
  order: (number: number) => string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = (12 / 25.4) * 72;
const WIDTH = A4[0] - 2 * MARGIN;
const COLS = { bin: 0, sku: 64, product: 136, qty: 262, ean: 300, totes: 414 } as const;
const TEXT = 8.5;
const LINE = 10.5;
const BAR_H = 26;
const BAR_W = 108;
/** Above this many totes the labels are left to the packing screen (a barcode each would make a very long PDF). */
const TOTE_LABELS_MAX = 60;
const GREY = rgb(0.45, 0.45, 0.45);

interface Ctx {
  doc: PDFDocument;
  font: PDFFont;
  bold: PDFFont;
  page: PDFPage;
  y: number;
}

function text(ctx: Ctx, s: string, x: number, y: number, opts: { size?: number; font?: PDFFont; color?: ReturnType<typeof rgb> } = {}) {
  ctx.page.drawText(toWinAnsi(s), { x: MARGIN + x, y, size: opts.size ?? TEXT, font: opts.font ?? ctx.font, color: opts.color ?? rgb(0, 0, 0) });
}

function fit(image: PDFImage, maxW: number, maxH: number): { width: number; height: number } {
  const k = Math.min(maxW / image.width, maxH / image.height);
  return { width: image.width * k, height: image.height * k };
}

export async function renderPickListPdf(view: PickListView, labels: PickListPdfLabels): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(toWinAnsi(labels.title));
  doc.setCreator("Fluxo");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const ctx: Ctx = { doc, font, bold, page: doc.addPage(A4), y: A4[1] - MARGIN };
  const images = new Map<string, PDFImage>();
  const barcode = async (type: "ean13" | "code128", value: string, includeText = true): Promise<PDFImage> => {
    const key = `${type}|${value}|${includeText}`;
    let img = images.get(key);
    if (!img) {
      img = await doc.embedPng(await renderBarcodePng(type, value, { scale: 2, height: 8, includeText }));
      images.set(key, img);
    }
    return img;
  };

  // Header: title and meta on the left, the list's barcode on the right.
  const listCode = await barcode("code128", `PL${view.number}`);
  const listSize = fit(listCode, 150, 42);
  ctx.page.drawImage(listCode, { x: A4[0] - MARGIN - listSize.width, y: ctx.y - listSize.height, ...listSize });
  text(ctx, labels.title, 0, ctx.y - 16, { size: 16, font: bold });
  const metaLines = wrapText(toWinAnsi(labels.meta), WIDTH - listSize.width - 12, (s) => font.widthOfTextAtSize(s, 9), 3);
  metaLines.forEach((m, i) => text(ctx, m, 0, ctx.y - 32 - i * 11, { size: 9, color: GREY }));
  ctx.y -= Math.max(listSize.height, 32 + metaLines.length * 11) + 12;

  const header = () => {
    const y = ctx.y - TEXT;
    for (const [key, label] of [["bin", labels.bin], ["sku", labels.sku], ["product", labels.product], ["qty", labels.quantity], ["ean", labels.ean], ["totes", labels.totes]] as const) {
      text(ctx, label, COLS[key], y, { font: bold });
    }
    ctx.page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: MARGIN + WIDTH, y: y - 4 }, thickness: 0.8 });
    ctx.y = y - 8;
  };
  const newPage = () => {
    ctx.page = doc.addPage(A4);
    ctx.y = A4[1] - MARGIN;
    text(ctx, labels.title, 0, ctx.y - 10, { size: 10, font: bold });
    ctx.y -= 20;
  };
  header();

  for (const line of view.printLines) {
    const width = (size: number) => (s: string) => font.widthOfTextAtSize(s, size);
    const product = wrapText(toWinAnsi(line.productName), COLS.qty - COLS.product - 6, width(TEXT), 3);
    const totes = wrapText(line.perTote.map((t) => labels.toteQty(t.tote, t.quantity)).join(", "), WIDTH - COLS.totes, width(TEXT), 30);
    const sku = wrapText(toWinAnsi(line.sku), COLS.product - COLS.sku - 6, width(TEXT), 2);
    const rowH = Math.max(BAR_H + 8, Math.max(product.length, totes.length, sku.length) * LINE + 8);
    if (ctx.y - rowH < MARGIN + 20) {
      newPage();
      header();
    }
    const top = ctx.y - TEXT - 2;
    text(ctx, line.binCode, COLS.bin, top, { font: bold, size: 10 });
    sku.forEach((s, i) => text(ctx, s, COLS.sku, top - i * LINE));
    product.forEach((s, i) => text(ctx, s, COLS.product, top - i * LINE));
    const qty = String(line.totalQuantity);
    text(ctx, qty, COLS.qty + 30 - bold.widthOfTextAtSize(qty, 11), top, { font: bold, size: 11 });
    if (line.ean && isBarcodeText("ean13", line.ean)) {
      const img = await barcode("ean13", line.ean);
      const size = fit(img, BAR_W, BAR_H);
      ctx.page.drawImage(img, { x: MARGIN + COLS.ean, y: ctx.y - 4 - size.height, ...size });
    } else {
      text(ctx, line.ean ?? labels.noEan, COLS.ean, top, { color: GREY });
    }
    totes.forEach((s, i) => text(ctx, s, COLS.totes, top - i * LINE));
    ctx.y -= rowH;
    ctx.page.drawLine({ start: { x: MARGIN, y: ctx.y + 2 }, end: { x: MARGIN + WIDTH, y: ctx.y + 2 }, thickness: 0.3, color: GREY });
  }

  if (view.orders.length > 0 && view.orders.length <= TOTE_LABELS_MAX) await toteLabels(ctx, view, labels, barcode, newPage);

  if (ctx.y < MARGIN + 50) newPage();
  ctx.y -= 30;
  ctx.page.drawLine({ start: { x: MARGIN, y: ctx.y }, end: { x: MARGIN + 220, y: ctx.y }, thickness: 0.6 });
  text(ctx, labels.signature, 0, ctx.y - 10, { color: GREY });

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const s = toWinAnsi(labels.page(i + 1, pages.length));
    p.drawText(s, { x: A4[0] / 2 - font.widthOfTextAtSize(s, 8) / 2, y: MARGIN / 2, size: 8, font, color: GREY });
  });
  return doc.save();
}

async function toteLabels(
  ctx: Ctx,
  view: PickListView,
  labels: PickListPdfLabels,
  barcode: (type: "code128", value: string, includeText?: boolean) => Promise<PDFImage>,
  newPage: () => void,
): Promise<void> {
  const cellW = WIDTH / 3;
  const cellH = 62;
  if (ctx.y - 30 - cellH < MARGIN + 20) newPage();
  ctx.y -= 14;
  text(ctx, labels.toteList, 0, ctx.y - 10, { size: 11, font: ctx.bold });
  ctx.y -= 20;
  for (let i = 0; i < view.orders.length; i += 3) {
    if (ctx.y - cellH < MARGIN + 20) newPage();
    for (const [j, o] of view.orders.slice(i, i + 3).entries()) {
      const x = j * cellW;
      text(ctx, `${labels.tote(o.tote)} · ${labels.order(o.number)}`, x, ctx.y - 10, { font: ctx.bold });
      const img = await barcode("code128", toteLabel(view.number, o.tote));
      const size = fit(img, cellW - 16, cellH - 20);
      ctx.page.drawImage(img, { x: MARGIN + x, y: ctx.y - 16 - size.height, ...size });
    }
    ctx.y -= cellH;
  }
}
