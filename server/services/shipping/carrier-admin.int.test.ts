import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { makeUser } from "./shipping-test-factory";

withTestDb();

describe("carrier admin", () => {
  it("an ADMIN creates, edits, deactivates and rotates the token; the audit log never holds the token", async () => {
    const admin = await makeUser("ADMIN");
    const caller = createCaller({ user: admin });
    const c = await caller.carrier.create({ code: "Jadlog", name: "Jadlog", kind: "GENERIC", services: ["Expresso", "Econômico"] });
    expect(c).toMatchObject({ code: "jadlog", kind: "GENERIC", services: ["Expresso", "Econômico"], active: true, trackingPath: "/api/carriers/jadlog/tracking", shipmentCount: 0 });
    expect(c.trackingToken).toMatch(/^[0-9a-f]{48}$/);

    const edited = await caller.carrier.update({ id: c.id, name: "Jadlog Logística", services: ["Expresso"], active: false });
    expect(edited).toMatchObject({ name: "Jadlog Logística", services: ["Expresso"], active: false, trackingToken: c.trackingToken });
    const rotated = await caller.carrier.update({ id: c.id, rotateToken: true });
    expect(rotated.trackingToken).not.toBe(c.trackingToken);
    expect((await caller.carrier.list()).map((x) => x.code)).toEqual(["jadlog"]);

    const audit = await db.auditLog.findMany({ where: { entity: "Carrier" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["carrier.created", "carrier.updated", "carrier.updated"]);
    const logged = JSON.stringify(audit.map((a) => a.data));
    expect(logged).toContain("rotated");
    expect(logged).not.toContain(c.trackingToken);
    expect(logged).not.toContain(rotated.trackingToken);
  });

  it("refuses a duplicate code and bad services", async () => {
    const caller = createCaller({ user: await makeUser("ADMIN") });
    await caller.carrier.create({ code: "correios", name: "Correios", kind: "CORREIOS", services: ["SEDEX"] });
    await expect(caller.carrier.create({ code: "correios", name: "Outra", kind: "GENERIC", services: ["X"] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.carrier.create({ code: "x y", name: "Outra", kind: "GENERIC", services: ["X"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.carrier.create({ code: "outra", name: "Outra", kind: "GENERIC", services: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.carrier.create({ code: "outra", name: "Outra", kind: "GENERIC", services: ["PAC", "pac"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("only ADMIN sees carriers with tokens; shippers get options without tokens", async () => {
    await createCaller({ user: await makeUser("ADMIN") }).carrier.create({ code: "correios", name: "Correios", kind: "CORREIOS", services: ["SEDEX", "PAC"] });
    for (const role of ["OPERATOR", "WAREHOUSE", "MANAGER"] as const) {
      await expect(createCaller({ user: await makeUser(role) }).carrier.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const options = await createCaller({ user: await makeUser("WAREHOUSE") }).shipping.carrierOptions();
    expect(options).toEqual([{ id: expect.any(String), code: "correios", name: "Correios", kind: "CORREIOS", services: ["SEDEX", "PAC"], typedTrackingNumber: false }]);
    expect(JSON.stringify(options)).not.toMatch(/token/i);
  });
});
