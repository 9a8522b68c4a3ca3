/**
 * The columns of the catalogue CSV, shared by the import, the export and the
 * template: one row per SKU, its product's columns repeated on each of its
 * SKUs. Headers are matched without case, accents, spaces or hyphens, by the
 * English name, the Portuguese alias or one of the other accepted spellings.
 * Pure: the import page builds its template from it in the browser.
 *
 * Files are written in the reader's language so that a spreadsheet opens them
 * as it expects: English with "," and "49.90", Portuguese with ";" and "49,90"
 * (Excel in pt-BR reads "," as the decimal comma). The import reads both.
 */
import { toCsv, type CsvCell, type CsvDelimiter } from "@/server/lib/csv";
import type { Product, Sku } from "@/server/generated/prisma/client";
import type { Locale } from "@/server/i18n/locales";
import { centsToDecimalString } from "@/server/lib/money";
import { normalizeHeader } from "@/server/services/order/csv-order-columns";
import { formatNcm } from "@/server/services/catalog/sku-rules";

export type CatalogColumn =
  | "sku" | "product" | "variant" | "brand" | "description" | "barcode" | "ncm"
  | "price" | "weight_g" | "length_mm" | "width_mm" | "height_mm" | "active";

export interface CatalogColumnDef {
  /** The English header, also the column's id in reports. */
  key: CatalogColumn;
  /** The Portuguese header written in pt-BR files. */
  alias: string;
  /** Other headers read as this column (normalized: lower case, no accents, "_" for spaces). */
  accepted: readonly string[];
  /** "product": the same on every row of a product; "sku": this row's SKU. */
  level: "product" | "sku";
}

const def = (key: CatalogColumn, alias: string, level: "product" | "sku", accepted: string[] = []): CatalogColumnDef => ({ key, alias, level, accepted });

// Units are in the header on purpose: "peso" alone is often written in kg, "comprimento" in cm.
export const CATALOG_COLUMNS: readonly CatalogColumnDef[] = [
  def("sku", "sku", "sku", ["codigo", "codigo_sku", "sku_code", "code"]),
  def("product", "produto", "product", ["product_name", "nome_produto", "nome_do_produto"]),
  def("variant", "variacao", "sku", ["variante", "variation"]),
  def("brand", "marca", "product"),
  def("description", "descricao", "product"),
  def("barcode", "codigo_barras", "sku", ["codigo_de_barras", "ean", "gtin", "ean13"]),
  def("ncm", "ncm", "sku"),
  def("price", "preco", "sku", ["preco_venda", "preco_de_venda"]),
  def("weight_g", "peso_g", "sku", ["peso_gramas", "weight_grams"]),
  def("length_mm", "comprimento_mm", "sku"),
  def("width_mm", "largura_mm", "sku"),
  def("height_mm", "altura_mm", "sku"),
  def("active", "ativo", "sku", ["ativa"]),
];

const BY_HEADER = new Map<string, CatalogColumn>(CATALOG_COLUMNS.flatMap((c) => [c.key, c.alias, ...c.accepted].map((h) => [h, c.key] as const)));

export function catalogColumnFor(header: string): CatalogColumn | undefined {
  return BY_HEADER.get(normalizeHeader(header));
}

const YES = new Set(["yes", "y", "true", "1", "sim", "s", "ativo", "ativa", "active", "x"]);
const NO = new Set(["no", "n", "false", "0", "nao", "inativo", "inativa", "inactive"]);

/** yes / no / true / false / sim / não / 1 / 0 (case and accents aside); null for anything else. */
export function parseYesNo(text: string): boolean | null {
  const word = normalizeHeader(text);
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return null;
}

export function catalogCsvDelimiter(locale: Locale): CsvDelimiter {
  return locale === "pt-BR" ? ";" : ",";
}

export function catalogCsvHeader(locale: Locale): string[] {
  return CATALOG_COLUMNS.map((c) => (locale === "pt-BR" ? c.alias : c.key));
}

/** 4990 → "49,90" (pt-BR) or "49.90" (en): no thousands separator, so no reader can take it for a decimal one. */
export function formatCsvPrice(cents: number, locale: Locale): string {
  const text = centsToDecimalString(cents);
  return locale === "pt-BR" ? text.replace(".", ",") : text;
}

/** The SKU fields a row carries besides its code, as stored. */
export type SkuCsvFields = Pick<Sku, "variant" | "ean" | "ncm" | "priceCents" | "weightGrams" | "lengthMm" | "widthMm" | "heightMm" | "active">;

/** A SKU and its product as one CSV row. */
export type CatalogCsvSku = SkuCsvFields & Pick<Sku, "code"> & Pick<Product, "brand" | "description"> & { product: string };

/** The cells in CATALOG_COLUMNS order. The NCM keeps its dots ("6109.10.00") so a spreadsheet leaves it as text. */
export function catalogCsvCells(s: CatalogCsvSku, locale: Locale): CsvCell[] {
  const pt = locale === "pt-BR";
  return [
    s.code, s.product, s.variant, s.brand, s.description, s.ean, s.ncm === null ? null : formatNcm(s.ncm),
    formatCsvPrice(s.priceCents, locale), s.weightGrams, s.lengthMm, s.widthMm, s.heightMm, s.active ? (pt ? "sim" : "yes") : pt ? "não" : "no",
  ];
}

/** The template's example: one product with two variants, one product sold in one version. */
export const TEMPLATE_SKUS: readonly CatalogCsvSku[] = [
  {
    code: "CAM-BAS-P-AZU", product: "Camiseta Básica", variant: "Azul / P", brand: "Aurora Moda", description: "Algodão 100%",
    ean: "7890000000017", ncm: "61091000", priceCents: 4990, weightGrams: 180, lengthMm: 300, widthMm: 250, heightMm: 30, active: true,
  },
  {
    code: "CAM-BAS-M-AZU", product: "Camiseta Básica", variant: "Azul / M", brand: "Aurora Moda", description: "Algodão 100%",
    ean: "7890000000024", ncm: "61091000", priceCents: 4990, weightGrams: 190, lengthMm: 310, widthMm: 260, heightMm: 30, active: true,
  },
  {
    code: "CAN-CER-350", product: "Caneca de Cerâmica 350 ml", variant: null, brand: null, description: null,
    ean: null, ncm: "69120000", priceCents: 123456, weightGrams: 350, lengthMm: 120, widthMm: 90, heightMm: 100, active: true,
  },
];

/** The template download: the header and the example rows, as the export writes them in that language. */
export function catalogTemplateCsv(locale: Locale): string {
  return toCsv([catalogCsvHeader(locale), ...TEMPLATE_SKUS.map((s) => catalogCsvCells(s, locale))], { delimiter: catalogCsvDelimiter(locale), bom: true });
}
