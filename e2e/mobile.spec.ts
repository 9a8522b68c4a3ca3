import { expect, test, type Page } from "@playwright/test";
import purchasingPt from "../server/i18n/messages/purchasing.pt-BR.json" with { type: "json" };
import shippingPt from "../server/i18n/messages/shipping.pt-BR.json" with { type: "json" };
import stockPt from "../server/i18n/messages/stock.pt-BR.json" with { type: "json" };
import { signIn } from "./fixtures";

// A phone, or the handheld a warehouse worker carries.
test.use({ viewport: { width: 390, height: 844 } });

/** The page fits the screen: nothing makes the whole page scroll sideways (wide tables scroll inside their own box). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, page.url()).toBeLessThanOrEqual(clientWidth);
}

/** A list shown as cards: the desk table is hidden, the cards are visible, none is cut off to the right, and the page does not scroll sideways. */
async function expectCards(page: Page, tableBox: string, card: string): Promise<void> {
  await expect(page.getByTestId(tableBox)).toBeHidden();
  await expect(page.getByTestId(card).first()).toBeVisible();
  const right = await page.getByTestId(card).evaluateAll((cards) => Math.max(...cards.map((c) => c.getBoundingClientRect().right)));
  expect(right, `${page.url()} ${card}`).toBeLessThanOrEqual(390);
  await expectNoSidewaysScroll(page);
}

/** A toolbar or filter box wraps on a phone: none of its controls sticks out of its box. */
async function expectWraps(page: Page, testId: string): Promise<void> {
  const box = page.getByTestId(testId);
  await expect(box).toBeVisible();
  const { right, widest } = await box.evaluate((el) => ({
    right: el.getBoundingClientRect().right,
    widest: Math.max(...[...el.querySelectorAll("*")].map((c) => c.getBoundingClientRect().right)),
  }));
  expect(widest, testId).toBeLessThanOrEqual(right);
}

/** Taps a point of an element that is not itself a link (the card's stretched link must take the tap). */
async function tapInside(page: Page, testId: string, within: ReturnType<Page["getByTestId"]>): Promise<void> {
  const box = await within.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} has no box`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test.describe("on a phone", () => {
  test("the menu opens from the header, takes you to a page and closes", async ({ page }) => {
    await signIn(page, "warehouse", { locale: "pt-BR" });
    await expect(page.getByTestId("sidebar")).toBeHidden();
    await page.getByTestId("mobile-nav-toggle").click();
    await expect(page.getByTestId("mobile-nav-toggle")).toHaveAttribute("aria-expanded", "true");
    await page.getByTestId("mobile-nav-packing").click();
    await expect(page).toHaveURL(/\/packing$/);
    await expect(page.getByTestId("mobile-nav-links")).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    // Escape closes it too.
    await page.getByTestId("mobile-nav-toggle").click();
    await expect(page.getByTestId("mobile-nav-links")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("mobile-nav-links")).toHaveCount(0);
  });

  test("the orders list is a list of cards with number, total, customer and status, in both languages", async ({ page }) => {
    for (const locale of ["pt-BR", "en"] as const) {
      await signIn(page, "operator", { locale });
      await page.goto("/orders");
      await expect(page.getByTestId("orders-table-scroll")).toBeHidden();
      const card = page.getByTestId("order-card").first();
      await expect(card).toBeVisible();
      await expect(card.getByTestId("badge-status")).toBeVisible();
      await expect(card.getByTestId("order-card-total")).toHaveText(/\d/);
      // Every card fits the screen: nothing is cut off to the right.
      const right = await page.getByTestId("order-card").evaluateAll((cards) => Math.max(...cards.map((c) => c.getBoundingClientRect().right)));
      expect(right, locale).toBeLessThanOrEqual(390);
      await expectNoSidewaysScroll(page);
      await page.context().clearCookies();
    }
  });

  test("lists and detail pages fit the screen", async ({ page }) => {
    test.slow();
    await signIn(page, "admin");
    for (const path of ["/", "/orders", "/stock", "/products", "/customers", "/exceptions", "/shipments", "/picking", "/settings"]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
    await page.goto("/orders");
    await page.locator('[data-testid^="order-card-link-"]').first().click();
    await expect(page.getByTestId("order-detail")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.goto("/stock");
    await page.locator('[data-testid^="stock-card-link-"]').first().click();
    await expect(page.getByTestId("sku-bins")).toBeVisible();
    await expectNoSidewaysScroll(page);
  });

  test("exceptions are cards with type, message, links and the resolve form; a card's order link opens that order", async ({ page }) => {
    test.slow();
    await signIn(page, "operator");
    await page.goto("/exceptions");
    await expectCards(page, "exceptions-table-scroll", "exception-card");
    await expectWraps(page, "exceptions-filters");
    const first = page.getByTestId("exception-card").first();
    await expect(first).toHaveAttribute("data-status", "OPEN");
    await expect(first.getByTestId("exception-badge")).toHaveText("Open");
    await expect(first.getByTestId("exception-message")).not.toBeEmpty();

    // Resolved from the phone: it leaves the open list.
    const id = (await first.getAttribute("data-id")) ?? "";
    await first.getByTestId("resolve-exception").click();
    await first.getByTestId("resolution-note").fill("Checked on the phone");
    await expectNoSidewaysScroll(page);
    await first.getByTestId("confirm-resolve").click();
    await expect(page.locator(`[data-testid="exception-card"][data-id="${id}"]`)).toHaveCount(0);

    // The order it is about, from a card (the count chips filter the list on the phone too).
    await page.locator('[data-testid="exception-count"][data-type="ORDER_BACKORDERED"]').click();
    await expect(page).toHaveURL(/type=ORDER_BACKORDERED/);
    await expectCards(page, "exceptions-table-scroll", "exception-card");
    const link = page.getByTestId("exception-card").first().getByTestId("exception-order");
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/orders\/[0-9a-f-]{36}$/);
    const number = ((await link.textContent()) ?? "").replace(/\D/g, "");
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByTestId("order-detail")).toBeVisible();
    await expect(page.getByTestId("order-detail")).toContainText(`#${number}`);
  });

  test("the stock grid is a card per SKU with the figures that matter; tapping a card opens its SKU, in Portuguese", async ({ page }) => {
    await signIn(page, "warehouse", { locale: "pt-BR" });
    await page.goto("/stock");
    await expectCards(page, "stock-grid-scroll", "stock-card");
    await expectWraps(page, "stock-filters");
    const card = page.getByTestId("stock-card").first();
    const code = (await card.getAttribute("data-sku")) ?? "";
    for (const level of ["onHand", "reserved", "available", "incoming"] as const) {
      await expect(card.getByTestId(`stock-card-total-${level}`)).toHaveText(/^\d[\d.]*$/);
      await expect(card).toContainText(stockPt.stock.levels[level]);
    }
    // The whole card is the tap target: a tap on its figures opens the SKU page.
    await tapInside(page, "stock-card-total-available", card);
    await expect(page).toHaveURL(/\/stock\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("sku-heading")).toHaveText(code);
    await expectNoSidewaysScroll(page);
  });

  test("shipments and purchase orders are cards with translated status badges that open their pages, in Portuguese", async ({ page }) => {
    test.slow();
    await signIn(page, "admin", { locale: "pt-BR" });
    await page.goto("/shipments");
    await expectCards(page, "shipments-table-scroll", "shipment-card");
    await expectWraps(page, "shipments-filters");
    const shipment = page.getByTestId("shipment-card").first();
    const badge = shipment.getByTestId("shipment-status");
    const status = (await badge.getAttribute("data-value")) as keyof typeof shippingPt.shipping.status;
    await expect(badge).toHaveText(shippingPt.shipping.status[status]);
    const shipmentId = (await shipment.getAttribute("data-id")) ?? "";
    const tracking = ((await shipment.getByTestId("shipment-card-link").textContent()) ?? "").trim();
    await shipment.getByTestId("shipment-card-link").click();
    await expect(page).toHaveURL(new RegExp(`/shipments/${shipmentId}$`));
    await expect(page.locator("body")).toContainText(tracking);
    await expectNoSidewaysScroll(page);

    await page.goto("/stock/purchase-orders");
    await expectCards(page, "purchase-orders-table-scroll", "purchase-order-card");
    await expectWraps(page, "po-filters");
    const po = page.getByTestId("purchase-order-card").first();
    const poBadge = po.getByTestId("po-status");
    const poStatus = (await poBadge.getAttribute("data-value")) as keyof typeof purchasingPt.purchasing.status;
    await expect(poBadge).toHaveText(purchasingPt.purchasing.status[poStatus]);
    const number = (await po.getAttribute("data-number")) ?? "";
    await tapInside(page, "purchase-order-card-cost", po);
    await expect(page).toHaveURL(/\/stock\/purchase-orders\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("po-title")).toContainText(number);
    await expectNoSidewaysScroll(page);
  });

  test("the returns desk and the pick lists are cards that open the return and the pick list", async ({ page }) => {
    await signIn(page, "warehouse");
    await page.goto("/returns");
    await expectCards(page, "returns-table-scroll", "return-card");
    const ret = page.getByTestId("return-card").first();
    const orderNumber = (await ret.getAttribute("data-order-number")) ?? "";
    await ret.getByTestId("return-card-open").click();
    await expect(page).toHaveURL(/\/returns\/[0-9a-f-]{36}$/);
    await expect(page.locator("body")).toContainText(`#${orderNumber}`);
    await expectNoSidewaysScroll(page);

    await page.goto("/picking");
    await expectCards(page, "pick-lists-table-scroll", "pick-list-card");
    const list = page.getByTestId("pick-list-card").first();
    const listNumber = ((await list.getByTestId("pick-list-card-link").textContent()) ?? "").replace(/\D/g, "");
    await list.getByTestId("pick-list-card-link").click();
    await expect(page).toHaveURL(/\/picking\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("pick-list-title")).toContainText(`#${listNumber}`);
    await expectNoSidewaysScroll(page);
  });
});
