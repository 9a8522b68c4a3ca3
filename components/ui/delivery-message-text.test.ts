import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { deliveryMessageText } from "@/components/ui/delivery-message-text";
import type { Translate } from "@/components/ui/error-text";
import { MESSAGES } from "@/server/i18n/messages";
import { ChannelParseError } from "@/server/channels/types";
import { readDeliveryMessage } from "@/server/services/channels/delivery-message";
import { deliveryNote } from "@/server/services/channels/delivery-notes";
import { VERIFY_REASONS, verifyReason, type VerifyReasonKey } from "@/server/channels/verify-reasons";
import { addressSource } from "@/server/channels/address-sources";
import { DomainError } from "@/server/lib/domain-error";
import { deliveryRefusalText } from "@/server/services/channels/delivery-refusals";

const t = (locale: "en" | "pt-BR") => createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => { throw e; } }) as unknown as Translate;
const shown = (locale: "en" | "pt-BR", error: string | null) => deliveryMessageText(t(locale), { error, message: readDeliveryMessage(error) });

describe("deliveryMessageText", () => {
  it("a connector's parse error in the reader's language, field names and values verbatim", () => {
    const stored = new ChannelParseError("missingField", { platform: "Mercado Livre", field: "order_items[0].item" }).message;
    expect(shown("en", stored)).toBe(stored);
    expect(shown("pt-BR", stored)).toBe('O campo "order_items[0].item" é obrigatório, mas Mercado Livre não o enviou.');
  });

  it("a note Fluxo wrote, with an order status named by its label", () => {
    expect(shown("pt-BR", deliveryNote("addressFrozen", { number: 12, status: "SHIPPED" }))).toContain("#12");
    expect(shown("pt-BR", deliveryNote("handshake"))).not.toBe(deliveryNote("handshake"));
  });

  it("why a signature was refused, in the reader's language (every reason the connectors give)", () => {
    for (const key of Object.keys(VERIFY_REASONS) as VerifyReasonKey[]) {
      const stored = deliveryNote("signatureFailed", { reason: verifyReason(key, { header: "X-Shopify-Hmac-Sha256", encoding: "base64" }) });
      expect(shown("en", stored)).toMatch(/^Signature check failed: /);
      const pt = shown("pt-BR", stored);
      expect(pt).toMatch(/^A verificação da assinatura falhou: /);
      expect(pt).not.toContain(verifyReason(key, { header: "X-Shopify-Hmac-Sha256", encoding: "base64" }));
    }
    expect(shown("pt-BR", deliveryNote("signatureFailed", { reason: verifyReason("signatureMismatch", { header: "X-Shopify-Hmac-Sha256" }) }))).toBe(
      "A verificação da assinatura falhou: X-Shopify-Hmac-Sha256 não confere com o corpo (segredo errado ou corpo alterado)",
    );
  });

  it("the document an address came from, named in the reader's language; the English is the stored text", () => {
    const stored = deliveryNote("addressBeforeOrder", { source: addressSource("mercadoLivreShipment", { shipment: "44001122334" }), order: "2000009876543210" });
    expect(stored).toBe("Mercado Livre shipment 44001122334 is for order 2000009876543210, which is not in Fluxo yet.");
    expect(shown("en", stored)).toBe(stored);
    expect(shown("pt-BR", stored)).toBe("O envio 44001122334 do Mercado Livre é do pedido 2000009876543210, que ainda não está no Fluxo.");
    // A source written before it had a template (or by another connector) is named as stored.
    expect(shown("pt-BR", deliveryNote("addressBeforeOrder", { source: "Some feed 7", order: "9" }))).toBe("Some feed 7 é do pedido 9, que ainda não está no Fluxo.");
  });

  it("a service's refusal, worded like the app's other DomainErrors: the rule, the field, the order's stage in the reader's language", () => {
    const refused = (code: ConstructorParameters<typeof DomainError>[0], params: Record<string, string | number>) =>
      deliveryRefusalText(new DomainError(code, "English for logs", params));
    expect(shown("pt-BR", refused("VALIDATION", { current: "PAYMENT_AUTHORIZED", action: "RECORD_REFUND", field: "amountCents" }))).toBe(
      "Não aplicada. Um reembolso precisa devolver um valor acima de zero.",
    );
    expect(shown("pt-BR", refused("INVALID_TRANSITION", { current: "DELIVERED", action: "CANCEL", rule: "GOODS_LEFT" }))).toBe(
      "Não aplicada. Não é possível no pedido Entregue: a mercadoria já saiu; solicite uma devolução.",
    );
    expect(shown("en", refused("INVALID_TRANSITION", { current: "PICKING", action: "REALLOCATE" }))).toBe(
      "Not applied. This action is not possible now: the order is Picking.",
    );
    expect(shown("pt-BR", refused("ORDER_ON_HOLD", { current: "APPROVED", action: "ALLOCATE", holds: "OUT_OF_STOCK,OTHER" }))).toBe(
      "Não aplicada. O pedido está retido (Sem estoque, Outro). Libere-o primeiro.",
    );
  });

  it("a text stored before messages had rules is shown as stored; no text, nothing", () => {
    expect(shown("pt-BR", "Shopify order 5812345678901234567 has no line_items")).toBe("Shopify order 5812345678901234567 has no line_items");
    // A service's refusal stored before refusals had a template: its English message, as stored.
    const old = "Cannot RECORD_REFUND an order that is PAYMENT_AUTHORIZED: amountCents must be a positive integer (cents)";
    expect(shown("pt-BR", old)).toBe(old);
    expect(shown("pt-BR", null)).toBe("");
  });
});
