import { expect, test } from "@playwright/test";
import { setLocale, signIn } from "./fixtures";

test.describe("shipments and tracking", () => {
  test("NF-e registered → warehouse ships the closed package with Correios, prints the label → the carrier's DELIVERED event delivers the order", async ({ page, browser, request }) => {
    const run = Date.now().toString(36);

    // An admin picks a closed package whose order still waits for its NF-e and registers the invoice on the order page.
    await signIn(page, "admin");
    await page.goto("/shipments/new");
    await expect(page.getByRole("heading", { name: "Create shipment" })).toBeVisible();
    const waiting = page.getByTestId("awaiting-package").first();
    await expect(waiting).toBeVisible();
    const packageId = (await waiting.getAttribute("data-package-id")) ?? "";
    const orderId = (await waiting.getAttribute("data-order-id")) ?? "";
    await waiting.getByTestId("awaiting-order-link").click();
    await page.waitForURL(`**/orders/${orderId}`);
    await page.getByTestId("action-INVOICE").click();
    // Not an NF-e number: refused on the form, nothing sent, the order stays packed.
    await page.getByTestId("action-invoice-number").fill("x");
    await page.getByTestId("action-confirm").click();
    await expect(page.getByTestId("action-invoice-number-error")).toHaveText("The NF-e number has only digits, 1 to 9 of them (e.g. 4521 or 000004521).");
    await expect(page.getByTestId("action-done")).toHaveCount(0);
    await page.getByTestId("action-invoice-number").fill("12345");
    await page.getByTestId("action-invoice-series").fill("1234");
    await page.getByTestId("action-confirm").click();
    await expect(page.getByTestId("action-invoice-series-error")).toBeVisible();
    await expect(page.getByTestId("action-done")).toHaveCount(0);
    // Leading zeros are fine; the timeline shows the number without them, with its series.
    const nfe = String(Date.now() % 100_000_000).padStart(8, "0");
    await page.getByTestId("action-invoice-number").fill(`0${nfe}`);
    await page.getByTestId("action-invoice-series").fill("001");
    await page.getByTestId("action-confirm").click();
    await expect(page.getByTestId("action-done")).toContainText("Invoiced");
    await expect(page.getByTestId("timeline-invoice").first()).toHaveText(`Invoice ${Number(nfe)}, series 1`);

    // The admin reads Correios' tracking token on the carrier settings page.
    await page.goto("/settings");
    await page.getByTestId("settings-carriers-link").click();
    await expect(page.getByRole("heading", { name: "Carriers" })).toBeVisible();
    const correios = page.locator('[data-testid="carrier-card"][data-code="correios"]');
    await expect(correios).toContainText("SEDEX, PAC");
    const token = await correios.getByTestId("carrier-token").inputValue();
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    await expect(correios.getByTestId("carrier-url")).toHaveValue(/\/api\/carriers\/correios\/tracking$/);

    // The warehouse ships that package: it is ready now and preselected from the link.
    const whContext = await browser.newContext();
    const wh = await whContext.newPage();
    await signIn(wh, "warehouse");
    await wh.goto(`/shipments/new?packageId=${packageId}`);
    await expect(wh.locator(`[data-testid="ready-package"][data-package-id="${packageId}"] input`)).toBeChecked();
    await wh.getByTestId("shipment-carrier").selectOption({ label: "Correios" });
    await wh.getByTestId("shipment-service").selectOption("SEDEX");
    await wh.getByTestId("create-shipment-submit").click();
    await wh.waitForURL(/\/shipments\/[0-9a-f-]{36}$/);
    const heading = (await wh.getByTestId("shipment-heading").textContent()) ?? "";
    const trackingNumber = /SS\d{9}BR/.exec(heading)?.[0] ?? "";
    expect(trackingNumber).not.toBe("");
    await expect(wh.getByTestId("shipment-status")).toHaveText("Created");
    // Warehouse staff never get a link into the orders workspace.
    await expect(wh.getByTestId("shipment-order-link")).toHaveCount(0);

    // The label: a PDF for the warehouse.
    const labelHref = (await wh.getByTestId("label-link").getAttribute("href")) ?? "";
    const label = await wh.request.get(labelHref);
    expect(label.status()).toBe(200);
    expect(label.headers()["content-type"]).toBe("application/pdf");
    expect((await label.body()).subarray(0, 5).toString()).toBe("%PDF-");
    // Without a session the label is refused.
    expect((await request.get(labelHref)).status()).toBe(401);

    // The carrier reports the delivery; a wrong token is refused.
    const event = { trackingNumber, eventId: `e2e-${run}`, status: "DELIVERED", occurredAt: new Date().toISOString(), location: "São Paulo / SP", description: "Objeto entregue ao destinatário" };
    const bad = await request.post("/api/carriers/correios/tracking", { data: event, headers: { Authorization: "Bearer not-the-token" } });
    expect(bad.status()).toBe(401);
    const ok = await request.post("/api/carriers/correios/tracking", { data: event, headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toMatchObject({ result: "stored", status: "DELIVERED" });

    await wh.reload();
    await expect(wh.getByTestId("shipment-status").first()).toHaveText("Delivered");
    await expect(wh.getByTestId("tracking-event")).toHaveCount(1);
    await whContext.close();

    // The admin sees the order delivered on its timeline.
    await page.goto(`/orders/${orderId}`);
    const delivered = page.locator('[data-testid="timeline-event"][data-type="order.delivered"]');
    await expect(delivered).toContainText("Delivered");
    // By the carrier (stored as "carrier:correios", shown in words).
    await expect(delivered).toContainText("by carrier correios");
  });

  test("at 1280 px every column of the shipments list fits, in English and Portuguese, the label link included", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "admin");
    for (const locale of ["en", "pt-BR"] as const) {
      await setLocale(page, locale);
      await page.goto("/shipments");
      await expect(page.getByTestId("shipment-row").first()).toBeVisible();
      const box = await page.getByTestId("shipments-table-scroll").evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(box.scrollWidth, locale).toBeLessThanOrEqual(box.clientWidth);
      // The last columns are on screen: the last event and the label link.
      const viewport = await page.evaluate(() => document.documentElement.clientWidth);
      for (const id of ["shipment-last-event", "shipment-label-link"]) {
        const right = await page.getByTestId(id).first().evaluate((el) => el.getBoundingClientRect().right);
        expect(right, `${locale} ${id}`).toBeLessThanOrEqual(viewport);
      }
      // Tracking numbers are never broken over two lines.
      const wrapped = await page.getByTestId("shipment-link").evaluateAll((els) => els.filter((el) => el.getClientRects().length > 1).map((el) => el.textContent));
      expect(wrapped, locale).toEqual([]);
    }
  });

  test("the shipments list filters by status; a manager may look but not create shipments", async ({ page }) => {
    await signIn(page, "manager");
    await page.goto("/shipments");
    await expect(page.getByRole("heading", { name: "Shipments" })).toBeVisible();
    await expect(page.getByTestId("create-shipment-link")).toHaveCount(0);
    await page.getByTestId("filter-status").selectOption("DELIVERED");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/status=DELIVERED/);
    const rows = page.getByTestId("shipment-row");
    await expect(rows.first()).toBeVisible();
    for (const status of await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))) expect(status).toBe("DELIVERED");
    const res = await page.goto("/shipments/new");
    expect(res?.status()).toBe(403);
  });

  test("an operator checks for delays and types a tracking event on a shipment", async ({ page }) => {
    await signIn(page, "operator");
    await page.goto("/shipments?status=IN_TRANSIT");
    await page.getByTestId("check-delays").click();
    await expect(page.getByTestId("check-delays-result")).toContainText("Newly flagged");
    await page.getByTestId("shipment-link").first().click();
    await page.waitForURL(/\/shipments\/[0-9a-f-]{36}$/);
    const before = await page.getByTestId("tracking-event").count();
    await page.getByTestId("event-status").selectOption("OUT_FOR_DELIVERY");
    await page.getByTestId("event-save").click();
    await expect(page.getByTestId("event-result")).toHaveText("Event added.");
    await expect(page.getByTestId("tracking-event")).toHaveCount(before + 1);
    await expect(page.getByTestId("shipment-status").first()).toHaveText("Out for delivery");
  });

  test("in Portuguese, a carrier code already in use is refused in Portuguese", async ({ page }) => {
    await signIn(page, "admin", { locale: "pt-BR" });
    await page.goto("/settings/carriers");
    const form = page.getByTestId("carrier-create-form");
    await form.getByTestId("carrier-name").fill("Correios de novo");
    await form.getByTestId("carrier-code").fill("correios");
    await form.getByTestId("carrier-services").fill("SEDEX");
    await form.getByRole("button", { name: "Adicionar transportadora" }).click();
    await expect(form.getByTestId("error-message")).toHaveText("Já existe uma transportadora com o código “correios”.");
  });
});
