/**
 * ADDRESS_INCOMPLETE (order/address-exception.ts): an order whose delivery address a carrier cannot use is listed
 * on Exceptions from the moment the address arrives, and leaves the list by itself once the address can be used
 * (a channel's new version, a Mercado Livre shipment document, a person's correction) or the order is cancelled.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import type { AddressInput } from "@/server/channels/types";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { applyChannelAddress } from "@/server/services/order/apply-channel-address";
import { captureOrder } from "@/server/services/order/capture-order";
import { createChannel, createUser } from "@/server/services/order/order-test-factory";
import { updateChannelOrder } from "@/server/services/order/update-channel-order";
import { exceptionText } from "@/server/services/exceptions/exception-text";

const testDb = withTestDb();
let operator: SessionUser;
let channelId: string;
let seq = 0;

beforeEach(async () => {
  operator = await createUser(testDb().db, "OPERATOR", "Otávio Operador");
  channelId = await createChannel(testDb().db, "Loja Shopify", "SHOPIFY");
});

const SP: AddressInput = { name: "Ana", line1: "Av. Paulista, 1000", district: "Bela Vista", city: "São Paulo", state: "SP", postalCode: "01310-100", country: "BR" };
const T0 = Date.UTC(2026, 1, 1, 12);

function input(shippingAddress: AddressInput | undefined, externalId: string, minutes = 0, state: "OPEN" | "CANCELLED" = "OPEN") {
  return {
    externalId, placedAt: new Date(T0), updatedAt: new Date(T0 + minutes * 60_000), currency: "BRL", state, paymentStatus: "AUTHORIZED" as const,
    customer: { name: "Ana", email: `ana${externalId}@example.com` },
    ...(shippingAddress ? { shippingAddress } : {}),
    lines: [{ sku: "CAM-AZ-M", name: "Camiseta", quantity: 1, unitPriceCents: 5_000, discountCents: 0, taxCents: 0 }],
    subtotalCents: 5_000, discountCents: 0, shippingCents: 0, taxCents: 0, totalCents: 5_000,
  };
}

async function capture(address: AddressInput | undefined, state: "OPEN" | "CANCELLED" = "OPEN") {
  seq += 1;
  const externalId = `AX-${seq}`;
  const r = await captureOrder({ channelId, defaultCurrency: "BRL", actorLabel: "channel:Loja Shopify", input: input(address, externalId, 0, state) });
  if (!r) throw new Error("capture failed");
  return { id: r.orderId, number: r.number, externalId };
}

const exceptionsOf = (orderId: string) =>
  db.exception.findMany({ where: { orderId, type: "ADDRESS_INCOMPLETE" }, orderBy: { createdAt: "asc" } });
const update = (externalId: string, address: AddressInput, minutes: number) =>
  updateChannelOrder({ channelId, input: input(address, externalId, minutes), actorLabel: "channel:Loja Shopify" });

describe("an order whose address a carrier cannot use", () => {
  it("is an open exception from its capture, with what is missing, in both languages' words", async () => {
    const o = await capture({ ...SP, postalCode: "0131", line1: "" });
    const [e] = await exceptionsOf(o.id);
    expect(e).toMatchObject({ status: "OPEN", data: { missing: ["line1", "postalCode"] } });
    expect(e?.message).toBe(`Order #${o.number}: a carrier cannot use the delivery address (missing or not usable: line1, postalCode). Correct it on the order page.`);
    expect(exceptionText("ADDRESS_INCOMPLETE", e?.data, o.number)).toEqual({
      key: "ADDRESS_INCOMPLETE", params: { order: o.number, missing: "line1,postalCode" }, addressFieldsParam: "missing",
    });
    // Listed where people look: the Exceptions list, filtered by its type.
    const listed = await createCaller({ user: operator }).exception.list({ type: "ADDRESS_INCOMPLETE" });
    // The sentence survives the router's output parser whole: the page names the fields from addressFieldsParam.
    expect(listed.items.map((x) => [x.order?.id, x.text])).toEqual([[o.id, { key: "ADDRESS_INCOMPLETE", params: { order: o.number, missing: "line1,postalCode" }, addressFieldsParam: "missing" }]]);
  });

  it("is not raised for a usable address, for an order with no address yet (it may follow) or for one that arrives cancelled", async () => {
    const fine = await capture(SP);
    const none = await capture(undefined);
    const cancelled = await capture({ ...SP, postalCode: "" }, "CANCELLED");
    for (const o of [fine, none, cancelled]) expect(await exceptionsOf(o.id)).toEqual([]);
  });

  it("is resolved by the system when the channel's next version brings a usable address", async () => {
    const o = await capture({ ...SP, state: "" });
    expect((await update(o.externalId, SP, 5)).outcome).toBe("UPDATED");
    const [e] = await exceptionsOf(o.id);
    expect(e).toMatchObject({ status: "RESOLVED", resolvedById: null, resolutionNote: null });
    expect(e?.resolvedAt).toBeInstanceOf(Date);
  });

  it("is opened when a channel replaces a usable address with one that is not, and follows what is missing", async () => {
    const o = await capture(SP);
    await update(o.externalId, { ...SP, city: "" }, 5);
    expect((await exceptionsOf(o.id)).map((e) => [e.status, e.data])).toEqual([["OPEN", { missing: ["city"] }]]);
    // A Mercado Livre-style shipment document with another unusable address: the same exception says what is missing now.
    const r = await applyChannelAddress({ channelId, externalId: o.externalId, address: { ...SP, postalCode: "123" }, source: "shipment 1", actorLabel: "channel:Loja Shopify" });
    expect(r?.outcome).toBe("APPLIED");
    const now = await exceptionsOf(o.id);
    expect(now.map((e) => [e.status, e.data])).toEqual([["OPEN", { missing: ["postalCode"] }]]);
    expect(now[0]?.message).toContain("postalCode");
  });

  it("is resolved in the name of the person whose correction made the address usable", async () => {
    const o = await capture({ ...SP, postalCode: "" });
    const caller = createCaller({ user: operator });
    const { version } = await caller.order.get({ id: o.id });
    await caller.order.correctAddress({
      orderId: o.id, expectedVersion: version, note: "Cliente ligou",
      shippingAddress: { line1: "Av. Paulista, 1000", district: "Bela Vista", city: "São Paulo", state: "SP", postalCode: "01310-100" },
    });
    const [e] = await exceptionsOf(o.id);
    expect(e).toMatchObject({ status: "RESOLVED", resolvedById: operator.id });
    expect(e?.resolvedAt).toBeInstanceOf(Date);
  });

  it("is resolved when the order is cancelled", async () => {
    const o = await capture({ ...SP, postalCode: "" });
    const caller = createCaller({ user: operator });
    const { version } = await caller.order.get({ id: o.id });
    await caller.order.act({ orderId: o.id, action: { type: "CANCEL", reason: "Cliente desistiu" }, expectedVersion: version });
    const [e] = await exceptionsOf(o.id);
    expect(e).toMatchObject({ status: "RESOLVED", resolvedById: null });
  });
});
