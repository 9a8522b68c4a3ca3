import { expect, test } from "@playwright/test";
import { setLocale, signIn, USERS, warmUp } from "./fixtures";

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

  test("an operator corrects a customer's name: the list and the history show it, and a manager gets no form", async ({ page, browser }) => {
    await signIn(page, "operator");
    // This test's own customer: an order imported from a CSV, with an e-mail unique to the run.
    const run = Date.now().toString(36);
    const email = `e2e-${run}@example.com`;
    const csv = `pedido;data_pedido;cliente;email;endereco;cidade;uf;cep;sku;quantidade\r\nE2E-CLI-${run};05/03/2026 14:30;JOAO E2E ${run};${email};Rua A, 1;Natal;RN;59010-000;CAM-BAS-M-AZU;1`;
    const upload = await page.request.post("/api/orders/import", { multipart: { file: { name: "cliente.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") } } });
    expect(upload.status()).toBe(200);
    expect(await upload.text()).toContain('"created":1');

    await page.goto(`/customers?search=${encodeURIComponent(email)}`);
    await page.getByTestId("customer-link").first().click();
    await expect(page.getByTestId("customer-heading")).toHaveText(`JOAO E2E ${run}`);
    await expect(page.getByTestId("customer-history-empty")).toBeVisible();
    const form = page.getByTestId("customer-edit-form");
    await expect(form.getByTestId("customer-edit-email")).toHaveValue(email);
    await expect(form.getByTestId("customer-edit-email")).toBeDisabled();

    // A CPF with wrong check digits is refused in the user's language; the name is saved once it is fixed.
    await form.getByTestId("customer-edit-name").fill(`João Corrigido ${run}`);
    await form.getByTestId("customer-edit-document").fill("123.456.789-00");
    await form.getByTestId("customer-save").click();
    await expect(form.getByTestId("error-message")).toHaveText("CPF / CNPJ: Not a valid CPF or CNPJ: check the digits.");
    await form.getByTestId("customer-edit-document").fill("");
    await form.getByTestId("customer-save").click();
    await expect(form.getByTestId("customer-saved")).toHaveText("Saved.");
    await expect(page.getByTestId("customer-heading")).toHaveText(`João Corrigido ${run}`);
    await expect(page.getByTestId("customer-edited-name")).toBeVisible();
    const entry = page.getByTestId("customer-history-entry");
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(USERS.operator.name);
    await expect(entry.getByTestId("customer-history-change")).toHaveText(`Name: JOAO E2E ${run} → João Corrigido ${run}`);

    // The list finds the corrected name, accents aside.
    await page.goto(`/customers?search=${encodeURIComponent(`joao corrigido ${run}`)}`);
    await expect(page.getByTestId("customer-link")).toHaveText([`João Corrigido ${run}`]);

    // A manager reads the page and its history, without the form.
    const href = await page.getByTestId("customer-link").getAttribute("href");
    const manager = await (await browser.newContext()).newPage();
    await signIn(manager, "manager");
    await manager.goto(href ?? "/customers");
    await expect(manager.getByTestId("customer-history-entry")).toHaveCount(1);
    await expect(manager.getByTestId("customer-edit-form")).toHaveCount(0);
    await manager.context().close();
  });

  test("an operator hands a corrected name back to the channel: the latest order's name returns and the history says so", async ({ page }) => {
    await signIn(page, "operator");
    const run = `${Date.now().toString(36)}f`;
    const email = `e2e-${run}@example.com`;
    const csv = `pedido;data_pedido;cliente;email;telefone;endereco;cidade;uf;cep;sku;quantidade\r\nE2E-FC-${run};05/03/2026 14:30;MARIA E2E ${run};${email};(84) 3333-4444;Rua B, 2;Natal;RN;59010-000;CAM-BAS-M-AZU;1`;
    const upload = await page.request.post("/api/orders/import", { multipart: { file: { name: "cliente.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") } } });
    expect(upload.status()).toBe(200);
    expect(await upload.text()).toContain('"created":1');

    await page.goto(`/customers?search=${encodeURIComponent(email)}`);
    await page.getByTestId("customer-link").first().click();
    await expect(page.getByTestId("customer-heading")).toHaveText(`MARIA E2E ${run}`);
    const orderNumber = ((await page.getByTestId("customer-order-link").first().textContent()) ?? "").replace("#", "");
    const form = page.getByTestId("customer-edit-form");
    // Nothing corrected yet: no way back is offered.
    await expect(form.getByTestId("customer-follow-name")).toHaveCount(0);

    await form.getByTestId("customer-edit-name").fill(`Maria Corrigida ${run}`);
    await form.getByTestId("customer-edit-phone").fill("(84) 99999-0000");
    await form.getByTestId("customer-save").click();
    await expect(form.getByTestId("customer-saved")).toHaveText("Saved.");
    await expect(page.getByTestId("customer-heading")).toHaveText(`Maria Corrigida ${run}`);
    await expect(form.getByTestId("customer-corrected-name")).toContainText("corrected");
    await expect(form.getByTestId("customer-corrected-phone")).toBeVisible();

    // The name follows the channel again, after a confirm step: the order's name is back at once.
    await form.getByTestId("customer-follow-name").click();
    await expect(form.getByTestId("customer-follow-confirm-box-name")).toContainText("the next order from a channel updates it");
    await form.getByTestId("customer-follow-confirm-name").click();
    await expect(form.getByTestId("customer-followed")).toHaveText(`Name follows the channels again: now “MARIA E2E ${run}”, from order #${orderNumber}.`);
    await expect(page.getByTestId("customer-heading")).toHaveText(`MARIA E2E ${run}`);
    await expect(form.getByTestId("customer-edit-name")).toHaveValue(`MARIA E2E ${run}`);
    await expect(page.getByTestId("customer-edited-name")).toHaveCount(0);
    await expect(form.getByTestId("customer-follow-name")).toHaveCount(0);
    // The phone stays corrected.
    await expect(page.getByTestId("customer-edited-phone")).toBeVisible();

    const entries = page.getByTestId("customer-history-entry");
    await expect(entries).toHaveCount(2);
    const latest = entries.first();
    await expect(latest).toHaveAttribute("data-kind", "followsChannel");
    await expect(latest.getByTestId("customer-history-follows")).toHaveText(`Name follows the channels again, restored from order #${orderNumber}`);
    await expect(latest.getByTestId("customer-history-change")).toHaveText(`Name: Maria Corrigida ${run} → MARIA E2E ${run}`);

    await setLocale(page, "pt-BR");
    await page.reload();
    await expect(page.getByTestId("customer-history-follows")).toHaveText(`Nome voltou a seguir os canais, restaurado do pedido #${orderNumber}`);
    await expect(page.getByTestId("customer-follow-phone")).toHaveText("Voltar a seguir o canal");
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
