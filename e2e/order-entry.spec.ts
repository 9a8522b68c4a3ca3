import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { fillCustomer } from "./phone-order";

test.describe("order entry", () => {
  test("an operator takes a phone order with two catalogue SKUs and lands on it", async ({ page }) => {
    await signIn(page, "operator");
    await page.goto("/orders/new");
    await expect(page.getByRole("heading", { name: "New order" })).toBeVisible();

    await fillCustomer(page, "Maria Telefone", "Avenida Paulista, 1000", "(11) 98765-4321");

    // Search by code prefix, as at the counter.
    await page.getByTestId("sku-search").fill("CAM-BAS-M");
    await page.getByTestId("sku-option-CAM-BAS-M-AZU").click();
    await page.getByTestId("sku-search").fill("CAN-CER-350");
    await page.getByTestId("sku-option-CAN-CER-350-BRA").click();
    await expect(page.getByTestId("order-lines").locator("tbody tr")).toHaveCount(2);
    await page.getByLabel("Qty CAN-CER-350-BRA").fill("2");
    await page.getByLabel("Shipping").fill("15,90");

    // 49,90 + 2 × 34,90 + 15,90 = 135,60, live as it is typed.
    await expect(page.getByTestId("total-subtotal")).toHaveText("R$119.70");
    await expect(page.getByTestId("total-total")).toHaveText("R$135.60");

    await page.getByLabel("Paid at the counter").check();
    await page.getByRole("button", { name: "Create order" }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("order-detail")).toBeVisible();
    await expect(page.getByText(/POS-\d{8}-[0-9A-Z]{6}/).first()).toBeVisible();
    // The timeline says who entered it.
    await expect(page.locator('[data-testid="timeline-event"][data-type="order.created"]')).toContainText("Otávio Operador");
  });

  test("an unpaid phone order gives its reserved stock back when the operator says so", async ({ page }) => {
    await signIn(page, "operator");
    await page.goto("/orders/new");
    await fillCustomer(page, "Bruno Boleto", "Avenida Paulista, 2000");
    await page.getByTestId("sku-search").fill("CAN-CER-350");
    await page.getByTestId("sku-option-CAN-CER-350-BRA").click();
    // Not paid at the counter: the order waits for its payment, holding the unit.
    await page.getByRole("button", { name: "Create order" }).click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const line = page.getByTestId("order-line").first();
    await expect(line).toContainText("1 reserved");

    await page.getByTestId("action-EXPIRE_RESERVATION").click();
    await expect(page.getByTestId("action-confirm")).toBeDisabled();
    await page.getByTestId("action-reason").fill("The customer will not pay the boleto");
    await page.getByTestId("action-confirm").click();
    await expect(page.getByTestId("action-done")).toHaveText("Done: Give back reserved stock. Status: Received.");
    await expect(line).toContainText("0 reserved");
    const event = page.locator('[data-testid="timeline-event"][data-type="order.reservation_expired"]');
    await expect(event).toContainText("Unpaid: reserved stock given back");
    await expect(event).toContainText("Why: The customer will not pay the boleto");
    // Nothing is held any more: the action is gone; the order can still be paid.
    await expect(page.getByTestId("action-EXPIRE_RESERVATION")).toHaveCount(0);
    await expect(page.getByTestId("action-MARK_PAID")).toBeVisible();
  });

  test("field problems are shown next to the field, in the user's language", async ({ page }) => {
    await signIn(page, "operator", { locale: "pt-BR" });
    await page.goto("/orders/new");
    await page.getByLabel("CPF ou CNPJ").fill("529.982.247-24");
    await page.getByRole("button", { name: "Criar pedido" }).click();
    await expect(page.getByTestId("issue-customer.name")).toHaveText("Obrigatório.");
    await expect(page.getByTestId("issue-customer.document")).toHaveText("CPF ou CNPJ inválido: confira os dígitos.");
    await expect(page.getByTestId("issue-lines")).toHaveText("Adicione pelo menos um item.");
    await expect(page).toHaveURL(/\/orders\/new$/);
  });

  test("each submit shows only its own problems, and editing a field clears its problem", async ({ page }) => {
    await signIn(page, "operator", { locale: "pt-BR" });
    await page.goto("/orders/new");
    await page.getByRole("button", { name: "Criar pedido" }).click();
    await expect(page.getByTestId("issue-customer.name")).toHaveText("Obrigatório.");
    await expect(page.getByTestId("issue-shippingAddress.line1")).toHaveText("Obrigatório.");
    await expect(page.getByTestId("issue-shippingAddress.city")).toHaveText("Obrigatório.");
    await expect(page.getByTestId("issue-lines")).toHaveText("Adicione pelo menos um item.");

    // Typing in a field takes its problem away at once; the others wait for the next submit.
    await page.getByLabel(/^Nome/).fill("Ana Balcão");
    await expect(page.getByTestId("issue-customer.name")).toHaveCount(0);
    await expect(page.getByTestId("issue-shippingAddress.city")).toHaveText("Obrigatório.");
    await page.getByLabel("Rua e número").fill("Rua das Flores, 120");
    await expect(page.getByTestId("issue-shippingAddress.line1")).toHaveCount(0);
    await page.getByTestId("sku-search").fill("CAM-BAS-M");
    await page.getByTestId("sku-option-CAM-BAS-M-AZU").click();
    await expect(page.getByTestId("issue-lines")).toHaveCount(0);

    // The second submit stops at the price the form cannot read: that is the only problem shown, nothing from the first.
    await page.getByLabel("Preço unitário CAM-BAS-M-AZU").fill("abc");
    await page.getByRole("button", { name: "Criar pedido" }).click();
    await expect(page.getByTestId("issue-lines.0.unitPriceCents")).toHaveText("Não é um valor: escreva 1234,56 ou 1.234,56.");
    await expect(page.locator('[data-testid^="issue-"]')).toHaveCount(1);
    await expect(page.getByTestId("error-message")).toHaveCount(0);
    await expect(page).toHaveURL(/\/orders\/new$/);
  });

  test("an operator imports a CSV and sees the one bad row in the report, with all its problems", async ({ page }) => {
    const run = Date.now().toString(36).toUpperCase();
    const csv = [
      "pedido;data_pedido;cliente;endereco;cidade;uf;cep;sku;quantidade;preco_unitario;frete",
      `E2E-${run}-1;05/03/2026 14:30;Ana Planilha;Rua A, 1;Natal;RN;59010-000;CAM-BAS-M-AZU;2;49,90;12,50`,
      `E2E-${run}-2;05/03/2026 15:00;Bia Planilha;Rua B, 2;Recife;PE;50010-000;CAN-CER-350-BRA;1;;`,
      `E2E-${run}-3;05/03/2026 15:30;Caio Planilha;Rua C, 3;Natal;RN;59010-000;NAO-EXISTE-999;0;10,00;`,
    ].join("\r\n");

    await signIn(page, "operator");
    await page.goto("/orders/import");
    await expect(page.getByRole("heading", { name: "Import orders from CSV" })).toBeVisible();
    await page.getByTestId("import-file").setInputFiles({ name: "pedidos.csv", mimeType: "text/csv", buffer: Buffer.from(`\ufeff${csv}`, "utf8") });
    await page.getByRole("button", { name: "Import", exact: true }).click();

    await expect(page.getByTestId("import-report")).toBeVisible();
    await expect(page.getByTestId("report-created")).toHaveText("2");
    await expect(page.getByTestId("report-duplicates")).toHaveText("0");
    await expect(page.getByTestId("report-problems")).toHaveText("1");
    const bad = page.locator('[data-testid="report-rows"] tr[data-row="4"]');
    // The unknown SKU and the bad quantity together, each on its column: not one after the other is fixed.
    await expect(bad).toHaveCount(2);
    await expect(bad.nth(0)).toContainText("sku");
    await expect(bad.nth(0)).toContainText("SKU “NAO-EXISTE-999” is not in the catalogue.");
    await expect(bad.nth(1)).toContainText("quantidade");
    await expect(bad.nth(1)).toContainText("“0” is not a whole quantity from 1 to 9999.");

    const download = page.waitForEvent("download");
    await page.getByTestId("report-download").click();
    expect((await download).suggestedFilename()).toBe("import-report.csv");

    // The same file again: nothing new, two duplicates.
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByTestId("report-duplicates")).toHaveText("2");
    await expect(page.getByTestId("report-created")).toHaveText("0");
  });

  test("the live totals never show a negative amount: an invalid part shows its problem and no total", async ({ page }) => {
    await signIn(page, "operator", { locale: "pt-BR" });
    await page.goto("/orders/new");
    await page.getByTestId("sku-search").fill("CAM-BAS-M");
    await page.getByTestId("sku-option-CAM-BAS-M-AZU").click();
    const totals = page.getByTestId("order-totals");

    // An unreadable quantity used to read "-R$ 0,00".
    await page.getByLabel("Qtd. CAM-BAS-M-AZU").fill("abc");
    await expect(page.getByTestId("issue-lines.0.quantity")).toHaveText("Um número inteiro de 1 a 9999.");
    await expect(page.getByTestId("line-total-CAM-BAS-M-AZU")).toHaveText("—");
    await expect(page.getByTestId("total-total")).toHaveText("—");

    // Shipping −10 and a discount of 500 used to read "Total -R$ 510,00".
    await page.getByLabel("Qtd. CAM-BAS-M-AZU").fill("1");
    await page.getByLabel("Desconto CAM-BAS-M-AZU").fill("500");
    await page.getByLabel("Frete", { exact: true }).fill("-10");
    await expect(page.getByTestId("issue-lines.0.discountCents")).toHaveText("O desconto é maior que o total do item.");
    await expect(totals).toContainText("Um valor a partir de 0.");
    await expect(page.getByTestId("total-total")).toHaveText("—");
    await expect(page.getByTestId("total-unavailable")).toBeVisible();
    await expect(page.getByTestId("order-lines")).not.toContainText("-R$");
    await expect(totals).not.toContainText("-R$");

    // Fixed: the total is back, exact.
    await page.getByLabel("Desconto CAM-BAS-M-AZU").fill("9,90");
    await page.getByLabel("Frete", { exact: true }).fill("10");
    await expect(page.getByTestId("total-total")).toHaveText(/^R\$\s50,00$/);
    await expect(page.locator('[data-testid^="issue-"]')).toHaveCount(0);
  });

  test("in Portuguese, the import help names the template's Portuguese columns, and a date in 2030 or 1990 is refused per row", async ({ page }) => {
    await signIn(page, "operator", { locale: "pt-BR" });
    await page.goto("/orders/import");
    await page.getByText("Colunas", { exact: true }).click();
    const help = page.getByTestId("import-columns-help");
    await expect(help).toContainText("Obrigatórias: pedido, data_pedido, cliente, endereco, cidade, uf, cep, sku, quantidade.");
    await expect(help).toContainText("os nomes em inglês (order_external_id, placed_at, customer_name…) também são aceitos");

    const run = Date.now().toString(36).toUpperCase();
    const csv = [
      "pedido;data_pedido;cliente;endereco;cidade;uf;cep;sku;quantidade",
      `D-${run}-1;01/01/2030;Ana Futuro;Rua A, 1;Natal;RN;59010-000;CAM-BAS-M-AZU;1`,
      `D-${run}-2;01/01/1990;Bia Passado;Rua B, 2;Natal;RN;59010-000;CAM-BAS-M-AZU;1`,
    ].join("\r\n");
    await page.getByTestId("import-file").setInputFiles({ name: "pedidos.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "Importar", exact: true }).click();
    await expect(page.getByTestId("import-report")).toBeVisible();
    await expect(page.getByTestId("report-created")).toHaveText("0");
    const rows = page.getByTestId("report-rows");
    await expect(rows.locator('tr[data-row="2"]')).toContainText("“01/01/2030” está no futuro");
    await expect(rows.locator('tr[data-row="2"]')).toContainText("data_pedido");
    await expect(rows.locator('tr[data-row="3"]')).toContainText("“01/01/1990” é anterior a 01/01/2000: confira o ano.");
  });

  test("warehouse staff cannot open order entry", async ({ page }) => {
    await signIn(page, "warehouse");
    const res = await page.goto("/orders/new");
    expect(res?.status()).toBe(403);
    const upload = await page.request.post("/api/orders/import", { multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("a\n1") } } });
    expect(upload.status()).toBe(403);
  });
});
