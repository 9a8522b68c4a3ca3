/**
 * The customer list: A–Z by name (case and accents aside, server/lib/text-fold.ts),
 * keyset-paginated on (folded name, id), with a search that finds a customer by the
 * beginning of their name (accents aside: "joao" finds "João") or e-mail, or by their
 * exact CPF/CNPJ. Each search branch is an index scan
 * (folded name / lower(email) text_pattern_ops, document), so a search costs what
 * it finds; the figures (orders, total spent per currency, last order) are computed
 * for the page's customers only, each a range of the (customerId, placedAt DESC, id DESC) index.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { compactDocument } from "@/server/lib/br-documents";
import { foldSql, foldedLikePrefix } from "@/server/lib/text-fold";
import { decodeProductCursor as decodeNameCursor, encodeProductCursor as encodeNameCursor, likePrefix } from "@/server/services/catalog/product-list-query";

const NAME = foldSql("c.name");

export const listCustomersInput = z.object({
  /** Beginning of a name or e-mail, or a whole CPF/CNPJ (with or without punctuation). */
  search: z.string().trim().max(100).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListCustomersInput = z.input<typeof listCustomersInput>;

/** Money per currency: a customer may have bought in several. Integer cents. */
export interface CurrencyTotal {
  currency: string;
  cents: number;
}

export interface CustomerListRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** Compact CPF/CNPJ as stored. */
  document: string | null;
  orderCount: number;
  /** Sum of the totals of the customer's orders that are not cancelled, per currency (A–Z). */
  spent: CurrencyTotal[];
  lastOrderAt: Date | null;
}

export interface CustomerPage {
  rows: CustomerListRow[];
  nextCursor: string | null;
}

/** A search that is a whole CPF (11 digits) or CNPJ (14, alphanumeric base) once punctuation is removed. */
function documentSearch(search: string): string | null {
  const compact = compactDocument(search);
  return /^\d{11}$/.test(compact) || /^[0-9A-Z]{12}\d{2}$/.test(compact) ? compact : null;
}

/** The customers a search finds, as one set of ids: each branch an index scan, so the cost follows the matches. */
function searchCondition(search: string): Prisma.Sql {
  const branches = [
    Prisma.sql`SELECT x.id FROM "Customer" x WHERE ${foldSql("x.name")} LIKE ${foldedLikePrefix(search)}`,
    Prisma.sql`SELECT x.id FROM "Customer" x WHERE lower(x.email) LIKE ${likePrefix(search)}`,
  ];
  const document = documentSearch(search);
  if (document) branches.push(Prisma.sql`SELECT x.id FROM "Customer" x WHERE x.document = ${document}`);
  return Prisma.sql`c.id IN (${Prisma.join(branches, " UNION ALL ")})`;
}

export async function listCustomers(raw: ListCustomersInput): Promise<CustomerPage> {
  const input = listCustomersInput.parse(raw);
  const where: Prisma.Sql[] = [];
  if (input.search) where.push(searchCondition(input.search));
  if (input.cursor) {
    const after = decodeNameCursor(input.cursor);
    where.push(Prisma.sql`(${NAME}, c.id) > (${after.name}, ${after.id}::uuid)`);
  }
  const customers = await db.$queryRaw<{ id: string; name: string; email: string | null; phone: string | null; document: string | null; key: string }[]>`
    SELECT c.id, c.name, c.email, c.phone, c.document, ${NAME} AS key FROM "Customer" c
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
    ORDER BY ${NAME}, c.id LIMIT ${input.limit + 1}`;
  const page = customers.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor = customers.length > input.limit && last ? encodeNameCursor({ name: last.key, id: last.id }) : null;
  const figures = await customerFigures(page.map((c) => c.id));
  return {
    rows: page.map(({ key: _key, ...c }) => {
      const f = figures.get(c.id);
      return { ...c, orderCount: f?.orderCount ?? 0, spent: f?.spent ?? [], lastOrderAt: f?.lastOrderAt ?? null };
    }),
    nextCursor,
  };
}

export interface CustomerFigures {
  orderCount: number;
  spent: CurrencyTotal[];
  lastOrderAt: Date | null;
}

/** Per customer of the page: order count, last order and non-cancelled totals per currency, each a range of the customer's index entries. */
export async function customerFigures(customerIds: string[]): Promise<Map<string, CustomerFigures>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ customerId: string; currency: string | null; orders: number; spent: number; last: Date | null }[]>`
    SELECT o."customerId", o.currency, count(*)::int AS orders,
           COALESCE(sum(o."totalCents") FILTER (WHERE o.status <> 'CANCELLED'), 0)::bigint AS spent,
           max(o."placedAt") AS last
    FROM "Order" o
    WHERE o."customerId" = ANY(${customerIds}::uuid[])
    GROUP BY o."customerId", o.currency
    ORDER BY o."customerId", o.currency`;
  const out = new Map<string, CustomerFigures>();
  for (const r of rows) {
    const f = out.get(r.customerId) ?? { orderCount: 0, spent: [], lastOrderAt: null };
    f.orderCount += r.orders;
    const cents = Number(r.spent);
    if (r.currency !== null && cents !== 0) f.spent.push({ currency: r.currency, cents });
    if (r.last && (!f.lastOrderAt || r.last > f.lastOrderAt)) f.lastOrderAt = r.last;
    out.set(r.customerId, f);
  }
  return out;
}
