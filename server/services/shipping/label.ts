/**
 * The shipping label: a 100 × 150 mm PDF page (thermal label printers' size)
 * with the carrier and service, the tracking number as a Code 128 barcode, the
 * recipient in large type with the CEP (also as a barcode, for sorting), the
 * sender and the order reference. Pure: data and translated captions in, PDF
 * bytes out. Standard PDF fonts cover Portuguese (WinAnsi); anything else is
 * reduced to its base letter or "?".
 */
import bwipjs from "bwip-js/node";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { CarrierAddress } from "./carriers/carrier-adapter";
import { formatCep } from "./shipping-address";

const MM = 72 / 25.4;
export const LABEL_WIDTH_PT = 100 * MM;
export const LABEL_HEIGHT_PT = 150 * MM;
const MARGIN = 4 * MM;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

export interface LabelData {
  carrierName: string;
  service: string;
  trackingNumber: string;
  recipient: CarrierAddress;
  /** The origin warehouse's address; line1, line2, district and postalCode may be "" (not entered yet). */
  sender: { name: string; city: string; state: string; line1?: string; line2?: string; district?: string; postalCode?: string };
  orderNumber: number;
  externalNumber: string | null;
  packageNumber: number;
  weightGrams: number | null;
}

export interface LabelCaptions {
  recipient: string;
  sender: string;
  order: string;
  channelNumber: string;
  package: string;
  weight: string;
}

export async function barcodePng(text: string, height = 12): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: "code128", text, scale: 3, height, includetext: true, textxalign: "center" });
}

function printable(font: PDFFont, text: string): string {
  const charset = new Set(font.getCharacterSet());
  return [...text]
    .map((ch) => {
      if (charset.has(ch.codePointAt(0) as number)) return ch;
      const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
      return base && [...base].every((c) => charset.has(c.codePointAt(0) as number)) ? base : "?";
    })
    .join("");
}

/** Draws one line, shrinking it down to `min` and then cutting it with "…" to fit `width`. */
function line(page: PDFPage, font: PDFFont, raw: string, at: { x: number; y: number; size: number; width: number; min?: number; color?: ReturnType<typeof rgb> }): void {
  let text = printable(font, raw);
  let size = at.size;
  const min = at.min ?? Math.min(at.size, 7);
  while (size > min && font.widthOfTextAtSize(text, size) > at.width) size -= 0.5;
  if (font.widthOfTextAtSize(text, size) > at.width) {
    while (text.length > 1 && font.widthOfTextAtSize(`${text}…`, size) > at.width) text = text.slice(0, -1);
    text = `${text}…`;
  }
  page.drawText(text, { x: at.x, y: at.y, size, font, color: at.color ?? BLACK });
}

function rule(page: PDFPage, y: number): void {
  page.drawLine({ start: { x: MARGIN, y }, end: { x: LABEL_WIDTH_PT - MARGIN, y }, thickness: 1, color: BLACK });
}

/**
 * The sender's address as printed, top down: street and complement, district, then "city - UF · CEP 00000-000"
 * (Correios' order for the remetente). Parts not entered are left out.
 */
export function senderLines(sender: LabelData["sender"]): string[] {
  const street = [sender.line1, sender.line2].map((t) => t?.trim() ?? "").filter(Boolean).join(" - ");
  const cep = sender.postalCode?.trim() ? `CEP ${formatCep(sender.postalCode.trim())}` : "";
  const place = [[sender.city, sender.state].filter(Boolean).join(" - "), cep].filter(Boolean).join(" · ");
  return [street, sender.district?.trim() ?? "", place].filter(Boolean);
}

export async function renderShippingLabel(data: LabelData, captions: LabelCaptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${data.carrierName} ${data.trackingNumber}`);
  doc.setCreator("Fluxo");
  const page = doc.addPage([LABEL_WIDTH_PT, LABEL_HEIGHT_PT]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = LABEL_WIDTH_PT - 2 * MARGIN;
  let y = LABEL_HEIGHT_PT - MARGIN - 14;

  line(page, bold, data.carrierName, { x: MARGIN, y, size: 14, width: width * 0.62 });
  const service = printable(bold, data.service.toUpperCase());
  const serviceSize = Math.min(16, (width * 0.36) / Math.max(1, bold.widthOfTextAtSize(service, 1)));
  page.drawText(service, { x: LABEL_WIDTH_PT - MARGIN - bold.widthOfTextAtSize(service, serviceSize), y, size: serviceSize, font: bold });
  y -= 8;
  rule(page, y);

  const tracking = await doc.embedPng(await barcodePng(data.trackingNumber, 14));
  const th = Math.min(tracking.height * (width / tracking.width), 32 * MM);
  y -= th + 5;
  page.drawImage(tracking, { x: MARGIN, y, width, height: th });
  y -= 6;
  rule(page, y);

  // Recipient, from the top down.
  y -= 11;
  line(page, bold, captions.recipient.toUpperCase(), { x: MARGIN, y, size: 8, width, color: GREY });
  const r = data.recipient;
  y -= 17;
  line(page, bold, r.name, { x: MARGIN, y, size: 15, width });
  for (const text of [r.line1, r.line2, r.district].filter((t) => t !== "")) {
    y -= 15;
    line(page, regular, text, { x: MARGIN, y, size: 12, width });
  }
  y -= 16;
  line(page, bold, [r.city, r.state].filter(Boolean).join(" - "), { x: MARGIN, y, size: 13, width });
  y -= 8;
  const cepDigits = r.postalCode.replace(/\D/g, "");
  const cepCode = cepDigits.length === 8 ? await doc.embedPng(await barcodePng(cepDigits, 8)) : null;
  const cw = width * 0.45;
  const ch = cepCode ? cepCode.height * (cw / cepCode.width) : 18;
  y -= ch;
  if (cepCode) page.drawImage(cepCode, { x: LABEL_WIDTH_PT - MARGIN - cw, y, width: cw, height: ch });
  line(page, bold, `CEP ${formatCep(r.postalCode)}`, { x: MARGIN, y: y + ch / 2 - 6, size: 17, width: width - cw - 6 });

  // Sender and order reference, from the bottom up.
  let b = MARGIN + 2;
  const weight = data.weightGrams ? ` · ${captions.weight} ${(data.weightGrams / 1000).toFixed(3).replace(".", ",")} kg` : "";
  line(page, regular, `${captions.package} #${data.packageNumber}${weight}`, { x: MARGIN, y: b, size: 9, width, color: GREY });
  b += 14;
  line(page, bold, `${captions.order} #${data.orderNumber}`, { x: MARGIN, y: b, size: 13, width: width / 2 });
  if (data.externalNumber) line(page, regular, `${captions.channelNumber} ${data.externalNumber}`, { x: MARGIN + width / 2, y: b, size: 11, width: width / 2 });
  b += 16;
  rule(page, b);
  b += 8;
  for (const text of senderLines(data.sender).reverse()) {
    line(page, regular, text, { x: MARGIN, y: b, size: 9, width });
    b += 11;
  }
  line(page, bold, data.sender.name, { x: MARGIN, y: b, size: 10, width });
  b += 12;
  line(page, bold, captions.sender.toUpperCase(), { x: MARGIN, y: b, size: 8, width, color: GREY });
  b += 10;
  rule(page, Math.min(b, y - 4));
  return doc.save();
}
