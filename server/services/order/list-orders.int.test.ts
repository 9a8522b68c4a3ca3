import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import { withTestDb } from "@/server/test/with-test-db";
import { countOrders } from "@/server/services/order/count-orders";
import { exportOrdersCsv } from "@/server/services/order/export-orders";
import { ordersCsvLabels } from "@/server/services/order/export-labels";
import { listOrders } from "@/server/services/order/list-orders";
import { ORDER_SORTS, type OrderFilter, type OrderSort } from "@/server/services/order/order-filters";
import { createChannel, createUser, insertOrder } from "@/server/services/order/order-test-factory";

const testDb = withTestDb();
let operator: SessionUser;
let channelA: string;
let channelB: string;

beforeEach(async () => {
  operator = await createUser(testDb().db, "OPERATOR");
  channelA = await createChannel(testDb().db, "Loja Shopify", "SHOPIFY");
  channelB = await createChannel(testDb().db, "Mercado Livre", "MERCADO_LIVRE");
});

async function numbers(filter: OrderFilter, sort?: OrderSort, now?: Date): Promise<number[]> {
  const page = await listOrders({ actor: operator, filter, sort, limit: 200, now });
  return page.items.map((o) => o.number);
}

describe("listOrders", () => {
  it("lists newest first with the list's columns, channel and line count", async () => {
    const old = await insertOrder(testDb().db, { channelId: channelA, placedAt: new Date("2026-01-01T10:00:00Z") });
    const recent = await insertOrder(testDb().db, {
      channelId: channelB,
      placedAt: new Date("2026-01-02T10:00:00Z"),
      externalNumber: "ML-9",
      customerName: "Maria Souza",
      lines: [{ sku: "A", quantity: 2, unitPriceCents: 1_050 }, { sku: "B", unitPriceCents: 99 }],
      shipBy: new Date("2026-01-05T00:00:00Z"),
    });
    const page = await listOrders({ actor: operator });
    expect(page.items.map((o) => o.id)).toEqual([recent.id, old.id]);
    expect(page.nextCursor).toBeNull();
    const first = page.items[0]!;
    expect(first).toEqual({
      id: recent.id,
      number: recent.number,
      externalNumber: "ML-9",
      channel: { id: channelB, name: "Mercado Livre", platform: "MERCADO_LIVRE" },
      customerName: "Maria Souza",
      status: "RECEIVED",
      paymentStatus: "PENDING",
      fulfillmentStatus: "UNFULFILLED",
      onHold: false,
      totalCents: 2_199,
      currency: "BRL",
      placedAt: new Date("2026-01-02T10:00:00Z"),
      shipBy: new Date("2026-01-05T00:00:00Z"),
      lineCount: 2,
    });
  });

  it("filters by channel, status, payment, fulfilment and hold", async () => {
    const a = await insertOrder(testDb().db, { channelId: channelA, status: "APPROVED", paymentStatus: "PAID", fulfillmentStatus: "UNFULFILLED" });
    const b = await insertOrder(testDb().db, { channelId: channelB, status: "APPROVED", paymentStatus: "AUTHORIZED", onHold: true });
    const c = await insertOrder(testDb().db, { channelId: channelA, status: "PICKING", paymentStatus: "PAID", fulfillmentStatus: "PICKING" });
    expect(await numbers({ channelId: channelA })).toEqual([c.number, a.number]);
    expect(await numbers({ status: "APPROVED" })).toEqual([b.number, a.number]);
    expect(await numbers({ status: "APPROVED", channelId: channelB })).toEqual([b.number]);
    expect(await numbers({ paymentStatus: "PAID" })).toEqual([c.number, a.number]);
    expect(await numbers({ fulfillmentStatus: "PICKING" })).toEqual([c.number]);
    expect(await numbers({ onHold: true })).toEqual([b.number]);
    expect(await numbers({ onHold: false })).toEqual([c.number, a.number]);
    expect(await numbers({ status: "CANCELLED" })).toEqual([]);
  });

  it("reads the date range as calendar days in the merchant's time zone", async () => {
    await testDb().db.merchantSettings.create({ data: { id: 1, timeZone: "America/Sao_Paulo" } });
    // 2026-03-01 02:30 UTC is still 28 February in São Paulo (UTC−3).
    const lateFeb28 = await insertOrder(testDb().db, { channelId: channelA, placedAt: new Date("2026-03-01T02:30:00Z") });
    const mar1Start = await insertOrder(testDb().db, { channelId: channelA, placedAt: new Date("2026-03-01T03:00:00Z") });
    const mar1End = await insertOrder(testDb().db, { channelId: channelA, placedAt: new Date("2026-03-02T02:59:59.999Z") });
    const mar2 = await insertOrder(testDb().db, { channelId: channelA, placedAt: new Date("2026-03-02T03:00:00Z") });
    expect(await numbers({ from: "2026-03-01", to: "2026-03-01" })).toEqual([mar1End.number, mar1Start.number]);
    expect(await numbers({ to: "2026-02-28" })).toEqual([lateFeb28.number]);
    expect(await numbers({ from: "2026-03-02" })).toEqual([mar2.number]);
  });

  it("finds overdue orders: ship-by passed and not shipped", async () => {
    const now = new Date("2026-02-01T12:00:00Z");
    const overdue = await insertOrder(testDb().db, { channelId: channelA, status: "ALLOCATED", shipBy: new Date("2026-02-01T11:00:00Z") });
    await insertOrder(testDb().db, { channelId: channelA, status: "ALLOCATED", shipBy: new Date("2026-02-01T13:00:00Z") });
    await insertOrder(testDb().db, { channelId: channelA, status: "SHIPPED", shipBy: new Date("2026-01-20T00:00:00Z") });
    await insertOrder(testDb().db, { channelId: channelA, status: "CANCELLED", shipBy: new Date("2026-01-20T00:00:00Z") });
    await insertOrder(testDb().db, { channelId: channelA, status: "ALLOCATED", shipBy: null });
    expect(await numbers({ overdue: true }, undefined, now)).toEqual([overdue.number]);
  });

  describe("search", () => {
    it("a number matches our order number or the channel's id/number exactly", async () => {
      const mine = await insertOrder(testDb().db, { channelId: channelA });
      const byExternalId = await insertOrder(testDb().db, { channelId: channelB, externalId: "2000000123" });
      const byExternalNumber = await insertOrder(testDb().db, { channelId: channelA, externalNumber: "#7001" });
      await insertOrder(testDb().db, { channelId: channelA, externalNumber: "70011" });
      expect(await numbers({ q: String(mine.number) })).toEqual([mine.number]);
      expect(await numbers({ q: `#${mine.number}` })).toEqual([mine.number]);
      expect(await numbers({ q: "2000000123" })).toEqual([byExternalId.number]);
      expect(await numbers({ q: "#7001" })).toEqual([byExternalNumber.number]);
      expect(await numbers({ q: "99999999999999" })).toEqual([]);
    });

    it("an e-mail matches case-insensitively and exactly", async () => {
      const o = await insertOrder(testDb().db, { channelId: channelA, customerEmail: "joana.lima@example.com" });
      await insertOrder(testDb().db, { channelId: channelA, customerEmail: "joana.lima@example.com.br" });
      expect(await numbers({ q: "Joana.Lima@EXAMPLE.com" })).toEqual([o.number]);
      expect(await numbers({ q: "joana@" })).toEqual([]);
    });

    it("text matches a channel id, a customer-name prefix or a line's exact SKU", async () => {
      const maria = await insertOrder(testDb().db, { channelId: channelA, customerName: "Maria Souza" });
      const mariana = await insertOrder(testDb().db, { channelId: channelA, customerName: "mariana Alves" });
      const joao = await insertOrder(testDb().db, { channelId: channelA, customerName: "João Pereira" });
      const sku = await insertOrder(testDb().db, { channelId: channelB, customerName: "Pedro", lines: [{ sku: "X" }, { sku: "CAM-AZ-M" }] });
      const ext = await insertOrder(testDb().db, { channelId: channelB, externalId: "gid-abc", customerName: "Zé" });
      expect(await numbers({ q: "mari" })).toEqual([mariana.number, maria.number]);
      expect(await numbers({ q: "MARIA S" })).toEqual([maria.number]);
      expect(await numbers({ q: "João" })).toEqual([joao.number]);
      expect(await numbers({ q: "Souza" })).toEqual([]); // prefix, not substring
      expect(await numbers({ q: "CAM-AZ-M" })).toEqual([sku.number]);
      expect(await numbers({ q: "CAM-AZ" })).toEqual([]); // SKU is exact
      expect(await numbers({ q: "gid-abc" })).toEqual([ext.number]);
      expect(await numbers({ q: "M%" })).toEqual([]); // no LIKE wildcards
      expect(await numbers({ q: "Mari_" })).toEqual([]);
    });

    it("combines with the other filters", async () => {
      const a = await insertOrder(testDb().db, { channelId: channelA, customerName: "Ana", status: "APPROVED" });
      await insertOrder(testDb().db, { channelId: channelA, customerName: "Ana", status: "RECEIVED" });
      expect(await numbers({ q: "ana", status: "APPROVED" })).toEqual([a.number]);
    });
  });

  describe("keyset pagination", () => {
    async function seedTies() {
      const tie = new Date("2026-01-15T12:00:00Z");
      const specs = Array.from({ length: 23 }, (_, i) => ({
        channelId: i % 2 === 0 ? channelA : channelB,
        // Groups of 5 share placedAt, totals repeat every 4, every third order has no ship-by.
        placedAt: new Date(tie.getTime() + Math.floor(i / 5) * 3_600_000),
        totalCents: 1_000 * (i % 4),
        shipBy: i % 3 === 0 ? null : new Date(tie.getTime() + (i % 5) * 86_400_000),
      }));
      const rows = [];
      for (const s of specs) rows.push({ ...(await insertOrder(testDb().db, s)), ...s });
      return rows;
    }

    const expected: Record<OrderSort, (a: Row, b: Row) => number> = {
      placed_desc: (a, b) => b.placedAt.getTime() - a.placedAt.getTime() || cmp(b.id, a.id),
      placed_asc: (a, b) => a.placedAt.getTime() - b.placedAt.getTime() || cmp(a.id, b.id),
      total_desc: (a, b) => b.totalCents - a.totalCents || cmp(b.id, a.id),
      ship_by_asc: (a, b) => {
        if (a.shipBy && b.shipBy) return a.shipBy.getTime() - b.shipBy.getTime() || cmp(a.id, b.id);
        if (a.shipBy) return -1; // undated orders come last
        if (b.shipBy) return 1;
        return cmp(a.id, b.id);
      },
    };
    type Row = { id: string; placedAt: Date; totalCents: number; shipBy: Date | null };
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

    for (const sort of ORDER_SORTS) {
      it(`returns every order exactly once across pages (${sort}, ties included)`, async () => {
        const rows = await seedTies();
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: Awaited<ReturnType<typeof listOrders>> = await listOrders({ actor: operator, sort, cursor, limit: 4 });
          expect(page.items.length).toBeLessThanOrEqual(4);
          seen.push(...page.items.map((o) => o.id));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor !== null && pages < 20);
        expect(pages).toBe(6);
        expect(new Set(seen).size).toBe(rows.length);
        const want = [...rows].sort(expected[sort]).map((r) => r.id);
        expect(seen).toEqual(want);
      });
    }

    it("keeps going from a cursor while new orders arrive, without repeats", async () => {
      await seedTies();
      const first = await listOrders({ actor: operator, limit: 5 });
      await insertOrder(testDb().db, { channelId: channelA, placedAt: new Date("2027-01-01T00:00:00Z") });
      const second = await listOrders({ actor: operator, limit: 5, cursor: first.nextCursor });
      const ids = [...first.items, ...second.items].map((o) => o.id);
      expect(new Set(ids).size).toBe(10);
    });

    it("refuses a cursor from another sort or a forged one", async () => {
      await seedTies();
      const page = await listOrders({ actor: operator, limit: 2 });
      await expect(listOrders({ actor: operator, sort: "total_desc", cursor: page.nextCursor })).rejects.toMatchObject({ code: "VALIDATION" });
      await expect(listOrders({ actor: operator, cursor: "bm90IGEgY3Vyc29y" })).rejects.toBeInstanceOf(DomainError);
      const forged = Buffer.from(JSON.stringify(["placed_desc", "'; DROP TABLE", "x"])).toString("base64url");
      await expect(listOrders({ actor: operator, cursor: forged })).rejects.toMatchObject({ code: "VALIDATION" });
    });
  });

  it("refuses WAREHOUSE", async () => {
    const warehouse = await createUser(testDb().db, "WAREHOUSE");
    await insertOrder(testDb().db, { channelId: channelA });
    await expect(listOrders({ actor: warehouse })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(countOrders({ actor: warehouse })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const labels = ordersCsvLabels((key) => key, { timeZone: "UTC", locale: "en" });
    await expect(exportOrdersCsv({ actor: warehouse, labels, timeZone: "UTC", locale: "en" }).next()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

