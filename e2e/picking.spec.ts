import { expect, test, type Browser, type Page } from "@playwright/test";
import { setLocale, signIn } from "./fixtures";

/** Calls a tRPC procedure over HTTP with the page's session (superjson wire format). */
async function trpc<T>(page: Page, path: string, input: unknown, mutation = false): Promise<T | null> {
  const body = { json: input };
  const res = mutation
    ? await page.request.post(`/api/trpc/${path}`, { data: body })
    : await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(body))}`);
  if (!res.ok()) return null;
  return ((await res.json()) as { result?: { data?: { json?: T } } }).result?.data?.json ?? null;
}

interface Allocated {
  id: string;
  number: number;
  warehouseId: string;
}

/**
 * This test's own orders, taken to ALLOCATED the way an operator does it: a paid manual order
 * shipping to São Paulo, approved (the stock engine reserves and allocates it). Tries catalogue
 * SKUs until `count` orders are allocated in the same warehouse.
 */
async function allocatedOrders(browser: Browser, count: number): Promise<Allocated[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, "admin");
    const channels = await trpc<{ id: string }[]>(page, "orderEntry.manualChannels", undefined);
    const channelId = channels?.[0]?.id;
    expect(channelId, "the demo seed has a manual channel").toBeTruthy();
    const skus = [
      ...((await trpc<{ code: string }[]>(page, "orderEntry.skuLookup", { query: "CAM" })) ?? []),
      ...((await trpc<{ code: string }[]>(page, "orderEntry.skuLookup", { query: "CAL" })) ?? []),
    ];
    const byWarehouse = new Map<string, Allocated[]>();
    for (const [i, sku] of skus.entries()) {
      const created = await trpc<{ orderId: string; number: number }>(
        page,
        "orderEntry.create",
        {
          channelId,
          customer: { name: `Cliente Separação ${i}` },
          shippingAddress: { line1: "Rua Augusta, 100", city: "São Paulo", state: "SP", postalCode: "01305-000" },
          lines: [{ sku: sku.code, quantity: 1 }],
          paymentStatus: "PAID",
        },
        true,
      );
      if (!created) continue;
      const order = await trpc<{ version: number; status: string }>(page, "order.get", { id: created.orderId });
      if (order?.status !== "ALLOCATED" && order) {
        await trpc(page, "order.act", { orderId: created.orderId, action: { type: "APPROVE" }, expectedVersion: order.version }, true);
      }
      const now = await trpc<{ status: string; onHold: boolean; warehouse: { id: string } | null }>(page, "order.get", { id: created.orderId });
      if (now?.status !== "ALLOCATED" || now.onHold || !now.warehouse) continue;
      const list = byWarehouse.get(now.warehouse.id) ?? [];
      list.push({ id: created.orderId, number: created.number, warehouseId: now.warehouse.id });
      byWarehouse.set(now.warehouse.id, list);
      if (list.length >= count) return list;
    }
    throw new Error(`could not allocate ${count} orders in one warehouse from ${skus.length} SKUs`);
  } finally {
    await context.close();
  }
}

test.describe("picking", () => {
  test("a warehouse user creates a wave, prints it along the walking path and downloads the PDF", async ({ page, browser }) => {
    const mine = await allocatedOrders(browser, 3);
    const warehouseId = mine[0]?.warehouseId as string;
    await signIn(page, "warehouse");
    await page.getByTestId("nav-picking").click();
    await expect(page.getByRole("heading", { name: "Picking", level: 1 })).toBeVisible();

    // The wave takes every order waiting in that warehouse (no limits): ours among them.
    await page.getByTestId("wave-warehouse").selectOption(warehouseId);
    await page.getByTestId("wave-create").click();
    await expect(page.getByTestId("wave-created")).toContainText(/Pick list #\d+ created/);
    // The page stays on the wave's warehouse (now empty), and the confirmation stays on screen.
    await expect(page).toHaveURL(new RegExp(`[?&]wh=${warehouseId}`));
    await expect(page.getByTestId("wave-warehouse")).toHaveValue(warehouseId);
    await expect(page.getByTestId("wave-created")).toBeVisible();
    await page.getByTestId("wave-open").click();
    await expect(page.getByTestId("pick-list-title")).toContainText(/Pick list #\d+/);
    const id = page.url().split("/picking/")[1]?.split(/[?#]/)[0] ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId("pick-line").count()).toBeGreaterThanOrEqual(mine.length);
    for (const o of mine) await expect(page.getByTestId("pick-list-totes")).toContainText(`#${o.number}`);

    await page.getByTestId("pick-list-print").click();
    await expect(page.getByTestId("print-title")).toBeVisible();
    const rows = page.getByTestId("print-line");
    expect(await rows.count()).toBeGreaterThan(0);
    // Bins come in walking-path order (pickSequence), not in code or creation order.
    const seqs = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seq"))));
    expect(seqs.every((n) => Number.isFinite(n))).toBe(true);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    // Every barcode image (list number, EANs, tote labels) is served and decodes.
    await expect(page.getByTestId("print-list-barcode")).toBeVisible();
    expect(await page.getByTestId("print-ean").count()).toBeGreaterThan(0);
    const images = page.locator(".pick-print img");
    expect(await images.count()).toBeGreaterThan(2);
    // A broken image never gets a natural size: wait until every one has decoded.
    await expect
      .poll(() => images.evaluateAll((els) => els.filter((i) => (i as HTMLImageElement).naturalWidth === 0).map((i) => (i as HTMLImageElement).src)), { timeout: 30_000 })
      .toEqual([]);
    const first = await images.first().getAttribute("src");
    const barcode = await page.request.get(new URL(first ?? "", page.url()).toString());
    expect(barcode.headers()["content-type"]).toBe("image/png");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("print-pdf").click()]);
    expect(download.suggestedFilename()).toMatch(/^pick-list-\d+\.pdf$/);
    const pdf = await page.request.get(`/api/picking/${id}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  test("a wave limit that is not a whole number above 0 is shown as an error and nothing is created, here or on the server", async ({ page }) => {
    await signIn(page, "warehouse");
    await page.goto("/picking");
    const form = page.getByTestId("wave-form");
    await expect(form).toBeVisible();
    const sent: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("picking.create")) sent.push(r.url());
    });
    for (const value of ["-5", "0", "abc", "2.5"]) {
      await page.getByTestId("wave-max-orders").fill(value);
      await page.getByTestId("wave-create").click();
      await expect(page.getByTestId("wave-max-orders-error"), value).toHaveText("Enter a whole number from 1 to 10,000, or leave it empty.");
      await expect(page.getByTestId("wave-max-orders")).toHaveAttribute("aria-invalid", "true");
    }
    await page.getByTestId("wave-max-orders").fill("");
    await page.getByTestId("wave-max-units").fill("0");
    await page.getByTestId("wave-create").click();
    await expect(page.getByTestId("wave-max-units-error")).toBeVisible();
    await expect(page.getByTestId("wave-max-orders-error")).toHaveCount(0);
    await expect(page.getByTestId("wave-created")).toHaveCount(0);
    expect(sent).toEqual([]);

    // The server refuses them too, whatever the page sends.
    const warehouseId = await page.getByTestId("wave-warehouse").inputValue();
    for (const maxOrders of [-5, 0, 1.5]) {
      const res = await page.request.post("/api/trpc/picking.create", { data: { json: { mode: "wave", warehouseId, maxOrders } } });
      expect(res.status(), String(maxOrders)).toBe(400);
    }

    // In Portuguese too.
    await setLocale(page, "pt-BR");
    await page.reload();
    await page.getByTestId("wave-max-orders").fill("-5");
    await page.getByTestId("wave-create").click();
    await expect(page.getByTestId("wave-max-orders-error")).toHaveText("Informe um número inteiro de 1 a 10.000, ou deixe em branco.");
    expect(sent).toEqual([]);
  });

  test("totes are named alike on the screen and the printout in each language; the barcode stays PL<n>-T<tote>", async ({ page, browser }) => {
    const [order] = await allocatedOrders(browser, 1);
    await signIn(page, "warehouse");
    const list = await trpc<{ pickListId: string; number: number }>(page, "picking.create", { mode: "orders", orderIds: [order!.id] }, true);
    expect(list).not.toBeNull();
    const code = `PL${list!.number}-T1`;
    for (const [locale, short, name] of [["pt-BR", "C1", "Caixa 1"], ["en", "T1", "Tote 1"]] as const) {
      await setLocale(page, locale);
      await page.goto(`/picking/${list!.pickListId}`);
      await expect(page.getByTestId("pick-line-tote").first()).toHaveText(short);
      const tote = page.getByTestId("pick-list-tote").first();
      await expect(tote).toContainText(name);
      await expect(tote).toContainText(code);
      await expect(tote).toHaveAttribute("data-code", code);
      await page.goto(`/picking/${list!.pickListId}/print`);
      await expect(page.getByTestId("print-totes")).toContainText(name);
      await expect(page.getByTestId("print-line").first()).toContainText(`${short} × 1`);
      await expect(page.locator(`[data-testid="print-totes"] img[alt="${code}"]`)).toHaveCount(1);
    }
  });

  test("other roles and anonymous visitors are refused on the server", async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const fakeId = "00000000-0000-4000-8000-000000000000";
    expect((await anonymous.get(`/api/picking/${fakeId}/pdf`)).status()).toBe(401);
    expect((await anonymous.get("/api/barcodes/code128/PL1")).status()).toBe(401);
    await anonymous.dispose();

    await signIn(page, "operator");
    await expect(page.getByTestId("nav-picking")).toHaveCount(0);
    const res = await page.goto("/picking");
    expect(res?.status()).toBe(403);
    expect((await page.request.get(`/api/picking/${fakeId}/pdf`)).status()).toBe(403);
  });
});
