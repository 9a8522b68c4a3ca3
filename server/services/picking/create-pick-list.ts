/**
 * Create a pick list: for one order, a selection of orders, or a wave built by
 * a rule over the ALLOCATED, unheld orders of one warehouse. In one
 * transaction: claim the orders (claim-orders.ts: FOR UPDATE SKIP LOCKED, so
 * concurrent waves never share an order), choose the wave (wave-select.ts),
 * then start picking set-based (start-picking.ts: pick list, totes, the
 * START_PICKING transition with its timeline events, and the pick lines along
 * the walking path).
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import { roleMayPerform } from "@/server/services/order/order-state-machine";
import { claimOrders, explainNotClaimed, headGroupKey, type ClaimedOrder, type GroupBy, type NotClaimed, type NotPickableReason } from "@/server/services/picking/claim-orders";
import { startPicking } from "@/server/services/picking/start-picking";
import { selectWaveOrders, type WaveSelectSkip } from "@/server/services/picking/wave-select";

/** The largest wave: beyond it a printed list stops being useful and the transaction gets long. */
export const MAX_WAVE_ORDERS = 10_000;
const REPORTED_SKIPS = 200;

export const createPickListInput = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("orders"),
    orderIds: z.array(z.uuid()).min(1).max(MAX_WAVE_ORDERS),
  }),
  z.object({
    mode: z.literal("wave"),
    warehouseId: z.uuid(),
    dueBefore: z.date().optional(),
    maxOrders: z.number().int().positive().max(MAX_WAVE_ORDERS).optional(),
    maxUnits: z.number().int().positive().max(10_000_000).optional(),
    groupBy: z.enum(["carrier", "channel"]).nullable().optional(),
  }),
]);
export type CreatePickListInput = z.infer<typeof createPickListInput>;

export type SkipReason = NotPickableReason | WaveSelectSkip | "NO_BIN_STOCK";

export interface CreatePickListResult {
  pickListId: string;
  number: number;
  warehouseId: string;
  orders: number;
  lines: number;
  units: number;
  /** The channel/carrier the wave was restricted to (null: orders without one); absent without groupBy. */
  groupKey?: string | null;
  skippedCount: number;
  /** The first skipped orders and why (at most 200). */
  skipped: { orderId: string; reason: SkipReason }[];
}

const TX = { maxWait: 10_000, timeout: 60_000 } as const;

export async function createPickList(opts: { actor: SessionUser; input: CreatePickListInput }): Promise<CreatePickListResult> {
  const { actor, input } = opts;
  if (!roleMayPerform(actor.role, "START_PICKING")) {
    throw new DomainError("FORBIDDEN", `A ${actor.role} may not start picking.`, { action: "START_PICKING" });
  }
  return db.$transaction(async (tx) => {
    let warehouseId: string;
    let claimed: ClaimedOrder[];
    let selected: ClaimedOrder[];
    const skipped: CreatePickListResult["skipped"] = [];
    let groupKey: string | null | undefined;
    let rule: Record<string, unknown>;

    if (input.mode === "orders") {
      const orderIds = [...new Set(input.orderIds)];
      const homes = await tx.order.findMany({ where: { id: { in: orderIds } }, select: { warehouseId: true }, distinct: ["warehouseId"] });
      const warehouses = [...new Set(homes.map((h) => h.warehouseId).filter((w): w is string => w !== null))];
      if (warehouses.length > 1) {
        throw new DomainError("VALIDATION", "The chosen orders ship from different warehouses: make one pick list per warehouse.", { field: "orderIds", rule: "MIXED_WAREHOUSES" });
      }
      warehouseId = warehouses[0] ?? "";
      claimed = warehouseId ? await claimOrders(tx, { warehouseId, orderIds, limit: orderIds.length }) : [];
      const got = new Set(claimed.map((c) => c.id));
      const missing = await explainNotClaimed(tx, orderIds.filter((id) => !got.has(id)), warehouseId);
      if (claimed.length === 0) {
        const first = missing[0];
        if (orderIds.length === 1 && first) throw notPickable(first);
        throw new DomainError("GUARD_FAILED", "None of the chosen orders can be picked now (not allocated, on hold, or already in a pick list).", {
          rule: "NONE_PICKABLE",
          detail: "no pickable order",
        });
      }
      skipped.push(...missing.map((m) => ({ orderId: m.orderId, reason: m.reason })));
      const selection = selectWaveOrders(claimed, {});
      skipped.push(...selection.skipped);
      const keep = new Set(selection.selected);
      selected = claimed.filter((c) => keep.has(c.id));
      rule = { kind: "orders", requested: orderIds.length };
    } else {
      warehouseId = input.warehouseId;
      const groupBy: GroupBy | null = input.groupBy ?? null;
      const base = { warehouseId, ...(input.dueBefore ? { dueBefore: input.dueBefore } : {}) };
      if (groupBy) {
        const head = await headGroupKey(tx, base, groupBy);
        groupKey = head ? head.key : null;
      }
      const want = Math.min(input.maxOrders ?? MAX_WAVE_ORDERS, MAX_WAVE_ORDERS);
      // With maxUnits, later smaller orders may fill the room a large one left: look a little further than strictly needed.
      const limit = input.maxUnits ? Math.min(want + 200, input.maxUnits + 200, MAX_WAVE_ORDERS + 200) : want;
      claimed = await claimOrders(tx, { ...base, limit, withUnits: input.maxUnits !== undefined, ...(groupBy ? { group: { by: groupBy, key: groupKey ?? null } } : {}) });
      const selection = selectWaveOrders(claimed, { maxOrders: want, ...(input.maxUnits ? { maxUnits: input.maxUnits } : {}) });
      skipped.push(...selection.skipped);
      const keep = new Set(selection.selected);
      selected = claimed.filter((c) => keep.has(c.id));
      rule = {
        kind: "wave",
        warehouseId,
        dueBefore: input.dueBefore?.toISOString() ?? null,
        maxOrders: input.maxOrders ?? null,
        maxUnits: input.maxUnits ?? null,
        groupBy,
        ...(groupBy ? { groupKey: groupKey ?? null } : {}),
      };
    }

    if (selected.length === 0) {
      throw new DomainError("GUARD_FAILED", "No order matches this rule: nothing is allocated, unheld and waiting in this warehouse.", {
        rule: "NO_MATCH",
        detail: "no pickable order",
      });
    }
    const started = await startPicking(tx, { warehouseId, orders: selected, rule, actor });
    skipped.push(...started.noUnits.map((orderId) => ({ orderId, reason: "NO_UNITS" as const })));
    skipped.push(...started.noBinStock.map((orderId) => ({ orderId, reason: "NO_BIN_STOCK" as const })));
    if (!started.pickListId || started.number === null) {
      throw new DomainError("INSUFFICIENT_STOCK", "The bins of this warehouse do not hold the units these orders need: count the bins first.", {
        rule: "NO_BIN_STOCK",
        detail: "no bin stock",
      });
    }
    const result: CreatePickListResult = {
      pickListId: started.pickListId,
      number: started.number,
      warehouseId,
      orders: started.started.length,
      lines: started.lineCount,
      units: started.units,
      skippedCount: skipped.length,
      skipped: skipped.slice(0, REPORTED_SKIPS),
    };
    if (groupKey !== undefined) result.groupKey = groupKey;
    return result;
  }, TX);
}

function notPickable(m: NotClaimed): DomainError {
  const name = m.number === null ? m.orderId : `#${m.number}`;
  switch (m.reason) {
    case "NOT_FOUND":
      return new DomainError("NOT_FOUND", `Order ${m.orderId} not found.`);
    case "IN_OPEN_LIST":
      return new DomainError("CONFLICT", `Order ${name} is already in pick list #${m.pickListNumber}.`, { rule: "ORDER_IN_LIST", order: name, pickList: m.pickListNumber ?? "", current: m.status ?? "" });
    case "ON_HOLD":
      return new DomainError("ORDER_ON_HOLD", `Cannot START_PICKING: order ${name} is on hold.`, { rule: "ORDER_HELD", order: name, current: m.status ?? "", holds: m.holds ?? "", action: "START_PICKING" });
    case "BUSY":
      return new DomainError("CONFLICT", `Someone else is changing order ${name} right now; try again.`, { rule: "ORDER_BUSY", order: name, current: m.status ?? "" });
    case "WRONG_WAREHOUSE":
    case "NOT_ALLOCATED":
      return new DomainError("INVALID_TRANSITION", `Cannot START_PICKING: order ${name} is ${m.status}.`, { rule: "NOT_PICKABLE", order: name, current: m.status ?? "", action: "START_PICKING" });
  }
}
