/**
 * Keyset pagination for the orders list: every sort is a (key, id) pair
 * compared as a row value — ("placedAt", id) < ($1, $2) with ORDER BY
 * "placedAt" DESC, id DESC — so page 5,000 costs the same as page 1 and an
 * order inserted meanwhile never shifts or repeats rows. The cursor is the
 * last row's (sort, key, id), base64url-encoded and opaque to clients.
 *
 * Ship-by has NULLs (orders without a promise), listed after the dated ones:
 * it is read in two phases, dated rows by ("shipBy", id) then undated rows by
 * id, each a plain row-value range.
 */
import { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import { ORDER_SORTS, type OrderSort } from "@/server/services/order/order-filters";

/** The sort key of the last row of a page. Dates travel as ISO strings (millisecond precision, like the column). */
export interface Cursor {
  sort: OrderSort;
  key: string | number | null;
  id: string;
}

export interface KeyedRow {
  id: string;
  placedAt: Date;
  totalCents: number;
  shipBy: Date | null;
}

/** One range scan of a page: its extra conditions and its ORDER BY. */
export interface Phase {
  conditions: Prisma.Sql[];
  orderBy: Prisma.Sql;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.key, c.id]), "utf8").toString("base64url");
}

function badCursor(detail: string): DomainError {
  return new DomainError("VALIDATION", `Invalid page cursor (${detail}); reload the list.`, { field: "cursor", detail });
}

/** Parses a cursor made by encodeCursor for the same sort; anything else is a VALIDATION error. */
export function decodeCursor(raw: string, sort: OrderSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw badCursor("not a cursor");
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw badCursor("not a cursor");
  const [s, key, id] = parsed as unknown[];
  if (typeof s !== "string" || !(ORDER_SORTS as readonly string[]).includes(s)) throw badCursor("unknown sort");
  if (s !== sort) throw badCursor("made for another sort");
  if (typeof id !== "string" || !UUID.test(id)) throw badCursor("bad id");
  const isDate = typeof key === "string" && ISO.test(key) && !Number.isNaN(Date.parse(key));
  const ok =
    sort === "total_desc" ? typeof key === "number" && Number.isSafeInteger(key) : sort === "ship_by_asc" ? key === null || isDate : isDate;
  if (!ok) throw badCursor("bad key");
  return { sort, key: key as Cursor["key"], id };
}

export function cursorFor(sort: OrderSort, row: KeyedRow): Cursor {
  const key = sort === "total_desc" ? row.totalCents : sort === "ship_by_asc" ? (row.shipBy?.toISOString() ?? null) : row.placedAt.toISOString();
  return { sort, key, id: row.id };
}

const ts = (iso: string) => Prisma.sql`${iso}::timestamptz`;
const uuid = (id: string) => Prisma.sql`${id}::uuid`;

/** The range scans that make up a page after `cursor`, in order. */
export function phasesFor(sort: OrderSort, cursor: Cursor | null): Phase[] {
  switch (sort) {
    case "placed_desc":
      return [
        {
          conditions: cursor ? [Prisma.sql`(o."placedAt", o.id) < (${ts(String(cursor.key))}, ${uuid(cursor.id)})`] : [],
          orderBy: Prisma.sql`o."placedAt" DESC, o.id DESC`,
        },
      ];
    case "placed_asc":
      return [
        {
          conditions: cursor ? [Prisma.sql`(o."placedAt", o.id) > (${ts(String(cursor.key))}, ${uuid(cursor.id)})`] : [],
          orderBy: Prisma.sql`o."placedAt" ASC, o.id ASC`,
        },
      ];
    case "total_desc":
      return [
        {
          conditions: cursor ? [Prisma.sql`(o."totalCents", o.id) < (${Number(cursor.key)}::int, ${uuid(cursor.id)})`] : [],
          orderBy: Prisma.sql`o."totalCents" DESC, o.id DESC`,
        },
      ];
    case "ship_by_asc": {
      const undated: Phase = {
        conditions: [Prisma.sql`o."shipBy" IS NULL`],
        orderBy: Prisma.sql`o.id ASC`,
      };
      if (cursor && cursor.key === null) {
        return [{ ...undated, conditions: [...undated.conditions, Prisma.sql`o.id > ${uuid(cursor.id)}`] }];
      }
      const dated: Phase = {
        conditions: [
          Prisma.sql`o."shipBy" IS NOT NULL`,
          ...(cursor ? [Prisma.sql`(o."shipBy", o.id) > (${ts(String(cursor.key))}, ${uuid(cursor.id)})`] : []),
        ],
        orderBy: Prisma.sql`o."shipBy" ASC, o.id ASC`,
      };
      return [dated, undated];
    }
  }
}
