/**
 * The letters folded for comparisons, case and Portuguese accents aside: pure,
 * so browser code (the catalogue forms' rules) can use it; the SQL side and
 * the search helpers are in text-fold.ts.
 */

/** Upper case too: lower() leaves non-ASCII letters alone under the C collation. */
export const FOLD_FROM = "ÁÀÂÃÄÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑáàâãäéèêëíìîïóòôõöúùûüçñ";
export const FOLD_TO = "aaaaaeeeeiiiiooooouuuucnaaaaaeeeeiiiiooooouuuucn";

const MAP = new Map([...FOLD_FROM].map((c, i) => [c, FOLD_TO[i] as string]));

/** The folded form of a text, as the database computes it for the letters Portuguese uses. */
export function foldText(text: string): string {
  return [...text.normalize("NFC").toLowerCase()].map((c) => MAP.get(c) ?? c).join("");
}
