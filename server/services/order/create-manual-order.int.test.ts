import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { ymdInZone } from "@/server/lib/zoned-time";
import { systemActor } from "@/server/services/order/actor";
import { posExternalId } from "@/server/services/order/create-manual-order";
import type { ManualOrderInput } from "@/server/services/order/manual-order-input";
import { issuesOf, makeCatalogue, makeChannel, makeUser, trpcCode } from "@/server/services/order/order-entry-test-fixtures";
import { applyBinChanges } from "@/server/services/stock/stock-ledger";
import { withTestDb } from "@/server/test/with-test-db";

withTestDb();
let operator: SessionUser;
let posChannel: string;

beforeEach(async () => {
  operator = await makeUser("OPERATOR");
  posChannel = await makeChannel("MANUAL", "Telefone / Loja física");
  await makeCatalogue();
});

function phoneOrder(overrides: Partial<ManualOrderInput> = {}): ManualOrderInput {
  return {
    channelId: posChannel,
    customer: { name: "Maria Souza", email: "Maria.Souza@Example.com", phone: "(11) 98765-4321", document: "529.982.247-25" },
    shippingAddress: { line1: "Rua das Flores, 120", line2: "apto 12", district: "Pinheiros", city: "São Paulo", state: "sp", postalCode: "05422010" },
    lines: [
      { sku: "CAM-BAS-M-AZU", quantity: 2 },
      { sku: "CAN-CER-350-BRA", quantity: 3, unitPriceCents: 2990, discountCents: 500 },
    ],
    shippingCents: 1590,
    paymentStatus: "PAID",
    paymentMethod: "Pix",
    ...overrides,
  };
}

describe("orderEntry.create", () => {
  it("dates the order when it is entered: a placed-at sent by a client (2030, 1990) is not taken", async () => {
    for (const placedAt of ["2030-01-01T00:00:00Z", "1990-01-01T00:00:00Z"]) {
      const before = Date.now();
      const input = { ...phoneOrder(), placedAt } as ManualOrderInput;
      const r = await createCaller({ user: operator }).orderEntry.create(input);
      const order = await db.order.findUniqueOrThrow({ where: { id: r.orderId }, select: { placedAt: true } });
      expect(order.placedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(order.placedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it("creates the order with catalogue names and prices, exact totals, a POS id and a timeline naming the operator", async () => {
    const r = await createCaller({ user: operator }).orderEntry.create(phoneOrder());

    // 2 × 49,90 + 3 × 29,90 = 189,50; − 5,00 discount + 15,90 shipping = 200,40.
    expect(r.totalCents).toBe(20040);
    expect(r.externalId).toMatch(new RegExp(`^POS-${ymdInZone(new Date(), "America/Sao_Paulo")}-[2-9A-HJ-NP-Z]{6}$`));
    const order = await db.order.findUniqueOrThrow({ where: { id: r.orderId }, include: { lines: { orderBy: { lineNo: "asc" } }, customer: true } });
    expect(order).toMatchObject({
      channelId: posChannel,
      externalId: r.externalId,
      externalNumber: r.externalId,
      number: r.number,
      customerName: "Maria Souza",
      customerEmail: "maria.souza@example.com",
      subtotalCents: 18950,
      discountCents: 500,
      shippingCents: 1590,
      taxCents: 0,
      totalCents: 20040,
      currency: "BRL",
      paymentStatus: "PAID",
      paymentMethod: "Pix",
      shipState: "SP",
    });
    expect(order.shippingAddress).toMatchObject({ name: "Maria Souza", line1: "Rua das Flores, 120", state: "SP", postalCode: "05422-010", country: "BR" });
    expect(order.customer).toMatchObject({ document: "52998224725", phone: "(11) 98765-4321" });
    expect(order.lines.map((l) => [l.sku, l.name, l.quantity, l.unitPriceCents, l.discountCents, l.totalCents, l.skuId !== null])).toEqual([
      ["CAM-BAS-M-AZU", "Camiseta Básica Algodão Azul M", 2, 4990, 0, 9980, true],
      ["CAN-CER-350-BRA", "Caneca Cerâmica 350 ml Branco", 3, 2990, 500, 8470, true],
    ]);

    const events = await db.orderEvent.findMany({ where: { orderId: r.orderId }, orderBy: { id: "asc" } });
    const created = events.find((e) => e.type === "order.created");
    expect(created).toMatchObject({ actorId: operator.id, actorLabel: "Otávio Operador", toStatus: "RECEIVED" });
    expect(created?.data).toMatchObject({ source: "manual", enteredBy: { id: operator.id, name: "Otávio Operador" }, paymentStatus: "PAID" });
    expect(events.find((e) => e.type === "order.payment_authorized")).toMatchObject({ actorId: operator.id, toStatus: "PAYMENT_AUTHORIZED" });
  });

  it("lets an admin enter a pending order without e-mail or document", async () => {
    const admin = await makeUser("ADMIN");
    const r = await createCaller({ user: admin }).orderEntry.create(
      phoneOrder({ customer: { name: "Cliente Balcão", email: "", phone: "", document: "" }, paymentStatus: "PENDING", shippingCents: 0 }),
    );
    const order = await db.order.findUniqueOrThrow({ where: { id: r.orderId } });
    expect(order).toMatchObject({ status: "RECEIVED", paymentStatus: "PENDING", customerEmail: null, totalCents: 18450 });
  });

  it("reserves stock for the new order", async () => {
    const wh = await db.warehouse.create({ data: { code: "SP1", name: "CD São Paulo", city: "São Paulo", state: "SP" } });
    const bin = await db.bin.create({ data: { warehouseId: wh.id, code: "A-01-1-1", zone: "A", aisle: "01", shelf: "1", position: "1", pickSequence: 10 } });
    const skus = await db.sku.findMany({ where: { code: { in: ["CAM-BAS-M-AZU", "CAN-CER-350-BRA"] } } });
    await db.$transaction((tx) =>
      applyBinChanges(tx, { changes: skus.map((s) => ({ type: "RECEIPT" as const, skuId: s.id, binId: bin.id, onHandDelta: 10, reason: "Opening stock" })), actor: systemActor("test") }),
    );
    const r = await createCaller({ user: operator }).orderEntry.create(phoneOrder());
    const lines = await db.orderLine.findMany({ where: { orderId: r.orderId }, orderBy: { lineNo: "asc" } });
    expect(lines.map((l) => l.reservedQty)).toEqual([2, 3]);
  });

  it("gives distinct POS ids", () => {
    const ids = new Set(Array.from({ length: 200 }, () => posExternalId("20261128")));
    expect(ids.size).toBe(200);
  });

  describe("refuses invalid input with the field and the reason", () => {
    const cases: [string, () => ManualOrderInput, string[]][] = [
      ["no customer name", () => phoneOrder({ customer: { name: "  " } }), ["customer.name: required"]],
      ["a bad e-mail", () => phoneOrder({ customer: { name: "Maria", email: "maria@" } }), ["customer.email: email"]],
      ["a CPF with a wrong check digit", () => phoneOrder({ customer: { name: "Maria", document: "529.982.247-24" } }), ["customer.document: document"]],
      ["a CNPJ with a wrong check digit", () => phoneOrder({ customer: { name: "Loja X", document: "11.222.333/0001-82" } }), ["customer.document: document"]],
      ["a phone that is not one", () => phoneOrder({ customer: { name: "Maria", phone: "ligar" } }), ["customer.phone: phone"]],
      ["an unknown UF", () => phoneOrder({ shippingAddress: { line1: "Rua A, 1", city: "X", state: "XX", postalCode: "01310-100" } }), ["shippingAddress.state: uf"]],
      ["a malformed CEP", () => phoneOrder({ shippingAddress: { line1: "Rua A, 1", city: "X", state: "SP", postalCode: "1310-100" } }), ["shippingAddress.postalCode: cep"]],
      ["no street", () => phoneOrder({ shippingAddress: { line1: "", city: "X", state: "SP", postalCode: "01310-100" } }), ["shippingAddress.line1: required"]],
      ["no lines", () => phoneOrder({ lines: [] }), ["lines: noLines"]],
      ["quantity 0", () => phoneOrder({ lines: [{ sku: "CAM-BAS-M-AZU", quantity: 0 }] }), ["lines.0.quantity: quantityRange"]],
      ["quantity 10000", () => phoneOrder({ lines: [{ sku: "CAM-BAS-M-AZU", quantity: 10000 }] }), ["lines.0.quantity: quantityRange"]],
      ["a fractional quantity", () => phoneOrder({ lines: [{ sku: "CAM-BAS-M-AZU", quantity: 1.5 }] }), ["lines.0.quantity: quantityRange"]],
      ["a negative discount", () => phoneOrder({ lines: [{ sku: "CAM-BAS-M-AZU", quantity: 1, discountCents: -1 }] }), ["lines.0.discountCents: amountRange"]],
      ["a negative shipping", () => phoneOrder({ shippingCents: -100 }), ["shippingCents: amountRange"]],
      ["a discount above the typed line total", () => phoneOrder({ lines: [{ sku: "CAM-BAS-M-AZU", quantity: 2, unitPriceCents: 1000, discountCents: 2001 }] }), ["lines.0.discountCents: discountExceedsLine"]],
      ["a discount above the catalogue line total", () => phoneOrder({ lines: [{ sku: "CAM-BAS-M-AZU", quantity: 1, discountCents: 4991 }] }), ["lines.0.discountCents: discountExceedsLine"]],
      ["an unknown SKU", () => phoneOrder({ lines: [{ sku: "CAM-BAS-M-AZU", quantity: 1 }, { sku: "NAO-EXISTE", quantity: 1 }] }), ["lines.1.sku: skuNotFound"]],
      ["an inactive SKU", () => phoneOrder({ lines: [{ sku: "CAP-IPH-13-TRA", quantity: 1 }] }), ["lines.0.sku: skuInactive"]],
      ["a payment status other than pending or paid", () => phoneOrder({ paymentStatus: "AUTHORIZED" as "PAID" }), ["paymentStatus: invalid"]],
    ];
    it.each(cases)("%s", async (_name, input, expected) => {
      expect(await issuesOf(createCaller({ user: operator }).orderEntry.create(input()))).toEqual(expected);
      expect(await db.order.count()).toBe(0);
    });

    it("a channel that is not a MANUAL channel, or is inactive", async () => {
      const shopify = await makeChannel("SHOPIFY", "Loja Shopify");
      const closed = await makeChannel("MANUAL", "Quiosque fechado", false);
      const caller = createCaller({ user: operator });
      expect(await issuesOf(caller.orderEntry.create(phoneOrder({ channelId: shopify })))).toEqual(["channelId: channelNotManual"]);
      expect(await issuesOf(caller.orderEntry.create(phoneOrder({ channelId: closed })))).toEqual(["channelId: channelInactive"]);
      expect(await issuesOf(caller.orderEntry.create(phoneOrder({ channelId: "00000000-0000-4000-8000-000000000000" })))).toEqual(["channelId: channelNotManual"]);
      expect(await db.order.count()).toBe(0);
    });

    it("every problem at once, each on its own field", async () => {
      const issues = await issuesOf(
        createCaller({ user: operator }).orderEntry.create(
          phoneOrder({ lines: [{ sku: "NAO-EXISTE", quantity: 1 }, { sku: "CAP-IPH-13-TRA", quantity: 1 }, { sku: "CAM-BAS-M-AZU", quantity: 1, discountCents: 5000 }] }),
        ),
      );
      expect(issues).toEqual(["lines.0.sku: skuNotFound", "lines.1.sku: skuInactive", "lines.2.discountCents: discountExceedsLine"]);
    });
  });
});

describe("orderEntry lookups", () => {
  it("finds active SKUs by code prefix first, then by name or EAN", async () => {
    const caller = createCaller({ user: operator });
    expect((await caller.orderEntry.skuLookup({ query: "cam-bas" })).map((s) => s.code)).toEqual(["CAM-BAS-G-PRE", "CAM-BAS-M-AZU"]);
    expect((await caller.orderEntry.skuLookup({ query: "caneca" })).map((s) => s.code)).toEqual(["CAN-CER-350-BRA"]);
    expect((await caller.orderEntry.skuLookup({ query: "789000000003" })).map((s) => s.code)).toEqual(["CAN-CER-350-BRA"]);
    expect(await caller.orderEntry.skuLookup({ query: "CAP-IPH" })).toEqual([]);
    expect(await caller.orderEntry.skuLookup({ query: "  " })).toEqual([]);
    // LIKE wildcards in what people type are plain characters.
    expect(await caller.orderEntry.skuLookup({ query: "CAM_BAS" })).toEqual([]);
    expect(await caller.orderEntry.skuLookup({ query: "%BAS" })).toEqual([]);
    const first = (await caller.orderEntry.skuLookup({ query: "CAM" }))[0];
    expect(first).toEqual({ id: expect.any(String), code: "CAM-BAS-G-PRE", name: "Camiseta Básica Algodão Preto G", ean: "7890000000024", priceCents: 4990 });
  });

  it("limits SKU results to 20", async () => {
    const productId = (await db.product.create({ data: { name: "Meia" } })).id;
    await db.sku.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ productId, code: `MEI-${String(i).padStart(2, "0")}`, name: `Meia ${i}`, priceCents: 100 })) });
    expect(await createCaller({ user: operator }).orderEntry.skuLookup({ query: "MEI" })).toHaveLength(20);
  });

  it("lists only active MANUAL channels", async () => {
    await makeChannel("MANUAL", "Quiosque fechado", false);
    await makeChannel("SHOPIFY", "Loja Shopify");
    expect((await createCaller({ user: operator }).orderEntry.manualChannels()).map((c) => c.name)).toEqual(["Telefone / Loja física"]);
  });
});

describe("orderEntry roles", () => {
  it.each(["WAREHOUSE", "MANAGER"] as const)("refuses %s", async (role) => {
    const caller = createCaller({ user: await makeUser(role) });
    expect(await trpcCode(caller.orderEntry.create(phoneOrder()))).toBe("FORBIDDEN");
    expect(await trpcCode(caller.orderEntry.skuLookup({ query: "CAM" }))).toBe("FORBIDDEN");
    expect(await trpcCode(caller.orderEntry.manualChannels())).toBe("FORBIDDEN");
    expect(await trpcCode(caller.orderEntry.importChannels())).toBe("FORBIDDEN");
    expect(await db.order.count()).toBe(0);
  });

  it("refuses anonymous callers", async () => {
    expect(await trpcCode(createCaller({ user: null }).orderEntry.create(phoneOrder()))).toBe("UNAUTHORIZED");
  });
});
