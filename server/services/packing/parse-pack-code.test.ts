import { describe, expect, it } from "vitest";
import { cleanCode, parsePackCode, toteLabel } from "./parse-pack-code";

describe("parsePackCode", () => {
  it("reads our order number with or without #, and keeps the texts for the channel's numbers", () => {
    expect(parsePackCode("#1042")).toEqual({ kind: "order", number: 1042, id: null, texts: ["#1042", "1042"] });
    expect(parsePackCode("1042\r\n")).toEqual({ kind: "order", number: 1042, id: null, texts: ["1042", "#1042"] });
    expect(parsePackCode("# 7")).toMatchObject({ number: 7 });
  });

  it("reads tote labels in the forms people type them", () => {
    for (const code of ["PL12-T3", "pl12-t3", " PL 12 - T 03 ", "PL12T3", "PL-12-T3"]) {
      expect(parsePackCode(code), code).toEqual({ kind: "tote", pickListNumber: 12, tote: 3 });
    }
    expect(parsePackCode(toteLabel(481, 12))).toEqual({ kind: "tote", pickListNumber: 481, tote: 12 });
  });

  it("does not take marketplace numbers beyond int4 as our order number", () => {
    const code = parsePackCode("2000001234567890");
    expect(code).toEqual({ kind: "order", number: null, id: null, texts: ["2000001234567890", "#2000001234567890"] });
  });

  it("recognises an order id and any other text as a channel reference", () => {
    const id = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
    expect(parsePackCode(id)).toMatchObject({ kind: "order", number: null, id: id.toLowerCase() });
    expect(parsePackCode("MLB-998877")).toEqual({ kind: "order", number: null, id: null, texts: ["MLB-998877"] });
  });

  it("returns null when nothing was read", () => {
    expect(parsePackCode("")).toBeNull();
    expect(parsePackCode(" \t\r\n")).toBeNull();
    expect(cleanCode("\t 789\r")).toBe("789");
  });
});
