import { describe, it, expect } from "vitest";
import { DomainError } from "@/server/lib/domain-error";
import {
  BRAZIL_REGIONS,
  BRAZIL_UFS,
  UF_REGION,
  allocate,
  reallocate,
  regionOfUf,
  type AllocationInput,
  type AllocationWarehouse,
} from "./allocation";

const wh = (id: string, state: string, extra: Partial<AllocationWarehouse> = {}): AllocationWarehouse => ({
  id,
  code: id.toUpperCase(),
  name: `Warehouse ${id}`,
  state,
  active: true,
  ...extra,
});

const LINES = [
  { lineId: "l1", sku: "A", quantity: 1 },
  { lineId: "l2", sku: "B", quantity: 2 },
  { lineId: "l3", sku: "C", quantity: 3 },
];
const FULL = { A: 1, B: 2, C: 3 };

function input(
  warehouses: AllocationWarehouse[],
  availability: AllocationInput["availability"],
  opts: { allowSplit?: boolean; destinationState?: string; lines?: AllocationInput["order"]["lines"] } = {},
): AllocationInput {
  return {
    order: { destinationState: opts.destinationState ?? "SP", lines: opts.lines ?? LINES },
    warehouses,
    availability,
    allowSplit: opts.allowSplit ?? true,
  };
}

const codes = (r: ReturnType<typeof allocate>) => r.reasons.map((x) => x.code);
const decisive = (r: ReturnType<typeof allocate>) => r.reasons.filter((x) => x.decisive).map((x) => x.code);

describe("region map", () => {
  it("covers all 27 UFs with the five macro-regions", () => {
    expect(BRAZIL_UFS).toHaveLength(27);
    expect(new Set(BRAZIL_UFS).size).toBe(27);
    const count = (region: string) => Object.values(UF_REGION).filter((r) => r === region).length;
    expect(BRAZIL_REGIONS.map(count)).toEqual([7, 9, 4, 4, 3]);
    expect(UF_REGION.SP).toBe("Sudeste");
    expect(UF_REGION.DF).toBe("Centro-Oeste");
    expect(UF_REGION.AM).toBe("Norte");
    expect(UF_REGION.PE).toBe("Nordeste");
    expect(UF_REGION.SC).toBe("Sul");
  });

  it("normalises case and whitespace and rejects unknown codes", () => {
    expect(regionOfUf(" rj ")).toBe("Sudeste");
    expect(regionOfUf("XX")).toBeUndefined();
    expect(regionOfUf("toString")).toBeUndefined();
  });
});

describe("allocate: single warehouse ranking", () => {
  it("rule 1: a warehouse with every line beats a nearer one missing a line", () => {
    const r = allocate(input([wh("sp", "SP"), wh("pr", "PR")], { sp: { A: 1, B: 2, C: 2 }, pr: FULL }));
    expect(r.shipments).toEqual([{ warehouseId: "pr", lines: LINES }]);
    expect(r.backordered).toEqual([]);
    expect(decisive(r)).toEqual(["HAS_ALL_LINES"]);
    expect(codes(r)).toEqual(["HAS_ALL_LINES", "OTHER_REGION"]);
    expect(r.summary).toBe("PR warehouse: has all 3 lines, different region from customer");
  });

  it("rule 2: same state beats same region", () => {
    const r = allocate(input([wh("rj", "RJ"), wh("sp", "SP")], { rj: { A: 9, B: 9, C: 9 }, sp: FULL }));
    expect(r.shipments.map((s) => s.warehouseId)).toEqual(["sp"]);
    expect(decisive(r)).toEqual(["SAME_STATE"]);
    expect(r.summary).toBe("SP warehouse: has all 3 lines, same state as customer");
  });

  it("rule 2: same region beats another region, whatever the stock", () => {
    const r = allocate(input([wh("pr", "PR"), wh("mg", "MG")], { pr: { A: 99, B: 99, C: 99 }, mg: FULL }));
    expect(r.shipments.map((s) => s.warehouseId)).toEqual(["mg"]);
    expect(r.reasons.find((x) => x.decisive)).toEqual({
      code: "SAME_REGION",
      warehouseId: "mg",
      params: { warehouse: "MG", state: "MG", region: "Sudeste", destinationState: "SP" },
      decisive: true,
    });
    expect(r.summary).toBe("MG warehouse: has all 3 lines, same region as customer (Sudeste)");
  });

  it("uses the warehouse's region field when its state is not a UF", () => {
    const r = allocate(input([wh("pr", "PR"), wh("x", "", { region: "sudeste" })], { pr: FULL, x: FULL }));
    expect(r.shipments.map((s) => s.warehouseId)).toEqual(["x"]);
    expect(decisive(r)).toEqual(["SAME_REGION"]);
  });

  it("rule 3: most total available of the ordered SKUs among equally near warehouses", () => {
    const r = allocate(
      input([wh("sp-a", "SP"), wh("sp-b", "SP")], { "sp-a": FULL, "sp-b": { A: 5, B: 2, C: 3, Z: 1000 } }),
    );
    expect(r.shipments.map((s) => s.warehouseId)).toEqual(["sp-b"]);
    expect(r.reasons.find((x) => x.code === "MOST_AVAILABLE")).toEqual({
      code: "MOST_AVAILABLE",
      warehouseId: "sp-b",
      params: { warehouse: "SP-B", available: 10, runnerUp: "SP-A", runnerUpAvailable: 6 },
      decisive: true,
    });
    expect(r.summary).toBe("SP-B warehouse: has all 3 lines, same state as customer, most stock available (10 units)");
  });

  it("rule 4: code ascending when everything else ties, independent of input order", () => {
    const ws = [wh("sp-c", "SP"), wh("sp-a", "SP"), wh("sp-b", "SP")];
    const avail = { "sp-a": FULL, "sp-b": FULL, "sp-c": FULL };
    const r = allocate(input(ws, avail));
    expect(r.shipments.map((s) => s.warehouseId)).toEqual(["sp-a"]);
    expect(r.reasons.find((x) => x.decisive)).toEqual({
      code: "TIE_BREAK_CODE",
      warehouseId: "sp-a",
      params: { warehouse: "SP-A", runnerUp: "SP-B" },
      decisive: true,
    });
    expect(allocate(input([...ws].reverse(), avail))).toEqual(r);
    expect(allocate(input(ws, avail))).toEqual(r);
  });

  it("counts lines of the same SKU together when checking 'has all lines'", () => {
    const lines = [
      { lineId: "x1", sku: "A", quantity: 3 },
      { lineId: "x2", sku: "A", quantity: 3 },
    ];
    const r = allocate(input([wh("sp", "SP"), wh("pr", "PR")], { sp: { A: 4 }, pr: { A: 6 } }, { lines }));
    expect(r.shipments).toEqual([{ warehouseId: "pr", lines }]);
  });

  it("has no decisive reason with a single candidate", () => {
    const r = allocate(input([wh("sp", "SP")], { sp: FULL }));
    expect(decisive(r)).toEqual([]);
    expect(codes(r)).toEqual(["HAS_ALL_LINES", "SAME_STATE"]);
  });
});

describe("allocate: inactive and excluded warehouses", () => {
  it("never chooses an inactive warehouse", () => {
    const r = allocate(input([wh("sp", "SP", { active: false }), wh("pr", "PR")], { sp: FULL, pr: FULL }));
    expect(r.shipments.map((s) => s.warehouseId)).toEqual(["pr"]);
    expect(r.reasons[0]).toEqual({ code: "INACTIVE_SKIPPED", warehouseId: "sp", params: { warehouse: "SP" } });
  });

  it("backorders everything when no warehouse is active", () => {
    const r = allocate(input([wh("sp", "SP", { active: false })], { sp: FULL }));
    expect(r.shipments).toEqual([]);
    expect(r.backordered).toEqual(LINES);
    expect(codes(r)).toEqual(["INACTIVE_SKIPPED", "NO_ACTIVE_WAREHOUSE"]);
    expect(r.summary).toBe("No active warehouse: all 3 lines backordered");
  });

  it("reallocate skips the excluded warehouse and picks the next best", () => {
    const inp = input([wh("sp", "SP"), wh("rj", "RJ"), wh("pr", "PR")], { sp: FULL, rj: FULL, pr: FULL });
    expect(allocate(inp).shipments.map((s) => s.warehouseId)).toEqual(["sp"]);
    const r = reallocate(inp, ["sp"]);
    expect(r.shipments.map((s) => s.warehouseId)).toEqual(["rj"]);
    expect(r.reasons[0]).toEqual({ code: "EXCLUDED", warehouseId: "sp", params: { warehouse: "SP" } });
    expect(reallocate(inp, ["sp", "rj"]).shipments.map((s) => s.warehouseId)).toEqual(["pr"]);
    expect(codes(reallocate(inp, ["sp", "rj", "pr"]))).toContain("NO_ACTIVE_WAREHOUSE");
  });

  it("reallocate can turn a single shipment into a split", () => {
    const inp = input([wh("sp", "SP"), wh("rj", "RJ"), wh("mg", "MG")], {
      sp: FULL,
      rj: { A: 1, B: 2 },
      mg: { C: 3 },
    });
    const r = reallocate(inp, ["sp"]);
    // RJ and MG are equally near and hold 3 units each: MG goes first by code.
    expect(r.shipments).toEqual([
      { warehouseId: "mg", lines: [LINES[2]] },
      { warehouseId: "rj", lines: [LINES[0], LINES[1]] },
    ]);
  });
});

describe("allocate: splitting", () => {
  const ws = [wh("sp", "SP"), wh("rj", "RJ"), wh("ba", "BA")];
  const avail = { sp: { A: 1, B: 2 }, rj: { C: 3 }, ba: { C: 10 } };

  it("splits over the fewest, nearest warehouses and keeps lines whole", () => {
    const r = allocate(input(ws, avail));
    expect(r.shipments).toEqual([
      { warehouseId: "sp", lines: [LINES[0], LINES[1]] },
      { warehouseId: "rj", lines: [LINES[2]] },
    ]);
    expect(r.backordered).toEqual([]);
    expect(codes(r)).toEqual(["SPLIT_REQUIRED", "SAME_STATE", "SAME_REGION", "NEAREST_COMBINATION"]);
    expect(r.reasons.find((x) => x.code === "NEAREST_COMBINATION")?.params).toEqual({
      warehouses: "RJ, SP",
      runnerUp: "BA, SP",
    });
    expect(r.summary).toBe(
      "Split into 2 shipments: SP warehouse (2 lines), RJ warehouse (1 line); no single warehouse has all 3 lines",
    );
  });

  it("prefers two far warehouses over three near ones", () => {
    const r = allocate(
      input([wh("sp-a", "SP"), wh("sp-b", "SP"), wh("rj", "RJ"), wh("pr", "PR"), wh("ba", "BA")], {
        "sp-a": { A: 1 },
        "sp-b": { B: 2 },
        rj: { C: 3 },
        pr: { A: 1, B: 2 },
        ba: { C: 3 },
      }),
    );
    expect(r.shipments.map((s) => s.warehouseId)).toEqual(["rj", "pr"]);
  });

  it("splits a line's quantity only when no warehouse has enough of it", () => {
    const lines = [{ lineId: "big", sku: "A", quantity: 10 }];
    const r = allocate(input([wh("sp-a", "SP"), wh("sp-b", "SP")], { "sp-a": { A: 5 }, "sp-b": { A: 6 } }, { lines }));
    expect(r.shipments).toEqual([
      { warehouseId: "sp-b", lines: [{ lineId: "big", sku: "A", quantity: 6 }] },
      { warehouseId: "sp-a", lines: [{ lineId: "big", sku: "A", quantity: 4 }] },
    ]);
    expect(r.reasons.find((x) => x.code === "LINE_SPLIT")?.params).toEqual({
      lineId: "big",
      sku: "A",
      quantity: 10,
      warehouses: 2,
    });
  });

  it("places larger lines first so same-SKU lines stay whole", () => {
    const lines = [
      { lineId: "small", sku: "A", quantity: 3 },
      { lineId: "large", sku: "A", quantity: 5 },
    ];
    const r = allocate(input([wh("sp-a", "SP"), wh("sp-b", "SP")], { "sp-a": { A: 5 }, "sp-b": { A: 3 } }, { lines }));
    expect(r.shipments).toEqual([
      { warehouseId: "sp-a", lines: [{ lineId: "large", sku: "A", quantity: 5 }] },
      { warehouseId: "sp-b", lines: [{ lineId: "small", sku: "A", quantity: 3 }] },
    ]);
    expect(codes(r)).not.toContain("LINE_SPLIT");
  });

  it("breaks ties between equal combinations by availability, then code", () => {
    const base = [wh("sp", "SP"), wh("rj-a", "RJ"), wh("rj-b", "RJ")];
    const byStock = allocate(input(base, { sp: { A: 1, B: 2 }, "rj-a": { C: 3 }, "rj-b": { C: 4 } }));
    expect(byStock.shipments.map((s) => s.warehouseId)).toEqual(["sp", "rj-b"]);
    expect(decisive(byStock)).toEqual(["MOST_AVAILABLE"]);
    const byCode = allocate(input(base, { sp: { A: 1, B: 2 }, "rj-a": { C: 3 }, "rj-b": { C: 3 } }));
    expect(byCode.shipments.map((s) => s.warehouseId)).toEqual(["sp", "rj-a"]);
    expect(decisive(byCode)).toEqual(["TIE_BREAK_CODE"]);
  });

  it("falls back to a greedy cover beyond the exact search limit", () => {
    const many = Array.from({ length: 13 }, (_, i) => wh(`w${String(i).padStart(2, "0")}`, "SP"));
    const avail = Object.fromEntries(many.map((w) => [w.id, { A: 1 }]));
    const lines = [{ lineId: "l", sku: "A", quantity: 3 }];
    const r = allocate(input(many, avail, { lines }));
    expect(codes(r)[0]).toBe("GREEDY_SEARCH");
    expect(r.shipments.map((s) => s.warehouseId)).toEqual(["w00", "w01", "w02"]);
    expect(r.backordered).toEqual([]);
  });
});

describe("allocate: backorders", () => {
  const ws = [wh("sp", "SP"), wh("rj", "RJ")];
  const avail = { sp: { A: 1, B: 2 }, rj: { C: 3 } };

  it("without split, ships what the best single warehouse has and backorders the rest", () => {
    const r = allocate(input(ws, avail, { allowSplit: false }));
    expect(r.shipments).toEqual([{ warehouseId: "sp", lines: [LINES[0], LINES[1]] }]);
    expect(r.backordered).toEqual([LINES[2]]);
    // SP and RJ can each ship 3 units: proximity decides.
    expect(codes(r)).toEqual(["SPLIT_NOT_ALLOWED", "SAME_STATE", "PARTIAL_BACKORDER"]);
    expect(decisive(r)).toEqual(["SAME_STATE"]);
    expect(r.reasons.at(-1)?.params).toEqual({ lines: 1, units: 3 });
    expect(r.summary).toBe(
      "SP warehouse: ships 2 of 3 lines, same state as customer; 1 line (3 units) backordered (splitting not allowed)",
    );
  });

  it("prefers the warehouse that ships most units over a nearer one", () => {
    const r = allocate(input([wh("sp", "SP"), wh("ba", "BA")], { sp: { A: 1 }, ba: { B: 2, C: 2 } }, { allowSplit: false }));
    expect(r.shipments).toEqual([
      { warehouseId: "ba", lines: [LINES[1], { lineId: "l3", sku: "C", quantity: 2 }] },
    ]);
    expect(r.backordered).toEqual([LINES[0], { lineId: "l3", sku: "C", quantity: 1 }]);
    expect(decisive(r)).toEqual(["MOST_UNITS"]);
    expect(r.summary).toBe(
      "BA warehouse: ships 2 of 3 lines, different region from customer, can ship the most units; 2 lines (2 units) backordered (not enough stock in all warehouses together)",
    );
  });

  it("when even a split cannot fill, uses the best single warehouse", () => {
    const r = allocate(input(ws, { sp: { A: 1, B: 1 }, rj: { C: 3 } }));
    expect(r.shipments).toEqual([{ warehouseId: "rj", lines: [LINES[2]] }]);
    expect(r.backordered).toEqual([LINES[0], LINES[1]]);
    expect(r.reasons[0]).toEqual({ code: "INSUFFICIENT_STOCK", params: { units: 1 } });
    expect(r.summary).toContain("(not enough stock in all warehouses together)");
  });

  it("backorders everything when there is no stock anywhere", () => {
    const r = allocate(input(ws, {}));
    expect(r.shipments).toEqual([]);
    expect(r.backordered).toEqual(LINES);
    expect(codes(r)).toEqual(["INSUFFICIENT_STOCK", "NO_STOCK"]);
    expect(r.summary).toBe("No stock in any active warehouse: all 3 lines backordered");
  });

  it("treats negative or fractional availability safely", () => {
    const lines = [{ lineId: "l", sku: "A", quantity: 2 }];
    const r = allocate(input([wh("sp", "SP"), wh("rj", "RJ")], { sp: { A: -5 }, rj: { A: 2.9 } }, { lines }));
    expect(r.shipments).toEqual([{ warehouseId: "rj", lines }]);
  });
});

describe("allocate: input handling", () => {
  it("rejects negative or fractional quantities", () => {
    const bad = (quantity: number) => () =>
      allocate(input([wh("sp", "SP")], { sp: FULL }, { lines: [{ lineId: "l", sku: "A", quantity }] }));
    expect(bad(-1)).toThrow(DomainError);
    expect(bad(1.5)).toThrow(/Invalid quantity/);
  });

  it("ignores zero-quantity lines and handles an empty order", () => {
    const lines = [{ lineId: "z", sku: "A", quantity: 0 }];
    const r = allocate(input([wh("sp", "SP")], { sp: FULL }, { lines }));
    expect(r).toEqual({ shipments: [], backordered: [], reasons: [], summary: "Nothing to allocate" });
  });

  it("treats an unknown destination as far from every warehouse", () => {
    const r = allocate(input([wh("sp", "SP"), wh("ba", "BA")], { sp: FULL, ba: { A: 2, B: 2, C: 3 } }, { destinationState: "" }));
    expect(r.shipments.map((s) => s.warehouseId)).toEqual(["ba"]);
    expect(decisive(r)).toEqual(["MOST_AVAILABLE"]);
  });

  it("does not mutate its input", () => {
    const inp = input([wh("sp", "SP"), wh("rj", "RJ")], { sp: { A: 1, B: 2 }, rj: { C: 3 } });
    const copy = structuredClone(inp);
    allocate(inp);
    expect(inp).toEqual(copy);
  });
});
