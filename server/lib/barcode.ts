/**
 * Barcode images (PNG) for printed pick lists and labels, drawn with bwip-js.
 * Two symbologies: EAN-13 for products (the check digit must be right, so a
 * mistyped EAN is never printed as if it were real) and Code 128 for our own
 * labels (pick list and tote numbers). Rendered PNGs are kept in a small
 * in-process cache: the same EAN appears on many lists.
 */
import bwipjs from "bwip-js/node";
import { validateEan13 } from "@/server/lib/ean";

export const BARCODE_TYPES = ["code128", "ean13"] as const;
export type BarcodeType = (typeof BARCODE_TYPES)[number];

const CODE128_TEXT = /^[\x20-\x7e]{1,64}$/;

export function isBarcodeType(value: unknown): value is BarcodeType {
  return typeof value === "string" && (BARCODE_TYPES as readonly string[]).includes(value);
}

/** Whether `text` can be drawn as `type` (EAN-13: 13 digits with a valid check digit; Code 128: 1–64 printable ASCII characters). */
export function isBarcodeText(type: BarcodeType, text: string): boolean {
  return type === "ean13" ? validateEan13(text) : CODE128_TEXT.test(text);
}

export interface BarcodeOptions {
  /** Module width in pixels (default 2). */
  scale?: number;
  /** Bar height in millimetres (default 10). */
  height?: number;
  /** Human-readable text under the bars (default true). */
  includeText?: boolean;
}

const cache = new Map<string, Buffer>();
const CACHE_LIMIT = 2_000;

/** PNG bytes of the barcode; throws RangeError for text the symbology cannot carry. */
export async function renderBarcodePng(type: BarcodeType, text: string, opts: BarcodeOptions = {}): Promise<Buffer> {
  if (!isBarcodeText(type, text)) throw new RangeError(`Not a valid ${type} text: ${JSON.stringify(text)}`);
  const scale = opts.scale ?? 2;
  const height = opts.height ?? 10;
  const includetext = opts.includeText ?? true;
  const key = `${type}|${text}|${scale}|${height}|${includetext}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const png = await bwipjs.toBuffer({ bcid: type, text, scale, height, includetext, textxalign: "center" });
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, png);
  return png;
}

/** The app route that serves a barcode image to a signed-in user (app/api/barcodes/[type]/[text]/route.ts). */
export function barcodeUrl(type: BarcodeType, text: string): string {
  return `/api/barcodes/${type}/${encodeURIComponent(text)}`;
}
