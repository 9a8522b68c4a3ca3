import { expect, test, type Browser, type Page } from "@playwright/test";
import { ean13CheckDigit } from "../server/lib/ean";
import { DEMO_PASSWORD, setLocale, signIn, USERS } from "./fixtures";

/** Calls a tRPC procedure over HTTP with the page's session (superjson wire format). */
async function trpc<T>(page: Page, path: string, input?: unknown, mutation = false): Promise<{ ok: boolean; data: T | null }> {
  const body = input === undefined ? undefined : { json: input };
  const res = mutation
    ? await page.request.post(`/api/trpc/${path}`, { data: body ?? {} })
    : await page.request.get(`/api/trpc/${path}${body ? `?input=${encodeURIComponent(JSON.stringify(body))}` : ""}`);
  if (!res.ok()) return { ok: false, data: null };
  const json = (await res.json()) as { result?: { data?: { json?: T } } };
  return { ok: true, data: json.result?.data?.json ?? null };
}

/**
 * An order in PICKING for the pack station, not on hold. Preferably made here: the warehouse user
 * puts an ALLOCATED order on a pick list through the picking procedures. Where picking is not
 * available, an order the demo seed left in PICKING, found by an admin in the orders list.
 */
async function orderInPicking(browser: Browser): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, "warehouse");
    const warehouses = await trpc<{ id: string; waitingOrders: number }[]>(page, "picking.warehouses");
    const warehouse = warehouses.data?.find((w) => w.waitingOrders > 0);
    if (warehouse) {
      const pickable = await trpc<{ id: string; number: number }[]>(page, "picking.pickableOrders", { warehouseId: warehouse.id, limit: 1 });
      const order = pickable.data?.[0];
      if (order && (await trpc(page, "picking.create", { mode: "orders", orderIds: [order.id] }, true)).ok) return order.number;
    }
    await context.clearCookies();
    await signIn(page, "admin");
    await page.goto("/orders?status=PICKING&onHold=false");
    const row = page.getByTestId("order-row").first();
    await expect(row).toBeVisible({ timeout: 30_000 });
    return Number(await row.getAttribute("data-number"));
  } finally {
    await context.close();
  }
}

/** A valid EAN-13 that is in no order here (Brazil's 789 prefix, a body the catalogue does not use). */
function foreignEan(): string {
  const body = "789999999123";
  return `${body}${ean13CheckDigit(body)}`;
}

async function scan(page: Page, code: string): Promise<void> {
  const input = page.getByTestId("pack-input");
  await expect(input).toBeFocused();
  await input.fill(code);
  await input.press("Enter");
}

test.describe("pack station", () => {
  // The production server opens its database on the first signed-in request: warm it up here,
  // so no test's sign-in pays for it.
  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS.warehouse.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /Sign in|Entrar/ }).click();
    await expect(page.getByTestId("user-name")).toBeVisible({ timeout: 60_000 });
    await page.goto("/packing");
    await expect(page.getByTestId("pack-input")).toBeVisible({ timeout: 60_000 });
    await page.close();
  });

  test("a packer scans an order's units, a wrong item is refused loudly, and the package closes", async ({ page, browser }) => {
    const number = await orderInPicking(browser);
    await signIn(page, "warehouse");
    await page.goto("/packing");
    await expect(page.getByRole("heading", { name: "Pack station" })).toBeVisible();

    await scan(page, `#${number}`);
    await expect(page.getByTestId("pack-order")).toContainText(`Order #${number}`);
    const counts = page.getByTestId("pack-counts");
    const total = Number(await counts.getAttribute("data-total"));
    expect(total).toBeGreaterThan(0);
    await expect(counts).toHaveAttribute("data-scanned", "0");
    await expect(page.getByTestId("pack-close")).toBeDisabled();

    // What to scan, read from the expected lines on screen.
    const rows = page.getByTestId("pack-row");
    const units: { code: string; sku: string }[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const sku = (await row.getAttribute("data-sku")) ?? "";
      const code = (await row.getAttribute("data-ean")) || sku;
      for (let n = Number(await row.getAttribute("data-remaining")); n > 0; n--) units.push({ code, sku });
    }
    expect(units).toHaveLength(total);

    // One wrong item first: refused in red, saying what was scanned and what is still expected; nothing counted.
    const wrong = foreignEan();
    await scan(page, wrong);
    const banner = page.getByTestId("pack-banner");
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute("data-result", "WRONG_ITEM");
    await expect(banner).toContainText(`WRONG ITEM: “${wrong}” is not in this order`);
    await expect(banner).toContainText(`Still expected: ${units[0]!.sku}`);
    await expect(banner).toHaveClass(/bg-red-600/);
    await expect(counts).toHaveAttribute("data-scanned", "0");
    await expect(page.getByTestId("pack-log-row").first()).toHaveAttribute("data-result", "WRONG_ITEM");

    // The first unit is accepted (green) and its line counts down.
    const first = units[0]!;
    const firstRow = page.locator(`[data-testid="pack-row"][data-sku="${first.sku}"]`).first();
    const before = Number(await firstRow.getAttribute("data-remaining"));
    await scan(page, first.code);
    await expect(page.getByTestId("pack-accepted")).toContainText(first.sku);
    await expect(page.getByTestId("pack-banner")).toHaveCount(0);
    await expect(counts).toHaveAttribute("data-scanned", "1");
    await expect(firstRow).toHaveAttribute("data-remaining", String(before - 1));

    for (const unit of units.slice(1)) {
      await scan(page, unit.code);
    }
    await expect(counts).toHaveAttribute("data-scanned", String(total));
    await expect(page.getByTestId("pack-complete")).toBeVisible();
    await expect(page.getByTestId("pack-weightGrams")).not.toHaveValue("");

    await page.getByTestId("pack-close").click();
    const success = page.getByTestId("pack-success");
    // Packed, but not invoiced yet: it waits for the NF-e, it is not "ready to ship".
    await expect(success).toContainText(`Order #${number} is packed and waits for the NF-e`);
    await expect(success).not.toContainText("ready to ship");
    await expect(page.getByTestId("pack-success-state")).toHaveAttribute("data-order-status", "PACKED");
    await expect(page.getByTestId("pack-input")).toHaveAttribute("data-mode", "start");
    await expect(page.getByTestId("pack-input")).toBeFocused();

    // The order has moved on: scanning it again is refused with its status.
    await scan(page, `#${number}`);
    await expect(page.getByTestId("pack-error")).toContainText(`Order #${number} cannot be packed: it is Packed.`);
  });

  test("at 1280 px the expected lines and the scan log fit, in English and Portuguese, codes whole", async ({ page, browser }) => {
    const number = await orderInPicking(browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "warehouse");
    for (const locale of ["en", "pt-BR"] as const) {
      await setLocale(page, locale);
      await page.goto("/packing");
      // The same open package again (the first time opens it, the second resumes it).
      await scan(page, `#${number}`);
      await expect(page.getByTestId("pack-row").first()).toBeVisible();
      // A (refused) scan in the log: a 13-digit EAN, which must be shown whole.
      await scan(page, foreignEan());
      await expect(page.getByTestId("pack-log-row").first()).toHaveAttribute("data-result", "WRONG_ITEM");
      const box = await page.getByTestId("pack-lines-scroll").evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(box.scrollWidth, `${locale}: expected lines`).toBeLessThanOrEqual(box.clientWidth);
      // No header is cut ("BIPAD…") and no code is cut or wrapped.
      const cut = await page.locator('[data-testid="pack-lines"] th, [data-testid="pack-log-code"], [data-testid="pack-row"] td:nth-child(-n+2)').evaluateAll((els) =>
        els
          .filter((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
            return lines > 1 || el.scrollWidth > el.clientWidth + 1;
          })
          .map((el) => el.textContent),
      );
      expect(cut, `${locale}: cut headers or codes`).toEqual([]);
      const log = page.getByTestId("pack-log-code").first();
      await expect(log).toHaveText(foreignEan());
      const logBox = await log.evaluate((el) => ({ right: el.getBoundingClientRect().right, width: document.documentElement.clientWidth }));
      expect(logBox.right, `${locale}: scan log`).toBeLessThanOrEqual(logBox.width);
    }
  });

  test("an operator opening the pack station gets the 403 page", async ({ page }) => {
    await signIn(page, "operator");
    await page.goto("/packing");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByTestId("pack-input")).toHaveCount(0);
    await expect(page.getByTestId("nav-packing")).toHaveCount(0);
  });
});
