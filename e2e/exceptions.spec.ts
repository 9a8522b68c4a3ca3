import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test.describe("exceptions", () => {
  test("an operator sees an open exception and resolves it; a manager can look but not resolve", async ({ page, browser }) => {
    const note = `Counted and fixed ${Date.now().toString(36)}`;

    await signIn(page, "operator");
    await page.getByRole("link", { name: "Exceptions" }).first().click();
    await page.waitForURL("**/exceptions");
    await expect(page.getByRole("heading", { name: "Exceptions" })).toBeVisible();
    await expect(page.getByTestId("exception-counts")).toBeVisible();

    const row = page.getByTestId("exception-row").first();
    await expect(row).toHaveAttribute("data-status", "OPEN");
    const id = (await row.getAttribute("data-id")) ?? "";
    const type = (await row.getAttribute("data-type")) ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    await row.getByTestId("resolve-exception").click();
    await row.getByTestId("resolution-note").fill(note);
    await row.getByTestId("confirm-resolve").click();
    // Resolved: it leaves the open list.
    await expect(page.locator(`[data-testid="exception-row"][data-id="${id}"]`)).toHaveCount(0);

    // It is in the resolved list, with who resolved it and the note.
    await page.goto(`/exceptions?status=RESOLVED&type=${type}`);
    const resolved = page.locator(`[data-testid="exception-row"][data-id="${id}"]`);
    await expect(resolved).toHaveAttribute("data-status", "RESOLVED");
    await expect(resolved.getByTestId("exception-resolution")).toContainText("Resolved by");
    await expect(resolved.getByTestId("exception-resolution")).toContainText(note);

    // A manager sees the list but has no resolve button.
    const context = await browser.newContext();
    const manager = await context.newPage();
    await signIn(manager, "manager");
    await manager.goto("/exceptions");
    await expect(manager.getByTestId("exception-row").first()).toBeVisible();
    await expect(manager.getByTestId("resolve-exception")).toHaveCount(0);
    await context.close();
  });

  test("stock alerts read in the reader's language", async ({ page }) => {
    await signIn(page, "warehouse", { locale: "pt-BR" });
    await page.goto("/exceptions?type=LOW_STOCK");
    const message = page.getByTestId("exception-row").first().getByTestId("exception-message");
    await expect(message).toContainText("está com estoque baixo em");
    await expect(message).toContainText("ponto de reposição");
  });
});
