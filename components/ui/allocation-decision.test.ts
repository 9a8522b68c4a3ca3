import { describe, expect, it } from "vitest";
import { readDecision } from "@/components/ui/allocation-decision";
import { allocate, type AllocationWarehouse } from "@/server/services/stock/allocation";
import { recordShipments, type OrderAllocationRecord } from "@/server/services/stock/allocation-record";

const warehouses: AllocationWarehouse[] = [
  { id: "w-sp", code: "SP1", name: "São Paulo", state: "SP", active: true },
  { id: "w-pe", code: "PE1", name: "Recife", state: "PE", active: true },
];

describe("readDecision", () => {
  it("reads back the record the reservation stores on the order (as JSON)", () => {
    const result = allocate({
      order: { destinationState: "SP", lines: [{ lineId: "l1", sku: "CAM-01", quantity: 2 }, { lineId: "l2", sku: "BONE-9", quantity: 5 }] },
      warehouses,
      availability: { "w-sp": { "CAM-01": 10, "BONE-9": 3 }, "w-pe": { "CAM-01": 1 } },
      allowSplit: false,
    });
    const record: OrderAllocationRecord = {
      at: "2026-11-29T10:00:00.000Z", destinationState: "SP", policy: "BACKORDER", allowSplit: false, summary: result.summary, reasons: result.reasons,
      shipments: recordShipments(result, new Map(warehouses.map((w) => [w.id, w]))), backordered: result.backordered,
      unknownSkus: [{ lineId: "l3", sku: "NOPE", quantity: 1 }],
      retry: { lost: [{ sku: "CAM-01", warehouseId: "w-pe", warehouseCode: "PE1", quantity: 1 }], summary: "again", reasons: result.reasons, lostAgain: [] },
    };
    const d = readDecision(JSON.parse(JSON.stringify(record)));
    expect(d?.shipments).toEqual([{ warehouseCode: "SP1", lines: [expect.objectContaining({ sku: "CAM-01", quantity: 2 }), expect.objectContaining({ sku: "BONE-9", quantity: 3 })] }]);
    expect(d?.backordered).toEqual([expect.objectContaining({ sku: "BONE-9", quantity: 2 })]);
    expect(d?.unknownSkus).toEqual([{ lineId: "l3", sku: "NOPE", quantity: 1 }]);
    expect(d?.reasons.length).toBeGreaterThan(0);
    expect(d?.reasons.every((r) => typeof r.code === "string")).toBe(true);
    expect(d?.retry?.lost).toEqual([expect.objectContaining({ warehouseCode: "PE1", quantity: 1 })]);
  });

  it("is null for anything else (the panel then shows the stored summary)", () => {
    expect(readDecision({ summary: "SP1: has all lines" })).toBeNull();
    expect(readDecision({ shipments: [{ warehouseCode: "SP1", lines: [{ sku: "A" }] }], reasons: [] })).toBeNull();
    expect(readDecision(null)).toBeNull();
  });
});
