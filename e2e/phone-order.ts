/** A phone order typed at /orders/new, for specs that need an order of their own (none left behind by another spec). */
import type { Page } from "@playwright/test";

/** A customer in São Paulo, typed as at the counter. */
export async function fillCustomer(page: Page, name: string, street: string, phone?: string): Promise<void> {
  await page.getByLabel("Name", { exact: true }).fill(name);
  if (phone) await page.getByLabel("Phone").fill(phone);
  await page.getByLabel("CPF or CNPJ").fill("529.982.247-25");
  await page.getByLabel("CEP").fill("01310-100");
  await page.getByLabel("Street and number").fill(street);
  await page.getByLabel("City").fill("São Paulo");
  await page.getByLabel("State (UF)").selectOption("SP");
}

/** One unit of CAM-BAS-M-AZU for `name` (payment to come); leaves the page on the new order. */
export async function createPhoneOrder(page: Page, name: string): Promise<void> {
  await page.goto("/orders/new");
  await fillCustomer(page, name, "Rua Augusta, 500");
  await page.getByTestId("sku-search").fill("CAM-BAS-M");
  await page.getByTestId("sku-option-CAM-BAS-M-AZU").click();
  await page.getByRole("button", { name: "Create order" }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
}
