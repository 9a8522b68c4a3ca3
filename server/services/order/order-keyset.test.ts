import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/lib/domain-error";
import type { OrderSort } from "./order-filters";
import { cursorFor, decodeCursor, encodeCursor, phasesFor } from "./order-keyset";

const ID = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const row = { id: ID, placedAt: new Date("2026-03-01T10:00:00.123Z"), totalCents: 12_345, shipBy: null };

describe("keyset cursor", () => {
  it("round-trips each sort's key", () => {
    for (const sort of ["placed_desc", "placed_asc", "total_desc", "ship_by_asc"] as const) {
      const c = cursorFor(sort, row);
      expect(decodeCursor(encodeCursor(c), sort)).toEqual(c);
    }
    expect(cursorFor("placed_desc", row).key).toBe("2026-03-01T10:00:00.123Z");
    expect(cursorFor("total_desc", row).key).toBe(12_345);
    expect(cursorFor("ship_by_asc", row).key).toBeNull();
  });

  it("refuses forged, foreign or mismatched cursors", () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const bad: [string, OrderSort][] = [
      [encodeCursor(cursorFor("placed_desc", row)), "total_desc"], // made for another sort
      ["", "placed_desc"],
      ["%%%", "placed_desc"],
      [b64([1, 2]), "placed_desc"],
      [b64(["placed_desc", "yesterday", ID]), "placed_desc"],
      [b64(["placed_desc", "2026-03-01T10:00:00.123Z", "1 OR 1=1"]), "placed_desc"],
      [b64(["total_desc", 1.5, ID]), "total_desc"],
      [b64(["total_desc", "100", ID]), "total_desc"],
      [b64(["ship_by_asc", 5, ID]), "ship_by_asc"],
    ];
    for (const [raw, sort] of bad) expect(() => decodeCursor(raw, sort), raw).toThrow(DomainError);
  });

  it("reads ship-by in two phases: dated rows, then rows without a date", () => {
    expect(phasesFor("ship_by_asc", null)).toHaveLength(2);
    expect(phasesFor("ship_by_asc", { sort: "ship_by_asc", key: "2026-03-01T10:00:00.000Z", id: ID })).toHaveLength(2);
    expect(phasesFor("ship_by_asc", { sort: "ship_by_asc", key: null, id: ID })).toHaveLength(1);
    expect(phasesFor("placed_desc", null)).toHaveLength(1);
  });
});
