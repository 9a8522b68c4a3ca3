/**
 * Handing a corrected customer field back to the channels, through the customer router on a fresh database: the
 * field leaves editedFields, the latest order's value comes back at once when that order carries it (the name it
 * arrived with; phone and CPF/CNPJ from its stored delivery), else the next channel order brings it (through the
 * real capture statement); audited and shown in the customer's history; once only; OPERATOR and ADMIN only.
 */
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { isDomainError } from "@/server/lib/domain-error";
import { cpfCheckDigits } from "@/server/lib/br-documents";
import type { Role } from "@/server/lib/roles";
import { captureOrder } from "@/server/services/order/capture-order";
import { orderInput } from "@/server/services/stock/stock-test-fixtures";
import { rawJson, shopifyHeaders, shopifyOrder, webhookRequest } from "@/server/test/channel-payloads";
import { makeChannel, makeUser, postWebhook } from "@/server/test/webhook-harness";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
let users: Record<Role, SessionUser>;
let channelId: string;
let seq = 0;
beforeEach(async () => {
  users = {
    ADMIN: await makeUser("ADMIN", "Ana Admin"),
    OPERATOR: await makeUser("OPERATOR", "Otávio Operador"),
    MANAGER: await makeUser("MANAGER"),
    WAREHOUSE: await makeUser("WAREHOUSE"),
  };
  channelId = (await db.channel.create({ data: { platform: "SHOPIFY", name: "Loja Shopify", secret: "s" } })).id;
});
const as = (role: Role) => createCaller({ user: users[role] });

const CPF = `529982247${cpfCheckDigits("529982247")}`;
const OTHER_CPF = `123456789${cpfCheckDigits("123456789")}`;

/** A channel's order for `customer` through the real capture statement (no stored delivery); answers the customer's id and the order's number. */
async function channelOrder(customer: { name: string; email: string; phone?: string; document?: string }) {
  seq += 1;
  const input = { ...orderInput({ lines: [{ sku: "NOT-IN-CATALOGUE", quantity: 1 }] }), externalId: `FC-${seq}`, customer };
  const captured = await captureOrder({ channelId, defaultCurrency: "BRL", input, actorLabel: "channel:Loja Shopify" });
  if (!captured) throw new Error("not captured");
  const { customerId } = await db.order.findUniqueOrThrow({ where: { id: captured.orderId }, select: { customerId: true } });
  if (!customerId) throw new Error("no customer");
  return { customerId, number: captured.number };
}

const row = (id: string) => db.customer.findUniqueOrThrow({ where: { id }, select: { name: true, phone: true, document: true, editedFields: true } });

async function failure(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (e instanceof TRPCError) return e;
  throw new Error(`expected a tRPC error, got ${String(e)}`);
}

describe("following the channel again", () => {
  it("restores the latest order's name at once, audits it and shows it in the history; the next channel order updates the name again", async () => {
    const first = await channelOrder({ name: "JOAO SILVA", email: "joao@example.com", phone: "11 1111-1111" });
    const { customerId: id } = first;
    await as("OPERATOR").customer.update({ customerId: id, name: "João da Silva", phone: "11 2222-2222" });
    expect(await row(id)).toMatchObject({ name: "João da Silva", editedFields: ["name", "phone"] });

    const r = await as("OPERATOR").customer.followChannel({ customerId: id, field: "name" });
    expect(r).toEqual({ id, field: "name", restored: true, value: "JOAO SILVA", orderNumber: first.number });
    // Only the name follows the channel again: the corrected phone stays corrected.
    expect(await row(id)).toEqual({ name: "JOAO SILVA", phone: "11 2222-2222", document: null, editedFields: ["phone"] });

    const log = await db.auditLog.findMany({ where: { entity: "Customer", entityId: id }, orderBy: { id: "asc" } });
    expect(log.map((a) => [a.action, a.actorId, a.data])).toEqual([
      ["customer.updated", users.OPERATOR.id, expect.anything()],
      [
        "customer.follows_channel",
        users.OPERATOR.id,
        { field: "name", restored: true, orderNumber: first.number, before: { name: "João da Silva" }, after: { name: "JOAO SILVA" }, by: "Otávio Operador" },
      ],
    ]);
    const page = await as("MANAGER").customer.get({ customerId: id });
    expect(page.customer.editedFields).toEqual(["phone"]);
    expect(page.history.map((h) => [h.by, h.followsChannel, h.changes])).toEqual([
      ["Otávio Operador", { field: "name", restored: true, orderNumber: first.number }, [{ field: "name", from: "João da Silva", to: "JOAO SILVA" }]],
      ["Otávio Operador", null, [{ field: "name", from: "JOAO SILVA", to: "João da Silva" }, { field: "phone", from: "11 1111-1111", to: "11 2222-2222" }]],
    ]);

    await channelOrder({ name: "João S.", email: "joao@example.com", phone: "11 3333-3333" });
    expect(await row(id)).toEqual({ name: "João S.", phone: "11 2222-2222", document: null, editedFields: ["phone"] });
  });

  it("without the channel's value on the latest order (no stored delivery) keeps the value and says the next order brings it; that order does", async () => {
    const { customerId: id } = await channelOrder({ name: "Ana", email: "ana@example.com", phone: "11 1111-1111", document: CPF });
    await as("ADMIN").customer.update({ customerId: id, phone: "+55 11 4444-4444", document: OTHER_CPF });

    expect(await as("ADMIN").customer.followChannel({ customerId: id, field: "phone" })).toEqual({ id, field: "phone", restored: false, value: "+55 11 4444-4444", orderNumber: null });
    expect(await row(id)).toEqual({ name: "Ana", phone: "+55 11 4444-4444", document: OTHER_CPF, editedFields: ["document"] });
    const [entry] = (await as("OPERATOR").customer.get({ customerId: id })).history;
    expect(entry).toMatchObject({ by: "Ana Admin", followsChannel: { field: "phone", restored: false, orderNumber: null }, changes: [] });

    await channelOrder({ name: "Ana", email: "ana@example.com", phone: "(11) 98765-4321", document: CPF });
    // The phone follows the channel again; the corrected document does not.
    expect(await row(id)).toEqual({ name: "Ana", phone: "(11) 98765-4321", document: OTHER_CPF, editedFields: ["document"] });
  });

  it("reads the phone back from the latest order's stored delivery and restores it at once", async () => {
    const secret = "s3cret-for-tests-0123456789";
    const shop = await makeChannel("SHOPIFY", secret, { name: "Loja Aurora" });
    const body = rawJson(shopifyOrder());
    const res = await postWebhook(shop.id, webhookRequest({ channelId: shop.id, body, headers: shopifyHeaders(body, secret, { topic: "orders/create", webhookId: "wh-fc-1" }) }));
    expect(res.status).toBe(200);
    const order = await db.order.findFirstOrThrow({ where: { channelId: shop.id }, select: { number: true, customerId: true, sourceDeliveryId: true } });
    expect(order.sourceDeliveryId).not.toBeNull();
    const id = order.customerId ?? "";
    const channelPhone = (await row(id)).phone;
    expect(channelPhone).toBe("+55 11 98765-4321");

    await as("OPERATOR").customer.update({ customerId: id, phone: "(21) 3333-4444", document: CPF });
    expect(await as("OPERATOR").customer.followChannel({ customerId: id, field: "phone" })).toEqual({ id, field: "phone", restored: true, value: channelPhone, orderNumber: order.number });
    // The delivery has no CPF/CNPJ: the corrected one stays until an order brings one.
    expect(await as("OPERATOR").customer.followChannel({ customerId: id, field: "document" })).toMatchObject({ restored: false, value: CPF });
    expect(await row(id)).toMatchObject({ phone: channelPhone, document: CPF, editedFields: [] });
  });

  it("a second click (or two people at once) changes nothing more: CONFLICT naming the rule, one audit row", async () => {
    const { customerId: id } = await channelOrder({ name: "Bia", email: "bia@example.com" });
    await as("OPERATOR").customer.update({ customerId: id, name: "Beatriz" });
    const results = await Promise.allSettled([as("OPERATOR").customer.followChannel({ customerId: id, field: "name" }), as("ADMIN").customer.followChannel({ customerId: id, field: "name" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const again = await failure(as("OPERATOR").customer.followChannel({ customerId: id, field: "name" }));
    expect(again.code).toBe("CONFLICT");
    expect(isDomainError(again.cause) && again.cause.params).toEqual({ rule: "ALREADY_FOLLOWS_CHANNEL", field: "name" });
    // A field nobody corrected is refused the same way.
    expect((await failure(as("OPERATOR").customer.followChannel({ customerId: id, field: "phone" }))).code).toBe("CONFLICT");
    expect(await db.auditLog.count({ where: { entityId: id, action: "customer.follows_channel" } })).toBe(1);
    expect(await row(id)).toMatchObject({ name: "Bia", editedFields: [] });
  });

  it("refuses MANAGER and WAREHOUSE, an unknown customer and an unknown field, and leaves the customer as it was", async () => {
    const { customerId: id } = await channelOrder({ name: "Caio", email: "caio@example.com" });
    await as("OPERATOR").customer.update({ customerId: id, name: "Caio Prado" });
    for (const role of ["MANAGER", "WAREHOUSE"] as const) {
      expect((await failure(as(role).customer.followChannel({ customerId: id, field: "name" }))).code).toBe("FORBIDDEN");
    }
    expect((await failure(as("OPERATOR").customer.followChannel({ customerId: "00000000-0000-4000-8000-000000000000", field: "name" }))).code).toBe("NOT_FOUND");
    const email = "email" as unknown as "name";
    expect((await failure(as("OPERATOR").customer.followChannel({ customerId: id, field: email }))).code).toBe("BAD_REQUEST");
    expect(await row(id)).toMatchObject({ name: "Caio Prado", editedFields: ["name"] });
    expect(await db.auditLog.count({ where: { entityId: id, action: "customer.follows_channel" } })).toBe(0);
  });
});
