/** Test data for the orders workspace integration tests (not a test file itself). */
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { SessionUser } from "@/server/auth/options";
import type { ChannelPlatform } from "@/server/channels/types";
import type { Role } from "@/server/lib/roles";
import type { FulfillmentStatus, OrderStatus, PaymentStatus } from "@/server/services/order/order-dimensions";

export async function createUser(db: PrismaClient, role: Role, name = `${role.toLowerCase()} user`): Promise<SessionUser> {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@test.fluxo`;
  const u = await db.user.create({ data: { email, name, passwordHash: "x", role, locale: "en" } });
  return { id: u.id, name: u.name, email: u.email, role: u.role, locale: u.locale };
}

export async function createChannel(db: PrismaClient, name = "Loja Shopify", platform: ChannelPlatform = "SHOPIFY"): Promise<string> {
  const c = await db.channel.create({ data: { name, platform, secret: "s" } });
  return c.id;
}

export interface OrderSpec {
  channelId: string;
  externalId?: string;
  externalNumber?: string | null;
  customerName?: string;
  customerEmail?: string | null;
  status?: OrderStatus;
  paymentStatus?: PaymentStatus;
  fulfillmentStatus?: FulfillmentStatus;
  onHold?: boolean;
  totalCents?: number;
  currency?: string;
  placedAt?: Date;
  shipBy?: Date | null;
  lines?: { sku: string; quantity?: number; unitPriceCents?: number }[];
  /** A complete Brazilian address unless given (null: none). */
  shippingAddress?: Record<string, string> | null;
}

export const TEST_ADDRESS = { name: "Maria Silva", line1: "Rua das Flores, 120", district: "Centro", city: "São Paulo", state: "SP", postalCode: "01310-100", country: "BR" };

let seq = 0;

/** Inserts an order as the list reads it (direct insert: the tests need exact times, statuses and totals). */
export async function insertOrder(db: PrismaClient, spec: OrderSpec): Promise<{ id: string; number: number }> {
  seq += 1;
  const lines = spec.lines ?? [{ sku: `SKU-${seq}`, quantity: 1, unitPriceCents: spec.totalCents ?? 10_000 }];
  const total = spec.totalCents ?? lines.reduce((a, l) => a + (l.unitPriceCents ?? 10_000) * (l.quantity ?? 1), 0);
  const placedAt = spec.placedAt ?? new Date(Date.UTC(2026, 0, 10, 12, 0, 0) + seq * 60_000);
  const o = await db.order.create({
    data: {
      channelId: spec.channelId,
      externalId: spec.externalId ?? `ext-${seq}-${Math.random().toString(36).slice(2, 8)}`,
      externalNumber: spec.externalNumber === undefined ? null : spec.externalNumber,
      customerName: spec.customerName ?? `Customer ${seq}`,
      customerEmail: spec.customerEmail === undefined ? `customer${seq}@example.com` : spec.customerEmail,
      status: spec.status ?? "RECEIVED",
      paymentStatus: spec.paymentStatus ?? "PENDING",
      fulfillmentStatus: spec.fulfillmentStatus ?? "UNFULFILLED",
      onHold: spec.onHold ?? false,
      currency: spec.currency ?? "BRL",
      subtotalCents: total,
      totalCents: total,
      placedAt,
      channelUpdatedAt: placedAt,
      shipBy: spec.shipBy ?? null,
      ...(spec.shippingAddress === null ? {} : { shippingAddress: spec.shippingAddress ?? TEST_ADDRESS, shipState: (spec.shippingAddress ?? TEST_ADDRESS).state ?? null }),
      lines: {
        create: lines.map((l, i) => ({
          lineNo: i + 1,
          sku: l.sku,
          name: `Product ${l.sku}`,
          quantity: l.quantity ?? 1,
          unitPriceCents: l.unitPriceCents ?? 10_000,
          totalCents: (l.unitPriceCents ?? 10_000) * (l.quantity ?? 1),
        })),
      },
    },
    select: { id: true, number: true },
  });
  return o;
}
