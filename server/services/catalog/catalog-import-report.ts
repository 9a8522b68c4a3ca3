/**
 * The report of a catalogue import: every data row as created, updated,
 * unchanged or error, each issue with its code, parameters, column and an
 * English message (the page shows the code's message in the reader's
 * language: productImport.rowIssues.<code>, or products.errors.<rule> for the
 * forms' rules).
 */
import type { CatalogColumn } from "@/server/services/catalog/catalog-csv-columns";
import type { CatalogFileProblem, CatalogIssue } from "@/server/services/catalog/catalog-csv-rows";

export type CatalogRowStatus = "CREATED" | "UPDATED" | "UNCHANGED" | "ERROR";

export interface CatalogReportIssue {
  /** The column's header as the file writes it ("preço"), or its English name when the file has none. */
  column: string;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export interface CatalogReportRow {
  row: number;
  sku: string;
  product: string | null;
  status: CatalogRowStatus;
  /** CREATED: its product is new too. */
  newProduct: boolean;
  /** UPDATED: the columns whose value changed. */
  changes: CatalogColumn[];
  issues: CatalogReportIssue[];
}

export type CatalogImportProblem = CatalogFileProblem | { code: "unreadable"; params: { detail: string; line: number } };

export interface CatalogImportReport {
  problem: CatalogImportProblem | null;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  productsCreated: number;
  productsUpdated: number;
  rows: CatalogReportRow[];
}

type Params = Record<string, string | number>;

const MESSAGES: Record<string, (p: Params) => string> = {
  required: () => "A new SKU needs a value in this column.",
  product_required: () => "A new SKU needs its product's name (column product).",
  missing_fields: (p) => `The row has ${p.found} fields; the header has ${p.expected}.`,
  extra_fields: (p) => `The row has ${p.found} fields; the header has ${p.expected}. A decimal comma in a file separated by commas must be quoted.`,
  invalid: (p) => `"${p.value}" is not valid here.`,
  too_long: (p) => `Longer than ${p.max} characters.`,
  invalid_price: (p) => `"${p.value}" is not a price: write it like 49,90 or 49.90.`,
  ambiguous_price: (p) => `"${p.value}" could be read two ways: write 1234 or 1.234,00 for a thousand.`,
  price_out_of_range: (p) => `The price "${p.value}" must be between 0 and ${p.max}.`,
  invalid_number: (p) => `"${p.value}" is not a whole number.`,
  out_of_range: (p) => `${p.value} must be between ${p.min} and ${p.max}.`,
  invalid_active: (p) => `"${p.value}" is not yes or no (sim / não, true / false, 1 / 0).`,
  barcode_scientific: (p) => `"${p.value}" is a barcode a spreadsheet turned into a number: format the column as text and type the digits again.`,
  duplicate_sku: (p) => `This SKU code is already on row ${p.first}; this row is ignored.`,
  duplicate_barcode: (p) => `This barcode is already given to ${p.sku} on row ${p.first}.`,
  sku_ambiguous: (p) => `Several SKUs have this code in upper or lower case (${p.codes}): write it exactly.`,
  product_ambiguous: (p) => `${p.count} products are called "${p.product}": add a brand column, or add this SKU on the product's page.`,
  product_conflict: (p) => `Row ${p.first} gives this product another value in this column; the rows of a product must agree.`,
  taken_meanwhile: () => "Someone else took this value while the file was being imported: import the file again.",
  failed: (p) => `Not imported: ${p.detail}`,
  SKU_CODE_FORMAT: (p) => `SKU code "${p.code}" is not valid: use 1–60 letters, digits, ".", "_", "-" or "/" with no spaces.`,
  SKU_CODE_TAKEN: (p) => `SKU code ${p.code} is already taken (product "${p.product}").`,
  EAN_FORMAT: (p) => `Barcode ${p.ean} must have 8, 12, 13 or 14 digits.`,
  EAN_CHECK_DIGIT: (p) => `Barcode ${p.ean} has a wrong check digit: the last digit should be ${p.expected}.`,
  EAN_TAKEN: (p) => `Barcode ${p.ean} is already used by SKU ${p.code} (product "${p.product}").`,
  NCM_FORMAT: (p) => `NCM "${p.ncm}" must be exactly 8 digits, e.g. 6109.10.00.`,
  VARIANT_REQUIRED: (p) => `SKU ${p.code} needs a variant (e.g. Azul / M): the product has several SKUs.`,
  VARIANT_TAKEN: (p) => `Variant "${p.variant}" is already used by SKU ${p.code} of this product.`,
};

export function reportIssue(i: CatalogIssue, headers: ReadonlyMap<CatalogColumn, string>): CatalogReportIssue {
  const message = MESSAGES[i.code]?.(i.params) ?? i.code;
  return { column: i.column === "" ? "" : (headers.get(i.column) ?? i.column), code: i.code, params: i.params, message };
}
