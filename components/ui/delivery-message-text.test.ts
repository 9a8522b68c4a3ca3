import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { deliveryMessageText } from "@/components/ui/delivery-message-text";
import type { Translate } from "@/components/ui/error-text";
import { MESSAGES } from "@/server/i18n/messages";
import { ChannelParseError } from "@/server/channels/types";
import { readDeliveryMessage } from "@/server/services/channels/delivery-message";
import { deliveryNote } from "@/server/services/channels/delivery-notes";
import { VERIFY_REASONS, verifyReason, type VerifyReasonKey } from "@/server/channels/verify-reasons";

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

  it("a text stored before messages had rules is shown as stored; no text, nothing", () => {
    expect(shown("pt-BR", "Shopify order 5812345678901234567 has no line_items")).toBe("Shopify order 5812345678901234567 has no line_items");
    expect(shown("pt-BR", null)).toBe("");
  });
});
