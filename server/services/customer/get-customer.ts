/**
 * One customer for the customer page: their facts and figures (with the fields
 * a person corrected), the distinct delivery addresses of their orders (most
 * recent first), their edit history (customer-history.ts) and their orders
 * newest first, keyset-paginated on (placedAt, id) — a range of the
 * (customerId, placedAt DESC, id DESC) index.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { Prisma, type OrderStatus } from "@/server/generated/prisma/client";
import { decodeCreatedAtCursor, encodeCreatedAtCursor } from "@/server/lib/created-at-cursor";
import { DomainError } from "@/server/lib/domain-error";
import { customerHistory, type CustomerEdit } from "@/server/services/customer/customer-history";
import { CUSTOMER_EDITABLE_FIELDS, type CustomerEditableField } from "@/server/services/customer/customer-inputs";
import { customerFigures, type CustomerFigures } from "@/server/services/customer/list-customers";

export const getCustomerInput = z.object({
  customerId: z.string().uuid(),
  /** Orders after this cursor (the previous page's nextCursor). */
  cursor: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type GetCustomerInput = z.input<typeof getCustomerInput>;

/** At most this many distinct delivery addresses are shown. */
export const MAX_ADDRESSES = 10;

export interface CustomerAddress {
  name: string | null;
  line1: string;
  line2: string | null;
  district: string | null;
  city: string;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  /** When an order last shipped there. */
  lastUsedAt: Date;
}

export interface CustomerOrderRow {
  id: string;
  number: number;
  channelName: string;
  placedAt: Date;
  status: OrderStatus;
  totalCents: number;
  currency: string;
}

export interface CustomerDetail {
  customer: {
    id: string; name: string; email: string | null; phone: string | null; document: string | null; createdAt: Date;
    /** Corrected by a person: a channel's later order no longer overwrites them. */
    editedFields: CustomerEditableField[];
  };
  figures: CustomerFigures;
  addresses: CustomerAddress[];
  /** The latest edits, newest first. */
  history: CustomerEdit[];
  orders: CustomerOrderRow[];
  nextCursor: string | null;
}

export async function getCustomer(raw: GetCustomerInput): Promise<CustomerDetail> {
  const input = getCustomerInput.parse(raw);
  const after = input.cursor ? decodeCreatedAtCursor(input.cursor) : null;
  const customer = await db.customer.findUnique({
    where: { id: input.customerId },
    select: { id: true, name: true, email: true, phone: true, document: true, createdAt: true, editedFields: true },
  });
  if (!customer) throw new DomainError("NOT_FOUND", `Customer ${input.customerId} not found.`);
  const [figures, addresses, history, orders] = await Promise.all([
    customerFigures([customer.id]),
    deliveryAddresses(customer.id),
    customerHistory(customer.id),
    db.$queryRaw<CustomerOrderRow[]>`
      SELECT o.id, o.number, ch.name AS "channelName", o."placedAt", o.status, o."totalCents", o.currency
      FROM "Order" o JOIN "Channel" ch ON ch.id = o."channelId"
      WHERE o."customerId" = ${customer.id}::uuid
        ${after ? Prisma.sql`AND (o."placedAt", o.id) < (${after.createdAt}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY o."placedAt" DESC, o.id DESC LIMIT ${input.limit + 1}`,
  ]);
  const page = orders.slice(0, input.limit);
  const last = page[page.length - 1];
  const edited = new Set(customer.editedFields);
  return {
    customer: { ...customer, editedFields: CUSTOMER_EDITABLE_FIELDS.filter((f) => edited.has(f)) },
    figures: figures.get(customer.id) ?? { orderCount: 0, spent: [], lastOrderAt: null },
    addresses,
    history,
    orders: page,
    nextCursor: orders.length > input.limit && last ? encodeCreatedAtCursor({ createdAt: last.placedAt, id: last.id }) : null,
  };
}

/** The customer's orders' shipping addresses, one per line1 + postal code + city (case, spaces and CEP punctuation aside), most recently used first. */
async function deliveryAddresses(customerId: string): Promise<CustomerAddress[]> {
  const rows = await db.$queryRaw<{ a: Record<string, unknown>; lastUsedAt: Date }[]>`
    SELECT d.a, d."lastUsedAt" FROM (
      SELECT DISTINCT ON (lower(trim(o."shippingAddress"->>'line1')), regexp_replace(coalesce(o."shippingAddress"->>'postalCode', ''), '\\D', '', 'g'), lower(trim(o."shippingAddress"->>'city')))
             o."shippingAddress" AS a, o."placedAt" AS "lastUsedAt"
      FROM "Order" o
      WHERE o."customerId" = ${customerId}::uuid AND jsonb_typeof(o."shippingAddress") = 'object' AND o."shippingAddress"->>'line1' IS NOT NULL
      ORDER BY lower(trim(o."shippingAddress"->>'line1')), regexp_replace(coalesce(o."shippingAddress"->>'postalCode', ''), '\\D', '', 'g'), lower(trim(o."shippingAddress"->>'city')),
               o."placedAt" DESC, o.id DESC
    ) d
    ORDER BY d."lastUsedAt" DESC LIMIT ${MAX_ADDRESSES}`;
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : null);
  return rows.map(({ a, lastUsedAt }) => ({
    name: text(a.name), line1: text(a.line1) ?? "", line2: text(a.line2), district: text(a.district), city: text(a.city) ?? "",
    state: text(a.state), postalCode: text(a.postalCode), country: text(a.country), lastUsedAt,
  }));
}
