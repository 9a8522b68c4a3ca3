import { expect, test, type Locator } from "@playwright/test";
import { runEan, signIn, warmUp } from "./fixtures";

async function fillSku(section: Locator, s: { code: string; variant: string; ean: string; price: string }) {
  await section.getByTestId("sku-code").fill(s.code);
  await section.getByTestId("sku-variant").fill(s.variant);
  await section.getByTestId("sku-ean").fill(s.ean);
  await section.getByTestId("sku-price").fill(s.price);
  await section.getByTestId("sku-weight").fill("180");
  await section.getByTestId("sku-length").fill("300");
  await section.getByTestId("sku-width").fill("250");
  await section.getByTestId("sku-height").fill("30");
  await section.getByTestId("sku-ncm").fill("6109.10.00");
}

test.describe("products", () => {
  test.beforeAll(async ({ browser }) => warmUp(browser, "operator", "/products", "products-table"));

  test("an operator creates a product with two variants, fixes a barcode, edits a price and finds it by search", async ({ page }) => {
    test.slow();
    const stamp = String(Date.now());
    const name = `Camiseta Teste ${stamp}`;
    const blue = { code: `E2E-${stamp}-AZU-M`, variant: "Azul / M", ean: runEan(stamp, 1), price: "49.90" };
    const black = { code: `E2E-${stamp}-PRE-G`, variant: "Preto / G", ean: runEan(stamp, 2), price: "54.90" };

    await signIn(page, "operator");
    await page.getByTestId("nav-products").click();
    await expect(page.getByRole("heading", { name: "Products", exact: true })).toBeVisible();
    await page.getByTestId("new-product-link").click();
    await expect(page).toHaveURL(/\/products\/new$/);

    await page.getByTestId("product-name").fill(name);
    await page.getByTestId("product-brand").fill("Aurora Moda");
    const skus = page.getByTestId("new-sku");
    // A barcode with a wrong check digit is refused with the digit it should end in.
    const wrongDigit = `${blue.ean.slice(0, 12)}${(Number(blue.ean[12]) + 1) % 10}`;
    await fillSku(skus.nth(0), { ...blue, ean: wrongDigit });
    await page.getByTestId("add-sku-row").click();
    await fillSku(skus.nth(1), black);
    await page.getByTestId("product-submit").click();
    await expect(page.getByTestId("error-message")).toContainText(`the last digit should be ${blue.ean[12]}`);

    // Fixing the barcode takes its error away at once.
    await skus.nth(0).getByTestId("sku-ean").fill(blue.ean);
    await expect(page.getByTestId("error-message")).toHaveCount(0);
    await page.getByTestId("product-submit").click();
    await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("product-heading")).toHaveText(name);
    const rows = page.getByTestId("product-sku");
    await expect(rows).toHaveCount(2);
    const blueRow = page.locator(`[data-testid="product-sku"][data-sku="${blue.code}"]`);
    await expect(blueRow).toContainText("Azul / M");
    await expect(blueRow).toContainText(blue.ean);
    await expect(blueRow).toContainText(`${name} Azul M`);
    await expect(blueRow.getByTestId("sku-price")).toHaveText("R$49.90");

    // Edit the blue SKU's price.
    await blueRow.getByTestId("sku-edit").click();
    const edit = page.getByTestId("sku-edit-form");
    await expect(edit.getByTestId("sku-price")).toHaveValue("49.90");
    // A wrong barcode is the server's to refuse; the next submit stops at a price the form cannot read, and only that shows.
    await edit.getByTestId("sku-ean").fill(wrongDigit);
    await edit.getByTestId("sku-save").click();
    await expect(edit.getByTestId("error-message")).toContainText(`the last digit should be ${blue.ean[12]}`);
    await edit.getByTestId("sku-price").fill("abc");
    await edit.getByTestId("sku-save").click();
    await expect(edit.getByTestId("sku-problem")).toBeVisible();
    await expect(edit.getByTestId("error-message")).toHaveCount(0);
    await edit.getByTestId("sku-ean").fill(blue.ean);
    await edit.getByTestId("sku-price").fill("39.90");
    await expect(edit.getByTestId("sku-problem")).toHaveCount(0);
    await edit.getByTestId("sku-save").click();
    await expect(edit).toHaveCount(0);
    await expect(blueRow.getByTestId("sku-price")).toHaveText("R$39.90");
    // Its code leads to its stock page.
    await expect(blueRow.getByRole("link", { name: blue.code })).toHaveAttribute("href", /^\/stock\/[0-9a-f-]{36}$/);

    // The list finds it by SKU code and by barcode, with the new price range.
    await page.goto("/products");
    await page.getByTestId("product-search").fill(`e2e-${stamp}`);
    await page.getByTestId("product-search-submit").click();
    await expect(page).toHaveURL(new RegExp(`[?&]search=e2e-${stamp}`));
    const found = page.getByTestId("product-row");
    await expect(found).toHaveCount(1);
    await expect(found).toHaveAttribute("data-product", name);
    await expect(found.getByTestId("product-price")).toHaveText("R$39.90 – R$54.90");
    await expect(found).toContainText("2 SKUs");

    await page.getByTestId("product-search").fill(black.ean);
    await page.getByTestId("product-search-submit").click();
    await expect(page.getByTestId("product-row")).toHaveAttribute("data-product", name);
    await page.getByRole("link", { name }).click();
    await expect(page.getByTestId("product-heading")).toHaveText(name);
  });

  test("an operator deletes a SKU and then a product created by mistake; a product with orders is refused, in Portuguese", async ({ page }) => {
    test.slow();
    const stamp = String(Date.now());
    const name = `Produto Engano ${stamp}`;
    await signIn(page, "operator", { locale: "pt-BR" });
    await page.goto("/products/new");
    await page.getByTestId("product-name").fill(name);
    const skus = page.getByTestId("new-sku");
    await fillSku(skus.nth(0), { code: `DEL-${stamp}-A`, variant: "A", ean: runEan(stamp, 3), price: "10.00" });
    await page.getByTestId("add-sku-row").click();
    await fillSku(skus.nth(1), { code: `DEL-${stamp}-B`, variant: "B", ean: runEan(stamp, 4), price: "10.00" });
    await page.getByTestId("product-submit").click();
    await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
    const productUrl = page.url();

    // One SKU goes after a confirmation; the last one has no delete button (the product goes instead).
    const rowB = page.locator(`[data-testid="product-sku"][data-sku="DEL-${stamp}-B"]`);
    await rowB.getByTestId("sku-delete").click();
    await expect(rowB.getByRole("alertdialog")).toContainText(`Excluir o SKU DEL-${stamp}-B?`);
    await rowB.getByTestId("delete-confirm").click();
    await expect(page.getByTestId("product-sku")).toHaveCount(1);
    await expect(page.getByTestId("sku-delete")).toHaveCount(0);

    await page.getByTestId("product-delete-button").click();
    await expect(page.getByTestId("product-delete").getByRole("alertdialog")).toContainText(`Excluir “${name}” e seu 1 SKU?`);
    await page.getByTestId("delete-confirm").click();
    await expect(page).toHaveURL(/\/products$/);
    expect((await page.goto(productUrl))?.status()).toBe(404);

    // A product whose SKU was sold keeps its history: the refusal says why and what to do instead.
    await page.goto("/orders");
    await page.getByTestId("orders-table").getByRole("link").first().click();
    const soldCode = await page.getByTestId("order-line").first().getAttribute("data-sku");
    expect(soldCode).toBeTruthy();
    await page.goto(`/products?search=${encodeURIComponent(soldCode ?? "")}`);
    await page.getByTestId("product-row").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
    await page.getByTestId("product-delete-button").click();
    await page.getByTestId("delete-confirm").click();
    await expect(page.getByTestId("product-delete").getByTestId("error-message")).toContainText(/não pode ser excluído: está em \d+ pedidos?\./);
    await expect(page.getByTestId("product-delete").getByTestId("error-message")).toContainText("Desative-o");
    await expect(page.getByTestId("product-heading")).toBeVisible();
  });

  test("a warehouse user sees the catalogue in Portuguese but cannot create or edit: no button, and /products/new is refused", async ({ page }) => {
    await signIn(page, "warehouse", { locale: "pt-BR" });
    await expect(page.getByTestId("nav-products")).toHaveText("Produtos");
    await page.getByTestId("nav-products").click();
    await expect(page.getByRole("heading", { name: "Produtos", exact: true })).toBeVisible();
    await expect(page.getByTestId("product-row").first()).toBeVisible();
    await expect(page.getByTestId("new-product-link")).toHaveCount(0);

    await page.getByTestId("product-search").fill("CAM-BAS");
    await page.getByTestId("product-search-submit").click();
    await expect(page.getByTestId("product-row")).toHaveCount(1);
    await page.getByRole("link", { name: "Camiseta Básica Algodão" }).click();
    await expect(page.getByTestId("product-heading")).toHaveText("Camiseta Básica Algodão");
    await expect(page.getByTestId("product-sku").first()).toBeVisible();
    await expect(page.getByTestId("product-edit-form")).toHaveCount(0);
    await expect(page.getByTestId("sku-edit")).toHaveCount(0);
    await expect(page.getByTestId("sku-add-form")).toHaveCount(0);

    const res = await page.goto("/products/new");
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
  });
});
