import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Translate } from "@/components/ui/error-text";
import { orderErrorText } from "@/components/ui/order-error-sentence";
import { MESSAGES } from "@/server/i18n/messages";

const t = (locale: "en" | "pt-BR") => createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => { throw e; } }) as unknown as Translate;
const domain = (code: string, params: Record<string, string | number>) => ({ code, message: "English for logs", params });

describe("orderErrorText (what the order forms and the deliveries pages show)", () => {
  it("a state machine rule with the order's stage in the reader's language", () => {
    expect(orderErrorText(t("pt-BR"), domain("INVALID_TRANSITION", { current: "SHIPPED", action: "CANCEL", rule: "GOODS_LEFT" }))).toBe(
      "Não é possível no pedido Enviado: a mercadoria já saiu; solicite uma devolução.",
    );
    expect(orderErrorText(t("en"), domain("GUARD_FAILED", { current: "APPROVED", action: "MARK_PAID", rule: "PAYMENT_OUTSTANDING" }))).toBe(
      "Not possible on order Approved: there is no outstanding payment to mark as paid.",
    );
  });

  it("an invalid field of the action, the holds by name, else the code's own sentence", () => {
    expect(orderErrorText(t("pt-BR"), domain("VALIDATION", { current: "SHIPPED", action: "RECORD_REFUND", field: "orderTotalCents" }))).toBe(
      "Não é possível registrar um reembolso em um pedido com total negativo.",
    );
    expect(orderErrorText(t("pt-BR"), domain("ORDER_ON_HOLD", { current: "APPROVED", holds: "AWAITING_PAYMENT" }))).toBe(
      "O pedido está retido (Aguardando pagamento). Libere-o primeiro.",
    );
    expect(orderErrorText(t("pt-BR"), domain("CONFLICT", { current: "PACKED" }))).toBe(
      "Outra pessoa alterou isto ao mesmo tempo. O pedido agora está Conferido; recarregue e tente de novo.",
    );
    expect(orderErrorText(t("en"), null)).toBeNull();
  });

  it("a tRPC error reads the same as the DomainError it carries", () => {
    const params = { current: "DELIVERED", action: "CANCEL", rule: "GOODS_LEFT" };
    expect(orderErrorText(t("pt-BR"), { message: "x", data: { domainCode: "INVALID_TRANSITION", params } })).toBe(
      orderErrorText(t("pt-BR"), domain("INVALID_TRANSITION", params)),
    );
  });
});
