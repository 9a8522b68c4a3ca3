/**
 * The columns of the order CSV import. Headers are matched without case,
 * accents, spaces or hyphens ("Preço unitário" = "preco_unitario"), by their
 * English name or their Portuguese alias. "order" columns describe the whole
 * order and must be the same on every row of an order; "line" columns describe
 * one line. Pure: the import page builds its template from it.
 */

export type CsvColumnKey =
  | "channelExternalId"
  | "orderExternalId"
  | "placedAt"
  | "customerName"
  | "customerEmail"
  | "customerPhone"
  | "customerDocument"
  | "addressLine1"
  | "addressLine2"
  | "district"
  | "city"
  | "state"
  | "postalCode"
  | "sku"
  | "quantity"
  | "unitPrice"
  | "discount"
  | "shipping"
  | "currency"
  | "paymentStatus"
  | "paymentMethod"
  | "note";

export interface CsvColumn {
  key: CsvColumnKey;
  /** Header written in templates and reports. */
  name: string;
  /** Portuguese header, also accepted. */
  alias: string;
  level: "order" | "line";
  required: boolean;
  maxLength: number;
}

const col = (key: CsvColumnKey, name: string, alias: string, level: "order" | "line", required: boolean, maxLength = 200): CsvColumn => ({
  key,
  name,
  alias,
  level,
  required,
  maxLength,
});

export const CSV_COLUMNS: readonly CsvColumn[] = [
  col("channelExternalId", "channel_external_id", "pedido_canal", "order", false, 100),
  col("orderExternalId", "order_external_id", "pedido", "order", true, 100),
  col("placedAt", "placed_at", "data_pedido", "order", true, 40),
  col("customerName", "customer_name", "cliente", "order", true),
  col("customerEmail", "customer_email", "email", "order", false),
  col("customerPhone", "customer_phone", "telefone", "order", false, 40),
  col("customerDocument", "customer_document", "cpf_cnpj", "order", false, 30),
  col("addressLine1", "address_line1", "endereco", "order", true),
  col("addressLine2", "address_line2", "complemento", "order", false),
  col("district", "district", "bairro", "order", false, 120),
  col("city", "city", "cidade", "order", true, 120),
  col("state", "state", "uf", "order", true, 10),
  col("postalCode", "postal_code", "cep", "order", true, 10),
  col("sku", "sku", "sku", "line", true, 80),
  col("quantity", "quantity", "quantidade", "line", true, 10),
  col("unitPrice", "unit_price", "preco_unitario", "line", false, 30),
  col("discount", "discount", "desconto", "line", false, 30),
  col("shipping", "shipping", "frete", "order", false, 30),
  col("currency", "currency", "moeda", "order", false, 3),
  col("paymentStatus", "payment_status", "status_pagamento", "order", false, 20),
  col("paymentMethod", "payment_method", "forma_pagamento", "order", false, 60),
  col("note", "note", "observacao", "order", false, 1000),
];

/**
 * The header a language's template writes for a column (the Portuguese alias
 * in pt-BR, the English name otherwise) and the one of the other language,
 * which the import accepts as well. The template and the import help use it,
 * so the help lists the names of the template the reader downloads.
 */
export function templateHeader(column: CsvColumn, locale: string): string {
  return locale === "pt-BR" ? column.alias : column.name;
}

export function otherLanguageHeader(column: CsvColumn, locale: string): string {
  return locale === "pt-BR" ? column.name : column.alias;
}

export const CSV_COLUMN_BY_KEY = Object.fromEntries(CSV_COLUMNS.map((c) => [c.key, c])) as Record<CsvColumnKey, CsvColumn>;

/** "Preço Unitário " → "preco_unitario". */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

const BY_HEADER = new Map<string, CsvColumn>(CSV_COLUMNS.flatMap((c) => [[c.name, c] as const, [c.alias, c] as const]));

export function columnForHeader(header: string): CsvColumn | undefined {
  return BY_HEADER.get(normalizeHeader(header));
}

/** Where a header (as written, or a column's name) stands among the columns; -1 for none (a whole-row or whole-file issue). */
export function columnRank(header: string): number {
  const col = header === "" ? undefined : columnForHeader(header);
  return col ? CSV_COLUMNS.indexOf(col) : -1;
}

/** Payment statuses a CSV may give (Portuguese too). Anything settled (refunded, voided) is not a new order's state. */
export const CSV_PAYMENT_STATUS: Readonly<Record<string, "PENDING" | "AUTHORIZED" | "PAID">> = {
  pending: "PENDING",
  pendente: "PENDING",
  authorized: "AUTHORIZED",
  autorizado: "AUTHORIZED",
  paid: "PAID",
  pago: "PAID",
};
