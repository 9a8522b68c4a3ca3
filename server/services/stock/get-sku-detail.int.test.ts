/**
 * The SKU stock page's data: product facts, the ledger after a count, and the
 * on-hand series rebuilt day by day from the ledger (movements backdated into
 * the window, in the merchant's time zone).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { getSkuDetail } from "@/server/services/stock/get-sku-detail";
import { getOnHandSeries } from "@/server/services/stock/get-sku-ledger";
import { buildWorld, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
let w: World;
let clerk: SessionUser;

beforeEach(async () => {
  w = await buildWorld({
    warehouses: [{ code: "SP1", state: "SP", bins: 2 }, { code: "PR1", state: "PR", bins: 1 }],
    skus: ["TOA-01"],
    stock: [{ sku: "TOA-01", wh: "SP1", onHand: 10 }, { sku: "TOA-01", wh: "PR1", onHand: 4 }],
  });
  clerk = await makeUser("WAREHOUSE");
});

const sku = () => w.sku["TOA-01"] as string;
const bin = (wh: string, i = 0) => w.wh[wh]?.bins[i] as string;
const DAY = 86_400_000;
/** The calendar day `daysAgo` days before today in São Paulo, YYYY-MM-DD. */
const spDay = (daysAgo: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() - daysAgo * DAY));

describe("SKU detail", () => {
  it("carries the product facts the page shows", async () => {
    await db.sku.update({ where: { id: sku() }, data: { ean: "7891234567895", ncm: "63026000", weightGrams: 450, lengthMm: 700, widthMm: 400, heightMm: 30 } });
    const d = await getSkuDetail({ skuId: sku() });
    expect(d.sku).toMatchObject({ code: "TOA-01", ean: "7891234567895", ncm: "63026000", weightGrams: 450, lengthMm: 700, widthMm: 400, heightMm: 30 });
    const viaRouter = await createCaller({ user: clerk }).stock.sku({ skuId: sku() });
    expect(viaRouter.sku).toMatchObject({ ncm: "63026000", weightGrams: 450, heightMm: 30 });
  });

  it("shows a count as the newest ledger row with its reason and who did it, and the new on hand", async () => {
    await createCaller({ user: clerk }).stock.adjust({ mode: "SET", skuId: sku(), binId: bin("SP1"), counted: 7, reason: "shelf recount" });
    const d = await getSkuDetail({ skuId: sku() });
    expect(d.ledger.rows[0]).toMatchObject({ type: "ADJUSTMENT", onHandDelta: -3, actorLabel: "WAREHOUSE user", binCode: "SP1-A-01" });
    expect(d.ledger.rows[0]?.reason).toContain("shelf recount");
    expect(d.levels.total.onHand).toBe(11);
    expect(d.levels.warehouses.find((x) => x.code === "SP1")?.onHand).toBe(7);
    expect(d.series.at(-1)).toEqual({ date: spDay(0), onHand: 11 });
  });
});

describe("on-hand series", () => {
  it("rebuilds the level at the end of each day from the movements in the window", async () => {
    const api = createCaller({ user: clerk });
    await api.stock.adjust({ mode: "DELTA", skuId: sku(), binId: bin("SP1"), delta: 6, reason: "found a box" });
    await api.stock.adjust({ mode: "DELTA", skuId: sku(), binId: bin("PR1"), delta: -2, reason: "damaged beyond repair" });
    // Opening receipts 20 days ago, +6 five days ago, −2 today.
    const rows = await db.stockMovement.findMany({ where: { skuId: sku() }, orderBy: { id: "asc" }, select: { id: true, onHandDelta: true } });
    expect(rows.map((r) => r.onHandDelta)).toEqual([10, 4, 6, -2]);
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
    // Backdating rewrites the (append-only) ledger: allowed only in a transaction that says so.
    await db.$transaction([
      db.$executeRaw`SET LOCAL fluxo.ledger_maintenance = 'on'`,
      db.stockMovement.updateMany({ where: { id: { in: [rows[0]!.id, rows[1]!.id] } }, data: { createdAt: at(20) } }),
      db.stockMovement.update({ where: { id: rows[2]!.id }, data: { createdAt: at(5) } }),
    ]);

    const series = await getOnHandSeries({ skuId: sku(), days: 30 });
    expect(series).toHaveLength(30);
    const on = (daysAgo: number) => series.find((p) => p.date === spDay(daysAgo))?.onHand;
    expect(on(25)).toBe(0);
    expect(on(20)).toBe(14);
    expect(on(6)).toBe(14);
    expect(on(5)).toBe(20);
    expect(on(1)).toBe(20);
    expect(on(0)).toBe(18);

    const pr = await getOnHandSeries({ skuId: sku(), warehouseId: w.wh.PR1?.id as string, days: 30 });
    expect([pr.find((p) => p.date === spDay(21))?.onHand, pr.find((p) => p.date === spDay(19))?.onHand, pr.at(-1)?.onHand]).toEqual([0, 4, 2]);
  });
});
