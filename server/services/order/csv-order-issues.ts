/**
 * Problems an order CSV can have, as codes with parameters (the import page
 * translates them: orderEntry.csvIssues.<code>) and an English message (API
 * clients, logs). `row` is the spreadsheet row (the header is row 1).
 */

export const CSV_ISSUE_CODES = [
  "empty_file",
  "unreadable",
  "missing_column",
  "unknown_column",
  "duplicate_column",
  "too_many_rows",
  "extra_fields",
  "required",
  "too_long",
  "invalid_date",
  "date_in_future",
  "date_too_old",
  "invalid_email",
  "invalid_phone",
  "invalid_document",
  "invalid_uf",
  "invalid_cep",
  "invalid_quantity",
  "invalid_amount",
  "ambiguous_amount",
  "negative_amount",
  "amount_too_large",
  "invalid_currency",
  "invalid_payment_status",
  "differs_from_first_row",
  "unknown_sku",
  "inactive_sku",
  "discount_exceeds_line",
  "order_not_imported",
  "invalid_channel",
  "capture_failed",
] as const;
export type CsvIssueCode = (typeof CSV_ISSUE_CODES)[number];

export type CsvIssueParams = Record<string, string | number>;

export interface CsvIssue {
  row: number;
  /** The header as written in the file ("" for the whole row or file). */
  column: string;
  code: CsvIssueCode;
  params: CsvIssueParams;
  message: string;
}

const MESSAGES: Record<CsvIssueCode, (p: CsvIssueParams) => string> = {
  empty_file: () => "The file is empty: it needs a header row and at least one order row.",
  unreadable: (p) => `The file is not valid CSV: ${p.detail}`,
  missing_column: (p) => `Required column "${p.column}" is missing.`,
  unknown_column: (p) => `Unknown column "${p.column}": fix its name or remove it (see the column list).`,
  duplicate_column: (p) => `Column "${p.column}" appears twice.`,
  too_many_rows: (p) => `The file has more than ${p.max} rows: split it.`,
  extra_fields: (p) => `This row has a value in column ${p.position}, which has no header.`,
  required: () => "Required.",
  too_long: (p) => `Longer than ${p.max} characters.`,
  invalid_date: (p) => `"${p.value}" is not a date: use dd/mm/yyyy hh:mm or ISO 8601 (2026-03-05T14:30:00-03:00).`,
  date_in_future: (p) => `"${p.value}" is in the future: an order's date can be at most 1 day ahead (check the year and the day/month order).`,
  date_too_old: (p) => `"${p.value}" is before 01/01/2000: check the year.`,
  invalid_email: (p) => `"${p.value}" is not an e-mail address.`,
  invalid_phone: (p) => `"${p.value}" is not a phone number.`,
  invalid_document: (p) => `"${p.value}" is not a valid CPF or CNPJ (check digits).`,
  invalid_uf: (p) => `"${p.value}" is not a Brazilian state (UF), e.g. SP.`,
  invalid_cep: (p) => `"${p.value}" is not a CEP: use 00000-000.`,
  invalid_quantity: (p) => `"${p.value}" is not a whole quantity from 1 to ${p.max}.`,
  invalid_amount: (p) => `"${p.value}" is not an amount: use 1234,56 or 1234.56.`,
  ambiguous_amount: (p) => `"${p.value}" is ambiguous: write 1234 or 1.234,00 for a thousand, 1,234 for one point two three four.`,
  negative_amount: (p) => `"${p.value}" is negative.`,
  amount_too_large: () => "The amount is too large.",
  invalid_currency: (p) => `"${p.value}" is not a currency code (3 letters, e.g. BRL).`,
  invalid_payment_status: (p) => `"${p.value}" is not a payment status: use PENDING, AUTHORIZED or PAID (pendente, autorizado, pago).`,
  differs_from_first_row: (p) => `Differs from row ${p.row} of the same order ("${p.value}"): every row of an order must have the same order details.`,
  unknown_sku: (p) => `SKU "${p.value}" is not in the catalogue.`,
  inactive_sku: (p) => `SKU "${p.value}" is inactive.`,
  discount_exceeds_line: () => "The discount is larger than the line total (unit price × quantity).",
  order_not_imported: (p) => `Order ${p.order} was not imported because of the errors on row(s) ${p.rows}.`,
  invalid_channel: () => "The chosen channel is not an active CSV channel.",
  capture_failed: (p) => `The order could not be saved: ${p.detail}`,
};

export function csvIssue(row: number, column: string, code: CsvIssueCode, params: CsvIssueParams = {}): CsvIssue {
  return { row, column, code, params, message: MESSAGES[code](params) };
}
