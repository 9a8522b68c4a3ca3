import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Translate } from "@/components/ui/error-text";
import { orderNoteText } from "@/components/ui/order-note-text";
import { MESSAGES } from "@/server/i18n/messages";
import { combineAmazonOrder } from "@/server/channels/amazon/combine";
import { amazonEnvelope } from "@/server/test/channel-payloads";

const t = (locale: "en" | "pt-BR") => createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => { throw e; } }) as unknown as Translate;

/** An Amazon envelope whose COD fee is in EUR on a BRL order, with a gift message and the buyer's purchase order. */
function amazonNote(): string {
  const env = amazonEnvelope() as { order: { payload: Record<string, unknown> }; orderItems: { payload: { OrderItems: Record<string, unknown>[] } } };
  env.order.payload.BuyerInfo = { PurchaseOrderNumber: "PO-77" };
  const [item] = env.orderItems.payload.OrderItems;
  if (!item) throw new Error("the envelope has no item");
  item.CODFee = { CurrencyCode: "EUR", Amount: "3.00" };
  item.BuyerInfo = { GiftMessageText: "Parabéns; com carinho" };
  const note = combineAmazonOrder(env.order, env.orderItems).note;
  if (!note) throw new Error("the order has no note");
  return note;
}

describe("orderNoteText", () => {
  it("an Amazon order's note in the reader's language, part by part; the buyer's words as written", () => {
    const note = amazonNote();
    expect(note).toMatch(/^Purchase order PO-77; Amazon order \S+ item \S+ CODFee 3\.00 EUR not counted \(order currency BRL\); Gift message \(.+\): Parabéns; com carinho$/);
    expect(orderNoteText(t("en"), { note, platform: "AMAZON" })).toBe(note);
    const pt = orderNoteText(t("pt-BR"), { note, platform: "AMAZON" });
    expect(pt).toMatch(/^Pedido de compra PO-77; Pedido Amazon \S+, item \S+: taxa de pagamento na entrega de 3\.00 EUR não contabilizada \(moeda do pedido: BRL\); Mensagem de presente \(.+\): Parabéns; com carinho$/);
  });

  it("another platform's note (the buyer's own words) is never read as a template", () => {
    const note = "Purchase order 12; Gift message (X): oi";
    expect(orderNoteText(t("pt-BR"), { note, platform: "SHOPIFY" })).toBe(note);
    expect(orderNoteText(t("pt-BR"), { note: "Deixar na portaria", platform: "AMAZON" })).toBe("Deixar na portaria");
  });
});
