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

describe("allocation reasons in both languages", () => {
  it("every reason formats with its values (ICU plurals: one line, several lines)", async () => {
    const { createTranslator } = await import("next-intl");
    const en = (await import("@/server/i18n/messages/stock.en.json")).default;
    const pt = (await import("@/server/i18n/messages/stock.pt-BR.json")).default;
    const params = { warehouse: "SP1", warehouses: "SP1 + PE1", runnerUp: "PE1", state: "SP", region: "Sudeste", destinationState: "RJ",
      available: 10, runnerUpAvailable: 2, units: 1, runnerUpUnits: 0, lines: 1, shipments: 2, lineId: "l1", sku: "A", quantity: 2, limit: 12, stateShown: "yes", destinationKnown: "yes" };
    for (const [locale, messages] of [["en", en], ["pt-BR", pt]] as const) {
      const t = createTranslator({ locale, messages, onError: (e) => { throw e; } });
      for (const key of Object.keys(en.stock.reason)) {
        for (const n of [1, 3]) expect(t(`stock.reason.${key}` as "stock.reason.HAS_ALL_LINES", { ...params, lines: n, units: n }), `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
    const t = createTranslator({ locale: "pt-BR", messages: pt });
    expect(t("stock.reason.PARTIAL_BACKORDER", { lines: 1, units: 1 })).toBe("1 linha (1 unidade) ficaria aguardando estoque.");
    expect(t("stock.reason.PARTIAL_BACKORDER", { lines: 2, units: 5 })).toBe("2 linhas (5 unidades) ficariam aguardando estoque.");
    expect(t("stock.reason.HAS_ALL_LINES", { warehouse: "SP1", lines: 3 })).toBe("SP1 tem todas as 3 linhas.");
  });

  it("names a warehouse's state once (not \"PR (PR)\" when the code is the state) and the region in the reader's language", async () => {
    const { createTranslator } = await import("next-intl");
    const { sentenceParams } = await import("@/components/ui/allocation-reason-text");
    const sentence = async (locale: "en" | "pt-BR", params: Record<string, string>) => {
      const messages = (await import(`@/server/i18n/messages/stock.${locale}.json`)).default;
      const t = createTranslator({ locale, messages, namespace: "stock", onError: (e) => { throw e; } });
      return t(`reason.${params.code === "SAME_REGION" ? "SAME_REGION" : "OTHER_REGION"}`, sentenceParams({ code: params.code as string, params }, (r) => t(`regions.${r}`)));
    };
    const pr = { code: "SAME_REGION", warehouse: "PR", state: "PR", region: "Sul", destinationState: "SC" };
    expect(await sentence("pt-BR", pr)).toBe("PR fica na região do cliente (Sul).");
    expect(await sentence("en", pr)).toBe("PR is in the customer's region (South).");
    expect(await sentence("pt-BR", { ...pr, warehouse: "CWB1" })).toBe("CWB1 (PR) fica na região do cliente (Sul).");
    expect(await sentence("en", { ...pr, code: "OTHER_REGION", warehouse: "REC1", state: "PE", region: "Nordeste" })).toBe("REC1 (PE) is in a different region from SC.");
    expect(await sentence("en", { ...pr, warehouse: "X1", state: "" })).toBe("X1 is in the customer's region (South).");
    // An address abroad (or without a UF) names no destination state.
    const abroad = { ...pr, code: "OTHER_REGION", destinationState: "" };
    expect(await sentence("pt-BR", abroad)).toBe("PR não fica perto do endereço de entrega, que não tem UF brasileira.");
    expect(await sentence("en", abroad)).toBe("PR is not near the delivery address, which has no Brazilian state.");
  });
});
