/**
 * Refusals as a Portuguese page shows them, end to end: the router refuses
 * (zod input or a service's DomainError), the error formatter's data
 * (errorData) goes to the client, and the client's text (errorText) is read
 * with the pt-BR messages and the scope the form passes.
 */
import { TRPCError } from "@trpc/server";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { errorText, type Translate } from "@/components/ui/error-text";
import { createCaller } from "@/server/api/root";
import { errorData } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/options";
import { MESSAGES } from "@/server/i18n/messages";
import { buildWorld, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
const pt = createTranslator({ locale: "pt-BR", messages: MESSAGES["pt-BR"], onError: (e) => { throw e; } }) as unknown as Translate;
const en = createTranslator({ locale: "en", messages: MESSAGES.en, onError: (e) => { throw e; } }) as unknown as Translate;

let w: World;
let clerk: SessionUser;
let admin: SessionUser;

beforeEach(async () => {
  w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP", bins: 2 }], skus: ["ALM-DEC-AZU"], stock: [{ sku: "ALM-DEC-AZU", wh: "SP1", onHand: 46 }] });
  clerk = await makeUser("WAREHOUSE");
  admin = await makeUser("ADMIN");
});

const bin = (i: number) => w.wh.SP1?.bins[i] as string;
const sku = () => w.sku["ALM-DEC-AZU"] as string;

/** What the page shows for the refusal `p` ends in, in both languages. */
async function shown(p: Promise<unknown>, scope?: string): Promise<{ pt: string | null; en: string | null }> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  const client = { message: (error as TRPCError).message, data: errorData(error as TRPCError) };
  const opts = scope ? { scopes: [scope] } : {};
  return { pt: errorText(pt, client, opts), en: errorText(en, client, opts) };
}

describe("stock page refusals in Portuguese", () => {
  it("a change of 0 units", async () => {
    const text = await shown(createCaller({ user: clerk }).stock.adjust({ mode: "DELTA", skuId: sku(), binId: bin(0), delta: 0, reason: "contagem" }), "stock.errors");
    expect(text).toEqual({ pt: "Alteração (±): Não pode ser 0.", en: "Change (±): Must not be 0." });
  });

  it("a transfer of more units than the bin holds names the bin, the SKU and the numbers", async () => {
    await createCaller({ user: clerk }).stock.setUnavailable({ skuId: sku(), binId: bin(0), quantity: 2, direction: "TO_UNAVAILABLE", kind: "DAMAGED", reason: "caiu da prateleira" });
    const text = await shown(
      createCaller({ user: clerk }).stock.transfer({ skuId: sku(), fromBinId: bin(0), toBinId: bin(1), quantity: 999, reason: "reorganizar" }),
      "stock.errors",
    );
    expect(text.pt).toBe("Estoque insuficiente: o endereço SP1-A-01 tem 46 de ALM-DEC-AZU (2 indisponíveis); esta alteração deixaria -953 (2 indisponíveis).");
    expect(text.en).toBe("Not enough stock: bin SP1-A-01 holds 46 of ALM-DEC-AZU (2 unavailable); this change would leave -953 (2 unavailable).");
  });

  it("damaged units above the bin's stock, and clearing more than are marked", async () => {
    const api = createCaller({ user: clerk }).stock;
    const mark = await shown(api.setUnavailable({ skuId: sku(), binId: bin(0), quantity: 50, direction: "TO_UNAVAILABLE", kind: "DAMAGED", reason: "avaria" }), "stock.errors");
    expect(mark.pt).toBe("Estoque insuficiente: o endereço SP1-A-01 tem 46 de ALM-DEC-AZU (0 indisponíveis); esta alteração deixaria 46 (50 indisponíveis).");
    const clear = await shown(api.setUnavailable({ skuId: sku(), binId: bin(0), quantity: 3, direction: "FROM_UNAVAILABLE", kind: "QUARANTINE", reason: "liberado" }), "stock.errors");
    expect(clear.pt).toBe("Estoque insuficiente: o endereço SP1-A-01 tem 0 de ALM-DEC-AZU em quarentena; não é possível liberar 3.");
  });

  it("receiving more than the purchase order still expects", async () => {
    const api = createCaller({ user: clerk }).stock;
    const po = await api.createPurchaseOrder({ warehouseId: w.wh.SP1?.id as string, supplier: "Têxtil", lines: [{ skuId: sku(), quantity: 5 }] });
    const text = await shown(api.receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id as string, binId: bin(0), quantity: 9 }] }), "stock.errors");
    expect(text.pt).toBe(`Pedido de compra #${po.number}: 9 recebidas, mas só 5 ainda esperadas nesse item.`);
  });
});

describe("settings refusals in Portuguese", () => {
  it("a Shopify channel with a 3-character secret, or none", async () => {
    const api = createCaller({ user: admin }).channel;
    expect((await shown(api.create({ platform: "SHOPIFY", name: "Loja Aurora", secret: "abc" }), "channels.errors")).pt).toBe("Segredo do webhook: Use pelo menos 8 caracteres.");
    expect((await shown(api.create({ platform: "SHOPIFY", name: "Loja Aurora" }), "channels.errors")).pt).toBe(
      "Esta plataforma assina os webhooks com o próprio segredo: cole-o em Segredo do webhook.",
    );
  });

  it("a carrier code that exists, and a carrier without name or services", async () => {
    const api = createCaller({ user: admin }).carrier;
    await api.create({ code: "correios", name: "Correios", kind: "CORREIOS", services: ["SEDEX", "PAC"] });
    expect((await shown(api.create({ code: "correios", name: "Outra", kind: "GENERIC", services: ["X"] }), "shipping.errors.rule")).pt).toBe(
      "Já existe uma transportadora com o código “correios”.",
    );
    expect((await shown(api.create({ code: "nova", name: "", kind: "GENERIC", services: [] }))).pt).toBe("Nome: Obrigatório. Serviços: Informe pelo menos 1.");
  });

  it("merchant settings with a currency that is not a code", async () => {
    const text = await shown(
      createCaller({ user: admin }).settings.update({ companyName: "Loja", timeZone: "America/Sao_Paulo", currency: "reais", backorderPolicy: "BACKORDER", allowSplitShipments: false }),
    );
    expect(text.pt).toBe("Moeda: Use um código de moeda de 3 letras, ex.: BRL.");
  });
});
