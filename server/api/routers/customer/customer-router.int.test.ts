/** The customer router through createCaller on a fresh database: search, pages, totals per currency, the customer page, corrections, roles. */
import { beforeEach, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import { errorData } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import type { OrderStatus } from "@/server/generated/prisma/client";
import { cpfCheckDigits } from "@/server/lib/br-documents";
import type { Role } from "@/server/lib/roles";
import { makeUser } from "@/server/services/stock/stock-test-fixtures";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
let users: Record<Role, SessionUser>;
let channelId: string;
let seq = 0;
beforeEach(async () => {
  users = { ADMIN: await makeUser("ADMIN"), OPERATOR: await makeUser("OPERATOR"), MANAGER: await makeUser("MANAGER"), WAREHOUSE: await makeUser("WAREHOUSE") };
  channelId = (await db.channel.create({ data: { platform: "MANUAL", name: "Loja Própria", secret: "s" } })).id;
});
const as = (role: Role) => createCaller({ user: users[role] });

const CPF = `123456789${cpfCheckDigits("123456789")}`;

function customer(name: string, email: string | null, document: string | null = null) {
  return db.customer.create({ data: { name, email, document } });
}

interface OrderSpec {
  placedAt: string;
  totalCents: number;
  currency?: string;
  status?: OrderStatus;
  address?: Record<string, string> | null;
}

async function order(customerId: string, spec: OrderSpec) {
  seq += 1;
  return db.order.create({
    data: {
      channelId, externalId: `EXT-${seq}`, customerId, customerName: "x", status: spec.status ?? "RECEIVED", currency: spec.currency ?? "BRL",
      subtotalCents: spec.totalCents, totalCents: spec.totalCents, placedAt: new Date(spec.placedAt), channelUpdatedAt: new Date(spec.placedAt),
      ...(spec.address ? { shippingAddress: spec.address } : {}),
    },
  });
}

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (err: unknown) => err);
  return e instanceof TRPCError ? e.code : `no error (${String(e)})`;
}

describe("the customer list", () => {
  it("lists A–Z by name (case aside) and finds by the start of the name or e-mail, or the whole CPF", async () => {
    await customer("bruno Lima", "bruno@example.com");
    await customer("Ana Souza", "contato@anasouza.com.br", CPF);
    await customer("Carla Dias", "ana.dias@example.com");
    const all = await as("OPERATOR").customer.list({});
    expect(all.rows.map((r) => r.name)).toEqual(["Ana Souza", "bruno Lima", "Carla Dias"]);
    expect(all.nextCursor).toBeNull();

    const byName = await as("OPERATOR").customer.list({ search: "ANA s" });
    expect(byName.rows.map((r) => r.name)).toEqual(["Ana Souza"]);
    // "ana" starts Ana's name and Carla's e-mail; "ouza" starts neither.
    expect((await as("MANAGER").customer.list({ search: "ana" })).rows.map((r) => r.name)).toEqual(["Ana Souza", "Carla Dias"]);
    expect((await as("ADMIN").customer.list({ search: "ouza" })).rows).toEqual([]);
    expect((await as("OPERATOR").customer.list({ search: "Contato@" })).rows.map((r) => r.name)).toEqual(["Ana Souza"]);
    // The CPF with or without punctuation; a part of it finds nobody.
    const formatted = `${CPF.slice(0, 3)}.${CPF.slice(3, 6)}.${CPF.slice(6, 9)}-${CPF.slice(9)}`;
    expect((await as("OPERATOR").customer.list({ search: CPF })).rows.map((r) => [r.name, r.document])).toEqual([["Ana Souza", CPF]]);
    expect((await as("OPERATOR").customer.list({ search: formatted })).rows.map((r) => r.name)).toEqual(["Ana Souza"]);
    expect((await as("OPERATOR").customer.list({ search: CPF.slice(0, 6) })).rows).toEqual([]);
    // LIKE wildcards are taken literally.
    expect((await as("OPERATOR").customer.list({ search: "%" })).rows).toEqual([]);
  });

  it("pages by (name, id) without repeating or skipping anyone, also with a search", async () => {
    for (let i = 0; i < 7; i++) await customer(`Cliente ${i % 3}`, `c${i}@example.com`);
    await customer("Outro", "outro@example.com");
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await as("OPERATOR").customer.list({ search: "cliente", limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const names = (await db.customer.findMany({ where: { id: { in: seen } } })).map((c) => c.name);
    expect(names.every((n) => n.startsWith("Cliente"))).toBe(true);
    expect(await code(as("OPERATOR").customer.list({ cursor: "forged" }))).toBe("BAD_REQUEST");
  });

  it("counts orders and sums what was spent per currency without the cancelled orders; the last order date", async () => {
    const ana = await customer("Ana", "ana@example.com");
    const nobody = await customer("Bia", "bia@example.com");
    await order(ana.id, { placedAt: "2026-10-01T10:00:00Z", totalCents: 10_050 });
    await order(ana.id, { placedAt: "2026-10-05T10:00:00Z", totalCents: 2_000, status: "DELIVERED" });
    await order(ana.id, { placedAt: "2026-11-20T10:00:00Z", totalCents: 99_999, status: "CANCELLED" });
    await order(ana.id, { placedAt: "2026-10-10T10:00:00Z", totalCents: 3_000, currency: "USD", status: "SHIPPED" });
    const { rows } = await as("OPERATOR").customer.list({});
    expect(rows.map((r) => [r.name, r.orderCount, r.spent, r.lastOrderAt?.toISOString() ?? null])).toEqual([
      ["Ana", 4, [{ currency: "BRL", cents: 12_050 }, { currency: "USD", cents: 3_000 }], "2026-11-20T10:00:00.000Z"],
      ["Bia", 0, [], null],
    ]);
    expect((await as("OPERATOR").customer.get({ customerId: nobody.id })).figures).toEqual({ orderCount: 0, spent: [], lastOrderAt: null });
  });
});

describe("one customer", () => {
  it("shows their distinct delivery addresses (most recent first) and their orders newest first, paged", async () => {
    const ana = await customer("Ana Souza", "ana@example.com", CPF);
    const paulista = { line1: "Av. Paulista, 1000", city: "São Paulo", state: "SP", postalCode: "01310-100" };
    const rio = { line1: "Rua das Laranjeiras, 20", city: "Rio de Janeiro", state: "RJ", postalCode: "22240-000" };
    await order(ana.id, { placedAt: "2026-09-01T12:00:00Z", totalCents: 1000, address: paulista });
    await order(ana.id, { placedAt: "2026-09-15T12:00:00Z", totalCents: 2000, address: rio });
    // The same place written differently (case, CEP without the dash) is one address, dated by its latest order.
    await order(ana.id, { placedAt: "2026-10-01T12:00:00Z", totalCents: 3000, address: { ...paulista, line1: "AV. PAULISTA, 1000", postalCode: "01310100" } });
    await order(ana.id, { placedAt: "2026-10-02T12:00:00Z", totalCents: 4000, address: null });
    const other = await customer("Outra", "outra@example.com");
    await order(other.id, { placedAt: "2026-10-03T12:00:00Z", totalCents: 5000, address: { line1: "Rua X, 1", city: "Curitiba" } });

    const d = await as("OPERATOR").customer.get({ customerId: ana.id, limit: 3 });
    expect(d.customer).toMatchObject({ name: "Ana Souza", email: "ana@example.com", document: CPF });
    expect(d.addresses.map((a) => [a.line1, a.city, a.lastUsedAt.toISOString()])).toEqual([
      ["AV. PAULISTA, 1000", "São Paulo", "2026-10-01T12:00:00.000Z"],
      ["Rua das Laranjeiras, 20", "Rio de Janeiro", "2026-09-15T12:00:00.000Z"],
    ]);
    expect(d.orders.map((o) => [o.totalCents, o.channelName, o.currency, o.status])).toEqual([
      [4000, "Loja Própria", "BRL", "RECEIVED"], [3000, "Loja Própria", "BRL", "RECEIVED"], [2000, "Loja Própria", "BRL", "RECEIVED"],
    ]);
    expect(d.figures).toMatchObject({ orderCount: 4, spent: [{ currency: "BRL", cents: 10_000 }] });
    expect(d.nextCursor).not.toBeNull();
    const more = await as("OPERATOR").customer.get({ customerId: ana.id, limit: 3, cursor: d.nextCursor ?? undefined });
    expect(more.orders.map((o) => o.totalCents)).toEqual([1000]);
    expect(more.nextCursor).toBeNull();
    // Orders on the same instant are ordered by id, still without repeats.
    const sameTime = await order(ana.id, { placedAt: "2026-09-01T12:00:00Z", totalCents: 1500 });
    const all = await as("OPERATOR").customer.get({ customerId: ana.id, limit: 4 });
    const rest = await as("OPERATOR").customer.get({ customerId: ana.id, limit: 4, cursor: all.nextCursor ?? undefined });
    expect(new Set([...all.orders, ...rest.orders].map((o) => o.id)).size).toBe(5);
    expect([...all.orders, ...rest.orders].map((o) => o.id)).toContain(sameTime.id);
  });

  it("keeps at most ten addresses", async () => {
    const ana = await customer("Ana", "ana@example.com");
    for (let i = 0; i < 12; i++) {
      await order(ana.id, { placedAt: `2026-10-${String(i + 1).padStart(2, "0")}T12:00:00Z`, totalCents: 100, address: { line1: `Rua ${i}`, city: "Santos", postalCode: "11010-000" } });
    }
    const d = await as("OPERATOR").customer.get({ customerId: ana.id });
    expect(d.addresses.map((a) => a.line1)).toEqual(["Rua 11", "Rua 10", "Rua 9", "Rua 8", "Rua 7", "Rua 6", "Rua 5", "Rua 4", "Rua 3", "Rua 2"]);
  });

  it("answers NOT_FOUND for an unknown customer", async () => {
    expect(await code(as("OPERATOR").customer.get({ customerId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
  });
});

describe("correcting a customer", () => {
  it("lets an operator or admin correct the name, phone and CPF/CNPJ; the page shows the fields corrected and the history", async () => {
    const ana = await customer("ana souza", "ana@example.com");
    expect(await as("OPERATOR").customer.update({ customerId: ana.id, name: "Ana Souza", phone: "(11) 98765-4321", document: "" })).toEqual({ id: ana.id, changed: true });
    expect(await as("ADMIN").customer.update({ customerId: ana.id, document: CPF })).toEqual({ id: ana.id, changed: true });
    const d = await as("MANAGER").customer.get({ customerId: ana.id });
    expect(d.customer).toMatchObject({ name: "Ana Souza", email: "ana@example.com", phone: "(11) 98765-4321", document: CPF, editedFields: ["name", "phone", "document"] });
    expect(d.history.map((h) => h.changes.map((c) => [c.field, c.from, c.to]))).toEqual([
      [["document", null, CPF]],
      [["name", "ana souza", "Ana Souza"], ["phone", null, "(11) 98765-4321"]],
    ]);
    expect((await as("OPERATOR").customer.list({ search: "ana s" })).rows.map((r) => r.name)).toEqual(["Ana Souza"]);
  });

  it("refuses a CPF with wrong check digits and an impossible phone, naming the field and the rule", async () => {
    const ana = await customer("Ana", "ana@example.com");
    const refusal = await as("OPERATOR").customer.update({ customerId: ana.id, phone: "12", document: "123.456.789-00" }).then(() => null, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(TRPCError);
    expect((refusal as TRPCError).code).toBe("BAD_REQUEST");
    expect(errorData(refusal as TRPCError).zodIssues?.map((i) => [i.path, i.rule])).toEqual([["phone", "PHONE"], ["document", "DOCUMENT"]]);
    expect(await code(as("OPERATOR").customer.update({ customerId: ana.id, name: "" }))).toBe("BAD_REQUEST");
    expect(await code(as("OPERATOR").customer.update({ customerId: "00000000-0000-4000-8000-000000000000", name: "X" }))).toBe("NOT_FOUND");
  });
});

describe("who may see customers", () => {
  it("refuses the warehouse role", async () => {
    const ana = await customer("Ana", "ana@example.com");
    expect(await code(as("WAREHOUSE").customer.list({}))).toBe("FORBIDDEN");
    expect(await code(as("WAREHOUSE").customer.get({ customerId: ana.id }))).toBe("FORBIDDEN");
    expect((await as("MANAGER").customer.get({ customerId: ana.id })).customer.name).toBe("Ana");
  });

  it.each(["MANAGER", "WAREHOUSE"] as const)("refuses a correction by %s (FORBIDDEN) and changes nothing", async (role) => {
    const ana = await customer("Ana", "ana@example.com");
    expect(await code(as(role).customer.update({ customerId: ana.id, name: "Outra" }))).toBe("FORBIDDEN");
    expect(await db.customer.findUniqueOrThrow({ where: { id: ana.id } })).toMatchObject({ name: "Ana", editedFields: [] });
    expect(await db.auditLog.count()).toBe(0);
  });
});
