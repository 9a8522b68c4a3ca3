/**
 * Test data for the stock integration tests: warehouses with bins, SKUs, and
 * opening stock written through the real ledger (so reconciliation holds),
 * orders through the real capture. Not a test file itself.
 */
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import type { ChannelOrderInput, PaymentStatus } from "@/server/channels/types";
import type { Role } from "@/server/lib/roles";
import { systemActor } from "@/server/services/order/actor";
import { captureOrder } from "@/server/services/order/capture-order";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";

export interface World {
  channelId: string;
  wh: Record<string, { id: string; bins: string[] }>;
  sku: Record<string, string>;
}

export interface WorldSpec {
  warehouses: { code: string; state: string; bins?: number; active?: boolean }[];
  skus: string[];
  /** Opening stock: onHand goes to the warehouse's bin `bin` (default 0). */
  stock?: { sku: string; wh: string; onHand: number; bin?: number; safety?: number }[];
  settings?: { backorderPolicy?: "BACKORDER" | "HOLD"; allowSplitShipments?: boolean };
}

export async function buildWorld(spec: WorldSpec): Promise<World> {
  const channel = await db.channel.create({ data: { platform: "MANUAL", name: "Loja", secret: "s" } });
  const wh: World["wh"] = {};
  for (const w of spec.warehouses) {
    const row = await db.warehouse.create({ data: { code: w.code, name: `Warehouse ${w.code}`, city: "City", state: w.state, active: w.active ?? true } });
    const bins: string[] = [];
    for (let i = 0; i < (w.bins ?? 2); i++) {
      const code = `${w.code}-A-0${i + 1}`;
      const bin = await db.bin.create({
        data: { warehouseId: row.id, code, zone: "A", aisle: "01", shelf: String(i + 1), position: "1", pickSequence: (i + 1) * 10 },
      });
      bins.push(bin.id);
    }
    wh[w.code] = { id: row.id, bins };
  }
  const sku: World["sku"] = {};
  for (const code of spec.skus) {
    const row = await db.sku.create({ data: { code, name: `Product ${code}`, ean: null, reorderPoint: 5, priceCents: 1000, product: { create: { name: `Product ${code}` } } } });
    sku[code] = row.id;
  }
  const changes = (spec.stock ?? []).map((s) => ({
    type: "RECEIPT" as const,
    skuId: sku[s.sku] as string,
    binId: wh[s.wh]?.bins[s.bin ?? 0] as string,
    onHandDelta: s.onHand,
    reason: "Opening stock",
  }));
  if (changes.length) await db.$transaction((tx) => applyBinChanges(tx, { changes, actor: systemActor("test") }));
  for (const s of spec.stock ?? []) {
    if (s.safety) await db.stockBalance.update({ where: { skuId_warehouseId: { skuId: sku[s.sku] as string, warehouseId: wh[s.wh]?.id as string } }, data: { safety: s.safety } });
  }
  if (spec.settings) {
    await db.merchantSettings.upsert({ where: { id: 1 }, create: { id: 1, ...spec.settings }, update: spec.settings });
  }
  return { channelId: channel.id, wh, sku };
}

let seq = 0;

export function orderInput(opts: {
  lines: { sku: string; quantity: number }[];
  shipState?: string;
  paymentStatus?: PaymentStatus;
  placedAt?: Date;
  externalId?: string;
}): ChannelOrderInput {
  seq += 1;
  const placedAt = opts.placedAt ?? new Date(Date.UTC(2026, 0, 1) + seq * 1000);
  const lines = opts.lines.map((l) => ({ sku: l.sku, name: `Product ${l.sku}`, quantity: l.quantity, unitPriceCents: 1000, discountCents: 0, taxCents: 0 }));
  const total = lines.reduce((n, l) => n + l.quantity * l.unitPriceCents, 0);
  return {
    externalId: opts.externalId ?? `T-${process.pid}-${seq}-${Math.random().toString(36).slice(2, 8)}`,
    placedAt,
    updatedAt: placedAt,
    currency: "BRL",
    state: "OPEN",
    paymentStatus: opts.paymentStatus ?? "PAID",
    customer: { name: "Maria Silva", email: `maria${seq}@example.com` },
    shippingAddress: { line1: "Rua A, 1", city: "Cidade", state: opts.shipState ?? "SP", postalCode: "01310-100", country: "BR" },
    lines,
    subtotalCents: total,
    discountCents: 0,
    shippingCents: 0,
    taxCents: 0,
    totalCents: total,
  };
}

/** Captures an order through the real capture statement (no reservation). */
export async function capture(world: World, opts: Parameters<typeof orderInput>[0]): Promise<string> {
  const created = await captureOrder({ channelId: world.channelId, defaultCurrency: "BRL", input: orderInput(opts), actorLabel: "channel:Loja" });
  if (!created) throw new Error("order not created");
  return created.orderId;
}

export async function makeUser(role: Role): Promise<SessionUser> {
  const u = await db.user.create({
    data: { email: `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@fluxo.test`, name: `${role} user`, passwordHash: "x", role },
  });
  return { id: u.id, name: u.name, email: u.email, role: u.role, locale: "en" };
}

export async function balance(world: World, skuCode: string, whCode: string) {
  return db.stockBalance.findUniqueOrThrow({ where: { skuId_warehouseId: { skuId: world.sku[skuCode] as string, warehouseId: world.wh[whCode]?.id as string } } });
}

export async function lines(orderId: string) {
  return db.orderLine.findMany({ where: { orderId }, orderBy: { lineNo: "asc" }, select: { sku: true, quantity: true, reservedQty: true, backorderedQty: true, shippedQty: true } });
}
