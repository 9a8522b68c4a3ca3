import { expect, test } from "@playwright/test";
import { signIn, warmUp } from "./fixtures";

test.describe("customers", () => {
  test.beforeAll(async ({ browser }) => warmUp(browser, "operator", "/customers", "customers-table"));

  test("an operator finds a customer by the start of their name, opens them and reaches one of their orders", async ({ page }) => {
    await signIn(page, "operator");
    await page.getByTestId("nav-customers").click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole("heading", { name: "Customers", exact: true })).toBeVisible();

    // A demo customer who has ordered, as the list shows them.
    const withOrders = page.locator('[data-testid="customer-row"]:not([data-orders="0"])').first();
    await expect(withOrders).toBeVisible();
    const name = (await withOrders.getAttribute("data-customer")) ?? "";
    expect(name).not.toBe("");
    const prefix = name.slice(0, 6).trimEnd().toLowerCase();

    await page.getByTestId("customer-search").fill(prefix);
    await page.getByTestId("customer-search-submit").click();
    // The search is in the address (shareable, the back button undoes it).
    await expect.poll(() => new URL(page.url()).searchParams.get("search")).toBe(prefix);
    const rows = page.getByTestId("customer-row");
    const found = rows.filter({ has: page.getByRole("link", { name, exact: true }) }).first();
    await found.getByTestId("customer-link").click();

    await expect(page.getByTestId("customer-heading")).toHaveText(name);
    await expect(page.getByTestId("customer-figures")).toContainText("Total spent");
    const orderLink = page.getByTestId("customer-order-link").first();
    await expect(orderLink).toBeVisible();
    const href = (await orderLink.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/orders\/[0-9a-f-]{36}$/);
    await orderLink.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByTestId("order-detail")).toBeVisible();
  });

  test("a warehouse user is refused the customers page and the API", async ({ page }) => {
    await signIn(page, "warehouse");
    await expect(page.getByTestId("nav-customers")).toHaveCount(0);
    const res = await page.goto("/customers");
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toContainText("Access denied");
    await expect(page.getByTestId("customers-table")).toHaveCount(0);
    expect((await page.request.get("/api/trpc/customer.list?input=%7B%22json%22%3A%7B%7D%7D")).status()).toBe(403);
  });
});
