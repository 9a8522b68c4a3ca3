/**
 * The returns desk records what came back and completes the return, in one
 * transaction:
 *  1. lock the order (loadSnapshot) and refuse, naming the stage it is in now,
 *     anything that is not RETURN_REQUESTED (a second person completing the
 *     same return loses here) or that changed since the page was loaded;
 *  2. check every line: units back ≤ units shipped, the bin in the order's
 *     warehouse, a known SKU when units go back to stock;
 *  3. the goods have arrived, so the AWAITING_RETURN_ITEMS hold has done its
 *     job: RELEASE it through the state machine, as the system (like
 *     OUT_OF_STOCK when stock arrives: the condition is met; WAREHOUSE may not
 *     release holds in general). Any other hold stays and refuses step 4;
 *  4. COMPLETE_RETURN through applyOrderActionTx as the person (role check,
 *     timeline event "order.returned", hooks);
 *  5. per line, returnStock() (server/services/stock/return-stock.ts): a
 *     RETURN movement referencing the order into the chosen bin, sellable
 *     (waiting backorders get it) or straight to unavailable (damaged,
 *     quarantine, QC). Units that did not arrive are not booked.
 */
import { z } from "zod";
import type { SessionUser } from "@/server/auth/options";
import type { DbTx } from "@/server/db";
import { DomainError } from "@/server/lib/domain-error";
import { systemActor, userActor } from "@/server/services/order/actor";
import { applyOrderActionTx, loadSnapshot } from "@/server/services/order/apply-order-action";
import { decide } from "@/server/services/order/order-state-machine";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";
import { returnStock } from "@/server/services/stock/return-stock";
import { UNAVAILABLE_KINDS } from "@/server/services/stock/stock-statuses";
import { inStockTx } from "@/server/services/stock/stock-tx";
import { assertReturnRole, RETURN_COMPLETE_ROLES } from "./return-roles";

export const completeReturnInput = z.object({
  orderId: z.uuid(),
  /** The order's version when the page was loaded: anything changed since is refused. */
  expectedVersion: z.number().int().min(0),
  note: z.string().trim().max(200).optional(),
  lines: z
    .array(
      z.object({
        orderLineId: z.uuid(),
        /** Units back in sellable condition. */
        sellable: z.number().int().min(0).max(100_000),
        /** Units back that cannot be sold (damaged, quarantine, QC). */
        unavailable: z.number().int().min(0).max(100_000),
        unavailableKind: z.enum(UNAVAILABLE_KINDS).default("DAMAGED"),
        binId: z.uuid(),
      }),
    )
    .max(500),
});
export type CompleteReturnInput = z.input<typeof completeReturnInput>;

export interface CompleteReturnResult {
  orderId: string;
  number: number;
  status: "RETURNED";
  sellable: number;
  unavailable: number;
  holdReleased: boolean;
}

/** What the system writes when the goods' arrival releases the hold that waited for them. */
export const RETURN_DESK_ACTOR = systemActor("system");

function invalid(rule: string, message: string, params: Record<string, string | number> = {}): DomainError {
  return new DomainError("VALIDATION", message, { rule, ...params });
}

async function checkLines(tx: DbTx, orderId: string, input: z.output<typeof completeReturnInput>) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { number: true, warehouseId: true, lines: { select: { id: true, sku: true, skuId: true, shippedQty: true } } },
  });
  const seen = new Set<string>();
  const moves: { skuId: string; binId: string; quantity: number; condition: "SELLABLE" | (typeof UNAVAILABLE_KINDS)[number] }[] = [];
  const binIds = [...new Set(input.lines.filter((l) => l.sellable + l.unavailable > 0).map((l) => l.binId))];
  const bins = binIds.length ? await tx.bin.findMany({ where: { id: { in: binIds } }, select: { id: true, code: true, warehouseId: true } }) : [];
  for (const l of input.lines) {
    const line = order.lines.find((x) => x.id === l.orderLineId);
    if (!line) throw invalid("LINE_NOT_IN_ORDER", `Line ${l.orderLineId} is not a line of order #${order.number}.`);
    if (seen.has(line.id)) throw invalid("LINE_TWICE", `Line ${line.sku} is listed twice.`, { sku: line.sku });
    seen.add(line.id);
    const units = l.sellable + l.unavailable;
    if (units === 0) continue;
    if (units > line.shippedQty) {
      throw invalid("TOO_MANY_UNITS", `${units} unit(s) of ${line.sku} back, but ${line.shippedQty} were shipped.`, { sku: line.sku, units, expected: line.shippedQty });
    }
    if (!line.skuId) throw invalid("UNKNOWN_SKU", `${line.sku} is not a SKU of the catalogue: it cannot go back to stock.`, { sku: line.sku });
    if (!order.warehouseId) throw invalid("NO_WAREHOUSE", `Order #${order.number} has no warehouse to return the goods to.`);
    const bin = bins.find((b) => b.id === l.binId);
    if (!bin || bin.warehouseId !== order.warehouseId) {
      throw invalid("BIN_NOT_IN_WAREHOUSE", `The bin chosen for ${line.sku} is not in the order's warehouse.`, { sku: line.sku });
    }
    if (l.sellable > 0) moves.push({ skuId: line.skuId, binId: bin.id, quantity: l.sellable, condition: "SELLABLE" });
    if (l.unavailable > 0) moves.push({ skuId: line.skuId, binId: bin.id, quantity: l.unavailable, condition: l.unavailableKind });
  }
  if (moves.length === 0) throw invalid("NOTHING_RECEIVED", `Record at least one unit received for order #${order.number}.`);
  return { number: order.number, moves };
}

export async function completeReturn(opts: { actor: SessionUser; input: CompleteReturnInput }): Promise<CompleteReturnResult> {
  assertReturnRole(RETURN_COMPLETE_ROLES, opts.actor.role, "complete returns");
  const parsed = completeReturnInput.safeParse(opts.input);
  if (!parsed.success) throw new DomainError("VALIDATION", "Invalid return input.", { field: parsed.error.issues[0]?.path.join(".") ?? "" });
  const input = parsed.data;
  const actor = userActor(opts.actor);

  return inStockTx(undefined, async (tx) => {
    const { order, snapshot } = await loadSnapshot(tx, input.orderId);
    if (snapshot.status !== "RETURN_REQUESTED") {
      const refusal = decide(snapshot, { type: "COMPLETE_RETURN" });
      const params = refusal.ok ? { current: snapshot.status, action: "COMPLETE_RETURN" } : refusal.params;
      throw new DomainError("INVALID_TRANSITION", `Cannot complete the return: order is ${snapshot.status}.`, params);
    }
    if (order.version !== input.expectedVersion) {
      throw new DomainError("CONFLICT", `Order changed since you loaded it; it is now ${order.status}.`, { current: order.status });
    }
    const { number, moves } = await checkLines(tx, input.orderId, input);

    const holdReleased = snapshot.activeHolds.includes("AWAITING_RETURN_ITEMS");
    if (holdReleased) {
      await applyOrderActionTx(tx, { orderId: input.orderId, action: { type: "RELEASE", reason: "AWAITING_RETURN_ITEMS" }, actor: RETURN_DESK_ACTOR });
    }
    await applyOrderActionTx(tx, { orderId: input.orderId, action: { type: "COMPLETE_RETURN" }, actor });

    const reason = ledgerReason("orderReturned", { number, note: input.note || "—" });
    for (const m of moves) {
      await returnStock({ tx, actor, orderId: input.orderId, skuId: m.skuId, binId: m.binId, quantity: m.quantity, condition: m.condition, reason });
    }
    const sum = (f: (m: (typeof moves)[number]) => boolean) => moves.filter(f).reduce((n, m) => n + m.quantity, 0);
    return {
      orderId: input.orderId,
      number,
      status: "RETURNED" as const,
      sellable: sum((m) => m.condition === "SELLABLE"),
      unavailable: sum((m) => m.condition !== "SELLABLE"),
      holdReleased,
    };
  });
}
