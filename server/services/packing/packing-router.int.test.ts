import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { createChannel } from "@/server/services/order/order-test-factory";
import { createPackOrder, createSkus, createUserWithPassword, domainFailure, ean, expectCode } from "@/server/services/packing/packing-test-fixtures";

const testDb = withTestDb();
let users: Record<"warehouse" | "admin" | "operator" | "manager", SessionUser>;
let skus: Record<string, string>;

beforeEach(async () => {
  users = {
    warehouse: await createUserWithPassword(testDb().db, "WAREHOUSE", "Wagner Armazém"),
    admin: await createUserWithPassword(testDb().db, "ADMIN", "Ana Admin"),
    operator: await createUserWithPassword(testDb().db, "OPERATOR", "Otávio Operador"),
    manager: await createUserWithPassword(testDb().db, "MANAGER", "Glória Gerente"),
  };
  await createChannel(testDb().db, "Loja Shopify", "SHOPIFY");
  skus = await createSkus(testDb().db, [
    { code: "CAM-AZ-M", ean: ean(1) },
    { code: "MEIA-01", ean: ean(2) },
  ]);
});

const as = (user: SessionUser | null) => createCaller({ user });

async function trpcFailure(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

describe("packing router", () => {
  it("lets a warehouse user open, scan (refusals included) and close a package", async () => {
    const order = await createPackOrder(testDb().db, skus, {
      lines: [
        { sku: "CAM-AZ-M", quantity: 2 },
        { sku: "MEIA-01", quantity: 1 },
      ],
    });
    const api = as(users.warehouse);

    const pkg = await api.packing.start({ code: `#${order.number}` });
    expect(pkg.lines.map((l) => l.ean)).toEqual([ean(1), ean(2)]);
    const wrong = await api.packing.scan({ packageId: pkg.packageId, code: ean(7) });
    expect(wrong).toMatchObject({ result: "WRONG_ITEM", params: { scanned: ean(7), expectedSkus: "CAM-AZ-M, MEIA-01" } });
    for (const code of [ean(1), ean(1), ean(2)]) expect((await api.packing.scan({ packageId: pkg.packageId, code })).result).toBe("ACCEPTED");

    const view = await api.packing.get({ packageId: pkg.packageId });
    expect(view).toMatchObject({ complete: true, scannedUnits: 3 });
    expect(view.recentScans.map((s) => s.result)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED", "WRONG_ITEM"]);
    expect(view.recentScans[3]).toMatchObject({ code: ean(7), userName: "Wagner Armazém", sku: null });

    const closed = await api.packing.close({ packageId: pkg.packageId, box: { weightGrams: 700 } });
    expect(closed).toMatchObject({ orderStatus: "PACKED", box: { weightGrams: 700 } });
  });

  it("answers an incomplete close as PRECONDITION_FAILED carrying the domain code and what is missing", async () => {
    const order = await createPackOrder(testDb().db, skus, { lines: [{ sku: "MEIA-01", quantity: 2 }] });
    const api = as(users.admin);
    const pkg = await api.packing.start({ code: String(order.number) });
    await api.packing.scan({ packageId: pkg.packageId, code: ean(2) });
    const e = await trpcFailure(api.packing.close({ packageId: pkg.packageId }));
    expect(e.code).toBe("PRECONDITION_FAILED");
    expectCode(await domainFailure(api.packing.close({ packageId: pkg.packageId })), "GUARD_FAILED", "PACKAGE_INCOMPLETE");
  });

  it.each(["operator", "manager"] as const)("refuses the %s role every procedure, leaving no package or scan behind", async (who) => {
    const order = await createPackOrder(testDb().db, skus, { lines: [{ sku: "MEIA-01", quantity: 1 }] });
    const api = as(users[who]);
    expect((await trpcFailure(api.packing.start({ code: `#${order.number}` }))).code).toBe("FORBIDDEN");
    expect(await testDb().db.package.count()).toBe(0);

    const pkg = await as(users.warehouse).packing.start({ code: `#${order.number}` });
    expect((await trpcFailure(api.packing.scan({ packageId: pkg.packageId, code: ean(2) }))).code).toBe("FORBIDDEN");
    expect((await trpcFailure(api.packing.get({ packageId: pkg.packageId }))).code).toBe("FORBIDDEN");
    expect((await trpcFailure(api.packing.close({ packageId: pkg.packageId }))).code).toBe("FORBIDDEN");
    expect(await testDb().db.packScan.count()).toBe(0);
    expect(await testDb().db.package.findUniqueOrThrow({ where: { id: pkg.packageId } })).toMatchObject({ status: "OPEN" });
  });

  it("refuses callers without a session", async () => {
    expect((await trpcFailure(as(null).packing.start({ code: "#1" }))).code).toBe("UNAUTHORIZED");
  });
});
