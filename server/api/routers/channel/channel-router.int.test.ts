/** The channel router through createCaller: roles, the deliveries list and detail, re-process, channel management. */
import { beforeEach, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { withTestDb } from "@/server/test/with-test-db";
import { mercadoLivreNotification, mercadoLivreOrder, rawJson, shopifyHeaders, shopifyOrder, webhookRequest } from "@/server/test/channel-payloads";
import { makeChannel, makeUser, postWebhook } from "@/server/test/webhook-harness";

const SECRET = "router-secret-0123456789";
const NO_LINES = 'Field "line_items" is empty or missing: Shopify must send at least one line per order.';
withTestDb();
let users: Record<"ADMIN" | "OPERATOR" | "MANAGER" | "WAREHOUSE", SessionUser>;

beforeEach(async () => {
  users = {
    ADMIN: await makeUser("ADMIN"),
    OPERATOR: await makeUser("OPERATOR"),
    MANAGER: await makeUser("MANAGER"),
    WAREHOUSE: await makeUser("WAREHOUSE"),
  };
});

const as = (role: keyof typeof users) => createCaller({ user: users[role] });

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (err: unknown) => err);
  return e instanceof TRPCError ? e.code : `no error (${String(e)})`;
}

async function shopifyDelivery(channelId: string, webhookId: string, opts: { lines?: boolean; id?: bigint } = {}) {
  const body = rawJson(shopifyOrder({ id: opts.id, lineItems: opts.lines === false ? null : undefined }));
  return postWebhook(channelId, webhookRequest({ channelId, body, headers: shopifyHeaders(body, SECRET, { topic: "orders/create", webhookId }) }));
}

describe("channel deliveries", () => {
  it("OPERATOR, MANAGER and ADMIN read deliveries; WAREHOUSE is refused; nothing returned carries the secret", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopifyDelivery(ch.id, "wh-1");
    for (const role of ["OPERATOR", "MANAGER", "ADMIN"] as const) {
      const page = await as(role).channel.deliveries({});
      expect(page.items).toHaveLength(1);
      const detail = await as(role).channel.delivery({ id: page.items[0]?.id ?? "" });
      const options = await as(role).channel.options();
      expect(JSON.stringify([page, detail, options])).not.toContain(SECRET);
    }
    expect(await codeOf(as("WAREHOUSE").channel.deliveries({}))).toBe("FORBIDDEN");
    expect(await codeOf(as("WAREHOUSE").channel.options())).toBe("FORBIDDEN");
    expect(await codeOf(createCaller({ user: null }).channel.deliveries({}))).toBe("UNAUTHORIZED");
  });

  it("pages newest first by (receivedAt, id) without gaps or repeats, and filters by channel, status and topic", async () => {
    const a = await makeChannel("SHOPIFY", SECRET, { name: "A" });
    const b = await makeChannel("VTEX", SECRET, { name: "B" });
    const same = new Date("2025-03-01T12:00:00Z");
    const rows = [
      { channelId: a.id, deliveryKey: "k1", topic: "orders/create", status: "PROCESSED" as const, receivedAt: new Date("2025-03-01T10:00:00Z") },
      { channelId: a.id, deliveryKey: "k2", topic: "refunds/create", status: "FAILED" as const, receivedAt: same },
      { channelId: a.id, deliveryKey: "k3", topic: "orders/updated", status: "IGNORED" as const, receivedAt: same },
      { channelId: b.id, deliveryKey: "k4", topic: "order", status: "PROCESSED" as const, receivedAt: same },
      { channelId: b.id, deliveryKey: "k5", topic: "Fulfillment:ready-for-handling", status: "REJECTED" as const, receivedAt: new Date("2025-03-02T08:00:00Z") },
    ];
    for (const r of rows) await db.channelDelivery.create({ data: { ...r, headers: {}, rawBody: "{}" } });
    const expected = await db.channelDelivery.findMany({ orderBy: [{ receivedAt: "desc" }, { id: "desc" }], select: { id: true } });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await as("OPERATOR").channel.deliveries({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected.map((e) => e.id));

    const keys = async (input: Parameters<ReturnType<typeof as>["channel"]["deliveries"]>[0]) =>
      (await as("MANAGER").channel.deliveries(input)).items.map((i) => i.topic).sort();
    expect(await keys({ channelId: b.id })).toEqual(["Fulfillment:ready-for-handling", "order"]);
    expect(await keys({ status: "FAILED" })).toEqual(["refunds/create"]);
    expect(await keys({ topic: "ORDERS/" })).toEqual(["orders/create", "orders/updated"]);
    expect(await keys({ channelId: a.id, status: "PROCESSED", topic: "orders" })).toEqual(["orders/create"]);
    expect(await codeOf(as("OPERATOR").channel.deliveries({ cursor: "bm9wZQ" }))).toBe("BAD_REQUEST");
  });

  it("a notification whose order is not in Fluxo is flagged awaitingDocument and filterable; no longer once the order document arrives", async () => {
    const ml = await makeChannel("MERCADO_LIVRE", SECRET);
    const post = (body: string) => postWebhook(ml.id, webhookRequest({ channelId: ml.id, body, query: { token: SECRET } }));
    await post(JSON.stringify(mercadoLivreNotification(2000009876543210)));
    await post(JSON.stringify(mercadoLivreNotification(2000000000000001, "c0ffee00-6a2d-4f1e-9d3c-2a1b0c9d8e7f")));
    const sh = await makeChannel("SHOPIFY", SECRET);
    await shopifyDelivery(sh.id, "wh-a");

    const all = (await as("OPERATOR").channel.deliveries({})).items;
    expect(all.map((d) => [d.topic, d.status, d.awaitingDocument]).sort()).toEqual([
      ["orders/create", "PROCESSED", false],
      ["orders_v2", "PROCESSED", true],
      ["orders_v2", "PROCESSED", true],
    ]);
    const waiting = await as("OPERATOR").channel.deliveries({ awaitingDocument: true });
    expect(waiting.items.map((d) => d.topic)).toEqual(["orders_v2", "orders_v2"]);

    // The order document of the first one arrives: that notification now leads to the order and is no longer waiting.
    await post(JSON.stringify(mercadoLivreOrder()));
    const after = (await as("OPERATOR").channel.deliveries({ awaitingDocument: true })).items;
    expect(after).toHaveLength(1);
    expect(after[0]?.message?.params.order).toBe("2000000000000001");
    const notified = (await as("OPERATOR").channel.deliveries({ topic: "orders_v2" })).items.find((d) => d.message?.params.order === "2000009876543210");
    expect(notified).toMatchObject({ awaitingDocument: false, status: "PROCESSED" });
    expect(notified?.order?.number).toBeGreaterThan(0);
  });

  it("the detail shows the raw body re-indented with exact ids, the headers, the error and the linked order", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopifyDelivery(ch.id, "wh-1");
    const [row] = (await as("OPERATOR").channel.deliveries({})).items;
    expect(row?.order?.number).toBeGreaterThan(0);
    const detail = await as("OPERATOR").channel.delivery({ id: row?.id ?? "" });
    expect(detail.bodyIsJson).toBe(true);
    expect(detail.body).toContain('\n  "id": 5812345678901234567,\n');
    expect(detail.headers).toContainEqual({ name: "x-shopify-topic", value: "orders/create" });
    expect(detail.orders).toEqual([expect.objectContaining({ externalId: "5812345678901234567", totalCents: 37470, currency: "BRL" })]);
    expect(detail).toMatchObject({ status: "PROCESSED", deliveryKey: "wh-1", reprocessable: false, error: null });
    expect(await codeOf(as("OPERATOR").channel.delivery({ id: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
  });

  it("re-process: OPERATOR and ADMIN may, MANAGER and WAREHOUSE may not; only FAILED/IGNORED ones", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await shopifyDelivery(ch.id, "wh-broken", { lines: false });
    const [row] = (await as("OPERATOR").channel.deliveries({ status: "FAILED" })).items;
    const id = row?.id ?? "";
    expect(row?.error).toBe(NO_LINES);
    expect(row?.message).toEqual({ kind: "parseError", key: "noLines", params: { platform: "Shopify", field: "line_items" } });
    expect(await codeOf(as("MANAGER").channel.reprocessDelivery({ id }))).toBe("FORBIDDEN");
    expect(await codeOf(as("WAREHOUSE").channel.reprocessDelivery({ id }))).toBe("FORBIDDEN");
    // Still broken: re-processing records another failed attempt (and who tried).
    expect(await as("ADMIN").channel.reprocessDelivery({ id })).toMatchObject({ status: "FAILED", error: NO_LINES });
    await db.channelDelivery.update({ where: { id }, data: { rawBody: rawJson(shopifyOrder()) } });
    expect(await as("OPERATOR").channel.reprocessDelivery({ id })).toMatchObject({ status: "PROCESSED", error: null });
    expect(await codeOf(as("OPERATOR").channel.reprocessDelivery({ id }))).toBe("PRECONDITION_FAILED");
    const audit = await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.actorId, (a.data as { to: string }).to])).toEqual([[users.ADMIN.id, "FAILED"], [users.OPERATOR.id, "PROCESSED"]]);
  });
});

describe("channel management (ADMIN)", () => {
  it("only ADMIN lists, creates and updates channels", async () => {
    for (const role of ["OPERATOR", "MANAGER", "WAREHOUSE"] as const) {
      expect(await codeOf(as(role).channel.list())).toBe("FORBIDDEN");
      expect(await codeOf(as(role).channel.create({ platform: "VTEX", name: "x" }))).toBe("FORBIDDEN");
      expect(await codeOf(as(role).channel.update({ id: "00000000-0000-4000-8000-000000000000", name: "x" }))).toBe("FORBIDDEN");
    }
  });

  it("Shopify needs its secret pasted; the URL has no token; the secret only shows as a hint", async () => {
    expect(await codeOf(as("ADMIN").channel.create({ platform: "SHOPIFY", name: "Loja" }))).toBe("BAD_REQUEST");
    const c = await as("ADMIN").channel.create({ platform: "SHOPIFY", name: " Loja Aurora ", defaultCurrency: "brl", secret: "shpss_abcdef0123456789wxyz" });
    expect(c).toMatchObject({ name: "Loja Aurora", defaultCurrency: "BRL", active: true, pastedSecret: true, secretHint: "••••wxyz", webhookPath: `/api/channels/${c.id}/webhook` });
    expect(c.topics).toContain("refunds/create");
    expect(JSON.stringify(await as("ADMIN").channel.list())).not.toContain("shpss_abcdef0123456789wxyz");
    expect((await db.channel.findUniqueOrThrow({ where: { id: c.id } })).secret).toBe("shpss_abcdef0123456789wxyz");
  });

  it("a token platform gets a generated token in its URL; rotating it locks out the old URL; changes are audited without secrets", async () => {
    const c = await as("ADMIN").channel.create({ platform: "MERCADO_LIVRE", name: "Mercado Livre" });
    const token = new URL(`https://x${c.webhookPath ?? ""}`).searchParams.get("token") ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const notify = (t: string) =>
      postWebhook(c.id, webhookRequest({ channelId: c.id, body: JSON.stringify({ _id: `n-${t}`, topic: "orders_v2", resource: "/orders/1", sent: "2025-03-01T00:00:00Z" }), query: { token: t } }));
    expect((await notify(token)).status).toBe(200);

    const rotated = await as("ADMIN").channel.update({ id: c.id, rotateSecret: true, name: "ML Brasil", active: false });
    const newToken = new URL(`https://x${rotated.webhookPath ?? ""}`).searchParams.get("token") ?? "";
    expect(newToken).not.toBe(token);
    expect(rotated).toMatchObject({ name: "ML Brasil", active: false });
    expect((await notify(token)).status).toBe(401);
    expect((await notify(newToken)).status).toBe(409); // inactive
    await as("ADMIN").channel.update({ id: c.id, active: true });
    expect((await notify(newToken)).status).toBe(200);

    const audit = await db.auditLog.findMany({ where: { entity: "Channel", entityId: c.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["channel.created", "channel.updated", "channel.updated"]);
    expect(audit[1]?.data).toEqual({ name: { from: "Mercado Livre", to: "ML Brasil" }, active: { from: true, to: false }, secret: "rotated" });
    expect(audit.every((a) => a.actorId === users.ADMIN.id)).toBe(true);
    expect(JSON.stringify(audit.map((a) => a.data))).not.toMatch(new RegExp(`${token}|${newToken}`));
  });

  it("rotating a signing platform's secret requires the new one pasted", async () => {
    const c = await as("ADMIN").channel.create({ platform: "WOOCOMMERCE", name: "Woo", secret: "woo-secret-123456" });
    expect(await codeOf(as("ADMIN").channel.update({ id: c.id, rotateSecret: true }))).toBe("BAD_REQUEST");
    const updated = await as("ADMIN").channel.update({ id: c.id, secret: "woo-secret-rotated-999" });
    expect(updated.secretHint).toBe("••••-999");
    expect((await db.channel.findUniqueOrThrow({ where: { id: c.id } })).secret).toBe("woo-secret-rotated-999");
  });
});
