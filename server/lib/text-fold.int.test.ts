/**
 * Names searched and sorted case and accents aside, in the database: the SQL
 * fold equals foldText, the lists and searches use it, and the planner can
 * serve each query with the expression indexes of migration
 * 20261129071500_accent_insensitive_names (same strings as text-fold.ts).
 */
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { withTestDb } from "@/server/test/with-test-db";
import { FOLD_FROM, foldSql, foldText } from "@/server/lib/text-fold";
import { listProducts } from "@/server/services/catalog/list-products";
import { listCustomers } from "@/server/services/customer/list-customers";
import { listOrders } from "@/server/services/order/list-orders";
import { createChannel, createUser, insertOrder } from "@/server/services/order/order-test-factory";
import { getStockGrid } from "@/server/services/stock/get-stock-grid";

const testDb = withTestDb();

/** The plan PostgreSQL would use with sequential scans ruled out: proves an index can serve the query. */
async function plan(query: Prisma.Sql): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${query}`);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

/**
 * A prefix search on a folded name: the text_pattern_ops index serves it in any collation; under the C
 * collation (PGlite) the list-order index can serve it too, and the planner may take either.
 */
const FOLDED_INDEX = (prefix: string) => new RegExp(`Index (Only )?Scan on "${prefix}_fold(_order)?_idx"`);

describe("folded names in the database", () => {
  it("the database folds exactly as foldText does, upper-case accents included", async () => {
    for (const name of ["João Conceição", "ÁGUA DE COCO", "Fábio Müller", "NIÑO", FOLD_FROM, "plain ascii 123"]) {
      const [row] = await db.$queryRaw<{ folded: string }[]>(Prisma.sql`SELECT ${foldSql('"x"')} AS folded FROM (SELECT ${name}::text AS "x") s`);
      expect(row?.folded, name).toBe(foldText(name));
    }
  });

  it("customers: A–Z with accents aside, page after page, and found without typing the accents", async () => {
    for (const name of ["Francisco Reis", "João Silva", "Fábio Lima", "Joana Dias", "Álvaro Souza"]) await db.customer.create({ data: { name } });
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCustomers({ limit: 2, ...(cursor ? { cursor } : {}) });
      all.push(...page.rows.map((r) => r.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all).toEqual(["Álvaro Souza", "Fábio Lima", "Francisco Reis", "Joana Dias", "João Silva"]);
    for (const search of ["joao", "JOAO", "João", "joão s"]) expect((await listCustomers({ search })).rows.map((r) => r.name), search).toEqual(["João Silva"]);
    expect((await listCustomers({ search: "alv" })).rows.map((r) => r.name)).toEqual(["Álvaro Souza"]);
    expect(await plan(Prisma.sql`SELECT id FROM "Customer" c WHERE ${foldSql("c.name")} LIKE 'joao%'`)).toMatch(FOLDED_INDEX("Customer_name"));
    expect(await plan(Prisma.sql`SELECT id FROM "Customer" c ORDER BY ${foldSql("c.name")}, c.id LIMIT 5`)).toContain("Customer_name_fold_order_idx");
  });

  it("orders: the search by customer name ignores accents", async () => {
    const channelId = await createChannel(testDb().db);
    const operator = await createUser(testDb().db, "OPERATOR");
    const hit = await insertOrder(testDb().db, { channelId, customerName: "Conceição Almeida" });
    await insertOrder(testDb().db, { channelId, customerName: "Conrado Alves" });
    for (const q of ["conceicao", "CONCEIÇÃO", "Conceição Al"]) {
      expect((await listOrders({ actor: operator, filter: { q } })).items.map((o) => o.number), q).toEqual([hit.number]);
    }
    const folded = foldSql('"customerName"');
    expect(await plan(Prisma.sql`SELECT id FROM "Order" WHERE ${folded} ~>=~ 'conc' AND ${folded} ~<~ ('conc' || chr(1114111))`)).toContain("Order_customerName_fold_idx");
  });

  it("products and the stock grid: A–Z and search with accents aside", async () => {
    for (const [name, code] of [["Café torrado", "CAF-500"], ["Água de coco", "AGU-1L"], ["Abacaxi em calda", "ABA-400"]] as const) {
      const product = await db.product.create({ data: { name } });
      await db.sku.create({ data: { productId: product.id, code, name: `${name} ${code}` } });
    }
    expect((await listProducts({})).rows.map((r) => r.name)).toEqual(["Abacaxi em calda", "Água de coco", "Café torrado"]);
    expect((await listProducts({ search: "agua" })).rows.map((r) => r.name)).toEqual(["Água de coco"]);
    expect((await getStockGrid({ search: "cafe" })).rows.map((r) => r.code)).toEqual(["CAF-500"]);
    expect((await getStockGrid({ search: "caf" })).rows.map((r) => r.code)).toEqual(["CAF-500"]);
    expect(await plan(Prisma.sql`SELECT id FROM "Product" p ORDER BY ${foldSql("p.name")}, p.id LIMIT 5`)).toContain("Product_name_fold_order_idx");
    expect(await plan(Prisma.sql`SELECT id FROM "Product" p WHERE ${foldSql("p.name")} LIKE 'agua%'`)).toMatch(FOLDED_INDEX("Product_name"));
    expect(await plan(Prisma.sql`SELECT id FROM "Sku" s WHERE ${foldSql("s.name")} LIKE 'cafe%'`)).toMatch(FOLDED_INDEX("Sku_name"));
  });
});
