import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, setLocale, signIn, USERS } from "./fixtures";

/** An integer as the page prints it ("1,234" in English). */
async function intOf(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? "";
  return Number(text.replace(/[^\d-]/g, ""));
}

/** Opens /stock, searches a catalogue family and opens the first SKU that has units on hand. */
async function openSkuWithStock(page: Page): Promise<string> {
  await page.goto("/stock");
  await expect(page.getByTestId("stock-grid")).toBeVisible();
  await page.getByTestId("stock-search").fill("CAM-BAS");
  await page.getByTestId("stock-search-submit").click();
  await expect(page).toHaveURL(/[?&]search=CAM-BAS/);
  const rows = page.getByTestId("stock-row");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const code = (await row.getAttribute("data-sku")) ?? "";
    expect(code.startsWith("CAM-BAS")).toBe(true);
    if (Number(((await row.getByTestId("total-onHand").textContent()) ?? "0").replace(/\D/g, "")) > 0) {
      await page.getByTestId(`stock-sku-link-${code}`).click();
      await expect(page.getByTestId("sku-heading")).toHaveText(code);
      return code;
    }
  }
  throw new Error("No CAM-BAS SKU with units on hand");
}

test.describe("stock 360°", () => {
  test.beforeAll(async ({ browser }) => {
    // Warm up the production server's database so the first test's sign-in does not pay for it.
    const page = await browser.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS.warehouse.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /Sign in|Entrar/ }).click();
    await expect(page.getByTestId("user-name")).toBeVisible({ timeout: 60_000 });
    await page.goto("/stock");
    await expect(page.getByTestId("stock-grid")).toBeVisible({ timeout: 60_000 });
    await page.close();
  });

  test("a warehouse user finds a SKU, counts stock with a reason and sees the ledger row and the new on hand", async ({ page }) => {
    test.slow();
    await signIn(page, "warehouse");
    await page.getByTestId("nav-stock").click();
    await expect(page.getByRole("heading", { name: "Stock", exact: true })).toBeVisible();
    await openSkuWithStock(page);

    const before = await intOf(page, "total-onHand");
    const reason = `e2e recount ${Date.now()}`;
    const form = page.getByTestId("stock-adjust-form");
    await form.getByTestId("adjust-mode-DELTA").check();
    await expect(form.getByTestId("adjust-bin")).not.toHaveValue("");
    await form.getByTestId("adjust-quantity").fill("3");
    await form.getByTestId("adjust-reason").fill(reason);
    await form.getByTestId("adjust-submit").click();
    await expect(form.getByTestId("adjust-done")).toBeVisible();
    await expect(form.getByTestId("error-message")).toHaveCount(0);

    const newest = page.getByTestId("ledger-row").first();
    await expect(newest).toHaveAttribute("data-type", "ADJUSTMENT");
    await expect(newest.getByTestId("ledger-reason")).toContainText(reason);
    await expect(newest.getByTestId("ledger-on-hand-delta")).toHaveText("+3");
    await expect(newest.getByTestId("ledger-actor")).toHaveText(USERS.warehouse.name);
    await expect(page.getByTestId("total-onHand")).toHaveText(new Intl.NumberFormat("en-US").format(before + 3));

    // Still there after a full reload: it was written, not only shown.
    await page.reload();
    await expect(page.getByTestId("ledger-row").first().getByTestId("ledger-reason")).toContainText(reason);
    await expect(page.getByTestId("total-onHand")).toHaveText(new Intl.NumberFormat("en-US").format(before + 3));
  });

  test("a warehouse user sets a warehouse's safety stock with a reason: the level row shows it and fewer units are available", async ({ page }) => {
    test.slow();
    await signIn(page, "warehouse");
    await openSkuWithStock(page);
    const row = page.getByTestId("sku-level-row").first();
    const wh = (await row.getAttribute("data-warehouse")) ?? "";
    const level = async (id: string) => Number(((await row.getByTestId(id).textContent()) ?? "").replace(/[^\d-]/g, ""));
    const [safety, available] = [await level("level-safety"), await level("level-available")];
    expect(available).toBeGreaterThan(0);

    const form = page.getByTestId("safety-form");
    const option = await form.getByTestId("safety-warehouse").locator("option", { hasText: `${wh} · ` }).first().getAttribute("value");
    const setSafety = async (to: number, reason: string) => {
      await form.getByTestId("safety-warehouse").selectOption(option ?? "");
      await form.getByTestId("safety-quantity").fill(String(to));
      await form.getByTestId("safety-reason").fill(reason);
      await form.getByTestId("safety-submit").click();
      await expect(form.getByTestId("safety-done")).toContainText(`→ ${to}`);
    };
    await setSafety(safety + 1, "e2e: display units");
    await expect(row.getByTestId("level-safety")).toHaveText(String(safety + 1));
    await expect(row.getByTestId("level-available")).toHaveText(new Intl.NumberFormat("en-US").format(available - 1));
    await setSafety(safety, "e2e: back to what it was");
    await expect(row.getByTestId("level-available")).toHaveText(new Intl.NumberFormat("en-US").format(available));
  });

  test("a warehouse user puts a unit in quality control and clears it: the bin and the ledger say which kind", async ({ page }) => {
    test.slow();
    await signIn(page, "warehouse");
    await openSkuWithStock(page);
    const form = page.getByTestId("stock-unavailable-form");
    await form.getByTestId("unavailable-kind").selectOption("QC");
    const option = form.getByTestId("unavailable-bin").locator("option").nth(1);
    const binId = (await option.getAttribute("value")) ?? "";
    const binCode = /\/ (\S+) \(/.exec((await option.textContent()) ?? "")?.[1] ?? "";
    expect(binCode).not.toBe("");
    const binRow = page.locator(`[data-testid="sku-bin-row"][data-bin="${binCode}"]`);
    const inQc = async () => Number(/(\d+) in QC/.exec((await binRow.textContent()) ?? "")?.[1] ?? "0");
    const before = await inQc();

    await form.getByTestId("unavailable-bin").selectOption(binId);
    await form.getByTestId("unavailable-quantity").fill("1");
    await form.getByTestId("unavailable-reason").fill("e2e: sample for inspection");
    await form.getByTestId("unavailable-submit").click();
    await expect(form.getByTestId("unavailable-done")).toBeVisible();
    const newest = page.getByTestId("ledger-row").first();
    await expect(newest).toHaveAttribute("data-type", "TO_UNAVAILABLE");
    await expect(newest.getByTestId("ledger-unavailable-delta")).toHaveText(/\+1\s*Quality control \(QC\)/);
    await expect(binRow.getByTestId("sku-bin-unavailable-kinds")).toContainText(`${before + 1} in QC`);

    await form.getByTestId("unavailable-FROM_UNAVAILABLE").check();
    await expect(form.getByTestId("unavailable-kind")).toHaveValue("QC");
    await form.getByTestId("unavailable-bin").selectOption(binId);
    await form.getByTestId("unavailable-quantity").fill("1");
    await form.getByTestId("unavailable-reason").fill("e2e: inspection passed");
    await form.getByTestId("unavailable-submit").click();
    await expect(page.getByTestId("ledger-row").first()).toHaveAttribute("data-type", "FROM_UNAVAILABLE");
    await expect(page.getByTestId("ledger-row").first().getByTestId("ledger-unavailable-delta")).toHaveText(/[−-]1\s*Quality control \(QC\)/);
    expect(await inQc()).toBe(before);
  });

  test("in Portuguese, the reasons Fluxo wrote in the ledger read in Portuguese", async ({ page }) => {
    await signIn(page, "warehouse", { locale: "pt-BR" });
    await openSkuWithStock(page);
    await expect(page.getByTestId("ledger-row").first()).toBeVisible();
    const reasons = await page.getByTestId("ledger-reason").allTextContents();
    expect(reasons.some((r) => /^(Pedido #\d+|Recebimento do pedido de compra)/.test(r)), reasons.join(" | ")).toBe(true);
    expect(reasons.filter((r) => /^(Order #\d+|Receipt of purchase order|Shipped$|Backorder filled)/.test(r))).toEqual([]);
  });

  test("at 1280 px the SKU ledger fits with its reference column whole, and bin codes never wrap, in English and Portuguese", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "admin");
    const code = await openSkuWithStock(page);
    const url = page.url();
    for (const locale of ["en", "pt-BR"] as const) {
      await setLocale(page, locale);
      await page.goto(url);
      await expect(page.getByTestId("sku-heading")).toHaveText(code);
      await expect(page.getByTestId("ledger-row").first()).toBeVisible();
      const box = await page.getByTestId("stock-ledger-scroll").evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(box.scrollWidth, `${locale}: ledger`).toBeLessThanOrEqual(box.clientWidth);
      // Bin codes (the SKU's bins and the ledger's) are each on one line: "B-03-1-04", never "B-03-1-/04".
      const wrapped = await page.locator('[data-testid="sku-bin-row"] td:nth-child(2), [data-testid="ledger-row"] td:nth-child(3) span, [data-testid="ledger-reference"]').evaluateAll((els) =>
        els
          .filter((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1;
          })
          .map((el) => el.textContent),
      );
      expect(wrapped, `${locale}: wrapped codes`).toEqual([]);
    }
  });

  test("the count and transfer forms list the bins of the chosen warehouse, the SKU's own first, with a search", async ({ page }) => {
    test.slow();
    await signIn(page, "warehouse");
    await openSkuWithStock(page);
    /** The bin options' texts ("SP / A-01-1-01 (3 on hand, 0 unavailable)"), placeholder left out. */
    const binTexts = async (select: ReturnType<Page["getByTestId"]>) =>
      (await select.locator("option").allTextContents()).filter((_, i) => i > 0);

    const adjust = page.getByTestId("stock-adjust-form");
    const warehouses = await adjust.getByTestId("adjust-warehouse").locator("option").evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, code: (e.textContent ?? "").split(" · ")[0] ?? "" })));
    expect(warehouses.length).toBeGreaterThan(1);
    for (const w of warehouses) {
      await adjust.getByTestId("adjust-warehouse").selectOption(w.value);
      const texts = await binTexts(adjust.getByTestId("adjust-bin"));
      expect(texts.length).toBeGreaterThan(12);
      expect(texts.filter((x) => !x.startsWith(`${w.code} / `)), `${w.code}: bins of other warehouses`).toEqual([]);
      // Bins holding the SKU come first: once an empty bin is listed, no bin with units follows.
      const firstEmpty = texts.findIndex((x) => x.endsWith("(empty)"));
      if (firstEmpty >= 0) expect(texts.slice(firstEmpty).filter((x) => !x.endsWith("(empty)"))).toEqual([]);
    }
    // The first warehouse holding the SKU is chosen back, with one of its bins; a search narrows the list.
    await adjust.getByTestId("adjust-warehouse").selectOption(warehouses[0]?.value ?? "");
    const all = await binTexts(adjust.getByTestId("adjust-bin"));
    const code = /\/ (\S+)/.exec(all[all.length - 1] ?? "")?.[1] ?? "";
    await adjust.getByTestId("adjust-bin-search").fill(code);
    const found = await binTexts(adjust.getByTestId("adjust-bin"));
    expect(found.length).toBeLessThan(all.length);
    expect(found.some((x) => x.includes(`/ ${code} `))).toBe(true);

    const transfer = page.getByTestId("stock-transfer-form");
    const sources = await binTexts(transfer.getByTestId("transfer-from"));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((x) => !/ \(\d[\d,]* on hand, /.test(x) || / \(0 on hand, /.test(x))).toEqual([]);
    const fromText = (await transfer.getByTestId("transfer-from").locator("option:checked").textContent()) ?? "";
    const fromWh = fromText.split(" / ")[0] ?? "";
    const targets = await binTexts(transfer.getByTestId("transfer-to"));
    expect(targets.filter((x) => !x.startsWith(`${fromWh} / `))).toEqual([]);
    expect(targets).not.toContain(fromText);
    const other = warehouses.find((w) => w.code !== fromWh);
    await transfer.getByTestId("transfer-to-warehouse").selectOption(other?.value ?? "");
    const elsewhere = await binTexts(transfer.getByTestId("transfer-to"));
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.filter((x) => !x.startsWith(`${other?.code} / `))).toEqual([]);
  });

  test("in Portuguese, a change of 0 cannot be saved and a transfer of more units than the bin holds is refused in Portuguese", async ({ page }) => {
    test.slow();
    await signIn(page, "warehouse", { locale: "pt-BR" });
    await openSkuWithStock(page);

    const adjust = page.getByTestId("stock-adjust-form");
    await adjust.getByTestId("adjust-mode-DELTA").check();
    await adjust.getByTestId("adjust-quantity").fill("0");
    await adjust.getByTestId("adjust-reason").fill("e2e: nada muda");
    await expect(adjust.getByTestId("adjust-delta-zero")).toHaveText("Informe uma alteração diferente de 0 (negativa para retirar unidades).");
    await expect(adjust.getByTestId("adjust-submit")).toBeDisabled();
    await adjust.getByTestId("adjust-quantity").fill("-0");
    await expect(adjust.getByTestId("adjust-submit")).toBeDisabled();
    await adjust.getByTestId("adjust-quantity").fill("2");
    await expect(adjust.getByTestId("adjust-delta-zero")).toHaveCount(0);
    await expect(adjust.getByTestId("adjust-submit")).toBeEnabled();

    const transfer = page.getByTestId("stock-transfer-form");
    await expect(transfer.getByTestId("transfer-from")).not.toHaveValue("");
    await transfer.getByTestId("transfer-to").selectOption({ index: 1 });
    await transfer.getByTestId("transfer-quantity").fill("99999");
    await transfer.getByTestId("transfer-reason").fill("e2e: mais do que há");
    await transfer.getByTestId("transfer-submit").click();
    const error = transfer.getByTestId("error-message");
    await expect(error).toHaveText(/^Estoque insuficiente: o endereço \S+ tem [\d.]+ de CAM-BAS-\S+ \([\d.]+ indisponíveis\); esta alteração deixaria -[\d.]+ \([\d.]+ indisponíveis\)\.$/);
    await expect(transfer.getByTestId("transfer-done")).toHaveCount(0);
    // Nothing moved.
    await page.reload();
    await expect(page.getByTestId("ledger-row").first()).toBeVisible();
    await expect(page.getByTestId("ledger-reason").filter({ hasText: "mais do que há" })).toHaveCount(0);
  });

  test("a manager sees the grid and the SKU page without the forms, and the server refuses a direct adjustment", async ({ page }) => {
    test.slow();
    await signIn(page, "manager");
    await openSkuWithStock(page);
    await expect(page.getByTestId("sku-levels")).toBeVisible();
    await expect(page.getByTestId("stock-ledger")).toBeVisible();
    await expect(page.getByTestId("stock-forms")).toHaveCount(0);
    await expect(page.getByTestId("stock-adjust-form")).toHaveCount(0);
    await expect(page.getByTestId("stock-thresholds")).toHaveCount(0);

    const skuId = page.url().split("/stock/")[1]?.split(/[?#]/)[0] ?? "";
    const before = await intOf(page, "total-onHand");
    const outcome = await page.evaluate(async (skuId) => {
      // A real bin of an active warehouse, read with the manager's own session (reads are allowed).
      const locRes = await fetch(`/api/trpc/stock.locations?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: {} } }))}`);
      const locations = ((await locRes.json()) as { result: { data: { json: { active: boolean; bins: { id: string }[] }[] } } }[])[0]?.result.data.json ?? [];
      const binId = locations.find((w) => w.active && w.bins.length > 0)?.bins[0]?.id;
      const res = await fetch("/api/trpc/stock.adjust?batch=1", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ 0: { json: { mode: "DELTA", skuId, binId, delta: 5, reason: "manager tries to adjust" } } }),
      });
      const body = (await res.json()) as { error?: { json?: { data?: { code?: string } } } }[];
      return { locStatus: locRes.status, binId, status: res.status, code: body[0]?.error?.json?.data?.code };
    }, skuId);
    expect(outcome.locStatus).toBe(200);
    expect(outcome.binId).toMatch(/^[0-9a-f-]{36}$/);
    expect(outcome.status).toBe(403);
    expect(outcome.code).toBe("FORBIDDEN");

    await page.reload();
    await expect(page.getByTestId("total-onHand")).toHaveText(new Intl.NumberFormat("en-US").format(before));
    await expect(page.getByTestId("ledger-reason").filter({ hasText: "manager tries to adjust" })).toHaveCount(0);
  });

  test("the dry run explains where an order would ship from, and the ledger reconciles", async ({ page }) => {
    test.slow();
    await signIn(page, "manager");
    const code = await openSkuWithStock(page);
    await page.goto("/stock");
    await page.getByTestId("dry-run-state").selectOption("SP");
    await page.getByTestId("dry-run-sku-0").fill(code);
    await page.getByTestId("dry-run-qty-0").fill("1");
    await page.getByTestId("dry-run-submit").click();
    const result = page.getByTestId("dry-run-result");
    await expect(result.getByTestId("dry-run-shipment")).toHaveCount(1);
    await expect(result.getByTestId("dry-run-shipment")).toContainText(`${code} × 1`);
    await expect(result.getByTestId("dry-run-reason").first()).toBeVisible();
    await expect(result.getByTestId("dry-run-reason").filter({ hasText: /\{|\}/ })).toHaveCount(0);

    await page.getByTestId("stock-reconcile-link").click();
    await expect(page.getByRole("heading", { name: "Stock reconciliation" })).toBeVisible();
    await expect(page.getByTestId("reconcile-ok")).toBeVisible();
    await expect(page.getByTestId("reconcile-row")).toHaveCount(0);
  });

  test("the CSV export carries the grid's current filters", async ({ page }) => {
    await signIn(page, "manager");
    await page.goto("/stock?search=CAM-BAS");
    await expect(page.getByTestId("stock-grid")).toBeVisible();
    await expect(page.getByTestId("stock-import-link")).toHaveCount(0);
    const href = (await page.getByTestId("stock-export-link").getAttribute("href")) ?? "";
    expect(href).toContain("search=CAM-BAS");
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    const rows = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(rows[0]).toMatch(/^sku,/);
    // Every SKU the grid shows is in the file (the file has all pages; the search keeps it to one family).
    const shown = await page.getByTestId("stock-row").count();
    expect(shown).toBeGreaterThan(0);
    if ((await page.getByTestId("stock-next-page").count()) === 0) expect(rows.length).toBe(shown + 1);
    else expect(rows.length).toBeGreaterThan(shown + 1);
    for (const row of rows.slice(1)) expect(row.startsWith("CAM-BAS")).toBe(true);
  });
});
