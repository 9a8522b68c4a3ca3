/**
 * Manual order entry (phone, point of sale): a person types the order; it goes
 * through the same capture as channel orders (captureOrder, one statement), on
 * a MANUAL-platform channel, and gets a "POS-<yyyymmdd>-<6>" id. Prices come
 * from the catalogue unless the person overrides them. Validation failures are
 * a ZodError whose issue paths name the field and whose messages are issue
 * codes (manual-order-input.ts); the router turns it into BAD_REQUEST.
 */
import { randomInt } from "node:crypto";
import { z } from "zod";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import type { ChannelOrderInput } from "@/server/channels/types";
import { DomainError } from "@/server/lib/domain-error";
import { ymdInZone } from "@/server/lib/zoned-time";
import { userActor } from "@/server/services/order/actor";
import { captureOrder } from "@/server/services/order/capture-order";
import { MAX_CENTS, manualOrderInput, type IssueCode, type ManualOrderInput } from "@/server/services/order/manual-order-input";
import { getMerchantSettings } from "@/server/services/settings/merchant-settings";
import { reserveCapturedOrder } from "@/server/services/stock/reserve-captured-order";

export interface ManualOrderResult {
  orderId: string;
  number: number;
  externalId: string;
  totalCents: number;
  currency: string;
}

const ENTRY_ROLES: readonly SessionUser["role"][] = ["ADMIN", "OPERATOR"];
/** No 0/O or 1/I: the id is read out over the phone. */
const ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const ID_ATTEMPTS = 5;

export function posExternalId(day: string): string {
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return `POS-${day}-${suffix}`;
}

type Issue = { path: (string | number)[]; code: IssueCode };

function fail(issues: Issue[]): never {
  // ZodRealError (what .parse throws) is an Error; a bare ZodError is not, and tRPC would not keep it as the cause.
  throw new z.ZodRealError(issues.map((i) => ({ code: "custom" as const, path: i.path, message: i.code, input: undefined })));
}

export async function createManualOrder(opts: { actor: SessionUser; input: ManualOrderInput }): Promise<ManualOrderResult> {
  const { actor } = opts;
  if (!ENTRY_ROLES.includes(actor.role)) throw new DomainError("FORBIDDEN", `Your role (${actor.role}) may not enter orders.`);
  const input = manualOrderInput.parse(opts.input);
  const issues: Issue[] = [];

  const channel = await db.channel.findUnique({
    where: { id: input.channelId },
    select: { id: true, name: true, platform: true, active: true, defaultCurrency: true },
  });
  if (!channel || channel.platform !== "MANUAL") issues.push({ path: ["channelId"], code: "channelNotManual" });
  else if (!channel.active) issues.push({ path: ["channelId"], code: "channelInactive" });

  const codes = [...new Set(input.lines.map((l) => l.sku))];
  const skus = await db.sku.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, priceCents: true, active: true } });
  const byCode = new Map(skus.map((s) => [s.code, s]));

  const lines: ChannelOrderInput["lines"] = [];
  input.lines.forEach((line, i) => {
    const sku = byCode.get(line.sku);
    if (!sku) return void issues.push({ path: ["lines", i, "sku"], code: "skuNotFound" });
    if (!sku.active) return void issues.push({ path: ["lines", i, "sku"], code: "skuInactive" });
    const unitPriceCents = line.unitPriceCents ?? sku.priceCents;
    const gross = unitPriceCents * line.quantity;
    if (gross > MAX_CENTS) return void issues.push({ path: ["lines", i, "quantity"], code: "totalTooLarge" });
    if (line.discountCents > gross) return void issues.push({ path: ["lines", i, "discountCents"], code: "discountExceedsLine" });
    lines.push({ sku: sku.code, name: sku.name, quantity: line.quantity, unitPriceCents, discountCents: line.discountCents, taxCents: 0 });
  });

  const subtotalCents = lines.reduce((a, l) => a + l.unitPriceCents * l.quantity, 0);
  const discountCents = lines.reduce((a, l) => a + l.discountCents, 0);
  const totalCents = subtotalCents - discountCents + input.shippingCents;
  if (issues.length === 0 && (subtotalCents > MAX_CENTS || totalCents > MAX_CENTS)) issues.push({ path: ["lines"], code: "totalTooLarge" });
  if (issues.length > 0 || !channel) fail(issues);

  const settings = await getMerchantSettings();
  const now = new Date();
  const currency = channel.defaultCurrency.toUpperCase();
  const { customer, shippingAddress: address } = input;
  for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
    const externalId = posExternalId(ymdInZone(now, settings.timeZone));
    const order: ChannelOrderInput = {
      externalId,
      externalNumber: externalId,
      placedAt: now,
      updatedAt: now,
      currency,
      state: "OPEN",
      paymentStatus: input.paymentStatus,
      paymentMethod: input.paymentMethod,
      customer: { name: customer.name, email: customer.email, phone: customer.phone, document: customer.document },
      shippingAddress: {
        name: address.name ?? customer.name,
        line1: address.line1,
        line2: address.line2,
        district: address.district,
        city: address.city,
        state: address.state,
        postalCode: address.postalCode,
        country: "BR",
        phone: customer.phone,
      },
      lines,
      subtotalCents,
      discountCents,
      shippingCents: input.shippingCents,
      taxCents: 0,
      totalCents,
      note: input.note,
    };
    const created = await captureOrder({
      channelId: channel.id,
      defaultCurrency: currency,
      input: order,
      actorLabel: actor.name,
      actorId: actor.id,
      createdEventData: { source: "manual", enteredBy: { id: actor.id, name: actor.name }, channel: channel.name },
    });
    if (created) {
      await reserveCapturedOrder({ orderId: created.orderId, actor: userActor(actor), context: created.reservation });
      return { orderId: created.orderId, number: created.number, externalId, totalCents, currency };
    }
    // Someone got the same random id on the same day (1 in 10⁹): draw again.
  }
  throw new DomainError("DUPLICATE", "Could not find a free order id; try again.", { detail: "POS order id" });
}
