/** What the order-entry screens pick from: active SKUs, and the channels orders can be entered or imported into. */
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

export interface SkuOption {
  id: string;
  code: string;
  name: string;
  ean: string | null;
  priceCents: number;
}

export interface ChannelOption {
  id: string;
  name: string;
  defaultCurrency: string;
}

const SKU_SELECT = { id: true, code: true, name: true, ean: true, priceCents: true } as const;

/** `s` as a literal LIKE pattern: \, % and _ escaped (backslash is LIKE's default escape character). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Active SKUs whose code starts with `query`, case-insensitively. Written as
 * `lower(code) LIKE lower($1) || '%'` so it can use Sku_code_lower_idx
 * (lower(code) text_pattern_ops); Prisma's `startsWith` + `mode: insensitive`
 * becomes ILIKE, which that index cannot serve.
 */
export function skuCodePrefixQuery(query: string, limit: number): Prisma.Sql {
  return Prisma.sql`SELECT id, code, name, ean, "priceCents" FROM "Sku"
    WHERE active AND lower(code) LIKE lower(${escapeLike(query)}) || '%'
    ORDER BY code LIMIT ${limit}`;
}

/**
 * Active SKUs for the line picker: code prefix matches first (what people type
 * at the counter), then name or EAN matches, `limit` at most.
 */
export async function lookupSkusForEntry(opts: { query: string; limit?: number }): Promise<SkuOption[]> {
  const q = opts.query.trim();
  const limit = opts.limit ?? 20;
  if (q === "") return [];
  const byCode = await db.$queryRaw<SkuOption[]>(skuCodePrefixQuery(q, limit));
  if (byCode.length >= limit) return byCode;
  const other: Prisma.SkuWhereInput[] = [{ name: { contains: q, mode: "insensitive" } }];
  if (/^\d+$/.test(q)) other.push({ ean: { startsWith: q } });
  const rest = await db.sku.findMany({
    where: { active: true, OR: other, id: { notIn: byCode.map((s) => s.id) } },
    select: SKU_SELECT,
    orderBy: { code: "asc" },
    take: limit - byCode.length,
  });
  return [...byCode, ...rest];
}

export async function listManualChannels(): Promise<ChannelOption[]> {
  return db.channel.findMany({
    where: { platform: "MANUAL", active: true },
    select: { id: true, name: true, defaultCurrency: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Active CSV channels an import may go to (the first import creates one when there is none). */
export async function listImportChannels(): Promise<ChannelOption[]> {
  return db.channel.findMany({
    where: { platform: "CSV", active: true },
    select: { id: true, name: true, defaultCurrency: true },
    orderBy: { createdAt: "asc" },
  });
}
