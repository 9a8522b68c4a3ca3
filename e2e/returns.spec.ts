import { expect, test } from "@playwright/test";
import { signIn, USERS } from "./fixtures";

test.describe("returns desk", () => {
  test("a warehouse user records a return's goods and completes it; a stale second completion is refused naming the stage; a manager only looks", async ({ page, browser }) => {
    await signIn(page, "warehouse");
    await page.getByTestId("nav-returns").first().click();
    await page.waitForURL("**/returns");
    await expect(page.getByRole("heading", { name: "Returns" })).toBeVisible();
    await expect(page.getByTestId("returns-table")).toBeVisible();

    // The demo seed holds RETURN_REQUESTED orders, most of them on hold "Awaiting return items": take one of those.
    const row = page.locator('[data-testid="return-row"][data-holds="AWAITING_RETURN_ITEMS"]').first();
    await expect(row).toBeVisible();
    await expect(row).toContainText("Awaiting return items");
    const number = (await row.getAttribute("data-order-number")) ?? "";
    expect(number).toMatch(/^\d+$/);
    await row.getByTestId("return-open").click();
    await expect(page.getByRole("heading", { name: `Return of order #${number}` })).toBeVisible();
    await expect(page.getByTestId("return-holds")).toContainText("released when you record the arrival");
    const url = page.url();

    // A colleague has the same return open.
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, "warehouse");
    await other.goto(url);
    await expect(other.getByTestId("return-submit")).toBeEnabled();

    // One unit of the first line came back damaged, the rest sellable.
    const line = page.getByTestId("return-line").first();
    const expected = Number(await line.locator("td").nth(2).innerText());
    expect(expected).toBeGreaterThan(0);
    await line.getByTestId("return-sellable").fill(String(expected - 1));
    await line.getByTestId("return-unavailable").fill("1");
    await line.getByTestId("return-kind").selectOption("DAMAGED");
    await page.getByTestId("return-note").fill("box crushed");
    await page.getByTestId("return-submit").click();
    await expect(page.getByTestId("return-done")).toContainText("This return is completed (order Returned)");
    await expect(page.getByTestId("return-status")).toContainText("Returned");
    // What was booked: the damaged unit apart, by the warehouse user.
    await expect(page.locator('[data-testid="returned-unit"][data-condition="DAMAGED"] td').nth(1)).toHaveText("1");
    if (expected > 1) await expect(page.locator('[data-testid="returned-unit"][data-condition="SELLABLE"] td').nth(1)).toHaveText(String(expected - 1));
    await expect(page.getByTestId("returned-units")).toContainText(USERS.warehouse.name);

    // The colleague's page is stale: refused, naming the stage the order is in now.
    await other.getByTestId("return-submit").click();
    await expect(other.getByTestId("error-message")).toContainText("Returned");
    await otherContext.close();

    // It left the list.
    await page.goto(`/returns?search=${number}`);
    await expect(page.getByTestId("returns-empty")).toBeVisible();

    // A manager sees the returns but records nothing.
    const mgrContext = await browser.newContext();
    const mgr = await mgrContext.newPage();
    await signIn(mgr, "manager");
    await mgr.goto("/returns");
    await expect(mgr.getByTestId("returns-table")).toBeVisible();
    await mgr.getByTestId("return-open").first().click();
    await expect(mgr.getByTestId("complete-return-form")).toBeVisible();
    await expect(mgr.getByTestId("return-submit")).toHaveCount(0);
    await mgrContext.close();
  });

  test("an operator withdraws a return the customer will not send back: the order is delivered again, in Portuguese", async ({ page }) => {
    await signIn(page, "operator", { locale: "pt-BR" });
    await page.goto("/orders?status=RETURN_REQUESTED");
    // The last row of the page: the desk test above takes the newest return.
    const row = page.getByTestId("order-row").last();
    const number = (await row.getAttribute("data-number")) ?? "";
    expect(number).toMatch(/^\d+$/);
    await page.getByTestId(`order-link-${number}`).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("badge-status")).toHaveAttribute("data-value", "RETURN_REQUESTED");
    await page.getByTestId("action-WITHDRAW_RETURN").click();
    await expect(page.getByTestId("action-confirm")).toBeDisabled();
    await page.getByTestId("action-reason").fill("Cliente ficou com o produto");
    await page.getByTestId("action-confirm").click();
    await expect(page.getByTestId("badge-status")).toHaveAttribute("data-value", "DELIVERED");
    const event = page.locator('[data-testid="timeline-event"][data-type="order.return_withdrawn"]');
    await expect(event).toContainText("Devolução cancelada");
    await expect(event).toContainText("Cliente ficou com o produto");
    await expect(page.getByTestId("action-WITHDRAW_RETURN")).toHaveCount(0);
  });
});
