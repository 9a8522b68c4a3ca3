/**
 * Every uuid id is time-ordered (UUID version 7, migration 20261129215522_time_ordered_ids): new rows append to the
 * right edge of their primary key and of the indexes that lead with an order id, which keeps ingest fast at a
 * million orders (bench/RESULTS.md).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { withTestDb } from "@/server/test/with-test-db";
import { db } from "@/server/db";
import { captureOrders } from "@/server/services/order/capture-order";
import { reserveCapturedOrder } from "@/server/services/stock/reserve-captured-order";
import { systemActor } from "@/server/services/order/actor";
import { buildWorld, orderInput, type World } from "@/server/services/stock/stock-test-fixtures";

withTestDb();
let w: World;

beforeEach(async () => {
  w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP" }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 5 }] });
});

/** The Unix milliseconds in a version 7 uuid's first 48 bits, or null when it is not version 7. */
function v7Millis(id: string): number | null {
  const hex = id.replace(/-/g, "");
  if (hex[12] !== "7" || !"89ab".includes(hex[16] ?? "")) return null;
  return parseInt(hex.slice(0, 12), 16);
}

describe("time-ordered ids", () => {
  it("every uuid primary key defaults to uuid_v7()", async () => {
    const cols = await db.$queryRaw<{ table: string; def: string | null }[]>`
      SELECT c.table_name AS table, c.column_default AS def FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND c.data_type = 'uuid' ORDER BY 1`;
    expect(cols.length).toBeGreaterThanOrEqual(20);
    expect(cols.filter((c) => c.def !== "uuid_v7()")).toEqual([]);
  });

  it("an order captured and reserved gets version 7 ids carrying the time it was written, later rows sorting after earlier ones", async () => {
    const before = Date.now();
    const [first] = await captureOrders([{ channelId: w.channelId, defaultCurrency: "BRL", input: orderInput({ lines: [{ sku: "A", quantity: 1 }] }), actorLabel: "channel:Loja" }]);
    await new Promise((r) => setTimeout(r, 5));
    const [second] = await captureOrders([{ channelId: w.channelId, defaultCurrency: "BRL", input: orderInput({ lines: [{ sku: "A", quantity: 2 }] }), actorLabel: "channel:Loja" }]);
    if (!first || !second) throw new Error("orders not captured");
    await reserveCapturedOrder({ orderId: second.orderId, actor: systemActor("channel:Loja") });
    const after = Date.now();

    const order = await db.order.findUniqueOrThrow({ where: { id: second.orderId }, include: { lines: true } });
    const reservations = await db.reservation.findMany({ where: { orderId: order.id } });
    const ids = [order.id, order.customerId, ...order.lines.map((l) => l.id), ...reservations.map((r) => r.id)];
    expect(reservations).toHaveLength(1);
    for (const id of ids) {
      const ms = v7Millis(id ?? "");
      expect(ms, `${id} is not a version 7 uuid`).not.toBeNull();
      expect(ms).toBeGreaterThanOrEqual(before - 1);
      expect(ms).toBeLessThanOrEqual(after + 1);
    }
    expect(first.orderId < second.orderId).toBe(true);
  });
});
