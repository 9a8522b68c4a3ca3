import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/exceptions.en.json";
import pt from "@/server/i18n/messages/exceptions.pt-BR.json";
import { EXCEPTION_CHANGE_KEYS, EXCEPTION_TEXT_KEYS, changeParams, exceptionText, type ExceptionText } from "@/server/services/exceptions/exception-text";
import { diffChannelLines, diffJson, type HeldLine } from "@/server/services/order/channel-line-diff";

describe("exceptionText", () => {
  it("builds stock alert sentences from the alert data", () => {
    const data = { sku: "CAM-01", warehouse: "SP1", warehouseId: "w", available: 3, reorderPoint: 5, onHand: 10, reserved: 7 };
    expect(exceptionText("LOW_STOCK", data, null)).toEqual({ key: "LOW_STOCK", params: { sku: "CAM-01", warehouse: "SP1", available: 3, reorderPoint: 5 } });
    expect(exceptionText("OUT_OF_STOCK", { ...data, available: 0 }, null)?.key).toBe("OUT_OF_STOCK");
  });

  it("names what a carrier misses in an unusable address, keeping only field codes it knows", () => {
    expect(exceptionText("ADDRESS_INCOMPLETE", { missing: ["line1", "postalCode"] }, 1042)).toEqual({
      key: "ADDRESS_INCOMPLETE", params: { order: 1042, missing: "line1,postalCode" }, addressFieldsParam: "missing",
    });
    expect(exceptionText("ADDRESS_INCOMPLETE", { missing: ["city", "<script>"] }, 7)?.params.missing).toBe("city");
    // Nothing to name, or no order: the stored English message is shown instead.
    expect(exceptionText("ADDRESS_INCOMPLETE", { missing: [] }, 7)).toBeNull();
    expect(exceptionText("ADDRESS_INCOMPLETE", { missing: "city" }, 7)).toBeNull();
    expect(exceptionText("ADDRESS_INCOMPLETE", { missing: ["city"] }, null)).toBeNull();
  });

  it("lists the waiting lines of a backordered order and the unknown SKUs of an order", () => {
    const lines = [{ lineId: "a", lineNo: 1, sku: "CAM-01", quantity: 2 }, { lineId: "b", lineNo: 2, sku: "BONE-9", quantity: 1 }];
    expect(exceptionText("ORDER_BACKORDERED", { lines }, 1042)).toEqual({ key: "ORDER_BACKORDERED", params: { order: 1042, lines: "CAM-01 × 2, BONE-9 × 1" } });
    expect(exceptionText("UNKNOWN_SKU", { lines: [{ lineId: "a", sku: "X-1", quantity: 4 }] }, 7)).toEqual({ key: "UNKNOWN_SKU", params: { order: 7, lines: "X-1 × 4" } });
  });

  it("reservation failures, refused channel cancellations (status shown as a label) and short picks", () => {
    expect(exceptionText("STOCK_RESERVATION_FAILED", { error: "deadlock detected" }, 5)).toEqual({ key: "STOCK_RESERVATION_FAILED", params: { error: "deadlock detected" } });
    expect(exceptionText("CHANNEL_CANCEL_REFUSED", { status: "SHIPPED" }, 5)).toEqual({ key: "CHANNEL_CANCEL_REFUSED", params: { status: "SHIPPED" }, orderStatusParam: "status" });
    const lines = [
      { sku: "CAM-01", bin: "A-01", asked: 3, picked: 1, reason: "empty" },
      { sku: "CAM-01", bin: "A-02", asked: 1, picked: 0, reason: null },
      { sku: "BONE-9", bin: "A-02", asked: 2, picked: 1, reason: null },
    ];
    expect(exceptionText("SHORT_PICK", { pickListNumber: 12, putBack: 2, lines }, 1042)).toEqual({
      key: "SHORT_PICK", params: { list: 12, order: 1042, units: 4, putBack: 2, skus: "CAM-01, BONE-9", bins: "A-01, A-02", binCount: 2 },
    });
    expect(exceptionText("SHORT_PICK", { pickListNumber: 12, lines }, null)).toBeNull();
  });

  it("delivery trouble names the shipment; dates are the merchant's local day", () => {
    const ship = { shipmentId: "s", carrier: "Correios", trackingNumber: "AB123BR" };
    expect(exceptionText("DELIVERY_FAILED", { ...ship, description: "Destinatário ausente" }, 7)).toEqual({
      key: "DELIVERY_FAILED", params: { shipment: "Correios AB123BR", detail: " (Destinatário ausente)" },
    });
    expect(exceptionText("RETURNED_TO_SENDER", { ...ship, description: null }, 7)?.params.detail).toBe("");
    // 02:30 UTC on the 21st is still the 20th, 23:30, in São Paulo
    expect(exceptionText("SHIPMENT_STALLED", { ...ship, lastMovementAt: "2026-11-21T02:30:00+00:00", days: 5 }, 7, "America/Sao_Paulo")).toEqual({
      key: "SHIPMENT_STALLED", params: { shipment: "Correios AB123BR", order: 7, since: "2026-11-20 23:30", days: 5 },
    });
    const late = { ...ship, shipBy: "2026-11-21T02:30:00.000Z", transitDays: 3 };
    expect(exceptionText("SHIPMENT_LATE", { ...late, reason: "SHIPPED_AFTER_SHIP_BY" }, 7, "America/Sao_Paulo")).toEqual({
      key: "SHIPMENT_LATE_SHIPPED_AFTER_SHIP_BY", params: { shipment: "Correios AB123BR", order: 7, date: "2026-11-20" },
    });
    expect(exceptionText("SHIPMENT_LATE", { ...late, reason: "DELIVERY_OVERDUE" }, 7, "America/Sao_Paulo")?.params.date).toBe("2026-11-23");
    expect(exceptionText("SHIPMENT_LATE", { ...late, reason: "DELIVERY_OVERDUE" }, 7)?.params.date).toBe("2026-11-24");
    expect(exceptionText("SHIPMENT_STALLED", { ...ship, lastMovementAt: "not a date", days: 5 }, 7)).toBeNull();
    expect(exceptionText("DELIVERY_FAILED", { shipmentId: "s" }, 7)).toBeNull();
  });

  it("falls back (null) when the data lacks what the sentence needs, or the type has no template", () => {
    expect(exceptionText("LOW_STOCK", { sku: "A" }, null)).toBeNull();
    expect(exceptionText("ORDER_BACKORDERED", { lines: [] }, 1)).toBeNull();
    expect(exceptionText("ORDER_BACKORDERED", { lines: [{ sku: "A", quantity: 1 }] }, null)).toBeNull();
    expect(exceptionText("SHORT_PICK", { anything: 1 }, 1)).toBeNull();
    expect(exceptionText("LOW_STOCK", null, null)).toBeNull();
    expect(exceptionText("CHANNEL_ORDER_CHANGED", { signature: "x" }, 1)).toBeNull();
    expect(exceptionText("CHANNEL_ORDER_CHANGED", { orderStatus: "ALLOCATED", diff: { changed: [{ lineNo: 1 }] } }, 1)).toBeNull();
    expect(exceptionText("CHANNEL_CANCEL_REFUSED", {}, 1)).toBeNull();
  });

  it("has a sentence in both languages for every key, with the same placeholders", () => {
    for (const key of EXCEPTION_TEXT_KEYS) {
      const a = en.exceptions.messages[key];
      const b = pt.exceptions.messages[key];
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(b), key).toEqual(holes(a));
      expect(holes(a).length, key).toBeGreaterThan(0);
    }
  });

  it("every sentence formats in both languages (ICU syntax, plurals) with nothing left unfilled", () => {
    for (const [locale, messages] of [["en", en], ["pt-BR", pt]] as const) {
      const t = createTranslator({ locale, messages, onError: (e) => { throw e; } });
      for (const key of EXCEPTION_TEXT_KEYS) {
        const holes = [...(en.exceptions.messages[key] as string).matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
        const params: Record<string, string | number> = { units: 2, binCount: 2, ...Object.fromEntries(holes.map((h) => [h, `<${h}>`])), putBack: 2, available: 2 };
        const text = t(`exceptions.messages.${key}`, params);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]/);
        for (const h of holes) expect(text, `${locale} ${key}`).toContain(`<${h}>`);
      }
    }
    const t = createTranslator({ locale: "pt-BR", messages: pt });
    expect(t("exceptions.messages.SHORT_PICK", { list: 3, order: 9, units: 1, skus: "A", bins: "B", binCount: 1, putBack: 0 })).toBe(
      "Lista de separação #3: faltou 1 unidade de A para o pedido #9 (no endereço B). Conte o endereço.",
    );
    expect(t("exceptions.messages.SHORT_PICK", { list: 3, order: 9, units: 2, skus: "A", bins: "B, C", binCount: 2, putBack: 0 })).toBe(
      "Lista de separação #3: faltaram 2 unidades de A para o pedido #9 (nos endereços B, C). Conte os endereços.",
    );
    expect(t("exceptions.messages.SHORT_PICK", { list: 3, order: 9, units: 1, skus: "A", bins: "B", binCount: 1, putBack: 1 })).toMatch(/devolva a 1 unidade separada para ele ao seu endereço\.$/);
    expect(t("exceptions.messages.SHORT_PICK", { list: 3, order: 9, units: 3, skus: "A", bins: "B", binCount: 1, putBack: 3 })).toMatch(/devolva as 3 unidades separadas/);
    const te = createTranslator({ locale: "en", messages: en });
    expect(te("exceptions.messages.SHORT_PICK", { list: 3, order: 9, units: 1, skus: "A", bins: "B", binCount: 1, putBack: 0 })).toBe("Pick list #3: order #9 short by 1 unit of A (in bin B). Count the bin.");
    const low = { sku: "PEL-VID-S23-TRA", warehouse: "PR", reorderPoint: 5 };
    expect(t("exceptions.messages.LOW_STOCK", { ...low, available: 1 })).toBe("PEL-VID-S23-TRA está com estoque baixo em PR: 1 disponível (ponto de reposição 5).");
    expect(t("exceptions.messages.LOW_STOCK", { ...low, available: 3 })).toContain("em PR: 3 disponíveis (");
    const tEn = createTranslator({ locale: "en", messages: en });
    expect(tEn("exceptions.messages.LOW_STOCK", { ...low, available: 1 })).toContain("at PR: 1 unit available (");
    expect(tEn("exceptions.messages.LOW_STOCK", { ...low, available: 4 })).toContain("at PR: 4 units available (");
  });

  it("a refund due: what was paid, what went back already, what is still owed — amounts as money in the order's currency", () => {
    const base = { totalCents: 25_990, currency: "BRL", paymentStatus: "PAID" };
    const paid = exceptionText("REFUND_DUE", { ...base, paidCents: 25_990, refundedCents: 0 }, 1105) as ExceptionText;
    expect(paid).toEqual({ key: "REFUND_DUE", params: { order: 1105, paid: 259.9 }, money: { params: ["paid"], currency: "BRL" } });
    const partly = exceptionText("REFUND_DUE", { ...base, paidCents: 25_990, refundedCents: 5_990 }, 1105) as ExceptionText;
    expect(partly).toMatchObject({ key: "REFUND_DUE_PARTLY_REFUNDED", params: { paid: 259.9, refunded: 59.9, due: 200 } });
    const unknown = exceptionText("REFUND_DUE", { ...base, paidCents: null, refundedCents: 0 }, 1105) as ExceptionText;
    expect(unknown).toMatchObject({ key: "REFUND_DUE_PARTLY_PAID", params: { order: 1105, total: 259.9 }, money: { params: ["total"] } });
    expect(exceptionText("REFUND_DUE", { paidCents: 100 }, 1105)).toBeNull();

    const say = (locale: "en" | "pt-BR", text: ExceptionText) => {
      const t = createTranslator({ locale, messages: locale === "en" ? en : pt, onError: (e) => { throw e; } });
      const format = createFormatter({ locale });
      const params = { ...text.params };
      for (const k of text.money?.params ?? []) params[k] = format.number(params[k] as number, { style: "currency", currency: text.money?.currency as string });
      return t(`exceptions.messages.${text.key}`, params).replace(/\u00a0/g, " ");
    };
    expect(say("pt-BR", paid)).toBe("Reembolso pendente: o cliente pagou R$ 259,90 e o pedido #1105 foi cancelado.");
    expect(say("en", paid)).toBe("Refund due: the customer paid R$259.90 and order #1105 was cancelled.");
    expect(say("pt-BR", partly)).toContain("R$ 59,90 já reembolsado, faltam R$ 200,00.");
    expect(say("en", unknown)).toContain("paid part of order #1105 (total R$259.90)");

    // Money that arrived after the cancel (a boleto paid late): its own sentence until part of it went back.
    const late = exceptionText("REFUND_DUE", { ...base, paidCents: 25_990, refundedCents: 0, paidAfterCancel: true }, 1105) as ExceptionText;
    expect(late).toEqual({ key: "REFUND_DUE_PAID_AFTER_CANCEL", params: { order: 1105, paid: 259.9 }, money: { params: ["paid"], currency: "BRL" } });
    expect(say("en", late)).toBe("Refund due: the customer paid R$259.90 after order #1105 was cancelled.");
    expect(say("pt-BR", late)).toBe("Reembolso pendente: o cliente pagou R$ 259,90 depois que o pedido #1105 foi cancelado.");
    expect(exceptionText("REFUND_DUE", { ...base, paidCents: 25_990, refundedCents: 990, paidAfterCancel: true }, 1105)?.key).toBe("REFUND_DUE_PARTLY_REFUNDED");
  });

  it("a channel change not applied: one piece per changed field, added/removed line and moved total, in both languages", () => {
    const held: HeldLine[] = [
      { id: "l1", lineNo: 1, externalId: "a", sku: "CAM-01", name: "Camiseta", quantity: 2, unitPriceCents: 2500, discountCents: 0, taxCents: 0 },
      { id: "l2", lineNo: 2, externalId: "b", sku: "BONE-9", name: "Boné", quantity: 1, unitPriceCents: 123456, discountCents: 0, taxCents: 0 },
    ];
    const totals = { subtotalCents: 173456, discountCents: 0, shippingCents: 1500, taxCents: 0, totalCents: 174956 };
    const input = {
      lines: [
        { externalId: "a", sku: "CAM-01", name: "Camiseta", quantity: 3, unitPriceCents: 2250, discountCents: 0, taxCents: 0 },
        { externalId: "c", sku: "MEIA-3", name: "Meia", quantity: 4, unitPriceCents: 990, discountCents: 0, taxCents: 0 },
      ],
      subtotalCents: 10710, discountCents: 0, shippingCents: 1500, taxCents: 0, totalCents: 12210,
    };
    const data = { signature: "s", orderStatus: "ALLOCATED", currency: "BRL", channelUpdatedAt: "2026-11-20T10:00:00.000Z", diff: diffJson(diffChannelLines(held, totals, input)) };
    const text = exceptionText("CHANNEL_ORDER_CHANGED", data, 1042) as ExceptionText;
    expect(text).toMatchObject({ key: "CHANNEL_ORDER_CHANGED", params: { order: 1042, status: "ALLOCATED" }, orderStatusParam: "status" });
    expect(text.changes?.map((c) => c.key)).toEqual(["quantity", "unitPrice", "added", "removed", "subtotal", "total"]);

    const sentence = (locale: string, messages: typeof en, pieces = text.changes ?? []) => {
      const t = createTranslator({ locale, messages, onError: (e) => { throw e; } });
      const format = createFormatter({ locale });
      const changes = pieces.map((c) => t(`exceptions.changes.${c.key}`, changeParams(c, (v, o) => format.number(v, o)))).join("; ");
      return t("exceptions.messages.CHANNEL_ORDER_CHANGED", { ...text.params, status: "<status>", changes }).replace(/\u00a0/g, " ");
    };
    expect(sentence("en", en)).toContain(
      "#1042 after it was approved (stage <status>); Fluxo did not apply it. Check the order with the customer and the channel: " +
        "line 1 (CAM-01): quantity 2 → 3; line 1 (CAM-01): unit price R$25.00 → R$22.50; new line MEIA-3 × 4; line 2 (BONE-9 × 1) removed; " +
        "subtotal R$1,734.56 → R$107.10; total R$1,749.56 → R$122.10.",
    );
    expect(sentence("pt-BR", pt)).toContain(
      "Confira o pedido com o cliente e com o canal: linha 1 (CAM-01): quantidade 2 → 3; linha 1 (CAM-01): preço unitário R$ 25,00 → R$ 22,50; " +
        "nova linha MEIA-3 × 4; linha 2 (BONE-9 × 1) removida; subtotal R$ 1.734,56 → R$ 107,10; total R$ 1.749,56 → R$ 122,10.",
    );
    // A change stored before it carried the order's currency: two decimals, no symbol.
    const old = exceptionText("CHANNEL_ORDER_CHANGED", { ...data, currency: undefined }, 1042) as ExceptionText;
    expect(sentence("pt-BR", pt, old.changes)).toContain("preço unitário 25,00 → 22,50");
  });

  it("has every change piece in both languages", () => {
    for (const [locale, messages] of [["en", en], ["pt-BR", pt]] as const) {
      const t = createTranslator({ locale, messages, onError: (e) => { throw e; } });
      for (const key of EXCEPTION_CHANGE_KEYS) {
        const text = t(`exceptions.changes.${key}`, { line: 1, sku: "A", from: 1, to: 2, quantity: 3 });
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});
