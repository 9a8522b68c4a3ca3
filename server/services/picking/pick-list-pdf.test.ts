import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import type { PickListView } from "./get-pick-list";
import { renderPickListPdf, type PickListPdfLabels } from "./pick-list-pdf";

const labels: PickListPdfLabels = {
  title: "Lista de separação #12",
  meta: "Armazém: SP · CD São Paulo   Criada em: 28/11/2026 10:00   Pedidos: 3   Unidades: 9",
  bin: "Endereço", sku: "SKU", product: "Produto", quantity: "Qtd.", ean: "EAN", totes: "Caixas", noEan: "sem EAN",
  toteList: "Caixas", signature: "Separado por / data",
  page: (p, n) => `Página ${p} de ${n}`,
  toteQty: (t, q) => `C${t} × ${q}`,
  tote: (t) => `Caixa ${t}`,
  order: (n) => `Pedido #${n}`,
};

function view(lines: number, totes: number): PickListView {
  return {
    id: "00000000-0000-4000-8000-000000000001", number: 12, status: "OPEN", createdAt: new Date(), completedAt: null,
    warehouse: { id: "w", code: "SP", name: "CD São Paulo" }, createdBy: "Ana", assignedTo: null, rule: null,
    totals: { orders: totes, lines, units: lines, pickedUnits: 0, pendingLines: lines, shortLines: 0 },
    orders: Array.from({ length: totes }, (_, i) => ({ orderId: `o${i}`, number: 1000 + i, tote: i + 1, status: "PICKING" })),
    lines: [],
    printLines: Array.from({ length: lines }, (_, i) => ({
      binId: `b${i}`, binCode: `A-${String(i).padStart(2, "0")}-1-01`, pickSequence: i, sku: `SKU-${i}`,
      productName: i === 0 ? "Caneca ☕ Café — edição “São João” com um nome muito comprido que precisa quebrar em várias linhas" : `Camiseta Algodão ${i}`,
      ean: i % 2 === 0 ? "7891000315507" : i % 3 === 0 ? "123" : null,
      totalQuantity: 1 + (i % 4),
      perTote: Array.from({ length: 1 + (i % 5) }, (_, t) => ({ tote: t + 1, orderNumber: 1000 + t, quantity: 1 })),
    })),
  };
}

describe("renderPickListPdf", () => {
  it("makes an A4 PDF that paginates long lists and survives characters the font cannot draw", { timeout: 30_000 }, async () => {
    const bytes = await renderPickListPdf(view(90, 12), labels);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe("Lista de separação #12");
  });

  it("leaves tote label barcodes out of very large waves", { timeout: 30_000 }, async () => {
    const small = await renderPickListPdf(view(3, 10), labels);
    const large = await renderPickListPdf(view(3, 400), labels);
    // Ten tote barcodes make the small list's PDF bigger than the 400-tote one without them.
    expect(small.length).toBeGreaterThan(large.length);
  });
});
