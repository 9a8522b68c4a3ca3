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

  test("lists and detail pages fit the screen", async ({ page }) => {
    test.slow();
    await signIn(page, "admin");
    for (const path of ["/", "/orders", "/stock", "/products", "/customers", "/exceptions", "/shipments", "/picking", "/settings"]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
    await page.goto("/orders");
    await page.locator('[data-testid^="order-link-"]').first().click();
    await expect(page.getByTestId("order-detail")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.goto("/stock");
    await page.locator('[data-testid^="stock-sku-link-"]').first().click();
    await expect(page.getByTestId("sku-bins")).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});
