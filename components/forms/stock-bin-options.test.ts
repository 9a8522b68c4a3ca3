import { describe, expect, it } from "vitest";
import {
  adjustBins, binGroups, defaultAdjustWarehouse, searchBins, transferSources, transferTargets, type BinOption, type WarehouseOption,
} from "@/components/forms/stock-bin-options";

const bin = (warehouseId: string, code: string, zone: string, onHand = 0, unavailable = 0): BinOption => ({
  binId: `${warehouseId}:${code}`, code, zone, warehouseId, warehouseCode: warehouseId, onHand, unavailable, damaged: unavailable, quarantine: 0, qc: 0,
});
// Bins in walking-path order, as the page passes them.
const sp: WarehouseOption = {
  id: "SP1", code: "SP1", name: "São Paulo",
  bins: [bin("SP1", "A-01", "A"), bin("SP1", "A-02", "A", 4), bin("SP1", "B-01", "B"), bin("SP1", "B-02", "B", 2, 2), bin("SP1", "C-01", "C", 1)],
};
const rj: WarehouseOption = { id: "RJ1", code: "RJ1", name: "Rio", bins: [bin("RJ1", "A-01", "A"), bin("RJ1", "A-02", "A", 7)] };
const empty: WarehouseOption = { id: "MG1", code: "MG1", name: "Minas", bins: [bin("MG1", "A-01", "A")] };
const codes = (bins: BinOption[]) => bins.map((b) => b.binId);

describe("bins of the count form", () => {
  it("lists only the chosen warehouse's bins: those holding the SKU first, then the rest, each in walking-path order", () => {
    expect(codes(adjustBins(sp))).toEqual(["SP1:A-02", "SP1:B-02", "SP1:C-01", "SP1:A-01", "SP1:B-01"]);
    expect(codes(adjustBins(rj))).toEqual(["RJ1:A-02", "RJ1:A-01"]);
    expect(adjustBins(undefined)).toEqual([]);
  });

  it("starts in the first warehouse where the SKU has units", () => {
    expect(defaultAdjustWarehouse([empty, rj, sp])).toBe("RJ1");
    expect(defaultAdjustWarehouse([empty])).toBe("MG1");
    expect(defaultAdjustWarehouse([])).toBe("");
  });
});

describe("bins of the transfer form", () => {
  it("takes only from bins holding sellable units of the SKU, with every warehouse's", () => {
    // SP1/B-02 holds 2, both damaged: nothing there can be moved.
    expect(codes(transferSources([sp, rj, empty]))).toEqual(["SP1:A-02", "SP1:C-01", "RJ1:A-02"]);
  });

  it("puts into the destination warehouse's bins, never the source bin", () => {
    expect(codes(transferTargets(sp, "SP1:A-02"))).toEqual(["SP1:A-01", "SP1:B-01", "SP1:B-02", "SP1:C-01"]);
    expect(codes(transferTargets(rj, "SP1:A-02"))).toEqual(["RJ1:A-01", "RJ1:A-02"]);
  });
});

describe("long bin lists", () => {
  it("search by bin or zone code, without case or accents, keeping the chosen bin", () => {
    expect(codes(searchBins(sp.bins, "b-0"))).toEqual(["SP1:B-01", "SP1:B-02"]);
    expect(codes(searchBins(sp.bins, "  c "))).toEqual(["SP1:C-01"]);
    expect(codes(searchBins(sp.bins, "zzz", "SP1:A-01"))).toEqual(["SP1:A-01"]);
    expect(searchBins(sp.bins, "")).toHaveLength(5);
    const accented = [{ ...bin("SP1", "X-1", "Expedição") }];
    expect(searchBins(accented, "expedicao")).toHaveLength(1);
  });

  it("group by zone, with the bins holding the SKU first when asked", () => {
    expect(binGroups(adjustBins(sp), true).map((g) => [g.zone, codes(g.bins)])).toEqual([
      [null, ["SP1:A-02", "SP1:B-02", "SP1:C-01"]],
      ["A", ["SP1:A-01"]],
      ["B", ["SP1:B-01"]],
    ]);
    expect(binGroups(sp.bins, false).map((g) => [g.zone, g.bins.length])).toEqual([["A", 2], ["B", 2], ["C", 1]]);
  });
});
