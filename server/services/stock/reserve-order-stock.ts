/**
 * Reserve an order's stock right after it is captured (channel webhook or
 * manual entry). The pure allocate() decides where from and why.
 *
 * Hot path, two round trips and no interactive transaction (shared by every
 * order of a batch when reservations arrive together): one read (lines +
 * availability in every active warehouse + settings; skipped when the capture
 * statement handed that context over) and one reservation
 * statement (reserve-statement.ts), which is atomic on its own and re-checks
 * everything it relies on under row locks (order still reservable, each
 * balance still has the units). Only the rare paths open a transaction:
 *  - another order took the stock between read and reservation (fewer rows
 *    updated): allocation runs once more on fresh numbers for what is
 *    missing; whatever still cannot be reserved is backordered;
 *  - the order is backordered while stock was being freed: backorder sweep;
 *  - policy HOLD and something is backordered: OUT_OF_STOCK hold through the
 *    state machine (policy BACKORDER raises an ORDER_BACKORDERED exception).
 * With `tx`, everything runs in the caller's transaction.
 *
 * Calling it again is harmless: only quantities not yet reserved, backordered
 * or shipped are considered (APPROVE retries an order whose reservation failed
 * at capture); a concurrent duplicate is stopped by the OrderLine CHECK.
 */
import type { DbTx } from "@/server/db";
import { createBatcher, runDistinct, settle, type Settled } from "@/server/lib/batcher";
import type { Prisma } from "@/server/generated/prisma/client";
import { DomainError } from "@/server/lib/domain-error";
import type { Actor } from "@/server/services/order/actor";
import { applyOrderActionTx } from "@/server/services/order/apply-order-action";
import { allocate, reallocate, type AllocatedLine, type AllocationResult, type AllocationWarehouse } from "@/server/services/stock/allocation";
import { mergeShipments, recordShipments, withoutLost, type OrderAllocationRecord, type RaceLost } from "@/server/services/stock/allocation-record";
import { sweepOrderBackorders } from "@/server/services/stock/auto-reserve-backorders";
import { readAvailability, readReservationContexts, type BalanceRow, type ReservationContext } from "@/server/services/stock/reservation-read";
import {
  runReserveStatement, runReserveStatements, type ReserveRequest, type ReserveStatementInput, type ReserveStatementResult,
} from "@/server/services/stock/reserve-statement";
import { RESERVABLE_STATUSES } from "@/server/services/stock/stock-statuses";
import { STOCK_SYSTEM_ACTOR, inStockTx, isRetryableTxError, who } from "@/server/services/stock/stock-tx";
import { ledgerReason } from "@/server/services/stock/ledger-reasons";

export interface ReserveOrderResult {
  orderId: string;
  skipped?: "NOT_RESERVABLE" | "NOTHING_PENDING";
  reserved: ReserveRequest[];
  backorderedUnits: number;
  warehouseId: string | null;
  held: boolean;
  attempts: number;
}

type Policy = "BACKORDER" | "HOLD";
const key = (r: { skuId: string; warehouseId: string }) => `${r.skuId}\u0000${r.warehouseId}`;

/** Everything the first attempt worked out, for the retry and the follow-ups. */
interface Plan {
  ctx: ReservationContext;
  excluded: ReadonlySet<string>;
  policy: Policy;
  allowSplit: boolean;
  pinned: string | null;
  codeById: Map<string, string>;
  skuIdByCode: Map<string, string>;
  whById: Map<string, AllocationWarehouse>;
  unknown: AllocatedLine[];
  first: AllocationResult;
  record: OrderAllocationRecord;
  common: Pick<ReserveStatementInput, "orderId" | "actor" | "movementReason" | "backorderException" | "unknownSkuException">;
}

interface Outcome {
  plan: Plan;
  reserved: ReserveRequest[];
  backorderedUnits: number;
  warehouseId: string | null;
  attempts: number;
  recheck: boolean;
}

interface ReserveItem {
  orderId: string;
  actor: Actor;
  policy?: Policy;
  /**
   * The order's context as its capture statement read it (CaptureResult.reservation): no read of our own. Only for
   * an order nobody could have changed since; the statement re-checks its status and every balance under lock anyway.
   */
  context?: ReservationContext;
  /** Warehouses this reservation must not take from (REALLOCATE away from one that cannot fulfil). */
  excludeWarehouseIds?: readonly string[];
}

export async function reserveOrderStock(opts: ReserveItem & { tx?: DbTx }): Promise<ReserveOrderResult> {
  if (opts.tx) return unwrap((await reserveMany(opts.tx, [opts]))[0]);
  return reserveBatched({ orderId: opts.orderId, actor: opts.actor, policy: opts.policy, context: opts.context, excludeWarehouseIds: opts.excludeWarehouseIds });
}

/**
 * Without a caller's transaction, concurrent reservations (a burst of webhooks, a flash sale) share ONE read and ONE
 * reservation statement per batch (server/lib/batcher.ts): the per-order cost of parsing, planning and round trips is
 * paid once per batch. A batch never holds the same order twice; a duplicate runs on its own afterwards.
 */
const reserveBatched = createBatcher<ReserveItem, ReserveOrderResult>(reserveOrdersTogether, { maxBatch: 64, concurrency: 1 });

/**
 * Reserve several orders outside any transaction, together where possible (the batcher's run). A batch statement
 * that fails as a whole (a deadlock victim, a value one order carries) is retried order by order.
 */
function reserveOrdersTogether(items: ReserveItem[]): Promise<Settled<ReserveOrderResult>[]> {
  return runDistinct(items, (i) => i.orderId, (first) => reserveMany(undefined, first), reserveAlone);
}

/** One order, retried as a whole when it is a deadlock victim: every statement is atomic and the next attempt recomputes what is still pending. */
async function reserveAlone(item: ReserveItem): Promise<ReserveOrderResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return unwrap((await reserveMany(undefined, [item]))[0]);
    } catch (e) {
      if (attempt >= 4 || !isRetryableTxError(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}

function unwrap(r: Settled<ReserveOrderResult> | undefined): ReserveOrderResult {
  if (!r) throw new Error("reservation returned no result");
  if (!r.ok) throw r.error;
  return r.value;
}

/**
 * Reserve a batch of (distinct) orders: one read, one statement, then each order's follow-ups (retry of a lost race,
 * backorder sweep, hold). Throws only when the shared read or statement fails; a follow-up's failure is that order's.
 */
async function reserveMany(tx: DbTx | undefined, items: readonly ReserveItem[]): Promise<Settled<ReserveOrderResult>[]> {
  const toRead = items.filter((i) => !i.context).map((i) => i.orderId);
  const contexts = toRead.length > 0 ? await readReservationContexts(tx, toRead) : new Map<string, ReservationContext>();
  for (const i of items) if (i.context) contexts.set(i.orderId, i.context);
  const skip = (ctx: ReservationContext, skipped: ReserveOrderResult["skipped"]): Settled<ReserveOrderResult> => ({
    ok: true, value: { orderId: ctx.order.id, skipped, reserved: [], backorderedUnits: 0, warehouseId: ctx.order.warehouseId, held: false, attempts: 0 },
  });
  /** Units planned by earlier orders of this batch: later ones plan on what is left. */
  const taken = new Map<string, number>();
  const out: (Settled<ReserveOrderResult> | undefined)[] = [];
  const planned: { i: number; ctx: ReservationContext; plan: Plan; firstRequests: ReserveRequest[]; input: ReserveStatementInput }[] = [];
  items.forEach((item, i) => {
    const ctx = contexts.get(item.orderId);
    if (!ctx) return void (out[i] = { ok: false, error: new DomainError("NOT_FOUND", `Order ${item.orderId} not found.`) });
    if (!RESERVABLE_STATUSES.includes(ctx.order.status)) return void (out[i] = skip(ctx, "NOT_RESERVABLE"));
    const plan = planFirst(ctx, item, taken);
    if (!plan) return void (out[i] = skip(ctx, "NOTHING_PENDING"));
    const firstRequests = requestsOf(plan.first, plan.skuIdByCode);
    for (const r of firstRequests) taken.set(key(r), (taken.get(key(r)) ?? 0) + r.quantity);
    const primary = plan.pinned ?? plan.first.shipments[0]?.warehouseId ?? null;
    planned.push({
      i, ctx, plan, firstRequests,
      input: {
        ...plan.common, requests: firstRequests, plannedBackorders: [...plan.first.backordered, ...plan.unknown], final: false,
        warehouseId: primary, allocation: plan.record, summary: plan.first.summary,
        checkPairs: checkPairs(plan, plan.first.backordered.map((b) => b.sku), primary),
        capturedVersion: ctx.capturedVersion,
      },
    });
  });
  const statements = await runReserveStatements(tx, planned.map((p) => p.input));
  for (const [j, p] of planned.entries()) {
    const r1 = statements[j] as ReserveStatementResult;
    if (r1.orderOk) out[p.i] = await settle(() => followUp(tx, p.ctx, p.plan, p.firstRequests, p.input.warehouseId, r1));
    // The capture's context may be out of date (a channel update, a cancel): once more on what the order is now.
    else if (p.ctx.capturedVersion) out[p.i] = await settle(async () => unwrap((await reserveMany(tx, [{ ...(items[p.i] as ReserveItem), context: undefined }]))[0]));
    else out[p.i] = skip(p.ctx, "NOT_RESERVABLE");
  }
  return out as Settled<ReserveOrderResult>[];
}

/** After the first statement: done, or (rarely) a transaction for the lost race, the backorder sweep or the out-of-stock hold. */
async function followUp(
  tx: DbTx | undefined, ctx: ReservationContext, plan: Plan, firstRequests: ReserveRequest[], primary: string | null, r1: ReserveStatementResult,
): Promise<ReserveOrderResult> {
  let outcome: Outcome = {
    plan, reserved: firstRequests, backorderedUnits: r1.backorderedUnits, warehouseId: primary ?? ctx.order.warehouseId, attempts: 1, recheck: r1.recheck,
  };
  const needsHold = (o: Outcome) => o.backorderedUnits > 0 && o.plan.policy === "HOLD" && !ctx.order.holds.includes("OUT_OF_STOCK");
  if (r1.finalized && !outcome.recheck && !needsHold(outcome)) return { ...result(outcome), held: false };

  return inStockTx(tx, async (tx) => {
    if (!r1.finalized) {
      const ok = new Set(r1.succeeded.map(key));
      const retried = await retry(tx, plan, firstRequests.filter((r) => ok.has(key(r))), firstRequests.filter((r) => !ok.has(key(r))));
      if (!retried) {
        return {
          orderId: ctx.order.id, skipped: "NOT_RESERVABLE", reserved: outcome.reserved.filter((r) => ok.has(key(r))),
          backorderedUnits: 0, warehouseId: ctx.order.warehouseId, held: false, attempts: 0,
        };
      }
      outcome = retried;
    }
    if (outcome.recheck) {
      const swept = await sweepOrderBackorders(tx, ctx.order.id, `Order #${ctx.order.number}: stock freed meanwhile`);
      const mine = swept.filled.filter((f) => f.orderId === ctx.order.id);
      outcome.reserved = [...outcome.reserved, ...mine.map((f) => ({ lineId: f.orderLineId, skuId: f.skuId, warehouseId: f.warehouseId, quantity: f.quantity }))];
      outcome.backorderedUnits -= mine.reduce((n, f) => n + f.quantity, 0);
    }
    let held = false;
    if (needsHold(outcome)) {
      await applyOrderActionTx(tx, {
        orderId: ctx.order.id,
        action: { type: "HOLD", reason: "OUT_OF_STOCK", note: ledgerReason("unitsNotReserved", { units: outcome.backorderedUnits }) },
        actor: STOCK_SYSTEM_ACTOR,
      });
      held = true;
    }
    return { ...result(outcome), held };
  });
}

function result(o: Outcome): Omit<ReserveOrderResult, "held"> {
  return { orderId: o.plan.ctx.order.id, reserved: o.reserved, backorderedUnits: o.backorderedUnits, warehouseId: o.warehouseId, attempts: o.attempts };
}

function planFirst(
  ctx: ReservationContext, opts: { actor: Actor; policy?: Policy; excludeWarehouseIds?: readonly string[] }, taken: ReadonlyMap<string, number>,
): Plan | null {
  const pending = ctx.lines
    .map((l) => ({ ...l, pending: l.quantity - l.reservedQty - l.backorderedQty - l.shippedQty }))
    .filter((l) => l.pending > 0);
  if (pending.length === 0) return null;
  const policy = opts.policy ?? ctx.settings.backorderPolicy;
  const allowSplit = ctx.settings.allowSplit;
  const known = pending.filter((l) => l.skuId !== null);
  const unknown = pending.filter((l) => l.skuId === null).map((l) => ({ lineId: l.id, sku: l.sku, quantity: l.pending }));
  const skuIdByCode = new Map(known.map((l) => [l.sku, l.skuId as string]));
  const codeById = new Map(known.map((l) => [l.skuId as string, l.sku]));
  const whById = new Map(ctx.warehouses.map((w) => [w.id, w]));
  const hadStock = ctx.lines.some((l) => l.reservedQty + l.shippedQty > 0);
  // Without split shipments, an order that already holds stock in one warehouse only takes more from there.
  const pinned = !allowSplit && hadStock && ctx.order.warehouseId ? ctx.order.warehouseId : null;
  const excluded = new Set(opts.excludeWarehouseIds ?? []);
  const input = {
    order: { destinationState: ctx.order.shipState ?? "", lines: known.map((l) => ({ lineId: l.id, sku: l.sku, quantity: l.pending })) },
    warehouses: pinned ? ctx.warehouses.filter((w) => w.id === pinned) : ctx.warehouses,
    availability: availabilityOf(ctx.balances, codeById, taken),
    allowSplit,
  };
  // The excluded warehouses stay in the input so that the decision says why they were not chosen (EXCLUDED).
  const first = excluded.size > 0 ? reallocate(input, [...excluded]) : allocate(input);
  const n = ctx.order.number;
  return {
    ctx, excluded, policy, allowSplit, pinned, codeById, skuIdByCode, whById, unknown, first,
    record: {
      at: new Date().toISOString(), destinationState: ctx.order.shipState, policy, allowSplit, summary: first.summary, reasons: first.reasons,
      shipments: recordShipments(first, whById), backordered: first.backordered, unknownSkus: unknown,
    },
    common: {
      orderId: ctx.order.id, actor: who(opts.actor), movementReason: ledgerReason("orderReserved", { number: n }),
      backorderException: policy === "BACKORDER" ? `Order #${n} is waiting for stock: some lines are backordered.` : null,
      unknownSkuException: unknown.length
        ? { message: `Order #${n}: SKU ${unknown.map((u) => u.sku).join(", ")} is not in the catalogue; the line waits as a backorder.`, data: { lines: unknown } }
        : null,
    },
  };
}

/** The reservation lost a race: allocate what is missing again, on fresh numbers, and write the final result. */
async function retry(tx: DbTx, plan: Plan, done: ReserveRequest[], lostReqs: ReserveRequest[]): Promise<Outcome | null> {
  const { ctx, allowSplit, codeById, whById, first } = plan;
  const lost = lostPairs(lostReqs, codeById, whById);
  const perLine = new Map<string, AllocatedLine>();
  for (const r of lostReqs) {
    const cur = perLine.get(r.lineId) ?? { lineId: r.lineId, sku: codeById.get(r.skuId) ?? r.skuId, quantity: 0 };
    cur.quantity += r.quantity;
    perLine.set(r.lineId, cur);
  }
  const anchor = plan.pinned ?? (!allowSplit ? done[0]?.warehouseId : undefined) ?? null;
  const warehouses = (anchor ? ctx.warehouses.filter((w) => w.id === anchor) : ctx.warehouses).filter((w) => !plan.excluded.has(w.id));
  const fresh = await readAvailability(tx, [...new Set(lostReqs.map((r) => r.skuId))], warehouses.map((w) => w.id));
  const again = allocate({ order: { destinationState: ctx.order.shipState ?? "", lines: [...perLine.values()] }, warehouses, availability: availabilityOf(fresh, codeById), allowSplit });
  const requests = requestsOf(again, plan.skuIdByCode);
  const warehouseId = anchor ?? again.shipments[0]?.warehouseId ?? ctx.order.warehouseId;
  const record: OrderAllocationRecord = {
    ...plan.record,
    shipments: mergeShipments(withoutLost(plan.record.shipments, lost), recordShipments(again, whById)),
    backordered: [...first.backordered, ...again.backordered],
    retry: { lost, summary: again.summary, reasons: again.reasons, lostAgain: [] },
  };
  const backorderSkus = [...first.backordered, ...again.backordered].map((b) => b.sku).concat(requests.map((r) => codeById.get(r.skuId) ?? ""));
  const r2 = await runReserveStatement(tx, {
    ...plan.common, requests, plannedBackorders: [...first.backordered, ...again.backordered, ...plan.unknown], final: true,
    warehouseId, allocation: record, summary: `${first.summary}; stock taken by another order meanwhile: ${again.summary}`,
    checkPairs: checkPairs(plan, backorderSkus, warehouseId),
  });
  if (!r2.orderOk) return null;
  const ok2 = new Set(r2.succeeded.map(key));
  const lostAgainReqs = requests.filter((r) => !ok2.has(key(r)));
  if (lostAgainReqs.length > 0) {
    const lostAgain = lostPairs(lostAgainReqs, codeById, whById);
    const fixed: OrderAllocationRecord = {
      ...record,
      shipments: withoutLost(record.shipments, lostAgain),
      backordered: [...record.backordered, ...lostAgainReqs.map((r) => ({ lineId: r.lineId, sku: codeById.get(r.skuId) ?? r.skuId, quantity: r.quantity }))],
      retry: { lost, summary: again.summary, reasons: again.reasons, lostAgain },
    };
    await tx.order.update({ where: { id: ctx.order.id }, data: { allocation: fixed as unknown as Prisma.InputJsonValue } });
  }
  return {
    plan, reserved: [...done, ...requests.filter((r) => ok2.has(key(r)))], backorderedUnits: r2.backorderedUnits,
    warehouseId, attempts: 2, recheck: r2.recheck,
  };
}

/** Balances a backordered order could still take from (re-checked under lock by the statement). */
function checkPairs(plan: Plan, skuCodes: readonly string[], anchor: string | null): { skuId: string; warehouseId: string }[] {
  const skuIds = new Set(skuCodes.map((c) => plan.skuIdByCode.get(c)).filter((x): x is string => x !== undefined));
  return plan.ctx.balances
    .filter((b) => skuIds.has(b.skuId) && !plan.excluded.has(b.warehouseId) && (plan.allowSplit || anchor === null || b.warehouseId === anchor))
    .map((b) => ({ skuId: b.skuId, warehouseId: b.warehouseId }));
}

function availabilityOf(
  rows: readonly BalanceRow[], codeById: ReadonlyMap<string, string>, taken: ReadonlyMap<string, number> = new Map(),
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const b of rows) {
    const code = codeById.get(b.skuId);
    if (code !== undefined) (out[b.warehouseId] ??= {})[code] = Math.max(0, b.available - (taken.get(key(b)) ?? 0));
  }
  return out;
}

function requestsOf(result: AllocationResult, skuIdByCode: ReadonlyMap<string, string>): ReserveRequest[] {
  return result.shipments.flatMap((s) =>
    s.lines.map((l) => ({ lineId: l.lineId, skuId: skuIdByCode.get(l.sku) as string, warehouseId: s.warehouseId, quantity: l.quantity })),
  );
}

function lostPairs(reqs: readonly ReserveRequest[], codeById: ReadonlyMap<string, string>, whById: ReadonlyMap<string, AllocationWarehouse>): RaceLost[] {
  const out = new Map<string, RaceLost>();
  for (const r of reqs) {
    const cur = out.get(key(r)) ?? { sku: codeById.get(r.skuId) ?? r.skuId, warehouseId: r.warehouseId, warehouseCode: whById.get(r.warehouseId)?.code ?? r.warehouseId, quantity: 0 };
    cur.quantity += r.quantity;
    out.set(key(r), cur);
  }
  return [...out.values()];
}
