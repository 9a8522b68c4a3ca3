/**
 * The SKU page's count and transfer forms send the warehouse they chose with the bin: a bin of another warehouse
 * is refused (translated rule BIN_NOT_IN_WAREHOUSE) and nothing moves; the matching pair and the old input without
 * a warehouse still work, and a transfer still cannot take from a bin that does not hold the SKU.
 */
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { errorText } from "@/components/ui/error-text";
import { MESSAGES } from "@/server/i18n/messages";
import { readLedgerReason } from "@/server/services/stock/ledger-reasons";
import { buildWorld, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
let w: World;
let clerk: SessionUser;

beforeEach(async () => {
  w = await buildWorld({
    warehouses: [{ code: "SP1", state: "SP", bins: 2 }, { code: "RJ1", state: "RJ", bins: 1 }],
    skus: ["CAM-001"],
    stock: [{ sku: "CAM-001", wh: "SP1", onHand: 20 }],
  });
  clerk = await makeUser("WAREHOUSE");
});

const as = (user: SessionUser) => createCaller({ user });
const bin = (wh: string, i = 0) => w.wh[wh]?.bins[i] as string;
const wh = (code: string) => w.wh[code]?.id as string;
const sku = () => w.sku["CAM-001"] as string;
const movements = () => db.stockMovement.count({ where: { type: { in: ["ADJUSTMENT", "TRANSFER_IN", "TRANSFER_OUT"] } } });

describe("bin and warehouse of the stock forms", () => {
  it("refuses a count in a bin of another warehouse than the one chosen, with a translated reason", async () => {
    const p = as(clerk).stock.adjust({ mode: "DELTA", skuId: sku(), warehouseId: wh("SP1"), binId: bin("RJ1"), delta: 2, reason: "count" });
    await expect(p).rejects.toMatchObject({ cause: { code: "VALIDATION", params: { rule: "BIN_NOT_IN_WAREHOUSE", field: "binId", warehouse: "SP1", binWarehouse: "RJ1" } } });
    expect(await movements()).toBe(0);

    type Refusal = { message: string; cause: { code: string; params: Record<string, string | number> } };
    const error = (await p.then(() => null, (e: unknown) => e)) as Refusal;
    const asTrpc = { message: error.message, data: { domainCode: error.cause.code, params: error.cause.params } };
    for (const [locale, words] of [["en", /is not in warehouse SP1/], ["pt-BR", /não é do armazém SP1/]] as const) {
      const t = createTranslator({ locale, messages: MESSAGES[locale] });
      expect(errorText(t as never, asTrpc, { scopes: ["stock.errors"] })).toMatch(words);
    }
  });

  it("applies a count whose bin is of the chosen warehouse, and one sent without a warehouse (CSV import, API)", async () => {
    const a = await as(clerk).stock.adjust({ mode: "SET", skuId: sku(), warehouseId: wh("SP1"), binId: bin("SP1", 1), counted: 4, reason: "found" });
    expect(a.changes[0]).toMatchObject({ type: "ADJUSTMENT", onHandDelta: 4, warehouse: "SP1" });
    const b = await as(clerk).stock.adjust({ mode: "DELTA", skuId: sku(), binId: bin("RJ1"), delta: 1, reason: "found" });
    expect(b.changes[0]).toMatchObject({ warehouse: "RJ1" });
    // The ledger reason is Fluxo's words around the person's: it reads in the reader's language, the note as typed.
    const reasons = (await db.stockMovement.findMany({ where: { type: "ADJUSTMENT" }, orderBy: { createdAt: "asc" }, select: { reason: true } })).map((m) => m.reason);
    expect(reasons.map((r) => readLedgerReason(r))).toEqual([
      { key: "cycleCount", params: { counted: "4", note: "found" } },
      { key: "adjustment", params: { note: "found" } },
    ]);
    const pt = createTranslator({ locale: "pt-BR", messages: MESSAGES["pt-BR"] }) as unknown as (key: string, values: Record<string, string>) => string;
    expect(pt("stock.reasons.cycleCount", { counted: "4", note: "found" })).toBe("Contagem cíclica (4 contadas): found");
  });

  it("refuses a transfer into a bin of another warehouse than the destination chosen", async () => {
    const p = as(clerk).stock.transfer({ skuId: sku(), fromBinId: bin("SP1"), toWarehouseId: wh("SP1"), toBinId: bin("RJ1"), quantity: 2, reason: "re-slot" });
    await expect(p).rejects.toMatchObject({ cause: { code: "VALIDATION", params: { rule: "BIN_NOT_IN_WAREHOUSE", field: "toBinId", bin: expect.any(String) } } });
    expect(await movements()).toBe(0);
  });

  it("moves within the warehouse and to another one when the destination matches", async () => {
    await as(clerk).stock.transfer({ skuId: sku(), fromBinId: bin("SP1"), toWarehouseId: wh("SP1"), toBinId: bin("SP1", 1), quantity: 2, reason: "re-slot" });
    const r = await as(clerk).stock.transfer({ skuId: sku(), fromBinId: bin("SP1"), toWarehouseId: wh("RJ1"), toBinId: bin("RJ1"), quantity: 3, reason: "to Rio" });
    expect(r.changes.map((c) => [c.type, c.warehouse, c.onHandDelta])).toEqual([["TRANSFER_OUT", "SP1", -3], ["TRANSFER_IN", "RJ1", 3]]);
    const moved = await db.stockMovement.findFirstOrThrow({ where: { type: "TRANSFER_IN", warehouseId: wh("RJ1") }, select: { reason: true } });
    expect(readLedgerReason(moved.reason)).toEqual({ key: "transfer", params: { from: "SP1/SP1-A-01", to: "RJ1/RJ1-A-01", note: "to Rio" } });
  });

  it("still refuses a transfer out of a bin that does not hold the SKU", async () => {
    const p = as(clerk).stock.transfer({ skuId: sku(), fromBinId: bin("SP1", 1), toWarehouseId: wh("SP1"), toBinId: bin("SP1"), quantity: 1, reason: "empty" });
    await expect(p).rejects.toMatchObject({ cause: { params: { rule: "BIN_SHORT", onHand: 0 } } });
  });
});
