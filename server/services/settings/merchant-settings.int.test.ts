/** The default currency is a real ISO 4217 code: "reais", "REA", "XYZ" are refused with a sentence in both languages, nothing saved. */
import { TRPCError } from "@trpc/server";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { errorText, type Translate } from "@/components/ui/error-text";
import { createCaller } from "@/server/api/root";
import { errorData } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { MESSAGES } from "@/server/i18n/messages";
import { createUser } from "@/server/services/order/order-test-factory";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
const pt = createTranslator({ locale: "pt-BR", messages: MESSAGES["pt-BR"] }) as unknown as Translate;
const en = createTranslator({ locale: "en", messages: MESSAGES.en }) as unknown as Translate;
let admin: SessionUser;

beforeEach(async () => {
  admin = await createUser(db, "ADMIN");
});

const save = (currency: string) =>
  createCaller({ user: admin }).settings.update({ companyName: "Loja", timeZone: "America/Sao_Paulo", currency, backorderPolicy: "BACKORDER", allowSplitShipments: false });

async function refusal(currency: string) {
  const error = await save(currency).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  const client = { message: (error as TRPCError).message, data: errorData(error as TRPCError) };
  return { rules: client.data?.zodIssues?.map((i) => `${i.path}:${i.rule}`), pt: errorText(pt, client), en: errorText(en, client) };
}

describe("settings.update currency", () => {
  it.each(["XYZ", "REA", "xyz"])("refuses %s, a three-letter code that is no currency", async (code) => {
    expect(await refusal(code)).toEqual({
      rules: ["currency:CURRENCY_UNKNOWN"],
      pt: "Moeda: Este não é um código de moeda. Escolha um da lista ou digite um código ISO 4217, como BRL, USD ou EUR.",
      en: "Currency: This is not a currency code. Choose one from the list or type an ISO 4217 code such as BRL, USD or EUR.",
    });
    expect(await db.merchantSettings.findUnique({ where: { id: 1 } })).toBeNull();
  });

  it("refuses a word (\"reais\") instead of cutting it to REA", async () => {
    expect((await refusal("reais")).rules).toEqual(["currency:CURRENCY_CODE"]);
    expect(await db.merchantSettings.findUnique({ where: { id: 1 } })).toBeNull();
  });

  it("saves a real code as typed, upper-cased", async () => {
    expect((await save(" usd ")).currency).toBe("USD");
    expect((await createCaller({ user: admin }).settings.get()).currency).toBe("USD");
  });
});
