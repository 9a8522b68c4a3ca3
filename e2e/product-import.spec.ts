import { expect, test } from "@playwright/test";
import { runEan, signIn, warmUp } from "./fixtures";

test.describe("catalogue CSV import", () => {
  test.beforeAll(async ({ browser }) => warmUp(browser, "operator", "/products", "products-table"));

  test("an operator imports a spreadsheet in Portuguese: two variants are created, a wrong barcode is reported, the product is in the list", async ({ page }) => {
    test.slow();
    const stamp = String(Date.now());
    const name = `Camiseta Importada ${stamp}`;
    const good = runEan(stamp, 1);
    const bad = runEan(stamp, 2);
    const wrongDigit = `${bad.slice(0, 12)}${(Number(bad[12]) + 1) % 10}`;
    // What Excel in pt-BR saves: ";" and decimal commas.
    const csv = [
      "sku;produto;variacao;marca;codigo_barras;ncm;preco;peso_g;ativo",
      `IMP-${stamp}-P;${name};Azul / P;Aurora Moda;${good};6109.10.00;49,90;180;sim`,
      `IMP-${stamp}-M;${name};Azul / M;Aurora Moda;;6109.10.00;1.234,56;190;sim`,
      `IMP-${stamp}-G;${name};Azul / G;Aurora Moda;${wrongDigit};6109.10.00;49,90;200;sim`,
    ].join("\r\n");

    await signIn(page, "operator", { locale: "pt-BR" });
    await page.goto("/products");
    await expect(page.getByTestId("products-export-link")).toHaveAttribute("href", "/api/products/export");
    await page.getByTestId("products-import-link").click();
    await expect(page).toHaveURL(/\/products\/import$/);
    await expect(page.getByRole("heading", { name: "Importar produtos de um CSV" })).toBeVisible();

    await page.getByTestId("catalog-file").setInputFiles({ name: "catalogo.csv", mimeType: "text/csv", buffer: Buffer.from(`\ufeff${csv}`, "utf8") });
    await page.getByTestId("catalog-import-submit").click();
    const report = page.getByTestId("catalog-report");
    await expect(report).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("catalog-count-total")).toHaveText("3");
    await expect(page.getByTestId("catalog-count-created")).toHaveText("2");
    await expect(page.getByTestId("catalog-count-errors")).toHaveText("1");

    // With an error the report opens on the errors: the bad row, its column and why, in Portuguese.
    const rows = page.getByTestId("catalog-report-row");
    await expect(rows).toHaveCount(1);
    const error = rows.first();
    await expect(error).toHaveAttribute("data-row", "4");
    await expect(error).toHaveAttribute("data-status", "ERROR");
    await expect(error).toContainText("codigo_barras");
    await expect(error).toContainText(`o último dígito deveria ser ${bad[12]}`);
    await page.getByTestId("catalog-filter-all").click();
    await expect(rows).toHaveCount(3);
    await expect(page.locator('[data-testid="catalog-report-row"][data-row="2"]')).toContainText("Produto novo");

    // The new product is in the list, with its two SKUs and the price range.
    await page.goto(`/products?search=${encodeURIComponent(name)}`);
    const found = page.getByTestId("product-row");
    await expect(found).toHaveCount(1);
    await expect(found).toHaveAttribute("data-product", name);
    await expect(found).toContainText("2 SKUs");
    await expect(found.getByTestId("product-price")).toContainText("1.234,56");
  });
});
