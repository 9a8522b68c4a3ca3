/** Sentences QA found wrong in one language or cut off on screen: each reads right for any value, in both languages. */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/server/i18n/messages";

type Translate = (key: string, params?: Record<string, string | number>) => string;
// MESSAGES merges the areas as plain records: look keys up by name.
const t = (locale: "en" | "pt-BR") => createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => { throw e; } }) as unknown as Translate;

describe("wording", () => {
  it("the channel's order number works for any channel name (no gendered article before it)", () => {
    const p = { channel: "Loja Aurora (Shopify)", number: "#1105" };
    expect(t("pt-BR")("orders.detail.channelNumber", p)).toBe("Número no canal Loja Aurora (Shopify): #1105");
    expect(t("en")("orders.detail.channelNumber", p)).toBe("Number on channel Loja Aurora (Shopify): #1105");
  });

  it("the stock search placeholder fits its box (max-w-md) in both languages", () => {
    for (const locale of ["en", "pt-BR"] as const) expect(t(locale)("stock.filters.searchPlaceholder").length, locale).toBeLessThanOrEqual(40);
  });

  it("the dashboard's revenue says what it counts", () => {
    expect(t("pt-BR")("dashboard.last30Revenue")).toBe("Faturamento recebido, últimos 30 dias");
    for (const [locale, key] of [["en", "dashboard.last30RevenueHelp"], ["pt-BR", "dashboard.last30RevenueHelp"], ["en", "dashboardPeriod.revenueHelp"], ["pt-BR", "dashboardPeriod.revenueHelp"]] as const) {
      const help = t(locale)(key);
      // every payment status is named as its badge names it, so a manager can tell what is in and what is out
      for (const status of ["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "PENDING", "AUTHORIZED", "PARTIALLY_PAID", "FAILED", "VOIDED"] as const) {
        expect(help.toLowerCase(), `${locale} ${status}`).toContain(t(locale)(`paymentStatus.${status}`).toLowerCase().slice(0, 7));
      }
    }
  });
});
