import { describe, it, expect } from "vitest";
import { applyScan, createPackState, isComplete, remaining, type ExpectedPackLine, type PackState } from "./scan-match";

const COFFEE: ExpectedPackLine = { lineId: "l1", sku: "CAFE-500", ean: "7891000315507", productName: "Coffee 500g", quantity: 2 };
const PENCIL: ExpectedPackLine = { lineId: "l2", sku: "LAPIS-HB", ean: "4006381333931", productName: "Pencil HB", quantity: 1 };
const start = (): PackState => createPackState([COFFEE, PENCIL]);

/** Applies codes in order, returning every outcome. */
function scanAll(state: PackState, codes: string[]) {
  const outcomes = [];
  let s = state;
  for (const code of codes) {
    const o = applyScan(s, code);
    outcomes.push(o);
    s = o.state;
  }
  return outcomes;
}

describe("applyScan: accepted scans", () => {
  it("counts one unit per scan of an expected EAN", () => {
    const o = applyScan(start(), "7891000315507");
    expect(o.result).toBe("ACCEPTED");
    expect(o.lineId).toBe("l1");
    expect(o.state.scanned).toEqual({ l1: 1 });
    expect(o.complete).toBe(false);
    expect(o.params).toEqual({
      scanned: "7891000315507",
      sku: "CAFE-500",
      productName: "Coffee 500g",
      lineScanned: 1,
      lineQuantity: 2,
      expectedSkus: "CAFE-500, LAPIS-HB",
      remainingUnits: 2,
    });
  });

  it("completes the package after every unit is scanned", () => {
    const outcomes = scanAll(start(), ["7891000315507", "4006381333931", "7891000315507"]);
    expect(outcomes.map((o) => o.result)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED"]);
    expect(outcomes.map((o) => o.complete)).toEqual([false, false, true]);
    const last = outcomes[2];
    expect(last?.state.scanned).toEqual({ l1: 2, l2: 1 });
    expect(last?.params.expectedSkus).toBe("");
    expect(last?.params.remainingUnits).toBe(0);
    expect(last?.stillExpected).toEqual([]);
  });

  it("accepts GTIN-14, whitespace and scanner line endings", () => {
    expect(applyScan(start(), "07891000315507").lineId).toBe("l1");
    expect(applyScan(start(), " 7891000315507\r\n").lineId).toBe("l1");
    expect(applyScan(start(), "789 1000 315507").lineId).toBe("l1");
    expect(applyScan(start(), "\t4006381333931").lineId).toBe("l2");
  });

  it("matches an EAN-13 with leading zeros against the code without them, both ways", () => {
    const upc: ExpectedPackLine = { lineId: "u", sku: "UPC", ean: "0036000291452", productName: "Tissue", quantity: 2 };
    const s = createPackState([upc]);
    expect(applyScan(s, "036000291452").result).toBe("ACCEPTED");
    expect(applyScan(s, "36000291452").result).toBe("ACCEPTED");
    const stripped = createPackState([{ ...upc, ean: "36000291452" }]);
    expect(applyScan(stripped, "0036000291452").result).toBe("ACCEPTED");
  });

  it("accepts the SKU typed by hand, ignoring case and extra spaces", () => {
    const o = applyScan(start(), "  lapis-hb ");
    expect(o.result).toBe("ACCEPTED");
    expect(o.lineId).toBe("l2");
    const spaced = createPackState([{ ...PENCIL, sku: "LAPIS HB" }]);
    expect(applyScan(spaced, "lapis   hb").result).toBe("ACCEPTED");
  });

  it("fills the first incomplete line when two lines share an EAN", () => {
    const gift: ExpectedPackLine = { ...COFFEE, lineId: "l3", sku: "CAFE-500-GIFT", quantity: 1 };
    const s = createPackState([COFFEE, PENCIL, gift]);
    const outcomes = scanAll(s, ["7891000315507", "7891000315507", "7891000315507", "7891000315507"]);
    expect(outcomes.map((o) => [o.result, o.lineId])).toEqual([
      ["ACCEPTED", "l1"],
      ["ACCEPTED", "l1"],
      ["ACCEPTED", "l3"],
      ["OVER_SCAN", "l1"],
    ]);
    expect(outcomes[3]?.state.scanned).toEqual({ l1: 2, l3: 1 });
  });

  it("does not mutate the previous state", () => {
    const s = start();
    const o = applyScan(s, "7891000315507");
    expect(s.scanned).toEqual({});
    expect(o.state).not.toBe(s);
  });
});

describe("applyScan: refused scans leave the state unchanged", () => {
  it("OVER_SCAN when the line is already complete", () => {
    const [, second] = scanAll(start(), ["4006381333931", "4006381333931"]);
    expect(second?.result).toBe("OVER_SCAN");
    expect(second?.lineId).toBe("l2");
    expect(second?.state.scanned).toEqual({ l2: 1 });
    expect(second?.params).toEqual({
      scanned: "4006381333931",
      sku: "LAPIS-HB",
      productName: "Pencil HB",
      lineScanned: 1,
      lineQuantity: 1,
      expectedSkus: "CAFE-500",
      remainingUnits: 2,
    });
  });

  it("WRONG_ITEM for a valid barcode that is not in the order, naming what is expected", () => {
    const s = applyScan(start(), "7891000315507").state;
    const o = applyScan(s, "5901234123457");
    expect(o.result).toBe("WRONG_ITEM");
    expect(o.lineId).toBeUndefined();
    expect(o.state).toBe(s);
    expect(o.params).toEqual({ scanned: "5901234123457", expectedSkus: "CAFE-500, LAPIS-HB", remainingUnits: 2 });
    expect(o.stillExpected.map((l) => [l.lineId, l.scanned, l.remaining])).toEqual([
      ["l1", 1, 1],
      ["l2", 0, 1],
    ]);
  });

  it("WRONG_ITEM for an unknown SKU typed by hand", () => {
    expect(applyScan(start(), "CANETA-AZUL").result).toBe("WRONG_ITEM");
  });

  it("UNKNOWN_CODE for an empty read or a barcode with a bad check digit", () => {
    expect(applyScan(start(), "   ").result).toBe("UNKNOWN_CODE");
    const bad = applyScan(start(), "7891000315508");
    expect(bad.result).toBe("UNKNOWN_CODE");
    expect(bad.state.scanned).toEqual({});
  });

  it("refusals never complete a package and never count", () => {
    const outcomes = scanAll(start(), ["0000000000000", "5901234123457", "x", "4006381333931", "4006381333931"]);
    expect(outcomes.map((o) => o.result)).toEqual(["WRONG_ITEM", "WRONG_ITEM", "WRONG_ITEM", "ACCEPTED", "OVER_SCAN"]);
    expect(outcomes.at(-1)?.state.scanned).toEqual({ l2: 1 });
    expect(outcomes.every((o) => !o.complete)).toBe(true);
  });
});

describe("remaining / isComplete", () => {
  it("lists lines still missing units with counts", () => {
    const s: PackState = { expected: [COFFEE, PENCIL], scanned: { l1: 1 } };
    expect(remaining(s)).toEqual([
      { ...COFFEE, scanned: 1, remaining: 1 },
      { ...PENCIL, scanned: 0, remaining: 1 },
    ]);
    expect(isComplete(s)).toBe(false);
  });

  it("is complete when every line is scanned, ignoring unknown keys", () => {
    const s: PackState = { expected: [COFFEE, PENCIL], scanned: { l1: 2, l2: 1, other: 5 } };
    expect(remaining(s)).toEqual([]);
    expect(isComplete(s)).toBe(true);
  });

  it("an empty package is never complete", () => {
    expect(isComplete(createPackState([]))).toBe(false);
    expect(applyScan(createPackState([]), "7891000315507").result).toBe("WRONG_ITEM");
  });

  it("lines without an EAN can still be packed by SKU", () => {
    const s = createPackState([{ ...PENCIL, ean: null }]);
    const o = applyScan(s, "LAPIS-HB");
    expect(o.result).toBe("ACCEPTED");
    expect(o.complete).toBe(true);
    expect(applyScan(s, "4006381333931").result).toBe("WRONG_ITEM");
  });
});
