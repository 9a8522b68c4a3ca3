/**
 * The CSV downloads are named after the merchant's wall-clock time (settings time zone), not UTC: an export made
 * at 04:07 in São Paulo is "orders-…0407.csv".
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/options";
import { db } from "@/server/db";
import { withTestDb } from "@/server/test/with-test-db";
import { createUser } from "@/server/services/order/order-test-factory";
import { DEFAULT_SETTINGS, updateMerchantSettings } from "@/server/services/settings/merchant-settings";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/session", () => ({ currentUser: async () => session.user }));
// Outside a Next request: column labels are their keys.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key, getLocale: async () => "en" }));
const orders = await import("@/app/api/orders/export/route");
const stock = await import("@/app/api/stock/export/route");

withTestDb();
beforeEach(async () => {
  session.user = await createUser(db, "ADMIN");
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-29T07:07:30Z"));
});
afterEach(() => vi.useRealTimers());

const fileName = (res: Response) => /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1];

describe("CSV export file names", () => {
  it("use the merchant's time zone (default São Paulo; a changed setting follows)", async () => {
    const o = await orders.GET(new Request("http://localhost/api/orders/export"));
    expect(o.status).toBe(200);
    expect(fileName(o)).toBe("orders-202611290407.csv");
    await o.body?.cancel();
    const s = await stock.GET(new Request("http://localhost/api/stock/export"));
    expect(fileName(s)).toBe("stock-202611290407.csv");
    await s.body?.cancel();

    await updateMerchantSettings({ actor: session.user as SessionUser, input: { ...DEFAULT_SETTINGS, timeZone: "America/Manaus" } });
    const later = await orders.GET(new Request("http://localhost/api/orders/export"));
    expect(fileName(later)).toBe("orders-202611290307.csv");
    await later.body?.cancel();
  });
});
