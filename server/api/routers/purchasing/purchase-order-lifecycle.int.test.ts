/**
 * Cancelling, closing short and re-dating purchase orders through the routers:
 * the state, what stops counting as incoming (stock grid, SKU page), receiving
 * refused afterwards, the roles, the expected-date rule and the history rows.
 */
import { TRPCError } from "@trpc/server";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { errorText, type Translate } from "@/components/ui/error-text";
import { createCaller } from "@/server/api/root";
import { errorData } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { MESSAGES } from "@/server/i18n/messages";
import { DomainError } from "@/server/lib/domain-error";
import { userActor } from "@/server/services/order/actor";
import { changePurchaseOrderExpectedDate } from "@/server/services/stock/change-purchase-order-expected-date";
import { createPurchaseOrder } from "@/server/services/stock/create-purchase-order";
import { dayInZone } from "@/server/services/stock/purchase-order-state";
import { balance, buildWorld, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
let w: World;
let clerk: SessionUser;
let admin: SessionUser;

beforeEach(async () => {
  w = await buildWorld({
    warehouses: [{ code: "SP1", state: "SP", bins: 2 }],
    skus: ["A", "B"],
    stock: [{ sku: "A", wh: "SP1", onHand: 10 }],
  });
  clerk = await makeUser("WAREHOUSE");
  admin = await makeUser("ADMIN");
});

const as = (user: SessionUser) => createCaller({ user });
const bin = (i = 0) => w.wh.SP1?.bins[i] as string;
/** Noon UTC of the merchant's day `n` days from today (São Paulo: the default settings), as the form sends it. */
const day = (n: number) => new Date(`${dayInZone(new Date(Date.now() + n * 86_400_000), "America/Sao_Paulo")}T12:00:00Z`);
const domain = (e: unknown) => (e instanceof TRPCError && e.cause instanceof DomainError ? e.cause : e);

async function newPo(user: SessionUser, lines: { sku: string; quantity: number }[], expectedAt?: Date) {
  return as(user).stock.createPurchaseOrder({
    warehouseId: w.wh.SP1?.id as string, supplier: "Malharia", ...(expectedAt ? { expectedAt } : {}),
    lines: lines.map((l) => ({ skuId: w.sku[l.sku] as string, quantity: l.quantity })),
  });
}

async function incoming(sku: string) {
  const grid = (await as(clerk).stock.grid({})).rows.find((r) => r.code === sku);
  const detail = await as(clerk).stock.sku({ skuId: w.sku[sku] as string });
  return { grid: grid?.total.incoming, gridSp1: grid?.warehouses.find((x) => x.warehouseId === w.wh.SP1?.id)?.incoming ?? 0, sku: detail.levels.total.incoming, rows: detail.incoming.length };
}

async function refused(p: Promise<unknown>, code: TRPCError["code"], params: Record<string, unknown>) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(TRPCError);
  expect(e).toMatchObject({ code });
  expect(domain(e)).toMatchObject({ params });
}

describe("cancelling a purchase order", () => {
  it("cancels one with nothing received: no longer incoming anywhere, not receivable, listed and audited", async () => {
    const po = await newPo(clerk, [{ sku: "A", quantity: 12 }, { sku: "B", quantity: 3 }]);
    expect(await incoming("A")).toEqual({ grid: 12, gridSp1: 12, sku: 12, rows: 1 });

    const r = await as(clerk).purchasing.cancel({ purchaseOrderId: po.id, reason: "  Fornecedor sem estoque  " });
    expect(r).toEqual({ purchaseOrderId: po.id, number: po.number, status: "CANCELLED", state: "CANCELLED", units: 15 });
    expect(await incoming("A")).toEqual({ grid: 0, gridSp1: 0, sku: 0, rows: 0 });
    expect(await incoming("B")).toMatchObject({ grid: 0, sku: 0, rows: 0 });

    await refused(
      as(clerk).stock.receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id as string, binId: bin(), quantity: 1 }] }),
      "BAD_REQUEST", { rule: "PO_CLOSED", status: "CANCELLED", number: po.number },
    );
    expect((await balance(w, "A", "SP1")).onHand).toBe(10);

    const d = await as(clerk).purchasing.purchaseOrder({ id: po.id });
    expect(d).toMatchObject({ status: "CANCELLED", state: "CANCELLED", actions: { receive: false, cancel: false, closeShort: false, changeExpectedDate: false } });
    expect(d.lines.map((l) => [l.skuCode, l.open, l.notDelivered])).toEqual([["A", 0, 12], ["B", 0, 3]]);
    expect(d.history).toEqual([
      expect.objectContaining({ kind: "cancelled", by: "WAREHOUSE user", reason: "Fornecedor sem estoque", units: 15, status: "CANCELLED" }),
      expect.objectContaining({ kind: "created", by: "WAREHOUSE user", units: 15, status: "OPEN", to: null }),
    ]);
    const rows = await db.auditLog.findMany({ where: { entity: "PurchaseOrder", entityId: po.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true, data: true } });
    expect(rows.map((x) => x.action)).toEqual(["purchaseOrder.created", "purchaseOrder.cancelled"]);
    expect(rows[1]).toMatchObject({ actorId: clerk.id, data: { previousStatus: "OPEN", status: "CANCELLED", reason: "Fornecedor sem estoque", units: 15, by: "WAREHOUSE user" } });

    expect((await as(clerk).stock.purchaseOrders({ status: "CANCELLED" })).rows.map((x) => [x.number, x.state])).toEqual([[po.number, "CANCELLED"]]);
    expect((await as(clerk).stock.purchaseOrders({ status: "OPEN" })).rows).toEqual([]);
    // A second cancel finds it closed.
    await refused(as(admin).purchasing.cancel({ purchaseOrderId: po.id, reason: "again" }), "CONFLICT", { rule: "PO_NOT_OPEN", status: "CANCELLED" });
  });

  it("refuses to cancel what has received units (close short instead), to close short what has none, and a blank reason", async () => {
    const po = await newPo(clerk, [{ sku: "A", quantity: 5 }]);
    await refused(as(clerk).purchasing.closeShort({ purchaseOrderId: po.id, reason: "x" }), "CONFLICT", { rule: "PO_NOTHING_RECEIVED", number: po.number });
    await expect(as(clerk).purchasing.cancel({ purchaseOrderId: po.id, reason: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await as(clerk).stock.receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id as string, binId: bin(), quantity: 2 }] });
    await refused(as(clerk).purchasing.cancel({ purchaseOrderId: po.id, reason: "x" }), "CONFLICT", { rule: "PO_HAS_RECEIPTS", status: "PARTIALLY_RECEIVED" });
    await expect(as(clerk).purchasing.cancel({ purchaseOrderId: "00000000-0000-4000-8000-000000000000", reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).status).toBe("PARTIALLY_RECEIVED");
    expect(await db.auditLog.count({ where: { action: { in: ["purchaseOrder.cancelled", "purchaseOrder.closedShort"] } } })).toBe(0);
  });
});

describe("closing a purchase order short", () => {
  it("keeps what arrived, drops the rest from incoming, refuses more receipts and lists it as closed short", async () => {
    const po = await newPo(clerk, [{ sku: "A", quantity: 12 }, { sku: "B", quantity: 3 }]);
    const lineA = po.lines.find((l) => l.skuId === w.sku.A)?.id as string;
    await as(clerk).stock.receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ lineId: lineA, binId: bin(1), quantity: 5 }], note: "NF-e 123" });
    expect(await incoming("A")).toMatchObject({ grid: 7, sku: 7, rows: 1 });

    const r = await as(admin).purchasing.closeShort({ purchaseOrderId: po.id, reason: "Fornecedor descontinuou" });
    expect(r).toEqual({ purchaseOrderId: po.id, number: po.number, status: "RECEIVED", state: "CLOSED_SHORT", units: 10 });
    expect(await incoming("A")).toEqual({ grid: 0, gridSp1: 0, sku: 0, rows: 0 });
    expect(await incoming("B")).toMatchObject({ grid: 0, sku: 0, rows: 0 });
    expect((await balance(w, "A", "SP1")).onHand).toBe(15);

    await refused(
      as(clerk).stock.receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ lineId: lineA, binId: bin(), quantity: 1 }] }),
      "BAD_REQUEST", { rule: "PO_CLOSED", status: "CLOSED_SHORT" },
    );
    await refused(as(clerk).purchasing.changeExpectedDate({ purchaseOrderId: po.id, expectedAt: day(3), reason: "x" }), "CONFLICT", { rule: "PO_NOT_OPEN", status: "CLOSED_SHORT" });

    const d = await as(clerk).purchasing.purchaseOrder({ id: po.id });
    expect(d).toMatchObject({ status: "RECEIVED", state: "CLOSED_SHORT", actions: { receive: false, cancel: false, closeShort: false } });
    expect(d.lines.map((l) => [l.skuCode, l.quantityReceived, l.open, l.notDelivered])).toEqual([["A", 5, 0, 7], ["B", 0, 0, 3]]);
    expect(d.history.map((h) => [h.kind, h.by, h.units, h.status, h.reason])).toEqual([
      ["closedShort", "ADMIN user", 10, "RECEIVED", "Fornecedor descontinuou"],
      ["received", "WAREHOUSE user", 5, "PARTIALLY_RECEIVED", "NF-e 123"],
      ["created", "WAREHOUSE user", 15, "OPEN", null],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: po.id, action: "purchaseOrder.closedShort" } });
    expect(audit).toMatchObject({ actorId: admin.id, data: { lines: [{ sku: "A", ordered: 12, received: 5, notDelivered: 7 }, { sku: "B", ordered: 3, received: 0, notDelivered: 3 }] } });

    // RECEIVED (in full) and CLOSED_SHORT are told apart in the list and its filter.
    const full = await newPo(clerk, [{ sku: "B", quantity: 2 }]);
    await as(clerk).stock.receivePurchaseOrder({ purchaseOrderId: full.id, lines: [{ lineId: full.lines[0]?.id as string, binId: bin(), quantity: 2 }] });
    const list = async (status?: "RECEIVED" | "CLOSED_SHORT") => (await as(clerk).stock.purchaseOrders(status ? { status } : {})).rows.map((x) => [x.number, x.state]);
    expect(await list("CLOSED_SHORT")).toEqual([[po.number, "CLOSED_SHORT"]]);
    expect(await list("RECEIVED")).toEqual([[full.number, "RECEIVED"]]);
    expect(await list()).toEqual([[full.number, "RECEIVED"], [po.number, "CLOSED_SHORT"]]);
  });
});

describe("roles", () => {
  it("refuses cancel, close short and re-dating to MANAGER and OPERATOR and changes nothing; they still read the history", async () => {
    const po = await newPo(clerk, [{ sku: "A", quantity: 4 }], day(5));
    for (const role of ["MANAGER", "OPERATOR"] as const) {
      const user = await makeUser(role);
      for (const p of [
        as(user).purchasing.cancel({ purchaseOrderId: po.id, reason: "x" }),
        as(user).purchasing.closeShort({ purchaseOrderId: po.id, reason: "x" }),
        as(user).purchasing.changeExpectedDate({ purchaseOrderId: po.id, expectedAt: day(9), reason: "x" }),
      ]) await expect(p).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect((await as(user).purchasing.purchaseOrder({ id: po.id })).history).toHaveLength(1);
    }
    expect(await db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).toMatchObject({ status: "OPEN", expectedAt: day(5) });
    expect(await db.auditLog.count({ where: { entityId: po.id } })).toBe(1);
  });
});

describe("expected date", () => {
  it("refuses a day before the merchant's today on create and on change, and records a change from → to with the reason", async () => {
    await refused(newPo(clerk, [{ sku: "A", quantity: 1 }], day(-1)), "BAD_REQUEST", { field: "expectedAt", rule: "EXPECTED_DATE_PAST", timeZone: "America/Sao_Paulo" });
    expect(await db.purchaseOrder.count()).toBe(0);

    const po = await newPo(clerk, [{ sku: "A", quantity: 4 }], day(0));
    await refused(
      as(clerk).purchasing.changeExpectedDate({ purchaseOrderId: po.id, expectedAt: day(-2), reason: "atraso" }),
      "BAD_REQUEST", { field: "expectedAt", rule: "EXPECTED_DATE_PAST", date: dayInZone(day(-2), "America/Sao_Paulo") },
    );
    await refused(as(clerk).purchasing.changeExpectedDate({ purchaseOrderId: po.id, expectedAt: day(0), reason: "atraso" }), "BAD_REQUEST", { rule: "EXPECTED_DATE_UNCHANGED" });

    const r = await as(admin).purchasing.changeExpectedDate({ purchaseOrderId: po.id, expectedAt: day(10), reason: "Fornecedor atrasou o envio" });
    expect(r).toEqual({ purchaseOrderId: po.id, number: po.number, from: day(0), to: day(10) });
    expect((await as(clerk).stock.sku({ skuId: w.sku.A as string })).incoming).toEqual([expect.objectContaining({ expectedAt: day(10), open: 4 })]);
    const d = await as(clerk).purchasing.purchaseOrder({ id: po.id });
    expect(d).toMatchObject({ expectedAt: day(10), expectedDay: dayInZone(day(10), "America/Sao_Paulo"), state: "OPEN" });
    expect(d.history[0]).toEqual(expect.objectContaining({ kind: "expectedDateChanged", by: "ADMIN user", from: day(0), to: day(10), reason: "Fornecedor atrasou o envio" }));
    expect(d.history[1]).toEqual(expect.objectContaining({ kind: "created", to: day(0) }));
  });

  it("reads today in the merchant's time zone from the settings", async () => {
    // 16:00 UTC on the 29th: still the 29th in São Paulo, already the 30th in Tokyo.
    const now = new Date("2026-11-29T16:00:00Z");
    const expectedAt = new Date("2026-11-29T12:00:00Z");
    const input = { warehouseId: w.wh.SP1?.id as string, supplier: "X", expectedAt, lines: [{ skuId: w.sku.A as string, quantity: 1 }] };
    const po = await createPurchaseOrder({ actor: userActor(clerk), input, now });
    await db.merchantSettings.upsert({ where: { id: 1 }, create: { timeZone: "Asia/Tokyo" }, update: { timeZone: "Asia/Tokyo" } });
    await expect(createPurchaseOrder({ actor: userActor(clerk), input, now })).rejects.toMatchObject({ params: { rule: "EXPECTED_DATE_PAST", today: "2026-11-30", timeZone: "Asia/Tokyo" } });
    await expect(changePurchaseOrderExpectedDate({ actor: userActor(clerk), input: { purchaseOrderId: po.id, expectedAt, reason: "x" }, now }))
      .rejects.toMatchObject({ params: { rule: "EXPECTED_DATE_PAST" } });
    const moved = await changePurchaseOrderExpectedDate({ actor: userActor(clerk), input: { purchaseOrderId: po.id, expectedAt: new Date("2026-11-30T12:00:00Z"), reason: "x" }, now });
    expect(moved.to).toEqual(new Date("2026-11-30T12:00:00Z"));
  });
});

describe("refusals as the pages show them", () => {
  const say = (locale: "en" | "pt-BR") => createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => { throw e; } }) as unknown as Translate;
  async function shown(p: Promise<unknown>) {
    const e = (await p.then(() => null, (x: unknown) => x)) as TRPCError;
    const client = { message: e.message, data: errorData(e) };
    return { en: errorText(say("en"), client, { scopes: ["stock.errors"] }), pt: errorText(say("pt-BR"), client, { scopes: ["stock.errors"] }) };
  }

  it("says each refusal in English and Portuguese", async () => {
    expect(await shown(newPo(clerk, [{ sku: "A", quantity: 1 }], day(-1)))).toEqual({
      en: "The expected date cannot be before today (time zone America/Sao_Paulo): choose today or a later day.",
      pt: "A data prevista não pode ser anterior a hoje (fuso horário America/Sao_Paulo): escolha hoje ou um dia posterior.",
    });
    const po = await newPo(clerk, [{ sku: "A", quantity: 3 }]);
    await as(clerk).stock.receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id as string, binId: bin(), quantity: 1 }] });
    expect(await shown(as(clerk).purchasing.cancel({ purchaseOrderId: po.id, reason: "x" }))).toEqual({
      en: `Purchase order #${po.number} has already received goods, so it cannot be cancelled: close it short instead.`,
      pt: `O pedido de compra #${po.number} já recebeu mercadoria e não pode ser cancelado: encerre-o com falta.`,
    });
    await as(clerk).purchasing.closeShort({ purchaseOrderId: po.id, reason: "x" });
    expect(await shown(as(clerk).stock.receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id as string, binId: bin(), quantity: 1 }] }))).toEqual({
      en: `Purchase order #${po.number} is closed short: nothing more can be received.`,
      pt: `O pedido de compra #${po.number} está encerrado com falta: não é possível receber mais nada.`,
    });
    expect((await shown(as(clerk).purchasing.changeExpectedDate({ purchaseOrderId: po.id, expectedAt: day(2), reason: "x" }))).pt)
      .toBe(`O pedido de compra #${po.number} está encerrado com falta: não pode mais ser alterado.`);
  });
});
