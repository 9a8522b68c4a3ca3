import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

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

  test("an operator reads purchase orders but may not create one or import counts", async ({ page }) => {
    await signIn(page, "operator");
    await page.goto("/stock/purchase-orders");
    await expect(page.getByTestId("purchase-order-row").first()).toBeVisible();
    await expect(page.getByTestId("create-po-link")).toHaveCount(0);
    await page.getByTestId("purchase-order-row").first().getByRole("link").click();
    await expect(page.getByTestId("po-detail-lines")).toBeVisible();
    await expect(page.getByTestId("receive-form")).toHaveCount(0);
    await page.goto("/stock/purchase-orders/new");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await page.goto("/stock/import");
    await expect(page.getByTestId("forbidden")).toBeVisible();
  });
});
