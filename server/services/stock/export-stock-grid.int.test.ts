/**
 * The stock CSV follows the reader's language like the orders and catalogue exports: pt-BR has Portuguese headers
 * and words, ";" and the name estoque-…; English keeps the README's identifiers with ",". Either file, with the
 * count columns added in a spreadsheet, reads back through the cycle-count import.
 */
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { MESSAGES } from "@/server/i18n/messages";
import type { Locale } from "@/server/i18n/locales";
import { withTestDb } from "@/server/test/with-test-db";
import type { Say } from "@/server/services/order/export-labels";
import { exportStockGridCsv, STOCK_CSV_IDENTIFIERS, STOCK_EXPORT_COLUMNS } from "@/server/services/stock/export-stock-grid";
import { stockCsvLabels } from "@/server/services/stock/export-stock-labels";
import { buildWorld, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";

const session = vi.hoisted(() => ({ user: null as SessionUser | null, locale: "pt-BR" }));
vi.mock("@/server/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next-intl/server", async () => {
  const { createTranslator: make } = await import("next-intl");
  const { MESSAGES: all } = await import("@/server/i18n/messages");
  return {
    getLocale: async () => session.locale,
    getTranslations: async (opts?: { locale?: string }) => {
      const locale = (opts?.locale ?? session.locale) as "en" | "pt-BR";
      return make({ locale, messages: all[locale] });
    },
  };
});
const route = await import("@/app/api/stock/export/route");

withTestDb();
let w: World;
let clerk: SessionUser;
beforeEach(async () => {
  w = await buildWorld({
    warehouses: [{ code: "SP1", state: "SP", bins: 2 }, { code: "RJ1", state: "RJ", bins: 1 }],
    skus: ["A", "B"],
    stock: [{ sku: "A", wh: "SP1", onHand: 10 }, { sku: "B", wh: "SP1", onHand: 3, bin: 1 }],
  });
  clerk = await makeUser("WAREHOUSE");
  session.user = clerk;
  session.locale = "pt-BR";
});

const say = (locale: Locale) => createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as Say;
async function exported(locale: Locale): Promise<string> {
  let text = "";
  for await (const chunk of exportStockGridCsv({ filter: "ALL" }, { locale, labels: stockCsvLabels(say(locale)) })) text += chunk;
  return text.replace(/^\uFEFF/, "");
}
const table = (text: string, sep: string) => text.trim().split("\r\n").map((l) => l.split(sep));

describe("stock CSV export in the reader's language", () => {
  it("pt-BR: Portuguese headers, words and ';'", async () => {
    const rows = table(await exported("pt-BR"), ";");
    expect(rows[0]).toEqual([
      "sku", "nome", "ean", "ativo", "situacao", "ponto_reposicao", "em_maos", "reservado", "indisponivel", "estoque_seguranca", "disponivel", "a_receber",
      "vendido_30d", "aguardando_estoque", "em_maos_RJ1", "disponivel_RJ1", "em_maos_SP1", "disponivel_SP1",
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[6], r[16]])).toEqual([["A", "sim", "Em estoque", "10", "10"], ["B", "sim", "Baixo", "3", "3"]]);
  });

  it("en: the README's identifiers and ',' (unchanged for scripts)", async () => {
    const text = await exported("en");
    const rows = table(text, ",");
    expect(rows[0]).toEqual([...STOCK_EXPORT_COLUMNS, "on_hand_RJ1", "available_RJ1", "on_hand_SP1", "available_SP1"]);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([["A", "yes", "OK"], ["B", "yes", "LOW"]]);
    // The translated English labels are exactly the identifiers the service writes without labels.
    let plain = "";
    for await (const chunk of exportStockGridCsv({ filter: "ALL" })) plain += chunk;
    expect(plain.replace(/^\uFEFF/, "")).toBe(text);
    expect(stockCsvLabels(say("en")).health).toEqual(STOCK_CSV_IDENTIFIERS.health);
  });

  it.each([
    ["pt-BR", ";", ["armazém", "endereço", "quantidade contada"]],
    ["en", ",", ["warehouse", "bin", "counted"]],
  ] as const)("round-trips: the %s export with count columns added imports as a cycle count", async (locale, sep, countHeaders) => {
    const rows = table(await exported(locale), sep);
    const counted: Record<string, [string, string, number]> = { A: ["SP1", "SP1-A-01", 7], B: ["SP1", "SP1-A-02", 5] };
    const file = rows.map((r, i) => {
      const extra = i === 0 ? countHeaders : (counted[r[0] as string] ?? []).map(String);
      return [...r, ...extra].join(sep);
    }).join("\r\n");
    const report = await createCaller({ user: clerk }).purchasing.importCounts({ csv: file, fileName: `estoque.csv` });
    expect(report.problem).toBeNull();
    expect(report.rows.map((r) => [r.sku, r.status, r.before, r.after])).toEqual([["A", "APPLIED", 10, 7], ["B", "APPLIED", 3, 5]]);
    expect((await db.binStock.findFirstOrThrow({ where: { skuId: w.sku.A, binId: w.wh.SP1?.bins[0] } })).onHand).toBe(7);
  });
});

describe("GET /api/stock/export", () => {
  it("answers in the reader's language, file name included; ?locale= overrides", async () => {
    const pt = await route.GET(new Request("http://localhost/api/stock/export"));
    expect(pt.headers.get("content-disposition")).toMatch(/filename="estoque-\d{12}\.csv"/);
    expect((await pt.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^sku;nome;ean;ativo;situacao;/);

    const en = await route.GET(new Request("http://localhost/api/stock/export?locale=en"));
    expect(en.headers.get("content-disposition")).toMatch(/filename="stock-\d{12}\.csv"/);
    expect((await en.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^sku,name,ean,active,health,/);
  });
});
