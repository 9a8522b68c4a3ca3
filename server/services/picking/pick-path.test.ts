import { describe, it, expect } from "vitest";
import { compareWalkingPath, sortByWalkingPath, type Bin } from "./pick-path";

const bin = (code: string, pickSequence: number, binId = code): Bin => {
  const [zone = "", aisle = "", shelf = "", position = ""] = code.split("-");
  return { binId, code, zone, aisle, shelf, position, pickSequence };
};

describe("sortByWalkingPath", () => {
  it("orders by pickSequence first, whatever the location code says", () => {
    const bins = [bin("A-01-01-01", 30), bin("C-09-01-01", 10), bin("B-02-01-01", 20)];
    expect(sortByWalkingPath(bins).map((b) => b.code)).toEqual(["C-09-01-01", "B-02-01-01", "A-01-01-01"]);
  });

  it("breaks sequence ties by zone, aisle, shelf, position", () => {
    const bins = [
      bin("B-01-01-01", 5),
      bin("A-02-01-01", 5),
      bin("A-01-02-01", 5),
      bin("A-01-01-02", 5),
      bin("A-01-01-01", 5),
    ];
    expect(sortByWalkingPath(bins).map((b) => b.code)).toEqual([
      "A-01-01-01",
      "A-01-01-02",
      "A-01-02-01",
      "A-02-01-01",
      "B-01-01-01",
    ]);
  });

  it("compares location parts naturally (2 before 10) for strings and numbers", () => {
    const strings = [bin("A-10-1-1", 1), bin("A-2-1-1", 1)];
    expect(sortByWalkingPath(strings).map((b) => b.code)).toEqual(["A-2-1-1", "A-10-1-1"]);
    const numeric: Bin[] = [
      { binId: "x", code: "X", zone: "A", aisle: 10, shelf: 1, position: 1, pickSequence: 1 },
      { binId: "y", code: "Y", zone: "A", aisle: 9, shelf: 1, position: 1, pickSequence: 1 },
    ];
    expect(sortByWalkingPath(numeric).map((b) => b.binId)).toEqual(["y", "x"]);
  });

  it("uses the code as the last tie-breaker", () => {
    const a: Bin = { binId: "1", code: "Z-ALT", zone: "A", aisle: "1", shelf: "1", position: "1", pickSequence: 1 };
    const b: Bin = { ...a, binId: "2", code: "A-ALT" };
    expect(sortByWalkingPath([a, b]).map((x) => x.code)).toEqual(["A-ALT", "Z-ALT"]);
    expect(compareWalkingPath(a, a)).toBe(0);
  });

  it("puts bins without a usable sequence last", () => {
    const bins = [bin("A-01-01-01", Number.NaN), bin("B-01-01-01", 99)];
    expect(sortByWalkingPath(bins).map((b) => b.code)).toEqual(["B-01-01-01", "A-01-01-01"]);
  });

  it("sorts any item carrying bin fields and leaves the input untouched", () => {
    const items = [
      { ...bin("A-01-01-02", 2), sku: "second" },
      { ...bin("A-01-01-01", 1), sku: "first" },
    ];
    const sorted = sortByWalkingPath(items);
    expect(sorted.map((i) => i.sku)).toEqual(["first", "second"]);
    expect(items.map((i) => i.sku)).toEqual(["second", "first"]);
  });
});
