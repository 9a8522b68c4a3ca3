import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/server/i18n/messages/stock.en.json";
import pt from "@/server/i18n/messages/stock.pt-BR.json";
import { mercadoLivreConnector } from "@/server/channels/mercado-livre";
import { mercadoLivreShipment } from "@/server/test/channel-payloads";
import { LEDGER_REASON_KEYS, LEDGER_REASONS, ledgerReason, readLedgerReason, type LedgerReasonKey } from "@/server/services/stock/ledger-reasons";

const DIGITS = new Set(["number", "package", "row", "units", "hours"]);
const sample = (key: LedgerReasonKey) =>
  Object.fromEntries([...LEDGER_REASONS[key].matchAll(/\{(\w+)\}/g)].map((m) => [m[1], DIGITS.has(m[1] as string) ? "17" : `v-${m[1]} x`]));

describe("stock ledger reasons", () => {
  it("every reason reads back as itself, with its values", () => {
    for (const key of LEDGER_REASON_KEYS) {
      const params = sample(key);
      expect(readLedgerReason(ledgerReason(key, params)), key).toMatchObject({ key, params });
    }
    expect(readLedgerReason(ledgerReason("orderCancelled", { number: 201, note: "customer: changed mind" })))
      .toEqual({ key: "orderCancelled", params: { number: "201", note: "customer: changed mind" } });
    expect(readLedgerReason(ledgerReason("packageShipped", { number: 201, package: 2 }))?.key).toBe("packageShipped");
    expect(readLedgerReason("Order #201")?.key).toBe("orderReserved");
  });

  it("reads the trigger of a filled backorder as a reason of its own", () => {
    const text = ledgerReason("backorderFilled", { trigger: ledgerReason("orderCancelled", { number: 5, note: "fraud" }) });
    expect(text).toBe("Backorder filled: Order #5 cancelled: fraud");
    expect(readLedgerReason(text)).toEqual({
      key: "backorderFilled", params: { trigger: "Order #5 cancelled: fraud" },
      nested: { trigger: { key: "orderCancelled", params: { number: "5", note: "fraud" } } },
    });
    const again = ledgerReason("orderReallocated", { number: 7, note: ledgerReason("addressArrived", { state: "BA" }) });
    expect(readLedgerReason(again)?.nested?.note).toEqual({ key: "addressArrived", params: { state: "BA" } });
    expect(readLedgerReason("Backorder filled: something a person wrote")).toEqual({ key: "backorderFilled", params: { trigger: "something a person wrote" } });
  });

  it("reads the source the Mercado Livre connector writes on an address event", () => {
    const doc = mercadoLivreConnector.parse({ rawBody: Buffer.from(JSON.stringify(mercadoLivreShipment({ id: 44001122334 }))), headers: {}, query: {} });
    expect(doc.kind).toBe("shippingAddress");
    const source = doc.kind === "shippingAddress" ? doc.source : "";
    expect(readLedgerReason(source)).toEqual({ key: "mercadoLivreShipment", params: { id: "44001122334" } });
  });

  it("a reason a person typed is not a system reason, even when it starts like one", () => {
    expect(readLedgerReason("box crushed in transit")).toBeNull();
    expect(readLedgerReason("Order #12 was dropped on the floor")).toBeNull();
    expect(readLedgerReason("Order #twelve")).toBeNull();
    expect(readLedgerReason(null)).toBeNull();
    expect(() => ledgerReason("receipt")).toThrow(/no value for \{number\}/);
  });

  it("every reason has a sentence in both languages that fills every value; the English one is the stored text", () => {
    for (const [locale, messages] of [["en", en], ["pt-BR", pt]] as const) {
      const t = createTranslator({ locale, messages, onError: (e) => { throw e; } });
      for (const key of LEDGER_REASON_KEYS) {
        const params = sample(key);
        const values = { ...params, ...(params.units ? { units: Number(params.units) } : {}) };
        const text = t(`stock.reasons.${key}`, values);
        for (const v of Object.values(params)) expect(text, `${locale} ${key}`).toContain(v);
      }
    }
    const t = createTranslator({ locale: "en", messages: en });
    for (const key of LEDGER_REASON_KEYS) {
      if (key === "packageShipped" || key.startsWith("shortPick") || key === "unitsNotReserved") continue; // worded with a comma / plural in the UI
      expect(t(`stock.reasons.${key}`, sample(key)), key).toBe(ledgerReason(key, sample(key)));
    }
  });
});
