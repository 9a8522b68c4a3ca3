/** The warehouses' sender address through the router (settings.warehouses / settings.updateWarehouseAddress). */
import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { createUser } from "@/server/services/order/order-test-factory";

const testDb = withTestDb();
let admin: SessionUser;
let warehouseId: string;

beforeEach(async () => {
  admin = await createUser(testDb().db, "ADMIN", "Ana Admin");
  warehouseId = (await testDb().db.warehouse.create({ data: { code: "SP", name: "CD São Paulo", city: "Cajamar", state: "SP" } })).id;
});

const as = (user: SessionUser) => createCaller({ user });

describe("warehouse sender address", () => {
  it("an admin sets it (CEP stored punctuated, blanks cleared) and it is audited", async () => {
    const saved = await as(admin).settings.updateWarehouseAddress({ warehouseId, line1: " Av. Jordano Mendes, 1500 ", line2: "", district: "Jordanésia", postalCode: "07776410" });
    expect(saved).toMatchObject({ code: "SP", line1: "Av. Jordano Mendes, 1500", line2: null, district: "Jordanésia", postalCode: "07776-410" });
    expect((await as(admin).settings.warehouses())[0]).toMatchObject({ city: "Cajamar", postalCode: "07776-410" });
    const audit = await testDb().db.auditLog.findFirstOrThrow({ where: { entity: "Warehouse", entityId: warehouseId } });
    expect(audit).toMatchObject({ actorId: admin.id, action: "warehouse.address_updated" });

    const cleared = await as(admin).settings.updateWarehouseAddress({ warehouseId, line1: "", postalCode: "" });
    expect(cleared).toMatchObject({ line1: null, postalCode: null });
  });

  it("refuses a CEP without 8 digits, an unknown warehouse and every role but ADMIN", async () => {
    for (const postalCode of ["0777-410", "077764100", "abcde-fgh"]) {
      await expect(as(admin).settings.updateWarehouseAddress({ warehouseId, line1: "Rua A, 1", postalCode })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    // A CEP (or a complement, a district) without the street would print half a sender on the label.
    const noStreet = await as(admin).settings.updateWarehouseAddress({ warehouseId, line1: " ", postalCode: "07776-410" }).then(() => null, (e: unknown) => e);
    expect(JSON.stringify(noStreet)).toContain("SENDER_STREET");
    await expect(as(admin).settings.updateWarehouseAddress({ warehouseId: "5b0e6a64-6f2a-4c8e-9a51-3f4c1b2d7e90", line1: "Rua A" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const role of ["OPERATOR", "WAREHOUSE", "MANAGER"] as const) {
      const user = await createUser(testDb().db, role);
      await expect(as(user).settings.updateWarehouseAddress({ warehouseId, line1: "Rua A" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(as(user).settings.warehouses()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await testDb().db.warehouse.findUniqueOrThrow({ where: { id: warehouseId } })).line1).toBeNull();
  });

  it("the database refuses a CEP in another shape (last line behind the service)", async () => {
    await expect(testDb().db.warehouse.update({ where: { id: warehouseId }, data: { postalCode: "07776410" } })).rejects.toThrow();
  });
});
