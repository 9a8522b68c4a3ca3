import { expect, test, type Page } from "@playwright/test";
import { setLocale, signIn } from "./fixtures";

/** A day `n` days from today in the demo merchant's time zone, as a date field takes it (YYYY-MM-DD: the en-CA format). */
const dayFromToday = (n: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date(Date.now() + n * 86_400_000));

/** Creates a purchase order of `quantity` units of the first CAM-BAS SKU through the form; returns its id and the SKU page's address. */
async function createPurchaseOrder(page: Page, supplier: string, quantity: number, expected: string): Promise<{ id: string; skuPage: string }> {
  await page.goto("/stock/purchase-orders/new");
  await page.getByTestId("po-supplier").fill(supplier);
  await page.getByTestId("po-sku-search").fill("CAM-BAS");
  const option = page.locator('[data-testid^="po-sku-option-"]').first();
  const sku = ((await option.getAttribute("data-testid")) ?? "").replace("po-sku-option-", "");
  await option.click();
  await page.locator(`[data-testid="po-line"][data-sku="${sku}"]`).getByTestId("po-line-quantity").fill(String(quantity));
  await page.getByTestId("po-expected").fill(expected);
  await page.getByTestId("po-submit").click();
  await expect(page).toHaveURL(/\/stock\/purchase-orders\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const skuPage = (await page.locator(`[data-testid="po-detail-line"][data-sku="${sku}"] a`).getAttribute("href")) ?? "";
  return { id: page.url().split("/").pop() ?? "", skuPage };
}

/** Opens a cancel / close short / date change, gives the reason and confirms. */
async function confirmAction(page: Page, button: "po-cancel" | "po-close-short" | "po-change-date", reason: string, date?: string) {
  await page.getByTestId(button).click();
  if (date) await page.getByTestId("po-new-date").fill(date);
  await expect(page.getByTestId("po-action-confirm")).toBeDisabled();
  await page.getByTestId("po-action-reason").fill(reason);
  await page.getByTestId("po-action-confirm").click();
}

interface Waiting {
  url: string;
  number: string;
  skus: string[];
  /** Warehouse code the order is pinned to, or null. */
  warehouse: string | null;
  reservedEvents: number;
}

/** Opens the demo's BACKORDERED orders until one waits only for stock (no other hold) and reads what it waits for. */
async function findBackorderedOrder(page: Page): Promise<Waiting> {
  await page.goto("/orders?status=BACKORDERED");
  const rows = page.getByTestId("order-row");
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  const orders = await page.locator('a[data-testid^="order-link-"]').evaluateAll((els) =>
    els.map((e) => ({ number: (e.getAttribute("data-testid") ?? "").replace("order-link-", ""), href: e.getAttribute("href") ?? "" })),
  );
  for (const { number, href } of orders.slice(0, 8)) {
    await page.goto(href);
    await expect(page.getByTestId("order-lines")).toBeVisible();
    await expect(page.getByTestId("badge-status").first()).toHaveAttribute("data-value", "BACKORDERED");
    const otherHolds = page.locator('[data-testid="hold"][data-active="true"]:not([data-reason="OUT_OF_STOCK"])');
    if ((await otherHolds.count()) > 0) continue;
    const skus = await page.getByTestId("order-line").filter({ hasText: /\d+ backordered/ }).evaluateAll((els) => els.map((e) => e.getAttribute("data-sku") ?? ""));
    if (skus.length === 0) continue;
    const panel = (await page.getByTestId("fulfillment-panel").textContent()) ?? "";
    const pinned = /Warehouse\s*([A-Z0-9_-]+) · /.exec(panel);
    return {
      url: page.url(), number, skus, warehouse: pinned?.[1] ?? null,
      reservedEvents: await page.locator('[data-testid="timeline-event"][data-type="stock.reserved"]').count(),
    };
  }
  throw new Error("No BACKORDERED demo order waiting only for stock");
}

test.describe("purchasing", () => {
  test("a purchase order received into a bin allocates a backordered order, and a count file is applied row by row", async ({ page }) => {
    test.slow();
    await signIn(page, "admin");
    const waiting = await findBackorderedOrder(page);

    // Create a purchase order for every SKU the order waits for, with exact unit costs.
    await page.goto("/stock/purchase-orders");
    await page.getByTestId("create-po-link").click();
    await expect(page.getByTestId("po-form")).toBeVisible();
    await page.getByTestId("po-supplier").fill("E2E Malharia Ltda");
    const warehouseSelect = page.getByTestId("po-warehouse");
    if (waiting.warehouse) {
      const options = await warehouseSelect.locator("option").evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent ?? "" })));
      const option = options.find((o) => o.text.startsWith(`${waiting.warehouse} `));
      expect(option, `warehouse ${waiting.warehouse} is offered`).toBeDefined();
      await warehouseSelect.selectOption(option?.value ?? "");
    }
    const warehouseLabel = (await warehouseSelect.locator("option:checked").textContent()) ?? "";
    for (const sku of waiting.skus) {
      await page.getByTestId("po-sku-search").fill(sku);
      await page.getByTestId(`po-sku-option-${sku}`).click();
      const line = page.locator(`[data-testid="po-line"][data-sku="${sku}"]`);
      await line.getByTestId("po-line-quantity").fill("500");
      await line.getByTestId("po-line-cost").fill("12,34");
    }
    await expect(page.getByTestId("po-total")).toContainText((6170 * waiting.skus.length).toLocaleString("en-US"));
    await page.getByTestId("po-submit").click();

    // Receive everything into the first bin.
    await expect(page).toHaveURL(/\/stock\/purchase-orders\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByTestId("po-status")).toHaveText("Open");
    await expect(page.getByTestId("po-detail-total")).toContainText((6170 * waiting.skus.length).toLocaleString("en-US"));
    await page.getByTestId("receive-all").click();
    const bin = (await page.getByTestId("receive-bin").first().locator("option:checked").textContent()) ?? "";
    await page.getByTestId("receive-submit").click();
    await expect(page.getByTestId("po-status")).toHaveText("Received", { timeout: 30_000 });
    await expect(page.getByTestId("po-receipt")).toHaveCount(waiting.skus.length);
    await expect(page.getByTestId("po-receipt").first()).toContainText(bin);
    await expect(page.getByTestId("receive-form")).toHaveCount(0);

    // The order took the stock: allocated, and the timeline says so.
    await page.goto(waiting.url);
    await expect(page.getByTestId("order-lines")).toBeVisible();
    await expect(page.getByTestId("badge-status").first()).toHaveAttribute("data-value", "ALLOCATED");
    await expect(page.locator('[data-testid="timeline-event"][data-type="stock.reserved"]')).toHaveCount(waiting.reservedEvents + waiting.skus.length);
    await expect(page.getByTestId("order-line").filter({ hasText: /\d+ backordered/ })).toHaveCount(0);

    // Cycle count: one good row for the bin just filled, one unknown SKU; each row reported.
    const warehouseCode = warehouseLabel.split(" ")[0] ?? "";
    await page.goto("/stock/import");
    await page.getByTestId("count-file").setInputFiles({
      name: "count.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`sku;armazém;posição;quantidade contada;motivo\n${waiting.skus[0]};${warehouseCode};${bin};9999;e2e recount\nNO-SUCH-SKU;${warehouseCode};${bin};1;\n`),
    });
    await page.getByTestId("count-submit").click();
    await expect(page.getByTestId("count-report")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("count-applied")).toHaveText("1");
    await expect(page.getByTestId("count-errors")).toHaveText("1");
    await expect(page.locator('[data-testid="count-row"][data-row="2"]')).toHaveAttribute("data-status", "APPLIED");
    await expect(page.locator('[data-testid="count-row"][data-row="3"]')).toContainText("SKU NO-SUCH-SKU is not in the catalogue.");
  });

  test("a purchase order is re-dated and cancelled, another closed short: incoming drops, history and list say so", async ({ page }) => {
    test.slow();
    await signIn(page, "warehouse");

    // A past expected date is refused next to the field, on the new purchase order form…
    await page.goto("/stock/purchase-orders/new");
    await page.getByTestId("po-supplier").fill("E2E Têxtil");
    await page.getByTestId("po-sku-search").fill("CAM-BAS");
    await page.locator('[data-testid^="po-sku-option-"]').first().click();
    await page.getByTestId("po-expected").fill(dayFromToday(-2));
    await page.getByTestId("po-submit").click();
    await expect(page.getByTestId("po-expected-error")).toHaveText("The expected date cannot be before today (time zone America/Sao_Paulo): choose today or a later day.");
    await expect(page).toHaveURL(/\/new$/);

    // …and when the supplier moves the delivery; a later day is recorded with the reason.
    const first = await createPurchaseOrder(page, "E2E Têxtil", 7, dayFromToday(5));
    await expect(page.getByTestId("po-status")).toHaveAttribute("data-value", "OPEN");
    await expect(page.getByTestId("po-close-short")).toHaveCount(0);
    await confirmAction(page, "po-change-date", "Fornecedor atrasou", dayFromToday(-1));
    await expect(page.getByTestId("po-action-form").getByTestId("error-message")).toContainText("cannot be before today");
    await page.getByTestId("po-new-date").fill(dayFromToday(12));
    await page.getByTestId("po-action-confirm").click();
    await expect(page.getByTestId("po-action-done")).toContainText("Expected date changed to");
    await expect(page.getByTestId("po-history-entry").first()).toHaveAttribute("data-kind", "expectedDateChanged");
    await expect(page.getByTestId("po-history-entry").first()).toContainText("Fornecedor atrasou");

    // Incoming on the SKU page until it is cancelled.
    await page.goto(first.skuPage);
    await expect(page.getByTestId("sku-heading")).toBeVisible();
    await expect(page.locator(`[data-testid="sku-incoming"] a[href="/stock/purchase-orders/${first.id}"]`)).toHaveCount(1);
    await page.goto(`/stock/purchase-orders/${first.id}`);
    await confirmAction(page, "po-cancel", "Fornecedor sem estoque");
    await expect(page.getByTestId("po-status")).toHaveText("Cancelled", { timeout: 30_000 });
    await expect(page.getByTestId("po-action-done")).toContainText("cancelled: 7 units are no longer incoming");
    await expect(page.getByTestId("receive-form")).toHaveCount(0);
    await expect(page.getByTestId("po-cancel")).toHaveCount(0);
    await expect(page.getByTestId("po-history-entry").first()).toHaveAttribute("data-kind", "cancelled");
    await expect(page.getByTestId("po-history-entry").first()).toContainText("Fornecedor sem estoque");
    await page.goto(first.skuPage);
    await expect(page.getByTestId("sku-heading")).toBeVisible();
    await expect(page.locator(`a[href="/stock/purchase-orders/${first.id}"]`)).toHaveCount(0);

    // Partly received, then closed short: what came stays, the rest is not delivered.
    const second = await createPurchaseOrder(page, "E2E Malharia", 10, dayFromToday(3));
    const number = ((await page.getByTestId("po-title").textContent()) ?? "").replace(/\D/g, "");
    await page.getByTestId("receive-quantity").first().fill("4");
    await page.getByTestId("receive-submit").click();
    await expect(page.getByTestId("po-status")).toHaveAttribute("data-value", "PARTIALLY_RECEIVED", { timeout: 30_000 });
    await expect(page.getByTestId("po-cancel")).toHaveCount(0);
    await confirmAction(page, "po-close-short", "Fornecedor descontinuou o item");
    await expect(page.getByTestId("po-status")).toHaveText("Closed short", { timeout: 30_000 });
    await expect(page.getByTestId("po-action-done")).toContainText("closed short: 6 units will not arrive");
    await expect(page.getByTestId("po-line-not-delivered")).toHaveText("6");
    await expect(page.getByTestId("po-line-open")).toHaveText("0");
    await expect(page.getByTestId("receive-form")).toHaveCount(0);
    await expect(page.getByTestId("po-history-entry").nth(0)).toHaveAttribute("data-kind", "closedShort");
    await expect(page.getByTestId("po-history-entry").nth(1)).toHaveAttribute("data-kind", "received");

    // The list filters by the new state, with its label in both languages.
    await page.goto("/stock/purchase-orders");
    await page.getByTestId("po-filter-status").selectOption("CLOSED_SHORT");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/status=CLOSED_SHORT/);
    const row = page.locator(`[data-testid="purchase-order-row"][data-number="${number}"]`);
    await expect(row.getByTestId("po-status")).toHaveText("Closed short");
    await expect(page.locator('[data-testid="purchase-order-row"]:not([data-status="CLOSED_SHORT"])')).toHaveCount(0);
    await setLocale(page, "pt-BR");
    await page.reload();
    await expect(row.getByTestId("po-status")).toHaveText("Encerrado com falta");
    await page.goto(`/stock/purchase-orders/${second.id}`);
    await expect(page.getByTestId("po-history-entry").first()).toContainText("Encerrado com falta: 6 unidades não vão chegar");
  });

  test("an operator reads purchase orders but may not create one or import counts", async ({ page }) => {
    await signIn(page, "operator");
    await page.goto("/stock/purchase-orders");
    await expect(page.getByTestId("purchase-order-row").first()).toBeVisible();
    await expect(page.getByTestId("create-po-link")).toHaveCount(0);
    await page.getByTestId("purchase-order-row").first().getByRole("link").click();
    await expect(page.getByTestId("po-detail-lines")).toBeVisible();
    await expect(page.getByTestId("receive-form")).toHaveCount(0);
    await expect(page.getByTestId("po-actions")).toHaveCount(0);
    await expect(page.getByTestId("po-history").or(page.getByTestId("po-history-empty"))).toBeVisible();
    await page.goto("/stock/purchase-orders/new");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await page.goto("/stock/import");
    await expect(page.getByTestId("forbidden")).toBeVisible();
  });
});
