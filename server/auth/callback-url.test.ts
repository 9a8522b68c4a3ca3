import { describe, expect, it } from "vitest";
import { loginHref, safeCallbackPath } from "@/server/auth/callback-url";

describe("safeCallbackPath", () => {
  it("keeps a path on this site with its query and hash", () => {
    expect(safeCallbackPath("/orders")).toBe("/orders");
    expect(safeCallbackPath("/orders?status=NEW&from=2026-11-01")).toBe("/orders?status=NEW&from=2026-11-01");
    expect(safeCallbackPath("/orders/0b1c#timeline")).toBe("/orders/0b1c#timeline");
  });

  it.each([
    "//evil.com",
    "//evil.com/orders",
    "https://evil.com/orders",
    "http://localhost:3000/orders",
    "/\\evil.com",
    "\\\\evil.com",
    "/\t/evil.com",
    "javascript:alert(1)",
    "orders",
    "",
    " /orders",
    "/login",
    "/login?callbackUrl=/orders",
    "/api/trpc/settings.get",
    "/" + "a".repeat(2001),
  ])("refuses %j (goes to the dashboard)", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/orders"])).toBe("/");
    expect(safeCallbackPath(42)).toBe("/");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeCallbackPath("/../../orders")).toBe("/orders");
    expect(safeCallbackPath("/./orders")).toBe("/orders");
  });
});

describe("loginHref", () => {
  it("carries a safe path, encoded", () => {
    expect(loginHref("/orders?status=NEW")).toBe("/login?callbackUrl=%2Forders%3Fstatus%3DNEW");
  });
  it("drops the dashboard and anything unsafe", () => {
    expect(loginHref("/")).toBe("/login");
    expect(loginHref("//evil.com")).toBe("/login");
    expect(loginHref(null)).toBe("/login");
  });
});
