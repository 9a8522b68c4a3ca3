import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/exceptions.en.json";
import pt from "@/server/i18n/messages/exceptions.pt-BR.json";
import { EXCEPTION_TYPES } from "@/server/services/exceptions/exception-types";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

describe("exception types", () => {
  it("every type has a label in both languages", () => {
    for (const type of EXCEPTION_TYPES) {
      expect(en.exceptions.types, type).toHaveProperty(type);
      expect(pt.exceptions.types, type).toHaveProperty(type);
    }
  });

  it("every type the services raise is a known type (so /exceptions labels, counts and filters it)", () => {
    const raised = new Set<string>();
    for (const file of sources(path.resolve("server"))) {
      const text = readFileSync(file, "utf8");
      // SQL: INSERT INTO "Exception" … SELECT 'TYPE', … [UNION ALL SELECT 'TYPE', …] RETURNING   Prisma: exception.create({ data: { type: "TYPE" …
      for (const insert of text.matchAll(/INSERT INTO "Exception" \([^)]*\)[\s\S]*?RETURNING/g)) {
        for (const m of insert[0].matchAll(/SELECT '([A-Z_]+)'/g)) raised.add(m[1] as string);
      }
      for (const m of text.matchAll(/exception\.create(?:Many)?\(\{\s*data:\s*\{\s*type:\s*"([A-Z_]+)"/g)) raised.add(m[1] as string);
    }
    // the scan sees both kinds of writers
    expect([...raised]).toEqual(expect.arrayContaining(["ORDER_BACKORDERED", "UNKNOWN_SKU", "STOCK_RESERVATION_FAILED"]));
    for (const type of raised) expect(EXCEPTION_TYPES as readonly string[], type).toContain(type);
  });
});
