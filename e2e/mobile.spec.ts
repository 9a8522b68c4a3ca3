import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// A phone, or the handheld a warehouse worker carries.
test.use({ viewport: { width: 390, height: 844 } });

/** The page fits the screen: nothing makes the whole page scroll sideways (wide tables scroll inside their own box). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, page.url()).toBeLessThanOrEqual(clientWidth);
}

test.describe("on a phone", () => {
  test("the menu opens from the header, takes you to a page and closes", async ({ page }) => {
    await signIn(page, "warehouse", { locale: "pt-BR" });
    await expect(page.getByTestId("sidebar")).toBeHidden();
    await page.getByTestId("mobile-nav-toggle").click();
    await expect(page.getByTestId("mobile-nav-toggle")).toHaveAttribute("aria-expanded", "true");
    await page.getByTestId("mobile-nav-packing").click();
    await expect(page).toHaveURL(/\/packing$/);
    await expect(page.getByTestId("mobile-nav-links")).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    // Escape closes it too.
    await page.getByTestId("mobile-nav-toggle").click();
    await expect(page.getByTestId("mobile-nav-links")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("mobile-nav-links")).toHaveCount(0);
  });

  test("the orders list is a list of cards with number, total, customer and status, in both languages", async ({ page }) => {
    for (const locale of ["pt-BR", "en"] as const) {
      await signIn(page, "operator", { locale });
      await page.goto("/orders");
      await expect(page.getByTestId("orders-table-scroll")).toBeHidden();
      const card = page.getByTestId("order-card").first();
      await expect(card).toBeVisible();
      await expect(card.getByTestId("badge-status")).toBeVisible();
      await expect(card.getByTestId("order-card-total")).toHaveText(/\d/);
      // Every card fits the screen: nothing is cut off to the right.
      const right = await page.getByTestId("order-card").evaluateAll((cards) => Math.max(...cards.map((c) => c.getBoundingClientRect().right)));
      expect(right, locale).toBeLessThanOrEqual(390);
      await expectNoSidewaysScroll(page);
      await page.context().clearCookies();
    }
  });

  test("lists and detail pages fit the screen", async ({ page }) => {
    test.slow();
    await signIn(page, "admin");
    for (const path of ["/", "/orders", "/stock", "/products", "/customers", "/exceptions", "/shipments", "/picking", "/settings"]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
    await page.goto("/orders");
    await page.locator('[data-testid^="order-card-link-"]').first().click();
    await expect(page.getByTestId("order-detail")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.goto("/stock");
    await page.locator('[data-testid^="stock-sku-link-"]').first().click();
    await expect(page.getByTestId("sku-bins")).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});
