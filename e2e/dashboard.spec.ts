/** The dashboard's period and drill-down: a figure opens the list of exactly the orders it counts. */
import { expect, test } from "@playwright/test";
import { signIn, warmUp } from "./fixtures";

test.describe("dashboard", () => {
  test.beforeAll(async ({ browser }) => {
    await warmUp(browser, "manager", "/", "period-tabs");
  });

  test("a manager picks the last 7 days and opens the orders they count", async ({ page }) => {
    await signIn(page, "manager");
    await expect(page.getByTestId("period-30d")).toHaveAttribute("aria-current", "page");
    await page.getByTestId("period-7d").click();
    await expect(page).toHaveURL(/\/\?period=7d$/);
    await expect(page.getByTestId("period-7d")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("period-range")).toContainText("–");
    const placed = (await page.getByTestId("stat-period-orders").innerText()).trim();
    expect(Number(placed.replace(/\D/g, ""))).toBeGreaterThan(0); // the demo store sells every day
    await expect(page.getByTestId("stat-period-orders-compare")).toContainText(/previous period/i);

    await page.getByTestId("stat-period-orders").click();
    await expect(page).toHaveURL(/\/orders\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    const url = new URL(page.url());
    const from = Date.parse(`${url.searchParams.get("from")}T00:00:00Z`);
    const to = Date.parse(`${url.searchParams.get("to")}T00:00:00Z`);
    expect((to - from) / 86_400_000).toBe(6);
    await expect(page.getByTestId("status-tabs-counted")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("tab-count-ALL")).toHaveText(placed);
  });

  test("a status count opens that stage of the orders list with the same count", async ({ page }) => {
    await signIn(page, "manager");
    const shown = (await page.getByTestId("count-DELIVERED").innerText()).trim();
    await page.getByTestId("link-status-DELIVERED").click();
    await expect(page).toHaveURL(/\/orders\?status=DELIVERED$/);
    await expect(page.getByTestId("status-tabs-counted")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("tab-count-DELIVERED")).toHaveText(shown);
    await expect(page.getByTestId("tab-DELIVERED")).toHaveAttribute("aria-current", "page");
  });

  test("the tiles needing attention open the orders they count; a bar opens its day", async ({ page }) => {
    await signIn(page, "manager");
    // The "All" tab counts the filter without its status; a status's own tab counts that status.
    for (const [tile, query, tab] of [["stat-overdue", "overdue=true", "ALL"], ["stat-on-hold", "onHold=true", "ALL"], ["stat-backordered", "status=BACKORDERED", "BACKORDERED"]] as const) {
      await page.goto("/");
      const shown = (await page.getByTestId(tile).innerText()).trim();
      await page.getByTestId(tile).click();
      await expect(page).toHaveURL(new RegExp(`/orders\\?${query}$`));
      await expect(page.getByTestId("status-tabs-counted")).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId(`tab-count-${tab}`)).toHaveText(shown);
    }
    await page.goto("/?period=7d");
    await page.getByTestId("orders-per-day-chart").locator(".recharts-bar-rectangle").last().click();
    await expect(page).toHaveURL(/\/orders\?from=(\d{4}-\d{2}-\d{2})&to=\1$/);
  });

  test("the period is in the URL, in both languages; an unknown one falls back to 30 days and says so", async ({ page }) => {
    await signIn(page, "manager", { locale: "pt-BR" });
    await page.goto("/?period=last_month");
    await expect(page.getByTestId("period-last_month")).toHaveText("Mês passado");
    await expect(page.getByTestId("period-last_month")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("stat-revenue")).toContainText("R$");
    await page.goto("/?period=forever");
    await expect(page.getByTestId("period-invalid")).toContainText("forever");
    await expect(page.getByTestId("period-30d")).toHaveAttribute("aria-current", "page");
  });

  test("the warehouse sees the period's counts, no revenue and no links to the orders it may not open", async ({ page }) => {
    await signIn(page, "warehouse");
    await page.goto("/?period=90d");
    await expect(page.getByTestId("stat-period-orders")).toBeVisible();
    await expect(page.getByTestId("stat-revenue")).toHaveCount(0);
    await expect(page.getByTestId("stat-revenue-compare")).toHaveCount(0);
    await expect(page.getByTestId("link-status-DELIVERED")).toHaveCount(0);
    await expect(page.getByTestId("attention")).toHaveCount(0);
    await expect(page.getByTestId("stat-period-orders")).not.toHaveAttribute("href");
    await expect(page.getByTestId("count-DELIVERED")).toBeVisible();
  });
});
