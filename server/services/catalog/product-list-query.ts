/**
 * The pure parts of the product list's query (list-products.ts): the keyset
 * cursor, and the search turned into index-friendly prefixes.
 */
import { DomainError } from "@/server/lib/domain-error";

/** The position after which the next page starts: the last row's lower(name) and id. */
export interface ProductKey {
  name: string;
  id: string;
}

export function encodeProductCursor(key: ProductKey): string {
  return Buffer.from(JSON.stringify([key.name, key.id]), "utf8").toString("base64url");
}

/** The key in a cursor; a forged one is a VALIDATION error on the `cursor` field. */
export function decodeProductCursor(cursor: string): ProductKey {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof name === "string" && typeof id === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return { name, id };
  } catch {
    // not JSON: refused below
  }
  throw new DomainError("VALIDATION", "Invalid page cursor; reload the list.", { field: "cursor", detail: "cursor" });
}

/** A LIKE pattern for "starts with `text`", case aside, with % _ \ taken literally. */
export function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The EANs that start with `digits`, as a range the unique EAN index can walk
 * in any collation (digit strings sort the same in all of them): "789" → ≥ "789"
 * and < "79"; "99" has no upper end.
 */
export function eanPrefixRange(digits: string): { from: string; to: string | null } {
  const head = digits.replace(/9+$/, "");
  if (head === "") return { from: digits, to: null };
  return { from: digits, to: `${head.slice(0, -1)}${Number(head[head.length - 1]) + 1}` };
}
