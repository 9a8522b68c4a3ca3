import { describe, expect, it } from "vitest";
import { fulfillmentBadgeAddsInformation } from "@/components/ui/order-badge-rules";
import { MESSAGES } from "@/server/i18n/messages";

describe("fulfillmentBadgeAddsInformation", () => {
  it("hides a fulfilment label that repeats the order status label, case and spaces aside", () => {
    expect(fulfillmentBadgeAddsInformation("Aguardando estoque", "Aguardando estoque")).toBe(false);
    expect(fulfillmentBadgeAddsInformation("Alocado", " alocado ")).toBe(false);
    expect(fulfillmentBadgeAddsInformation("Aprovado", "Não atendido")).toBe(true);
    expect(fulfillmentBadgeAddsInformation("Enviado", "Enviado parcialmente")).toBe(true);
  });

  it("in both languages, the same-named stages repeat (hidden) and the others add information (shown)", () => {
    for (const locale of ["en", "pt-BR"] as const) {
      const m = MESSAGES[locale] as unknown as { orderStatus: Record<string, string>; fulfillmentStatus: Record<string, string> };
      const shown = (s: string, f: string) => fulfillmentBadgeAddsInformation(m.orderStatus[s] ?? s, m.fulfillmentStatus[f] ?? f);
      for (const same of ["BACKORDERED", "ALLOCATED", "PICKING", "PACKED", "SHIPPED", "DELIVERED", "RETURNED"]) expect(shown(same, same), `${locale} ${same}`).toBe(false);
      expect(shown("APPROVED", "UNFULFILLED")).toBe(true);
      expect(shown("PICKING", "PICKED")).toBe(true);
      expect(shown("INVOICED", "PACKED")).toBe(true);
      expect(shown("SHIPPED", "PARTIALLY_SHIPPED")).toBe(true);
    }
  });
});
