import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { createTranslator } from "next-intl";
import { exportOrdersCsv } from "@/server/services/order/export-orders";
import { ordersCsvLabels, type Say } from "@/server/services/order/export-labels";
import { MESSAGES } from "@/server/i18n/messages";
import { listOrders } from "@/server/services/order/list-orders";
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

const say = (locale: "en" | "pt-BR") => createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as Say;
/** The labels the route builds, from the app's messages (the header names the merchant's zone). */
const csvLabels = (locale: "en" | "pt-BR" = "en", maxRows?: number) => ordersCsvLabels(say(locale), { timeZone: "America/Sao_Paulo", locale, maxRows });

async function collect(gen: AsyncGenerator<string>): Promise<string> {
  let out = "";
  for await (const chunk of gen) out += chunk;
  return out;
}

describe("exportOrdersCsv", () => {
  it("writes the filtered orders with decimal money, UTC and local times, escaped text, statuses as words", async () => {
    const o = await insertOrder(testDb().db, {
      channelId: channelA,
      customerName: '=HYPERLINK("x"), "Zé"',
      customerEmail: "ze@example.com",
      externalNumber: "#1001",
      lines: [{ sku: "A", quantity: 3, unitPriceCents: 4_115 }],
      placedAt: new Date("2026-03-01T02:30:00.123Z"),
      shipBy: new Date("2026-03-03T15:00:00Z"),
      onHold: true,
    });
    await insertOrder(testDb().db, { channelId: channelB });
    const csv = await collect(exportOrdersCsv({ actor: operator, filter: { channelId: channelA }, labels: csvLabels(), timeZone: "America/Sao_Paulo", locale: "en" }));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Order,Channel number,Channel,Platform,Customer,E-mail,Status,Payment,Fulfilment,On hold,Total,Currency,Lines,Placed (UTC),Placed (America/Sao_Paulo),Ship by (UTC),Ship by (America/Sao_Paulo)",
    );
    expect(lines[1]).toBe(
      `${o.number},#1001,Loja Shopify,Shopify,"'=HYPERLINK(""x""), ""Zé""",ze@example.com,Received,Pending,Unfulfilled,Yes,123.45,BRL,1,2026-03-01T02:30:00.123Z,2026-02-28 23:30:00,2026-03-03T15:00:00.000Z,2026-03-03 12:00:00`,
    );
    expect(lines.slice(2)).toEqual([""]);
  });

  it("in Portuguese: \";\" between cells and a decimal comma (what Excel in Brazil opens as columns and numbers), words in Portuguese", async () => {
    const o = await insertOrder(testDb().db, {
      channelId: channelB,
      customerName: "Ana; Souza",
      lines: [{ sku: "A", quantity: 2, unitPriceCents: 61_725 }],
      placedAt: new Date("2026-03-01T12:00:00Z"),
      status: "SHIPPED",
      paymentStatus: "PAID",
      fulfillmentStatus: "SHIPPED",
    });
    const csv = await collect(exportOrdersCsv({ actor: operator, labels: csvLabels("pt-BR"), timeZone: "America/Sao_Paulo", locale: "pt-BR" }));
    const [header, row] = csv.slice(1).split("\r\n");
    expect(header?.split(";")).toHaveLength(17);
    expect(header).toMatch(/^Pedido;/);
    const cells = row?.split(";") ?? [];
    expect(cells[0]).toBe(String(o.number));
    expect(row).toContain(';Mercado Livre;"Ana; Souza";');
    expect(row).toContain(";Enviado;Pago;Enviado;Não;1234,50;BRL;1;2026-03-01T12:00:00.000Z;2026-03-01 09:00:00;");
  });

  it("reads in batches in list order and stops at the cap with a message", async () => {
    for (let i = 0; i < 7; i++) await insertOrder(testDb().db, { channelId: channelA, totalCents: 100 * (i % 3) });
    const full = await listOrders({ actor: operator, sort: "total_desc" });
    const csv = await collect(exportOrdersCsv({ actor: operator, sort: "total_desc", labels: csvLabels("en", 5), timeZone: "UTC", locale: "en", batchSize: 2, maxRows: 5 }));
    const rows = csv.slice(1).trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(6);
    expect(rows.slice(0, 5).map((r) => Number(r.split(",")[0]))).toEqual(full.items.slice(0, 5).map((o) => o.number));
    expect(rows[5]).toBe("Export stopped at 5 rows. Narrow the filter to export the rest.");
    const all = await collect(exportOrdersCsv({ actor: operator, labels: csvLabels("en", 7), timeZone: "UTC", locale: "en", batchSize: 2, maxRows: 7 }));
    expect(all.trimEnd().split("\r\n")).toHaveLength(8);
  });
});
