/**
 * Cancel (or close short) and receive on one purchase order at the same time:
 * exactly one wins. On PGlite (one connection) the two transactions run one
 * after the other in either order; on PostgreSQL (TEST_DATABASE_URL) they really
 * overlap and the PurchaseOrder row lock plus the conditional UPDATE decide.
 */
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { balance, buildWorld, makeUser, type World } from "@/server/services/stock/stock-test-fixtures";
import { testDatabaseUrl } from "@/server/test/test-db";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
let w: World;
let clerk: SessionUser;
let admin: SessionUser;

beforeEach(async () => {
  w = await buildWorld({ warehouses: [{ code: "SP1", state: "SP", bins: 1 }], skus: ["A"], stock: [{ sku: "A", wh: "SP1", onHand: 1 }] });
  clerk = await makeUser("WAREHOUSE");
  admin = await makeUser("ADMIN");
});

const as = (user: SessionUser) => createCaller({ user });
const rule = (e: unknown) => (e instanceof TRPCError && e.cause instanceof DomainError ? e.cause.params.rule : e);

async function openPo(quantity: number) {
  const po = await as(clerk).stock.createPurchaseOrder({ warehouseId: w.wh.SP1?.id as string, supplier: "X", lines: [{ skuId: w.sku.A as string, quantity }] });
  const receive = (units: number) =>
    as(clerk).stock.receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ lineId: po.lines[0]?.id as string, binId: w.wh.SP1?.bins[0] as string, quantity: units }] });
  return { po, receive };
}

const audits = async (id: string) => (await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);

describe("cancel and receive at once", () => {
  it("lets exactly one win: either nothing was received and it is cancelled, or it was received and the cancel is refused", async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const { po, receive } = await openPo(4);
      const cancel = () => as(admin).purchasing.cancel({ purchaseOrderId: po.id, reason: `round ${round}` });
      const results = await Promise.allSettled(round % 2 === 0 ? [cancel(), receive(3)] : [receive(3), cancel()]);
      const [c, r] = round % 2 === 0 ? results : [results[1], results[0]];
      expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
      const stored = await db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id }, include: { lines: true } });
      const receipts = await db.stockMovement.count({ where: { purchaseOrderId: po.id, type: "RECEIPT" } });
      if (c?.status === "fulfilled") {
        outcomes.add("cancelled");
        expect(r?.status === "rejected" && rule(r.reason)).toBe("PO_CLOSED");
        expect(stored.status).toBe("CANCELLED");
        expect(stored.lines[0]?.quantityReceived).toBe(0);
        expect(receipts).toBe(0);
        expect(await audits(po.id)).toEqual(["purchaseOrder.created", "purchaseOrder.cancelled"]);
      } else {
        outcomes.add("received");
        expect(c?.status === "rejected" && rule(c.reason)).toBe("PO_HAS_RECEIPTS");
        expect(stored.status).toBe("PARTIALLY_RECEIVED");
        expect(stored.lines[0]?.quantityReceived).toBe(3);
        expect(receipts).toBe(1);
        expect(await audits(po.id)).toEqual(["purchaseOrder.created", "purchaseOrder.received"]);
      }
    }
    // Stock moved only for the receipts that won.
    const won = (await db.purchaseOrderLine.aggregate({ _sum: { quantityReceived: true } }))._sum.quantityReceived ?? 0;
    expect((await balance(w, "A", "SP1")).onHand).toBe(1 + won);
    // One connection runs them in the order they were started, so both outcomes were seen; PostgreSQL picks freely.
    if (!testDatabaseUrl()) expect([...outcomes].sort()).toEqual(["cancelled", "received"]);
  });

  it("close short against the receipt of the rest: one wins, the other is refused naming the state it found", async () => {
    for (let round = 0; round < 4; round++) {
      const { po, receive } = await openPo(4);
      await receive(1);
      const close = () => as(admin).purchasing.closeShort({ purchaseOrderId: po.id, reason: "fornecedor" });
      const results = await Promise.allSettled(round % 2 === 0 ? [close(), receive(3)] : [receive(3), close()]);
      expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((x): x is PromiseRejectedResult => x.status === "rejected");
      const stored = await db.purchaseOrder.findUniqueOrThrow({ where: { id: po.id }, include: { lines: true } });
      expect(stored.status).toBe("RECEIVED");
      if (stored.lines[0]?.quantityReceived === 4) expect(rule(lost?.reason)).toBe("PO_NOT_OPEN");
      else expect([rule(lost?.reason), stored.lines[0]?.quantityReceived]).toEqual(["PO_CLOSED", 1]);
    }
  });

  it.skipIf(!testDatabaseUrl())("holds under real concurrency: many cancels and receipts of everything at once, one winner", async () => {
    for (let round = 0; round < 5; round++) {
      const { po, receive } = await openPo(4);
      const calls = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? as(admin).purchasing.cancel({ purchaseOrderId: po.id, reason: `r${i}` }) : receive(4)));
      const results = await Promise.allSettled(calls);
      expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
      for (const x of results) if (x.status === "rejected") expect(["PO_CLOSED", "PO_NOT_OPEN"]).toContain(rule(x.reason));
      expect(await db.stockMovement.count({ where: { purchaseOrderId: po.id, type: "RECEIPT" } })).toBeLessThanOrEqual(1);
      expect((await audits(po.id)).length).toBe(2);
    }
  });
});
