/**
 * The delivery address, from the audit: an operator corrects an order's address and the timeline says who
 * changed it from what to what; an admin gives a warehouse its sender address (CEP checked) for the labels.
 */
import { expect, test } from "@playwright/test";
import { signIn, USERS, warmUp } from "./fixtures";
import { createPhoneOrder } from "./phone-order";

test.describe("order address", () => {
  test.beforeAll(async ({ browser }) => {
    await warmUp(browser, "operator", "/orders", "orders-table");
  });

  test("an operator corrects an order's shipping address and sees it on the timeline", async ({ page }) => {
    test.slow(); // several server round trips; generous under a loaded CI machine
    await signIn(page, "operator");
    // Its own phone order, so the test does not depend on what other specs left behind.
    await createPhoneOrder(page, "Renata Endereço");
    await expect(page.getByTestId("address-incomplete")).toHaveCount(0);
    const version = Number(await page.getByTestId("order-detail").getAttribute("data-version"));

    await page.getByTestId("edit-address-open").click();
    await expect(page.getByTestId("edit-address-line1")).toHaveValue("Rua Augusta, 500");
    // A CEP with 7 digits is refused by the server, in words.
    await page.getByTestId("edit-address-postalCode").fill("0141-000");
    await page.getByTestId("edit-address-save").click();
    await expect(page.getByTestId("edit-address-form").getByTestId("error-message")).toContainText("A CEP has 8 digits");

    await page.getByTestId("edit-address-line1").fill("Rua Oscar Freire, 900");
    await page.getByTestId("edit-address-district").fill("Jardins");
    await page.getByTestId("edit-address-postalCode").fill("01426001");
    await page.getByTestId("edit-address-note").fill("Customer called: moved last week");
    await page.getByTestId("edit-address-save").click();
    await expect(page.getByTestId("edit-address-saved")).toHaveText("Address saved.");
    await expect(page.getByTestId("order-detail")).toHaveAttribute("data-version", String(version + 1));

    const event = page.locator('[data-testid="timeline-event"][data-type="order.address_corrected"]');
    await expect(event).toHaveCount(1);
    await expect(event).toContainText("Shipping address corrected");
    await expect(event).toContainText("Customer called: moved last week");
    const addresses = event.getByTestId("timeline-address");
    await expect(addresses).toContainText(/Was: .*Rua Augusta, 500, São Paulo - SP, CEP 01310-100/);
    await expect(addresses).toContainText(/Now: .*Rua Oscar Freire, 900, Jardins, São Paulo - SP, CEP 01426-001/);
    await expect(event).toContainText(`by ${USERS.operator.name}`);
    // The customer panel shows the new address.
    await expect(page.getByText("Rua Oscar Freire, 900").first()).toBeVisible();
  });

  test("an admin gives a warehouse its sender address; a bad CEP is refused", async ({ page }) => {
    test.slow();
    await signIn(page, "admin");
    await page.goto("/settings");
    const form = page.locator('[data-testid^="warehouse-address-"]').first();
    await expect(form.getByTestId("warehouse-line1")).not.toHaveValue("");
    await form.getByTestId("warehouse-postalCode").fill("123");
    await form.getByTestId("warehouse-address-save").click();
    await expect(form.getByTestId("error-message")).toContainText("A CEP has 8 digits");
    await form.getByTestId("warehouse-postalCode").fill("07776410");
    await form.getByTestId("warehouse-line2").fill("Galpão 4");
    await form.getByTestId("warehouse-address-save").click();
    await expect(form.getByRole("status")).toHaveText("Saved.");
    await page.reload();
    const again = page.locator('[data-testid^="warehouse-address-"]').first();
    await expect(again.getByTestId("warehouse-postalCode")).toHaveValue("07776-410");
    await expect(again.getByTestId("warehouse-line2")).toHaveValue("Galpão 4");
  });
});
