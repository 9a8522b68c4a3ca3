import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, setLocale, signIn, USERS } from "./fixtures";
import { createPhoneOrder } from "./phone-order";

/** The order numbers of the rows the list shows now (top to bottom). */
async function rowNumbers(page: Page, count: number): Promise<number[]> {
  const rows = page.getByTestId("order-row");
  await expect(rows.first()).toBeVisible();
  const numbers: number[] = [];
  for (let i = 0; i < count; i++) numbers.push(Number(await rows.nth(i).getAttribute("data-number")));
  return numbers;
}

/** The first of `statuses` whose tab (for the current filter) counts at least `min` orders. */
async function statusWith(page: Page, statuses: string[], min: number): Promise<string> {
  for (const s of statuses) {
    if (Number(await page.getByTestId(`tab-count-${s}`).textContent()) >= min) return s;
  }
  throw new Error(`No status among ${statuses.join(", ")} has ${min} orders`);
}

test.describe("orders workspace", () => {
  // The production server opens its database on the first signed-in request: warm it up
  // so the first test's sign-in is not the one that pays for it.
  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS.operator.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /Sign in|Entrar/ }).click();
    await expect(page.getByTestId("user-name")).toBeVisible({ timeout: 60_000 });
    await page.goto("/orders");
    await expect(page.getByTestId("orders-table")).toBeVisible({ timeout: 60_000 });
    await page.close();
  });

  test("an operator finds an order by search, holds it with a reason and releases it", async ({ page }) => {
    test.slow(); // several server round trips; generous under a loaded CI machine
    await signIn(page, "operator");
    await page.goto("/orders?onHold=false");
    // Orders early in the pipeline, where holding is what an operator would do.
    const status = await statusWith(page, ["PAYMENT_AUTHORIZED", "RECEIVED", "APPROVED"], 1);
    await page.getByTestId(`tab-${status}`).click();
    await expect(page.getByTestId(`tab-${status}`)).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
    const [number] = await rowNumbers(page, 1);

    await page.goto("/orders");
    await page.getByTestId("order-search").fill(`#${number}`);
    await page.getByTestId("order-search-submit").click();
    await expect(page).toHaveURL(/[?&]q=%23\d+/);
    await expect(page.getByTestId(`order-link-${number}`)).toBeVisible();
    await page.getByTestId(`order-link-${number}`).click();

    await expect(page.getByRole("heading", { name: `Order #${number}` })).toBeVisible();
    await expect(page.getByTestId("badge-status")).toHaveAttribute("data-value", status);
    await expect(page.getByTestId("order-line").first()).toBeVisible();
    await expect(page.getByTestId("order-total")).toContainText("R$");
    await expect(page.getByTestId("badge-hold")).toHaveCount(0);

    await page.getByTestId("action-HOLD").click();
    await page.getByTestId("action-hold-reason").selectOption("INCORRECT_ADDRESS");
    await page.getByTestId("action-note").fill("CEP does not match the street");
    await page.getByTestId("action-confirm").click();
    await expect(page.getByTestId("action-done")).toHaveText(/^Done: Put on hold\. Status: /);
    await expect(page.getByTestId("badge-hold")).toHaveText("On hold: Incorrect address");
    const held = page.getByTestId("timeline-event").first();
    await expect(held).toHaveAttribute("data-type", "order.held");
    await expect(held).toContainText("Put on hold");
    await expect(held).toContainText(`by ${USERS.operator.name}`);
    await expect(held).toContainText("Why: Incorrect address");
    await expect(held).toContainText("Note: CEP does not match the street");
    await expect(page.getByTestId("hold").first()).toHaveAttribute("data-active", "true");
    // On hold, the order cannot be approved until released.
    await expect(page.getByTestId("action-APPROVE")).toHaveCount(0);

    await page.getByTestId("action-RELEASE").click();
    await page.getByTestId("action-release-reason").selectOption("INCORRECT_ADDRESS");
    await page.getByTestId("action-confirm").click();
    await expect(page.getByTestId("badge-hold")).toHaveCount(0);
    const events = page.getByTestId("timeline-event");
    await expect(events.nth(0)).toHaveAttribute("data-type", "order.released");
    await expect(events.nth(0)).toContainText("Hold released");
    await expect(events.nth(1)).toHaveAttribute("data-type", "order.held");
    await expect(page.getByTestId("hold").first()).toHaveAttribute("data-active", "false");
    await expect(page.getByTestId("action-RELEASE")).toHaveCount(0);
    await expect(page.getByTestId("action-HOLD")).toBeVisible();
  });

  test("an operator allocates an order again away from its warehouse, and the order says why", async ({ page }) => {
    test.slow();
    await signIn(page, "operator");
    await page.goto("/orders?status=ALLOCATED&onHold=false");
    const rows = page.getByTestId("order-row");
    await expect(rows.first()).toBeVisible();
    const number = Number(await rows.last().getAttribute("data-number"));
    await page.getByTestId(`order-link-${number}`).click();
    await expect(page.getByRole("heading", { name: `Order #${number}` })).toBeVisible();

    await page.getByTestId("action-REALLOCATE").click();
    const exclude = page.getByTestId("action-exclude-warehouse");
    await expect(exclude).toBeChecked();
    const warehouse = /from (\S+)$/.exec(((await exclude.locator("xpath=..").textContent()) ?? "").trim())?.[1] ?? "";
    expect(warehouse).not.toBe("");
    await expect(page.getByTestId("action-confirm")).toBeDisabled();
    await page.getByTestId("action-reason").fill("Carrier strike at this warehouse");
    await page.getByTestId("action-confirm").click();
    await expect(page.getByTestId("action-done")).toHaveText(/^(Done: Allocate again\. Status: Allocated\.|Done: Allocated → Backordered)$/);

    await expect(page.getByTestId("badge-status")).toHaveAttribute("data-value", /^(ALLOCATED|BACKORDERED)$/);
    const event = page.locator('[data-testid="timeline-event"][data-type="order.reallocated"]');
    await expect(event).toContainText("Why: Carrier strike at this warehouse");
    await expect(page.getByTestId("allocation-decision")).toContainText(`${warehouse} was excluded.`);
    await expect(page.getByTestId("allocation-shipment").filter({ hasText: `Ships from ${warehouse}:` })).toHaveCount(0);
  });

  test("filters live in the URL, the back button undoes them and more rows load by cursor", async ({ page }) => {
    test.slow(); // several server round trips; generous under a loaded CI machine
    await signIn(page, "operator");
    await page.goto("/orders");
    await expect(page.getByTestId("order-row")).toHaveCount(50);
    await page.getByTestId("load-more").click();
    await expect(page.getByTestId("order-row")).toHaveCount(100);
    const numbers = await page.getByTestId("order-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-number")));
    expect(new Set(numbers).size).toBe(100);

    await page.getByTestId("filter-payment").selectOption("PAID");
    await expect(page).toHaveURL(/paymentStatus=PAID/);
    await expect(page.getByTestId("badge-payment").first()).toHaveText("Paid");
    await page.getByTestId("sort").selectOption("total_desc");
    await expect(page).toHaveURL(/sort=total_desc/);
    await page.goBack();
    await expect(page).not.toHaveURL(/sort=/);
    await expect(page.getByTestId("filter-payment")).toHaveValue("PAID");
    await page.goBack();
    await expect(page).not.toHaveURL(/paymentStatus/);
    await expect(page.getByTestId("filter-payment")).toHaveValue("");
  });

  test("an operator cancels two orders at once and sees the result per order", async ({ page }) => {
    test.slow(); // several server round trips; generous under a loaded CI machine
    await signIn(page, "operator");
    await page.goto("/orders");
    // CANCEL is legal in all of these stages, held or not.
    const status = await statusWith(page, ["RECEIVED", "PAYMENT_AUTHORIZED", "APPROVED", "BACKORDERED", "ALLOCATED"], 2);
    await page.goto(`/orders?status=${status}`);
    const [a, b] = await rowNumbers(page, 2);
    await page.getByTestId(`select-${a}`).check();
    await page.getByTestId(`select-${b}`).check();
    await expect(page.getByTestId("bulk-count")).toHaveText("2 orders selected");
    await page.getByTestId("bulk-action").selectOption("CANCEL");
    await expect(page.getByTestId("bulk-apply")).toBeDisabled();
    await page.getByTestId("bulk-cancel-reason").fill("Customer asked by phone");
    await page.getByTestId("bulk-apply").click();

    const results = page.getByTestId("bulk-results");
    await expect(results).toBeVisible();
    await expect(page.getByTestId("bulk-summary")).toHaveText("2 succeeded, 0 failed");
    for (const n of [a, b]) {
      const row = results.locator(`[data-number="${n}"]`);
      await expect(row).toHaveAttribute("data-ok", "true");
      await expect(row).toContainText("Done, now Cancelled");
    }
    // The list reloads: cancelled orders leave the tab.
    await expect(page.getByTestId(`order-link-${a}`)).toHaveCount(0);
    await expect(page.getByTestId(`order-link-${b}`)).toHaveCount(0);

    // Approving them now fails, and says why, per order.
    await page.goto("/orders?status=CANCELLED");
    await page.getByTestId("order-search").fill(`#${a}`);
    await page.getByTestId("order-search-submit").click();
    await expect(page).toHaveURL(/[?&]q=%23\d+/);
    await page.getByTestId(`select-${a}`).check();
    await page.getByTestId("bulk-action").selectOption("APPROVE");
    await page.getByTestId("bulk-apply").click();
    await expect(page.getByTestId("bulk-summary")).toHaveText("0 succeeded, 1 failed");
    await expect(results.locator(`[data-number="${a}"]`)).toContainText("This action is not possible now: the order is Cancelled.");
  });

  test("cancelling a paid order says a refund is due, in both languages, until someone records the refund", async ({ page }) => {
    test.slow(); // several server round trips; generous under a loaded CI machine
    await signIn(page, "operator");
    await page.goto("/orders?status=APPROVED&paymentStatus=PAID&onHold=false");
    const [number] = await rowNumbers(page, 1);
    await page.getByTestId(`order-link-${number}`).click();
    await expect(page.getByRole("heading", { name: `Order #${number}` })).toBeVisible();
    await expect(page.getByTestId("refund-due")).toHaveCount(0);

    await page.getByTestId("action-CANCEL").click();
    await page.getByTestId("action-reason").fill("Out of stock, customer informed");
    await page.getByTestId("action-confirm").click();
    await expect(page.getByTestId("badge-status")).toHaveAttribute("data-value", "CANCELLED");
    await expect(page.getByTestId("order-badges").getByTestId("badge-payment")).toHaveAttribute("data-value", "PAID");
    const notice = page.getByTestId("refund-due");
    await expect(notice).toContainText(new RegExp(`^Refund due: the customer paid R\\$[\\d,.]+ and order #${number} was cancelled\\.`));
    await expect(page.locator('[data-testid="timeline-event"][data-type="order.cancelled"]').getByTestId("timeline-refund-due")).toBeVisible();

    await setLocale(page, "pt-BR");
    await page.reload();
    await expect(notice).toContainText(new RegExp(`^Reembolso pendente: o cliente pagou R\\$\\s[\\d.,]+ e o pedido #${number} foi cancelado\\.`));

    await page.goto("/exceptions?status=OPEN&type=REFUND_DUE");
    await expect(page.locator(`[data-testid="exception-row"][data-type="REFUND_DUE"]`).filter({ hasText: `#${number}` })).toContainText("Reembolso pendente");

    // Refunded by hand (a Pix sent back): the operator closes it from the order page, saying so.
    await page.goBack();
    await notice.getByTestId("resolve-exception").click();
    await notice.getByTestId("resolution-note").fill("Pix devolvido ao cliente");
    await notice.getByTestId("confirm-resolve").click();
    await expect(page.getByTestId("refund-due")).toHaveCount(0);
  });

  test("a boleto paid after the operator cancelled the order: the operator records it, the order stays cancelled and owes a refund", async ({ page, browser }) => {
    test.slow(); // several server round trips; generous under a loaded CI machine
    await signIn(page, "operator");
    // Its own phone order, unpaid (a boleto to come), so the test does not depend on what other specs left behind.
    await createPhoneOrder(page, "Bruna Boleto");
    const heading = await page.getByRole("heading", { level: 1 }).textContent();
    const number = Number(/#(\d+)/.exec(heading ?? "")?.[1]);
    expect(number).toBeGreaterThan(0);
    await expect(page.getByTestId("order-badges").getByTestId("badge-payment")).toHaveAttribute("data-value", "PENDING");
    // Not cancelled: the payment is marked paid the usual way, nothing "after the cancellation".
    await expect(page.getByTestId("action-MARK_PAID")).toBeVisible();
    await expect(page.getByTestId("action-PAID_AFTER_CANCEL")).toHaveCount(0);

    await page.getByTestId("action-CANCEL").click();
    await page.getByTestId("action-reason").fill("Boleto not paid, customer gave up by phone");
    await page.getByTestId("action-confirm").click();
    await expect(page.getByTestId("badge-status")).toHaveAttribute("data-value", "CANCELLED");
    await expect(page.getByTestId("refund-due")).toHaveCount(0);
    const url = page.url();

    // A manager sees the cancelled order without the action (the server refuses it too).
    const manager = await (await browser.newContext()).newPage();
    await signIn(manager, "manager");
    await manager.goto(url);
    await expect(manager.getByTestId("badge-status")).toHaveAttribute("data-value", "CANCELLED");
    await expect(manager.getByTestId("action-PAID_AFTER_CANCEL")).toHaveCount(0);
    await manager.context().close();

    // The boleto is paid the next day: the operator records it, in Portuguese, after a confirm step.
    await setLocale(page, "pt-BR");
    await page.reload();
    await expect(page.getByTestId("action-PAID_AFTER_CANCEL")).toHaveText("Registrar pagamento após o cancelamento");
    await page.getByTestId("action-PAID_AFTER_CANCEL").click();
    const form = page.getByTestId("action-form");
    await expect(form.getByTestId("paid-after-cancel-help")).toContainText("O pedido continua cancelado");
    await expect(form.getByTestId("paid-after-cancel-PAID")).toBeChecked();
    await form.getByTestId("action-note").fill("Boleto pago no banco");
    await expect(page.getByTestId("order-badges").getByTestId("badge-payment")).toHaveAttribute("data-value", "PENDING");
    await form.getByTestId("action-confirm").click();

    await expect(page.getByTestId("order-badges").getByTestId("badge-payment")).toHaveAttribute("data-value", "PAID");
    await expect(page.getByTestId("badge-status")).toHaveAttribute("data-value", "CANCELLED");
    const notice = page.getByTestId("refund-due");
    await expect(notice).toContainText(new RegExp(`^Reembolso pendente: o cliente pagou R\\$\\s[\\d.,]+ depois que o pedido #${number} foi cancelado\\.`));
    const event = page.locator('[data-testid="timeline-event"][data-type="order.paid_after_cancel"]');
    await expect(event).toHaveCount(1);
    await expect(event).toContainText("Pago depois do cancelamento");
    await expect(event).toContainText(USERS.operator.name);
    await expect(event).toContainText("Boleto pago no banco");
    await expect(event.getByTestId("timeline-refund-due")).toBeVisible();
    // Recorded once: the action is no longer offered.
    await expect(page.getByTestId("action-PAID_AFTER_CANCEL")).toHaveCount(0);

    await setLocale(page, "en");
    await page.reload();
    await expect(notice).toContainText(new RegExp(`^Refund due: the customer paid R\\$[\\d,.]+ after order #${number} was cancelled\\.`));
    await expect(event).toContainText("Paid after the cancellation");
  });

  test("the CSV export downloads the current filter with a translated header", async ({ page }) => {
    await signIn(page, "operator");
    await page.goto("/orders?status=DELIVERED");
    await expect(page.getByTestId("export-csv")).toHaveAttribute("href", "/api/orders/export?status=DELIVERED");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^orders-\d{12}\.csv$/);
    const text = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(
      /^Order,Channel number,Channel,Platform,Customer,E-mail,Status,Payment,Fulfilment,On hold,Total,Currency,Lines,Placed \(UTC\),Placed \([\w/]+\),Ship by \(UTC\),Ship by \([\w/]+\)$/,
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1, 20)) {
      expect(line).toContain(",Delivered,");
      expect(line).toMatch(/,\d+\.\d{2},[A-Z]{3},\d+,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/);
    }
  });

  test("at 1280 px every column of the list fits, in English and Portuguese; narrower, the table scrolls in its own box", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "operator");
    /** Whether the table's box scrolls sideways (its last columns hidden behind a scrollbar). */
    const overflow = async () => {
      await expect(page.getByTestId("order-row").first()).toBeVisible();
      return page.getByTestId("orders-table-scroll").evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    };
    for (const locale of ["en", "pt-BR"] as const) {
      await setLocale(page, locale);
      // The newest orders, and overdue ones (each with its badge under the ship-by date).
      for (const path of ["/orders", "/orders?overdue=true"]) {
        await page.goto(path);
        const { scrollWidth, clientWidth } = await overflow();
        expect(scrollWidth, `${locale} ${path}`).toBeLessThanOrEqual(clientWidth);
      }
    }
    await page.setViewportSize({ width: 900, height: 800 });
    await page.goto("/orders");
    const narrow = await overflow();
    expect(narrow.scrollWidth).toBeGreaterThan(narrow.clientWidth);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });

  test("a fulfilment badge that only repeats the order status is not shown, in the list and on the order page", async ({ page }) => {
    await signIn(page, "operator", { locale: "pt-BR" });
    await page.goto("/orders?status=ALLOCATED");
    const rows = page.getByTestId("order-row");
    await expect(rows.first()).toBeVisible();
    const count = Math.min(await rows.count(), 10);
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      await expect(row.getByTestId("badge-status")).toHaveText("Alocado");
      // "Alocado · Pago · Alocado" before: the word appears once now.
      await expect(row.getByText("Alocado", { exact: true })).toHaveCount(1);
      await expect(row.locator('[data-testid="badge-fulfillment"][data-value="ALLOCATED"]')).toHaveCount(0);
    }
    await rows.first().locator('a[data-testid^="order-link-"]').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const header = page.getByTestId("order-badges");
    await expect(header.getByTestId("badge-status")).toHaveText("Alocado");
    await expect(header.getByText("Alocado", { exact: true })).toHaveCount(1);
    // The fulfilment panel still says it, on its own.
    await expect(page.getByTestId("fulfillment-panel").getByTestId("badge-fulfillment")).toHaveText("Alocado");

    // Across all orders: where the fulfilment badge is shown it says something else than the status (e.g. "Não atendido").
    await page.goto("/orders");
    await expect(rows.first()).toBeVisible();
    let shown = 0;
    for (let i = 0; i < Math.min(await rows.count(), 30); i++) {
      const fulfilment = rows.nth(i).getByTestId("badge-fulfillment");
      if ((await fulfilment.count()) === 0) continue;
      shown++;
      expect(await fulfilment.textContent()).not.toBe(await rows.nth(i).getByTestId("badge-status").textContent());
    }
    expect(shown).toBeGreaterThan(0);
  });

  test("a warehouse user is refused the orders page, the export and the API", async ({ page, request }) => {
    expect((await request.get("/api/orders/export")).status()).toBe(401);
    await signIn(page, "warehouse");
    await expect(page.getByTestId("nav-orders")).toHaveCount(0);
    const res = await page.goto("/orders");
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toContainText("Access denied");
    await expect(page.getByTestId("orders-table")).toHaveCount(0);
    expect((await page.request.get("/api/orders/export")).status()).toBe(403);
    expect((await page.request.get("/api/trpc/order.list?input=%7B%22json%22%3A%7B%7D%7D")).status()).toBe(403);
  });
});
