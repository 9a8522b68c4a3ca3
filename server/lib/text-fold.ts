/**
 * Names compared the way people type them: case and Portuguese accents aside,
 * so "joao" finds "João" and "Fábio" sorts before "Francisco" in any database
 * collation (PGlite's C collation included).
 *
 * The database side is `translate(lower(x), FOLD_FROM, FOLD_TO)`: immutable
 * functions only (no extension), so expression indexes can serve it on any
 * PostgreSQL-compatible engine. Those indexes are written out in migration
 * 20261129071500_accent_insensitive_names with these exact strings; change
 * one, change the other (text-fold.int.test.ts checks the planner still uses them).
 */
import { Prisma } from "@/server/generated/prisma/client";

export { FOLD_FROM, FOLD_TO, foldText } from "@/server/lib/fold-letters";
import { FOLD_FROM, FOLD_TO, foldText } from "@/server/lib/fold-letters";

/** The folded column, e.g. foldSql('c."name"'): raw SQL so it matches the index expression. `column` is a trusted identifier. */
export function foldSql(column: string): Prisma.Sql {
  if (!/^[a-z]+\.("[A-Za-z]+"|[a-z]+)$|^"[A-Za-z]+"$/.test(column)) throw new Error(`foldSql: not a column reference: ${column}`);
  return Prisma.raw(`translate(lower(${column}), '${FOLD_FROM}', '${FOLD_TO}')`);
}

/** A LIKE pattern for "starts with `text`", folded, with % _ \ taken literally. */
export function foldedLikePrefix(text: string): string {
  return `${foldText(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
