import { expect, test, type Page } from "@playwright/test";
import { signIn, USERS } from "./fixtures";
import { mercadoLivreNotification, mercadoLivreOrder, rawJson, shopifyHeaders, shopifyOrder, shopifyRefund } from "../server/test/channel-payloads";

/** Signed in as the admin in Portuguese, connects a Shopify channel on Settings → Channels; its webhook URL. */
async function connectShopifyInPortuguese(page: Page, name: string, secret: string): Promise<string> {
  await signIn(page, "admin", { locale: "pt-BR" });
  await page.goto("/settings/channels");
  await page.getByTestId("channel-platform").selectOption("SHOPIFY");
  await page.getByTestId("channel-name").fill(name);
  await page.getByTestId("channel-secret").fill(secret);
  await page.getByTestId("channel-create").click();
  return page.getByTestId("channel-card").filter({ hasText: name }).getByTestId("webhook-url").inputValue();
}

/**
 * The production server answers a webhook once the delivery is stored and applies it right after
 * (server/http/webhook-fast-path.ts): wait until the delivery's page shows it applied.
 */
async function waitUntilApplied(page: Page, deliveryId: string, status = "PROCESSED"): Promise<void> {
  await page.goto(`/deliveries/${deliveryId}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("delivery-detail")).toHaveAttribute("data-status", status, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** The delivery id a webhook's answer names ("received": stored, applied right after). */
async function receivedId(res: { status(): number; json(): Promise<unknown> }): Promise<string> {
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { status: string; deliveryId: string };
  expect(body.status).toBe("received");
  return body.deliveryId;
}

test.describe("sales channels and their webhook deliveries", () => {
  // First in this file (the only spec that posts webhooks; the demo seed has none): the list is still empty.
  test("with no delivery yet, the list says so and where the webhook URL is; an empty filter keeps its own message", async ({ page }) => {
    await signIn(page, "operator");
    await page.goto("/deliveries");
    const none = page.getByTestId("deliveries-none-yet");
    await expect(none).toContainText("No delivery yet.");
    await expect(none.getByRole("link", { name: "Settings → Channels" })).toHaveAttribute("href", "/settings/channels");
    await expect(page.getByTestId("deliveries-empty")).toHaveCount(0);
    await page.goto("/deliveries?status=FAILED");
    await expect(page.getByTestId("deliveries-empty")).toHaveText("No deliveries match these filters.");
    await expect(page.getByTestId("deliveries-none-yet")).toHaveCount(0);
  });

  test("an admin connects Shopify, a signed order arrives through the copied URL, a tampered one is REJECTED", async ({ page, request }) => {
    const run = Date.now().toString(36);
    const name = `Loja E2E ${run}`;
    const secret = `shpss_e2e_${run}_0123456789`;

    await signIn(page, "admin");
    await page.goto("/settings");
    await page.getByTestId("settings-channels-link").click();
    await expect(page.getByRole("heading", { name: "Sales channels" })).toBeVisible();
    await page.getByTestId("channel-platform").selectOption("SHOPIFY");
    await page.getByTestId("channel-name").fill(name);
    await page.getByTestId("channel-secret").fill(secret);
    await page.getByTestId("channel-create").click();

    const card = page.getByTestId("channel-card").filter({ hasText: name });
    await expect(card).toBeVisible();
    await expect(card).toContainText("orders/create");
    await expect(card).not.toContainText(secret);
    const url = await card.getByTestId("webhook-url").inputValue();
    expect(url).toMatch(/^https?:\/\/[^/]+\/api\/channels\/[0-9a-f-]{36}\/webhook$/);

    // What Shopify sends: the body signed with the pasted secret (base64 HMAC over the raw bytes).
    const body = rawJson(shopifyOrder({ id: 5812345678900000000n + BigInt(Date.now() % 1_000_000) }));
    const headers = { "content-type": "application/json", ...shopifyHeaders(body, secret, { topic: "orders/create", webhookId: `e2e-${run}` }) };
    const ok = await request.post(url, { data: body, headers });
    const deliveryId = await receivedId(ok);

    const tampered = body.replace('"total_price":"374.70"', '"total_price":"1.00"');
    const bad = await request.post(url, { data: tampered, headers: { ...headers, "x-shopify-webhook-id": `e2e-${run}-t` } });
    expect(bad.status()).toBe(401);

    // The channel's deliveries: the processed one and the rejected one.
    await waitUntilApplied(page, deliveryId);
    await page.goto("/settings/channels");
    await card.getByRole("link", { name: "View deliveries" }).click();
    await expect(page.getByRole("heading", { name: "Channel deliveries" })).toBeVisible();
    const rows = page.getByTestId("delivery-row");
    await expect(rows).toHaveCount(2);
    await expect(page.locator('[data-testid="delivery-row"][data-status="REJECTED"]')).toContainText("Signature check failed");

    await page.locator('[data-testid="delivery-row"][data-status="REJECTED"]').getByTestId("delivery-link").click();
    await expect(page.getByTestId("delivery-detail")).toHaveAttribute("data-status", "REJECTED");
    await expect(page.getByTestId("delivery-error")).toContainText("x-shopify-hmac-sha256 does not match the body");
    await expect(page.getByTestId("delivery-body")).toContainText('"total_price": "1.00"');
    await page.getByRole("link", { name: "All deliveries" }).click();

    await page.getByTestId("filter-status").selectOption("PROCESSED");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(rows).toHaveCount(1);
    await rows.first().getByTestId("delivery-link").click();
    await expect(page.getByTestId("delivery-detail")).toHaveAttribute("data-status", "PROCESSED");
    // 64-bit ids are shown exactly as sent.
    await expect(page.getByTestId("delivery-body")).toContainText('"id": 58123456789');
    await page.getByTestId("delivery-open-order").click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByText("#1042").first()).toBeVisible();
    await expect(page.getByText("Maria Silva").first()).toBeVisible();
  });

  test("an operator reads deliveries but cannot open the channel settings", async ({ page }) => {
    await signIn(page, "operator");
    await page.getByTestId("nav-deliveries").click();
    await expect(page.getByRole("heading", { name: "Channel deliveries" })).toBeVisible();
    await page.goto("/settings/channels");
    await expect(page.getByRole("heading", { name: "Access denied (403)" })).toBeVisible();
  });

  test("in Portuguese, a delivery the connector cannot read says which of the platform's fields is wrong", async ({ page, request }) => {
    const name = `ML E2E ${Date.now().toString(36)}`;
    await signIn(page, "admin", { locale: "pt-BR" });
    await page.goto("/settings/channels");
    await page.getByTestId("channel-platform").selectOption("MERCADO_LIVRE");
    await page.getByTestId("channel-name").fill(name);
    await page.getByTestId("channel-create").click();
    const url = await page.getByTestId("channel-card").filter({ hasText: name }).getByTestId("webhook-url").inputValue();
    const channelId = /\/api\/channels\/([0-9a-f-]{36})\/webhook/.exec(url)?.[1] ?? "";

    // An order document without its buyer: kept FAILED (202) with the rule it breaks.
    const res = await request.post(url, { data: JSON.stringify({ ...mercadoLivreOrder(), buyer: null }), headers: { "content-type": "application/json" } });
    expect(res.status()).toBe(202);

    const sentence = 'O campo "buyer" é obrigatório, mas Mercado Livre não o enviou.';
    await page.goto(`/deliveries?channelId=${channelId}`);
    const failed = page.locator('[data-testid="delivery-row"][data-status="FAILED"]');
    await expect(failed).toContainText(sentence);
    await failed.getByTestId("delivery-link").click();
    await expect(page.getByTestId("delivery-error")).toHaveText(sentence);
  });

  test("in Portuguese, an order whose address has no CEP is on Exceptions until an operator corrects it", async ({ page, request }) => {
    test.slow(); // a channel, a webhook and an address correction: several round trips on a loaded CI machine
    const run = Date.now().toString(36);
    const name = `Shopify E2E endereço ${run}`;
    const secret = `shpss_e2e_${run}_address_0123456789`;
    const url = await connectShopifyInPortuguese(page, name, secret);

    const payload = shopifyOrder({ id: 5812345680000000000n + BigInt(Date.now() % 1_000_000) });
    payload.shipping_address = { ...(payload.shipping_address as Record<string, unknown>), zip: "" };
    const body = rawJson(payload);
    const res = await request.post(url, { data: body, headers: { "content-type": "application/json", ...shopifyHeaders(body, secret, { topic: "orders/create", webhookId: `e2e-${run}-addr` }) } });
    await waitUntilApplied(page, await receivedId(res));
    await page.getByTestId("delivery-open-order").click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = new URL(page.url()).pathname.split("/").pop() as string;

    const rowOf = () => page.getByTestId("exception-row").filter({ has: page.locator(`a[href="/orders/${orderId}"]`) });
    await page.goto("/exceptions?type=ADDRESS_INCOMPLETE");
    await expect(rowOf()).toContainText("Endereço de entrega inutilizável");
    await expect(rowOf().getByTestId("exception-message")).toContainText("a transportadora não consegue usar o endereço de entrega (ausente ou inválido: CEP)");

    await rowOf().locator(`a[href="/orders/${orderId}"]`).click();
    await expect(page.getByTestId("address-incomplete")).toBeVisible();
    await page.getByTestId("edit-address-open").click();
    await page.getByTestId("edit-address-postalCode").fill("01304001");
    await page.getByTestId("edit-address-save").click();
    await expect(page.getByTestId("edit-address-saved")).toHaveText("Endereço salvo.");
    await expect(page.getByTestId("address-incomplete")).toHaveCount(0);

    await page.goto("/exceptions?type=ADDRESS_INCOMPLETE");
    await expect(page.getByTestId("exception-counts")).toBeVisible();
    await expect(rowOf()).toHaveCount(0);
    await page.goto("/exceptions?type=ADDRESS_INCOMPLETE&status=RESOLVED");
    await expect(rowOf().getByTestId("exception-resolution")).toContainText(USERS.admin.name);
  });

  test("in Portuguese, a delivery Fluxo refuses to apply (a refund of nothing) says why in Portuguese", async ({ page, request }) => {
    const run = Date.now().toString(36);
    const name = `Shopify E2E reembolso ${run}`;
    const secret = `shpss_e2e_${run}_refund_0123456789`;
    const url = await connectShopifyInPortuguese(page, name, secret);
    const channelId = /\/api\/channels\/([0-9a-f-]{36})\/webhook/.exec(url)?.[1] ?? "";

    const orderId = 5812345670000000000n + BigInt(Date.now() % 1_000_000);
    const send = (topic: string, payload: Record<string, unknown>, webhookId: string) => {
      const body = rawJson(payload);
      return request.post(url, { data: body, headers: { "content-type": "application/json", ...shopifyHeaders(body, secret, { topic, webhookId }) } });
    };
    await waitUntilApplied(page, await receivedId(await send("orders/create", shopifyOrder({ id: orderId }), `e2e-${run}-o`)));
    // Shopify read it, but the order's state machine refuses to record a refund of 0.00: kept FAILED.
    await waitUntilApplied(page, await receivedId(await send("refunds/create", shopifyRefund({ id: 990000000001n, orderId, amount: "0.00" }), `e2e-${run}-r`)), "FAILED");

    const sentence = "Não aplicada. Um reembolso precisa devolver um valor acima de zero.";
    await page.goto(`/deliveries?channelId=${channelId}`);
    const failed = page.locator('[data-testid="delivery-row"][data-status="FAILED"]');
    await expect(failed).toContainText(sentence);
    await failed.getByTestId("delivery-link").click();
    await expect(page.getByTestId("delivery-error")).toHaveText(sentence);
  });

  test("in Portuguese, a webhook secret that is too short or has spaces is explained before it is sent", async ({ page }) => {
    await signIn(page, "admin", { locale: "pt-BR" });
    await page.goto("/settings/channels");
    await page.getByTestId("channel-platform").selectOption("SHOPIFY");
    await page.getByTestId("channel-name").fill("Loja do segredo curto");
    await page.getByTestId("channel-secret").fill("abc");
    await expect(page.getByTestId("channel-secret-problem")).toHaveText("O segredo precisa de pelo menos 8 caracteres (3 digitados).");
    await expect(page.getByTestId("channel-create")).toBeDisabled();
    await page.getByTestId("channel-secret").fill("abc def ghi");
    await expect(page.getByTestId("channel-secret-problem")).toHaveText("O segredo não pode conter espaços.");
    await expect(page.getByTestId("channel-create")).toBeDisabled();
    await page.getByTestId("channel-secret").fill("abcdefgh");
    await expect(page.getByTestId("channel-secret-problem")).toHaveCount(0);
    await expect(page.getByTestId("channel-create")).toBeEnabled();
  });

  test("in Portuguese, a Mercado Livre notification waits visibly for its order document, can be filtered, and an unreadable body has a translated topic", async ({ page, request }) => {
    const name = `ML aguardando ${Date.now().toString(36)}`;
    await signIn(page, "admin", { locale: "pt-BR" });
    await page.goto("/settings/channels");
    await page.getByTestId("channel-platform").selectOption("MERCADO_LIVRE");
    await page.getByTestId("channel-name").fill(name);
    await page.getByTestId("channel-create").click();
    const url = await page.getByTestId("channel-card").filter({ hasText: name }).getByTestId("webhook-url").inputValue();
    const channelId = /\/api\/channels\/([0-9a-f-]{36})\/webhook/.exec(url)?.[1] ?? "";
    const post = (data: string) => request.post(url, { data, headers: { "content-type": "application/json" } });

    await waitUntilApplied(page, await receivedId(await post(JSON.stringify(mercadoLivreNotification(2000009876543210)))));
    await post("isto não é json");

    await page.goto(`/deliveries?channelId=${channelId}`);
    const rows = page.getByTestId("delivery-row");
    await expect(rows).toHaveCount(2);
    const waiting = rows.filter({ hasText: "orders_v2" });
    await expect(waiting.getByTestId("delivery-status")).toHaveText("Aguardando o documento do pedido");
    await expect(waiting.getByTestId("delivery-status")).toHaveAttribute("data-value", "AWAITING_DOCUMENT");
    await expect(page.getByTestId("topic-unknown")).toHaveText("Ilegível (sem tópico)");

    await page.getByTestId("filter-status").selectOption("AWAITING_DOCUMENT");
    await page.getByRole("button", { name: "Filtrar" }).click();
    await expect(page).toHaveURL(/status=AWAITING_DOCUMENT/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("orders_v2");

    // The order document arrives: nothing waits any more; the notification leads to the order.
    const orderDelivery = await receivedId(await post(JSON.stringify(mercadoLivreOrder())));
    const filtered = page.url();
    await waitUntilApplied(page, orderDelivery);
    await page.goto(filtered);
    await expect(page.getByTestId("deliveries-empty")).toBeVisible();
    await page.goto(`/deliveries?channelId=${channelId}&topic=orders_v2`);
    await expect(rows.first().getByTestId("delivery-status")).toHaveText("Processada");
    await expect(rows.first().getByTestId("delivery-order-link")).toBeVisible();
  });
});
