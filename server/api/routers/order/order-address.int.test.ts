/**
 * The delivery address through the router: APPROVE refused for an order a carrier could not deliver
 * (SHIPPING_ADDRESS_COMPLETE), "Edit shipping address" (order.correctAddress: roles, stages, validation,
 * version, timeline), and a later channel address that does not overwrite a person's correction.
 */
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import type { AddressInput } from "@/server/channels/types";
import { isDomainError } from "@/server/lib/domain-error";
import { withTestDb } from "@/server/test/with-test-db";
import { applyChannelAddress } from "@/server/services/order/apply-channel-address";
import { captureOrder } from "@/server/services/order/capture-order";
import { createChannel, createUser } from "@/server/services/order/order-test-factory";
import { updateChannelOrder } from "@/server/services/order/update-channel-order";

const testDb = withTestDb();
let operator: SessionUser;
let manager: SessionUser;
let warehouse: SessionUser;
let channelId: string;
let seq = 0;

beforeEach(async () => {
  operator = await createUser(testDb().db, "OPERATOR", "Otávio Operador");
  manager = await createUser(testDb().db, "MANAGER", "Glória Gerente");
  warehouse = await createUser(testDb().db, "WAREHOUSE", "Wagner Armazém");
  channelId = await createChannel(testDb().db, "Loja Shopify", "SHOPIFY");
});

const SP: AddressInput = { name: "Ana", line1: "Av. Paulista, 1000", district: "Bela Vista", city: "São Paulo", state: "SP", postalCode: "01310-100", country: "BR", phone: "+5511999990000" };

function orderInput(shippingAddress: AddressInput | undefined, externalId: string, updatedAt: Date) {
  return {
    externalId, placedAt: new Date(Date.UTC(2026, 1, 1, 12)), updatedAt, currency: "BRL", state: "OPEN" as const, paymentStatus: "AUTHORIZED" as const,
    customer: { name: "Ana", email: `ana${externalId}@example.com` },
    ...(shippingAddress ? { shippingAddress } : {}),
    lines: [{ sku: "CAM-AZ-M", name: "Camiseta", quantity: 1, unitPriceCents: 5_000, discountCents: 0, taxCents: 0 }],
    subtotalCents: 5_000, discountCents: 0, shippingCents: 0, taxCents: 0, totalCents: 5_000,
  };
}

async function capture(shippingAddress: AddressInput | undefined) {
  seq += 1;
  const externalId = `A-${seq}`;
  const r = await captureOrder({ channelId, defaultCurrency: "BRL", actorLabel: "channel:Loja Shopify", input: orderInput(shippingAddress, externalId, new Date(Date.UTC(2026, 1, 1, 12))) });
  if (!r) throw new Error("capture failed");
  return { id: r.orderId, externalId };
}

const as = (user: SessionUser) => createCaller({ user });
const version = async (id: string) => (await as(operator).order.get({ id })).version;

async function refusal(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(TRPCError);
  const cause = (e as TRPCError).cause;
  expect(isDomainError(cause)).toBe(true);
  return cause as unknown as { code: string; params: Record<string, unknown> };
}

describe("APPROVE needs an address a carrier can use", () => {
  it("refuses an order without an address or with a bad CEP, and offers nothing to approve", async () => {
    for (const address of [undefined, { ...SP, postalCode: "0131" }, { ...SP, state: "" }]) {
      const o = await capture(address);
      const detail = await as(operator).order.get({ id: o.id });
      expect(detail.status).toBe("PAYMENT_AUTHORIZED");
      expect(detail.availableActions).not.toContain("APPROVE");
      const e = await refusal(as(operator).order.act({ orderId: o.id, action: { type: "APPROVE" }, expectedVersion: detail.version }));
      expect(e).toMatchObject({ code: "GUARD_FAILED", params: { rule: "SHIPPING_ADDRESS_COMPLETE", action: "APPROVE", current: "PAYMENT_AUTHORIZED" } });
      expect((await as(operator).order.get({ id: o.id })).status).toBe("PAYMENT_AUTHORIZED");
    }
  });

  it("bulk approval reports the order it could not approve and approves the others", async () => {
    const bad = await capture(undefined);
    const good = await capture(SP);
    const r = await as(operator).order.bulk({ orderIds: [bad.id, good.id], action: { type: "APPROVE" } });
    expect(r.find((x) => x.orderId === bad.id)).toMatchObject({ ok: false, error: { code: "GUARD_FAILED", params: { rule: "SHIPPING_ADDRESS_COMPLETE" } } });
    expect(r.find((x) => x.orderId === good.id)).toMatchObject({ ok: true });
  });

  it("once an operator corrects the address, the order can be approved", async () => {
    const o = await capture({ ...SP, postalCode: "" });
    const fixed = await as(operator).order.correctAddress({
      orderId: o.id, expectedVersion: await version(o.id), note: "Cliente ligou",
      shippingAddress: { line1: "Av. Paulista, 1000", district: "Bela Vista", city: "São Paulo", state: "sp", postalCode: "01310100" },
    });
    expect(fixed.changed).toBe(true);
    const detail = await as(operator).order.get({ id: o.id });
    expect(detail.shippingAddress).toMatchObject({ state: "SP", postalCode: "01310-100", country: "BR", phone: "+5511999990000" });
    expect(detail.availableActions).toContain("APPROVE");
    const ev = detail.timeline.find((e) => e.type === "order.address_corrected");
    expect(ev).toMatchObject({ actorLabel: "Otávio Operador", reason: "Cliente ligou" });
    expect(ev?.data).toMatchObject({ from: { postalCode: "" }, to: { postalCode: "01310-100" } });
    expect((await as(operator).order.act({ orderId: o.id, action: { type: "APPROVE" }, expectedVersion: detail.version })).to).not.toBe("PAYMENT_AUTHORIZED");
  });
});

describe("order.correctAddress", () => {
  const fixed = { line1: "Rua Nova, 5", city: "Campinas", state: "SP", postalCode: "13010-000" };

  it("is for ADMIN and OPERATOR only", async () => {
    const o = await capture(SP);
    for (const user of [manager, warehouse]) {
      await expect(as(user).order.correctAddress({ orderId: o.id, expectedVersion: await version(o.id), shippingAddress: fixed })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("validates a Brazilian address (UF, 8-digit CEP, street, city) and accepts a foreign one with less", async () => {
    const o = await capture(SP);
    const v = await version(o.id);
    for (const bad of [{ ...fixed, state: "XX" }, { ...fixed, postalCode: "1301" }, { ...fixed, line1: " " }, { ...fixed, city: "" }, { ...fixed, country: "Brasil" }]) {
      await expect(as(operator).order.correctAddress({ orderId: o.id, expectedVersion: v, shippingAddress: bad })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const r = await as(operator).order.correctAddress({ orderId: o.id, expectedVersion: v, shippingAddress: { line1: "Rua Augusta 10", city: "Lisboa", country: "pt" } });
    expect(r.changed).toBe(true);
    expect((await as(operator).order.get({ id: o.id })).shippingAddress).toMatchObject({ city: "Lisboa", country: "PT" });
  });

  it("refuses a stale version (CONFLICT) and an order that is packed", async () => {
    const o = await capture(SP);
    const v = await version(o.id);
    await as(operator).order.correctAddress({ orderId: o.id, expectedVersion: v, shippingAddress: fixed });
    const stale = await refusal(as(operator).order.correctAddress({ orderId: o.id, expectedVersion: v, shippingAddress: { ...fixed, line1: "Rua Velha, 1" } }));
    expect(stale.code).toBe("CONFLICT");

    await testDb().db.order.update({ where: { id: o.id }, data: { status: "PACKED", fulfillmentStatus: "PACKED" } });
    const packed = await refusal(as(operator).order.correctAddress({ orderId: o.id, expectedVersion: await version(o.id), shippingAddress: { ...fixed, line1: "Rua Velha, 1" } }));
    expect(packed).toMatchObject({ code: "INVALID_TRANSITION", params: { rule: "ADDRESS_LOCKED", current: "PACKED" } });
  });

  it("the same address again changes nothing and writes no event", async () => {
    const o = await capture(SP);
    const r = await as(operator).order.correctAddress({ orderId: o.id, expectedVersion: await version(o.id), shippingAddress: { name: "Ana", line1: SP.line1, district: "Bela Vista", city: "São Paulo", state: "SP", postalCode: "01310100" } });
    expect(r.changed).toBe(false);
    expect((await as(operator).order.get({ id: o.id })).timeline.some((e) => e.type === "order.address_corrected")).toBe(false);
  });
});

describe("a channel address after a person's correction", () => {
  it("is not applied; a new one goes on the timeline, the same one again does nothing", async () => {
    const o = await capture(SP);
    await as(operator).order.correctAddress({ orderId: o.id, expectedVersion: await version(o.id), shippingAddress: { line1: "Av. Paulista, 1001", city: "São Paulo", state: "SP", postalCode: "01310-100" } });
    const kept = () => testDb().db.orderEvent.count({ where: { orderId: o.id, type: "order.channel_address_not_applied" } });

    // The channel sends its order again, with the address it always had: nothing to say.
    await updateChannelOrder({ channelId, input: orderInput(SP, o.externalId, new Date(Date.UTC(2026, 1, 2))), actorLabel: "channel:Loja Shopify" });
    expect((await as(operator).order.get({ id: o.id })).shippingAddress).toMatchObject({ line1: "Av. Paulista, 1001" });
    expect(await kept()).toBe(0);

    // The customer changed it on the channel: kept out, and shown.
    const moved = { ...SP, line1: "Rua Bahia, 7", city: "Salvador", state: "BA", postalCode: "40000-000" };
    await updateChannelOrder({ channelId, input: orderInput(moved, o.externalId, new Date(Date.UTC(2026, 1, 3))), actorLabel: "channel:Loja Shopify" });
    const detail = await as(operator).order.get({ id: o.id });
    expect(detail.shippingAddress).toMatchObject({ line1: "Av. Paulista, 1001", state: "SP" });
    expect(await kept()).toBe(1);
    expect(detail.timeline.find((e) => e.type === "order.channel_address_not_applied")?.data).toMatchObject({ channelAddress: { city: "Salvador" }, kept: { line1: "Av. Paulista, 1001" } });

    // A shipment document with the same address: no second event.
    expect(await applyChannelAddress({ channelId, externalId: o.externalId, address: moved, source: "shipment 1", actorLabel: "channel:Loja Shopify" })).toMatchObject({ outcome: "KEPT" });
    expect(await kept()).toBe(1);
  });

  it("without a correction the channel's address still applies", async () => {
    const o = await capture(SP);
    const moved = { ...SP, line1: "Rua Bahia, 7", city: "Salvador", state: "BA", postalCode: "40000-000" };
    await updateChannelOrder({ channelId, input: orderInput(moved, o.externalId, new Date(Date.UTC(2026, 1, 3))), actorLabel: "channel:Loja Shopify" });
    expect((await as(operator).order.get({ id: o.id })).shippingAddress).toMatchObject({ city: "Salvador" });
  });
});
