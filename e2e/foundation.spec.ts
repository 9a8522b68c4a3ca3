import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, setLocale, signIn, USERS } from "./fixtures";

test.describe("sign-in and the shell", () => {
  test("a wrong password gets a clear message", async ({ page }) => {
    await setLocale(page, "en");
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS.operator.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  });

  test("repeated failures for one account are throttled", async ({ page }) => {
    await setLocale(page, "en");
    await page.goto("/login");
    // A separate account, so the demo users stay usable for the other tests.
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill("intruder-target@fluxo.demo");
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
    }
    await page.getByLabel("Password").fill("wrong-again");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toContainText("Too many failed attempts");
  });

  for (const [who, areas] of [
    ["admin", ["dashboard", "orders", "settings"]],
    ["operator", ["dashboard", "orders"]],
    ["warehouse", ["dashboard"]],
    ["manager", ["dashboard", "orders"]],
  ] as const) {
    test(`${who} signs in, sees the dashboard and only their areas`, async ({ page }) => {
      await signIn(page, who);
      await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
      await expect(page.getByTestId("user-role")).toHaveText(
        { admin: "Admin", operator: "Operator", warehouse: "Warehouse", manager: "Manager" }[who],
      );
      // Real counts from the database: the demo merchant has delivered orders.
      await expect(page.getByTestId("count-DELIVERED")).not.toHaveText("0");
      await expect(page.getByTestId("orders-per-day-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
      for (const area of areas) await expect(page.getByTestId(`nav-${area}`)).toBeVisible();
      if (!(areas as readonly string[]).includes("settings")) await expect(page.getByTestId("nav-settings")).toHaveCount(0);
      if (!(areas as readonly string[]).includes("orders")) await expect(page.getByTestId("nav-orders")).toHaveCount(0);
      // Money is for the office: the warehouse sees the counts, not the revenue.
      await expect(page.getByTestId("stat-revenue")).toHaveCount(who === "warehouse" ? 0 : 1);
    });
  }

  test("the sidebar follows the work, settings last", async ({ page }) => {
    await signIn(page, "admin");
    const areas = await page.getByTestId("sidebar").getByRole("link").evaluateAll((links) => links.map((l) => l.getAttribute("data-testid")));
    const known = ["nav-dashboard", "nav-orders", "nav-customers", "nav-exceptions", "nav-deliveries", "nav-products", "nav-stock", "nav-picking", "nav-packing", "nav-shipments"];
    expect(areas.filter((a) => known.includes(a ?? ""))).toEqual(known);
    expect(areas.at(-1)).toBe("nav-settings");
  });

  test("signing in brings you back to the page you asked for, and only to this site", async ({ page }) => {
    await setLocale(page, "en");
    await page.goto("/orders?status=NEW");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Forders%3Fstatus%3DNEW$/);
    await page.getByLabel("Email").fill(USERS.operator.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/orders\?status=NEW$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();

    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/login?callbackUrl=%2F%2Fevil.example%2Forders");
    await page.getByLabel("Email").fill(USERS.operator.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe("/");
    expect(new URL(page.url()).host).not.toContain("evil");
  });

  test("the language switch changes every text and money format", async ({ page }) => {
    await signIn(page, "manager");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await page.getByTestId("language-switch").selectOption("pt-BR");
    await expect(page.getByRole("heading", { name: "Painel" })).toBeVisible();
    await expect(page.getByTestId("user-role")).toHaveText("Gerente");
    await expect(page.getByTestId("stat-revenue")).toContainText("R$");
    await expect(page.getByTestId("stat-revenue")).toContainText(",");
    await page.getByTestId("language-switch").selectOption("en");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  });

  test("a wrong role is refused with a 403 page, never data", async ({ page }) => {
    await signIn(page, "warehouse");
    const res = await page.goto("/settings");
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toContainText("Access denied");
    await expect(page.getByTestId("timezone")).toHaveCount(0);
  });

  test("tRPC refuses without a session and with the wrong role", async ({ page, request }) => {
    const anon = await request.get("/api/trpc/dashboard.get");
    expect(anon.status()).toBe(401);
    await signIn(page, "operator");
    const res = await page.request.post("/api/trpc/settings.update", {
      data: { json: { companyName: "x", timeZone: "UTC", currency: "BRL", backorderPolicy: "HOLD", allowSplitShipments: false } },
    });
    expect(res.status()).toBe(403);
  });

  test("an admin changes the time zone in settings", async ({ page }) => {
    await signIn(page, "admin");
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("timezone").selectOption("America/Manaus");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("saved")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("timezone")).toHaveValue("America/Manaus");
    await page.getByTestId("timezone").selectOption("America/Sao_Paulo");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("saved")).toBeVisible();
  });

  test("an admin sets when unpaid orders give their stock back, and a wrong number is explained", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/settings");
    const hours = page.getByTestId("unpaid-hours");
    await expect(hours).toHaveValue("72");
    await expect(page.getByTestId("expire-unpaid")).toBeEnabled();
    await hours.fill("0");
    await expect(page.getByTestId("unpaid-hours-error")).toHaveText("Use a whole number of hours from 1 to 720, or leave it empty.");
    await expect(page.getByRole("button", { name: "Save", exact: true })).toBeDisabled();
    await hours.fill("");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("saved")).toBeVisible();
    await page.reload();
    await expect(hours).toHaveValue("");
    await expect(page.getByTestId("expire-unpaid")).toBeDisabled();
    await hours.fill("72");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("saved")).toBeVisible();
    await page.reload();
    await expect(hours).toHaveValue("72");
  });

  test("the default currency must be a real currency code, explained next to the field", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/settings");
    await expect(page.getByTestId("currency")).toHaveValue("BRL");
    await expect(page.getByTestId("currency").locator("option").first()).toHaveText("BRL — Brazilian Real");
    await page.getByTestId("currency").selectOption("__other");
    await page.getByTestId("currency-other").fill("xyz");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("currency-error")).toHaveText(
      "This is not a currency code. Choose one from the list or type an ISO 4217 code such as BRL, USD or EUR.",
    );
    await expect(page.getByTestId("saved")).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("currency")).toHaveValue("BRL");
    // Readable time zones, Brazil first, still saving the IANA id.
    await expect(page.getByTestId("timezone").locator("option").first()).toHaveText("(UTC\u221203:00) São Paulo");
    await expect(page.getByTestId("timezone")).toHaveValue("America/Sao_Paulo");
  });

  test("an unknown order says so and leads back to the orders; an inverted date range is explained", async ({ page }) => {
    await signIn(page, "operator", { locale: "pt-BR" });
    await page.goto("/orders/00000000-0000-4000-8000-000000000000");
    await expect(page.getByTestId("order-not-found")).toContainText("Pedido não encontrado");
    await page.getByTestId("back-to-orders").click();
    await expect(page).toHaveURL(/\/orders$/);
    await page.goto("/orders?from=2026-11-30&to=2026-11-01");
    await expect(page.getByTestId("inverted-range")).toHaveText(
      "A data inicial (30/11/2026) é posterior à data final (01/11/2026), então nenhum pedido pode aparecer. Inverta as datas ou limpe uma delas.",
    );
  });

  test("sign out returns to the login page and protects pages again", async ({ page }) => {
    await signIn(page, "operator");
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
});
