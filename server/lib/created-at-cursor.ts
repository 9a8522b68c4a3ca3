/**
 * Keyset paging "newest first" over (createdAt, id), shared by the lists that
 * page that way (shipments, exceptions): an opaque cursor for the last row seen.
 */
import { DomainError } from "@/server/lib/domain-error";

export interface CreatedAtKey {
  createdAt: Date;
  id: string;
}

export function encodeCreatedAtCursor(row: CreatedAtKey): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`, "utf8").toString("base64url");
}

/** The key in a cursor; a forged or stale one is a VALIDATION error on the `cursor` field. */
export function decodeCreatedAtCursor(cursor: string): CreatedAtKey {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (Number.isNaN(createdAt.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new DomainError("VALIDATION", "Invalid page cursor.", { detail: "cursor", field: "cursor", rule: "PAGE_CURSOR" });
  }
  return { createdAt, id };
}
