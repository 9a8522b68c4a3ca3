import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { deliveryMessageText } from "@/components/ui/delivery-message-text";
import type { Translate } from "@/components/ui/error-text";
import { MESSAGES } from "@/server/i18n/messages";
import { DOMAIN_ERROR_CODES, DomainError } from "@/server/lib/domain-error";
import { readDeliveryMessage } from "@/server/services/channels/delivery-message";
import { DELIVERY_REFUSAL, deliveryRefusalText, readDeliveryRefusal, refusalMessage } from "@/server/services/channels/delivery-refusals";
import { decide, type OrderAction, type OrderSnapshot } from "@/server/services/order/order-state-machine";

const t = (locale: "en" | "pt-BR") => createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => { throw e; } }) as unknown as Translate;
const shown = (locale: "en" | "pt-BR", stored: string) => deliveryMessageText(t(locale), { error: stored, message: readDeliveryMessage(stored) });

/** A message and values that would confuse a naive reader: quotes, the template's own words, colons, accents, braces, newlines. */
const AWKWARD_MESSAGE = 'Cannot "RECORD_REFUND" (VALIDATION): "x" {"a":1} — ação inválida\nsecond line \\ end';
const AWKWARD_PARAMS = { current: "SHIPPED", field: 'a"b: c', note: 'Não aplicada (VALIDATION): "q" {}', brace: "}{", amount: 0, negative: -1990, empty: "" };

describe("a service's refusal stored on a delivery", () => {
  it("reads back as its code and exact values, and keeps the service's own message, for every DomainError code", () => {
    for (const code of DOMAIN_ERROR_CODES) {
      const text = deliveryRefusalText(new DomainError(code, AWKWARD_MESSAGE, AWKWARD_PARAMS));
      expect(readDeliveryRefusal(text), code).toEqual({ code, params: AWKWARD_PARAMS });
      expect(refusalMessage(text), code).toBe(AWKWARD_MESSAGE);
      expect(readDeliveryMessage(text), code).toEqual({ kind: "refusal", key: code, params: AWKWARD_PARAMS });
    }
  });

  it("is English a person can read: the service's message, then its code and values", () => {
    const e = new DomainError("VALIDATION", "Cannot RECORD_REFUND an order that is SHIPPED: amountCents must be a positive integer (cents)", {
      current: "SHIPPED", action: "RECORD_REFUND", field: "amountCents",
    });
    expect(deliveryRefusalText(e)).toBe(
      'Not applied (VALIDATION): "Cannot RECORD_REFUND an order that is SHIPPED: amountCents must be a positive integer (cents)" ' +
        '{"current":"SHIPPED","action":"RECORD_REFUND","field":"amountCents"}',
    );
    expect(DELIVERY_REFUSAL.refused).toContain("{message}");
  });

  it("texts stored before refusals had a template, and look-alikes that are not one, are not read as a refusal", () => {
    for (const text of [
      "Cannot RECORD_REFUND an order that is PAYMENT_AUTHORIZED: amountCents must be a positive integer (cents)",
      "Order 5812345678901234567 is not in Fluxo yet.",
      'Not applied (NO_SUCH_CODE): "x" {}',
      'Not applied (VALIDATION): "x" {"a":',
      'Not applied (VALIDATION): "x" ["a"]',
      'Not applied (VALIDATION): "x" {"a":{"b":1}}',
      "",
    ]) {
      expect(readDeliveryRefusal(text), text).toBeNull();
    }
    const old = "Cannot RECORD_REFUND an order that is PAYMENT_AUTHORIZED: amountCents must be a positive integer (cents)";
    expect(readDeliveryMessage(old)).toBeNull();
    expect(shown("pt-BR", old)).toBe(old);
  });

  it("every DomainError code has a sentence in both languages (the app's own errors.<code>)", () => {
    for (const code of DOMAIN_ERROR_CODES) {
      for (const locale of ["en", "pt-BR"] as const) expect(t(locale).has(`errors.${code}`), `${locale} errors.${code}`).toBe(true);
      const stored = deliveryRefusalText(new DomainError(code, "English for logs", {}));
      expect(shown("pt-BR", stored), code).toBe(`Não aplicada. ${t("pt-BR")(`errors.${code}`, { current: "", holds: "", detail: "English for logs" })}`);
      expect(shown("en", stored), code).toBe(`Not applied. ${t("en")(`errors.${code}`, { current: "", holds: "", detail: "English for logs" })}`);
    }
  });
});

/** An order in `status`, paid, no holds. */
const order = (status: OrderSnapshot["status"], paymentStatus: OrderSnapshot["paymentStatus"] = "PAID"): OrderSnapshot => ({
  status, paymentStatus, fulfillmentStatus: "UNFULFILLED", activeHolds: [],
});
const refund = (o: Partial<Extract<OrderAction, { type: "RECORD_REFUND" }>>): OrderAction => ({
  type: "RECORD_REFUND", externalRefundId: "R1", amountCents: 1000, refundedTotalCents: 1000, orderTotalCents: 5000, ...o,
});

/**
 * What the state machine refuses of the actions a delivery applies (process-delivery.ts → capture, update,
 * cancel, refund, address): a refund of nothing, on a negative total, without an id…; a cancel or
 * reallocation it may not do. Each must read as its own sentence in both languages, never the bare
 * "Some fields are not valid." nor the codes and field names of the English message.
 */
const REFUSED: [string, OrderSnapshot, OrderAction][] = [
  ["refund of 0", order("PAYMENT_AUTHORIZED"), refund({ amountCents: 0, refundedTotalCents: 0 })],
  ["negative refund", order("SHIPPED"), refund({ amountCents: -500, refundedTotalCents: -500 })],
  ["refund without id", order("SHIPPED"), refund({ externalRefundId: "" })],
  ["refunded total below the refund", order("SHIPPED"), refund({ amountCents: 1000, refundedTotalCents: 900 })],
  ["refund on a negative total", order("SHIPPED"), refund({ orderTotalCents: -100 })],
  ["cancel of a shipped order", order("SHIPPED"), { type: "CANCEL", reason: "Cancelled on the sales channel" }],
  ["cancel of a delivered order", order("DELIVERED"), { type: "CANCEL", reason: "Cancelled on the sales channel" }],
  ["cancel without a reason", order("APPROVED"), { type: "CANCEL", reason: "" }],
  ["reallocate of an approved order", order("APPROVED"), { type: "REALLOCATE", reason: "Address arrived" }],
  ["authorize an approved order", order("APPROVED"), { type: "AUTHORIZE_PAYMENT" }],
];

describe("the state machine's refusals of what a delivery applies, on the deliveries pages", () => {
  for (const [what, snapshot, action] of REFUSED) {
    it(`${what}: a sentence of its own in both languages`, () => {
      const d = decide(snapshot, action);
      if (d.ok) throw new Error(`${what}: expected a refusal`);
      const stored = deliveryRefusalText(new DomainError(d.code, d.message, d.params));
      const en = shown("en", stored);
      const pt = shown("pt-BR", stored);
      expect(en).toMatch(/^Not applied\. /);
      expect(pt).toMatch(/^Não aplicada\. /);
      expect(en).not.toBe("Not applied. Some fields are not valid.");
      expect(pt).not.toBe("Não aplicada. Alguns campos não são válidos.");
      expect(pt).not.toBe(en);
      for (const raw of [action.type, snapshot.status, String(d.params.field ?? "@none")]) expect(pt, what).not.toContain(raw);
    });
  }

  it("reads the refund of nothing, and an illegal cancel naming the order's stage, in Portuguese", () => {
    const zero = decide(order("PAYMENT_AUTHORIZED"), refund({ amountCents: 0, refundedTotalCents: 0 }));
    const shipped = decide(order("SHIPPED"), { type: "CANCEL", reason: "x" });
    const stored = (d: ReturnType<typeof decide>) => (d.ok ? "" : deliveryRefusalText(new DomainError(d.code, d.message, d.params)));
    expect(shown("pt-BR", stored(zero))).toBe("Não aplicada. Um reembolso precisa devolver um valor acima de zero.");
    expect(shown("en", stored(zero))).toBe("Not applied. A refund must return an amount above zero.");
    expect(shown("pt-BR", stored(shipped))).toBe("Não aplicada. Não é possível no pedido Enviado: a mercadoria já saiu; solicite uma devolução.");
  });

  it("a stock shortfall reads with stock's own sentence (INSUFFICIENT_STOCK → stock.errors)", () => {
    const e = new DomainError("INSUFFICIENT_STOCK", "Bin B-1 holds 1 of X (0 unavailable); this change would leave -1 (0 unavailable).", {
      rule: "BIN_SHORT", sku: "X", bin: "B-1", warehouse: "SP1", onHand: 1, unavailable: 0, newOnHand: -1, newUnavailable: 0,
    });
    expect(shown("pt-BR", deliveryRefusalText(e))).toBe(
      "Não aplicada. Estoque insuficiente: o endereço B-1 tem 1 de X (0 indisponíveis); esta alteração deixaria -1 (0 indisponíveis).",
    );
  });
});
