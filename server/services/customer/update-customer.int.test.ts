/**
 * Correcting a customer on a fresh database: only the fields that change are
 * written and audited (who, when, from → to) and shown as the customer's
 * history; a corrected field is no longer overwritten by a channel's later
 * order (the capture statement's upsert), while the fields nobody corrected
 * still follow the channel; the e-mail never changes; other roles are refused.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { cpfCheckDigits } from "@/server/lib/br-documents";
import { getCustomer } from "@/server/services/customer/get-customer";
import { listCustomers } from "@/server/services/customer/list-customers";
import { updateCustomer } from "@/server/services/customer/update-customer";
import { captureOrder } from "@/server/services/order/capture-order";
import { makeUser, orderInput } from "@/server/services/stock/stock-test-fixtures";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
let operator: SessionUser;
let channelId: string;
beforeEach(async () => {
  operator = await makeUser("OPERATOR");
  channelId = (await db.channel.create({ data: { platform: "SHOPIFY", name: "Loja Shopify", secret: "s" } })).id;
});

const CPF = `529982247${cpfCheckDigits("529982247")}`;

/** A channel's order for `customer`, through the real capture statement; answers the order's id. */
async function channelOrder(customer: { name: string; email: string; phone?: string; document?: string }): Promise<string> {
  const input = { ...orderInput({ lines: [{ sku: "NOT-IN-CATALOGUE", quantity: 1 }] }), customer };
  const captured = await captureOrder({ channelId, defaultCurrency: "BRL", input, actorLabel: "channel:Loja Shopify" });
  if (!captured) throw new Error("not captured");
  return captured.orderId;
}

const customerOf = async (orderId: string) => db.customer.findFirstOrThrow({ where: { orders: { some: { id: orderId } } } });

describe("correcting a customer", () => {
  it("keeps a corrected name against the channel's next order, which still records its own name; an uncorrected phone follows the channel", async () => {
    const first = await channelOrder({ name: "JOAO SILVA", email: "Joao@Example.com", phone: "11 1111-1111", document: CPF });
    const { id } = await customerOf(first);
    expect(await updateCustomer({ actor: operator, input: { customerId: id, name: "  João   da Silva ", phone: "11 1111-1111", document: CPF } })).toEqual({ id, changed: true });

    const second = await channelOrder({ name: "joao s.", email: "joao@example.com", phone: "(11) 98765-4321" });
    const customer = await customerOf(second);
    expect(customer.id).toBe(id);
    expect(customer).toMatchObject({ name: "João da Silva", email: "joao@example.com", phone: "(11) 98765-4321", document: CPF, editedFields: ["name"] });
    expect(await db.order.findUniqueOrThrow({ where: { id: second }, select: { customerName: true } })).toEqual({ customerName: "joao s." });
    expect(await db.order.findUniqueOrThrow({ where: { id: first }, select: { customerName: true } })).toEqual({ customerName: "JOAO SILVA" });
    // Found by the corrected name, accents aside.
    expect((await listCustomers({ search: "joao da" })).rows.map((r) => r.name)).toEqual(["João da Silva"]);
    expect((await listCustomers({ search: "JOÃO DA S" })).rows.map((r) => r.id)).toEqual([id]);
  });

  it("keeps a corrected (or cleared) phone and document too, once each is corrected", async () => {
    const first = await channelOrder({ name: "Ana", email: "ana@example.com", phone: "11 1111-1111" });
    const { id } = await customerOf(first);
    await updateCustomer({ actor: operator, input: { customerId: id, phone: "", document: `${CPF.slice(0, 3)}.${CPF.slice(3, 6)}.${CPF.slice(6, 9)}-${CPF.slice(9)}` } });
    const other = `123456789${cpfCheckDigits("123456789")}`;
    const second = await channelOrder({ name: "Ana Souza", email: "ana@example.com", phone: "11 2222-2222", document: other });
    expect(await customerOf(second)).toMatchObject({ name: "Ana Souza", phone: null, document: CPF, editedFields: ["phone", "document"] });
  });

  it("writes only what changes, audits it (who, from → to) and shows it as the customer's history, newest first", async () => {
    const { id } = await customerOf(await channelOrder({ name: "Bia Lima", email: "bia@example.com", phone: "11 3333-3333" }));
    expect(await updateCustomer({ actor: operator, input: { customerId: id, name: "Bia Lima", phone: "11 3333-3333", document: "" } })).toEqual({ id, changed: false });
    expect(await db.auditLog.count({ where: { entity: "Customer" } })).toBe(0);
    expect((await db.customer.findUniqueOrThrow({ where: { id } })).editedFields).toEqual([]);

    await updateCustomer({ actor: operator, input: { customerId: id, name: "Beatriz Lima" } });
    const admin = await makeUser("ADMIN");
    await updateCustomer({ actor: admin, input: { customerId: id, name: "Beatriz Lima", phone: "+55 11 4444-4444", document: CPF } });

    const audit = await db.auditLog.findMany({ where: { entity: "Customer", entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.data])).toEqual([
      ["customer.updated", operator.id, { before: { name: "Bia Lima" }, after: { name: "Beatriz Lima" }, by: "OPERATOR user" }],
      ["customer.updated", admin.id, { before: { phone: "11 3333-3333", document: null }, after: { phone: "+55 11 4444-4444", document: CPF }, by: "ADMIN user" }],
    ]);
    const d = await getCustomer({ customerId: id });
    expect(d.customer).toMatchObject({ name: "Beatriz Lima", email: "bia@example.com", editedFields: ["name", "phone", "document"] });
    expect(d.history.map((h) => [h.by, h.changes])).toEqual([
      ["ADMIN user", [{ field: "phone", from: "11 3333-3333", to: "+55 11 4444-4444" }, { field: "document", from: null, to: CPF }]],
      ["OPERATOR user", [{ field: "name", from: "Bia Lima", to: "Beatriz Lima" }]],
    ]);
    expect(d.history[0]?.at).toBeInstanceOf(Date);
  });

  it("refuses bad values, an unknown customer and the roles that may not correct customers", async () => {
    const { id } = await customerOf(await channelOrder({ name: "Caio", email: "caio@example.com" }));
    await expect(updateCustomer({ actor: operator, input: { customerId: id, document: "123.456.789-00" } })).rejects.toThrow();
    await expect(updateCustomer({ actor: operator, input: { customerId: id, name: "   " } })).rejects.toThrow();
    await expect(updateCustomer({ actor: operator, input: { customerId: "00000000-0000-4000-8000-000000000000", name: "X" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const role of ["MANAGER", "WAREHOUSE"] as const) {
      await expect(updateCustomer({ actor: await makeUser(role), input: { customerId: id, name: "X" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.customer.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Caio", document: null, editedFields: [] });
  });
});
