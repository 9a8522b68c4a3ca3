/**
 * Channel conformance: every published fixture file (FLUXO_FIXTURES_DIR or
 * ../shared/fixtures/channels; never copied into the repo) is POSTed through the
 * real webhook route to a channel of its platform, correctly signed, and must
 * produce the outcome written in conformance-expectations.ts; then three copies
 * of it at once over real HTTP to the server `npm start` runs (the webhook fast
 * path): one delivery, each order once. Then the
 * combinations the files document: Amazon's two examples, the ML order + its
 * shipment, refunds after their orders, Nuvemshop's three versions of one order.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { parseJsonSafe } from "@/server/lib/json-safe";
import type { ChannelPlatform } from "@/server/channels/types";
import { mercadoLivreConnector, mergeShipment } from "@/server/channels/mercado-livre";
import { captureOrder } from "@/server/services/order/capture-order";
import { createTestDb, type TestDb } from "@/server/test/test-db";
import { hmacBase64, nuvemshopHeaders, shopifyHeaders, webhookRequest } from "@/server/test/channel-payloads";
import { deliveriesOf, makeChannel, postWebhook, startWebhookServer } from "@/server/test/webhook-harness";
import { settleAfterResponse } from "@/server/lib/after-response";
import { DIR_PLATFORM, FIXTURE_EXPECTATIONS, type FixtureExpectation, type OrderFacts } from "./conformance-expectations";

const ROOT = process.env.FLUXO_FIXTURES_DIR ?? path.resolve(import.meta.dirname, "../../../shared/fixtures/channels");
const exists = existsSync(ROOT);
const TITLE = exists
  ? `channel fixtures in ${ROOT}`
  : `channel fixtures: SKIPPED, no directory ${ROOT} (set FLUXO_FIXTURES_DIR to the shared fixtures/channels directory)`;
const SECRET = "conformance-secret-0123456789";

function fixtureFiles(): string[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(ROOT, d.name)).filter((f) => f.endsWith(".json")).map((f) => `${d.name}/${f}`))
    .sort();
}

const raw = (file: string) => readFileSync(path.join(ROOT, file));

function platformOf(file: string): ChannelPlatform {
  const platform = DIR_PLATFORM[file.split("/")[0] ?? ""];
  if (!platform) throw new Error(`No platform for fixture directory of ${file}: add it to DIR_PLATFORM`);
  return platform;
}

/** The request the platform would send: signature over the exact bytes, or the token in ?token=. */
function signedRequest(platform: ChannelPlatform, channelId: string, body: Buffer, topic: string | undefined, id: string): Request {
  switch (platform) {
    case "SHOPIFY":
      return webhookRequest({ channelId, body, headers: shopifyHeaders(body, SECRET, { topic: topic ?? "orders/create", webhookId: id }) });
    case "WOOCOMMERCE":
      return webhookRequest({
        channelId, body,
        headers: { ...(topic ? { "x-wc-webhook-topic": topic } : {}), "x-wc-webhook-source": "https://example.com/", "x-wc-webhook-signature": hmacBase64(body, SECRET) },
      });
    case "NUVEMSHOP":
      return webhookRequest({ channelId, body, headers: nuvemshopHeaders(body, SECRET) });
    default:
      return webhookRequest({ channelId, body, query: { token: SECRET } });
  }
}

async function postFixture(channelId: string, file: string, exp?: Pick<FixtureExpectation, "topic">) {
  return postWebhook(channelId, signedRequest(platformOf(file), channelId, raw(file), exp?.topic, `fixture:${file}`));
}

async function expectOrder(channelId: string, facts: OrderFacts) {
  const order = await db.order.findUnique({
    where: { channelId_externalId: { channelId, externalId: facts.externalId } },
    include: { lines: { orderBy: { lineNo: "asc" } } },
  });
  expect(order, `order ${facts.externalId}`).not.toBeNull();
  expect(order).toMatchObject({
    customerName: facts.customerName,
    customerEmail: facts.customerEmail,
    totalCents: facts.totalCents,
    currency: facts.currency,
    ...(facts.externalNumber !== undefined ? { externalNumber: facts.externalNumber } : {}),
    ...(facts.status ? { status: facts.status } : {}),
    ...(facts.paymentStatus ? { paymentStatus: facts.paymentStatus } : {}),
  });
  expect(order?.lines).toHaveLength(facts.lines);
  expect(order?.lines[0]).toMatchObject(facts.firstLine);
  return order;
}

let testDb: TestDb;
let server: Awaited<ReturnType<typeof startWebhookServer>>;
let origin: string;

/** The same request over real HTTP to the production webhook server. */
async function overHttp(req: Request) {
  const url = new URL(req.url);
  const res = await fetch(`${origin}${url.pathname}${url.search}`, { method: "POST", headers: Object.fromEntries(req.headers), body: new Uint8Array(await req.arrayBuffer()) });
  return { status: res.status, body: (await res.json()) as { status: string; orderIds?: string[]; error?: string } };
}

describe.skipIf(!exists)(TITLE, () => {
  beforeAll(async () => {
    testDb = await createTestDb();
    server = await startWebhookServer();
    origin = server.origin;
  });
  afterAll(async () => {
    await server.close();
    await testDb.close();
  });
  beforeEach(async () => {
    await testDb.truncate();
  });

  it("every fixture file has an expectation, and every expectation a file", () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !(f in FIXTURE_EXPECTATIONS)), "fixture files without an expectation").toEqual([]);
    expect(Object.keys(FIXTURE_EXPECTATIONS).filter((f) => !files.includes(f)), "expectations without a file").toEqual([]);
  });

  for (const [file, exp] of Object.entries(FIXTURE_EXPECTATIONS)) {
    it(`${file} → ${exp.outcome}: ${exp.why}`, async () => {
      const ch = await makeChannel(platformOf(file), SECRET);
      const res = await postFixture(ch.id, file, exp);
      const [row] = await deliveriesOf(ch.id);
      expect(row?.topic).toBe(exp.deliveryTopic);
      expect(row?.rawBody).toBe(raw(file).toString("utf8"));
      if (exp.outcome === "orders") {
        expect(res).toMatchObject({ status: 200, body: { status: "processed" } });
        expect(row?.status).toBe("PROCESSED");
        expect(await db.order.count()).toBe(exp.orders.length);
        for (const facts of exp.orders) await expectOrder(ch.id, facts);
      } else if (exp.outcome === "notification") {
        expect(res).toMatchObject({ status: 200, body: { status: "processed", orderIds: [] } });
        expect(row).toMatchObject({ status: "PROCESSED", deliveryKey: exp.deliveryKey, error: exp.note });
        expect(await db.order.count()).toBe(0);
      } else {
        expect(res.status).toBe(202);
        expect(res.body.status).toBe("failed");
        expect(row?.status).toBe("FAILED");
        if (typeof exp.error === "string") expect(row?.error).toBe(exp.error);
        else expect(row?.error).toMatch(exp.error);
        expect(res.body.error).toBe(row?.error);
        expect(await db.order.count()).toBe(0);
      }
    });
  }

  for (const [file, exp] of Object.entries(FIXTURE_EXPECTATIONS)) {
    it(`${file} three times at once over HTTP → one delivery${exp.outcome === "orders" ? `, ${exp.orders.length} order(s) once` : ""}`, async () => {
      const platform = platformOf(file);
      const ch = await makeChannel(platform, SECRET);
      const responses = await Promise.all([1, 2, 3].map(() => overHttp(signedRequest(platform, ch.id, raw(file), exp.topic, `fixture:${file}`))));
      // The production path answers once the delivery is stored and applies it right after.
      expect(await settleAfterResponse()).toBe(true);
      const rows = await deliveriesOf(ch.id);
      expect(rows).toHaveLength(1);
      if (exp.outcome === "failed") {
        // A body that does not parse is answered 202. A refusal that only applying finds comes after a 200 "received".
        // A copy that finds the first one FAILED claims it and fails the same way; one that finds it in progress is a duplicate.
        expect(rows[0]?.status).toBe("FAILED");
        expect(responses.filter((r) => r.status === 202 || r.body.status === "received")).not.toHaveLength(0);
        expect(responses.every((r) => r.status === 202 || (r.status === 200 && ["duplicate", "received"].includes(r.body.status)))).toBe(true);
        expect(await db.order.count()).toBe(0);
        return;
      }
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(responses.map((r) => r.body.status).sort()).toEqual(["duplicate", "duplicate", "received"]);
      expect(rows[0]?.status).toBe("PROCESSED");
      if (exp.outcome === "notification") return void expect(await db.order.count()).toBe(0);
      expect(await db.order.count()).toBe(exp.orders.length);
      for (const facts of exp.orders) await expectOrder(ch.id, facts);
    });
  }

  it("Amazon: the two documented examples are for different orders, so their envelope is refused; re-pointed in memory they combine", async () => {
    const ch = await makeChannel("AMAZON", SECRET);
    const order = parseJsonSafe(raw("amazon/get-order-example.json").toString("utf8"));
    const items = parseJsonSafe(raw("amazon/get-order-items-example.json").toString("utf8")) as { payload: { AmazonOrderId: string; NextToken?: string } };
    const asSent = await postWebhook(ch.id, signedRequest("AMAZON", ch.id, Buffer.from(JSON.stringify({ order, orderItems: items })), undefined, "a"));
    expect(asSent).toMatchObject({ status: 202, body: { error: "Amazon getOrderItems page 0 is for order 903-1671087-0812628, not for order 902-3159896-1390916" } });

    const matching = structuredClone(items);
    matching.payload.AmazonOrderId = "902-3159896-1390916";
    const incomplete = await postWebhook(ch.id, signedRequest("AMAZON", ch.id, Buffer.from(JSON.stringify({ order, orderItems: matching })), undefined, "b"));
    expect(incomplete.body.error).toMatch(/^Amazon getOrderItems for 902-3159896-1390916 is incomplete \(NextToken on the last page\)/);

    delete matching.payload.NextToken;
    const combined = await postWebhook(ch.id, signedRequest("AMAZON", ch.id, Buffer.from(JSON.stringify({ order, orderItems: matching })), undefined, "c"));
    expect(combined).toMatchObject({ status: 200, body: { status: "processed" } });
    // All three share the delivery key order:<AmazonOrderId>:<LastUpdateDate>: each retry re-claims the FAILED row with its new body.
    expect((await deliveriesOf(ch.id)).map((d) => [d.status, d.attempts])).toEqual([["PROCESSED", 3]]);
    await expectOrder(ch.id, {
      externalId: "902-3159896-1390916", customerName: "John Doe", customerEmail: "user@example.com", lines: 2,
      firstLine: { sku: "CBA_OTF_1", quantity: 1 }, totalCents: 5619, currency: "JPY", status: "RECEIVED", paymentStatus: "PENDING",
    });
  });

  it("Mercado Livre: the order ingests without an address; its shipment, posted next, sets the address and ship-by date", async () => {
    const ch = await makeChannel("MERCADO_LIVRE", SECRET);
    await postFixture(ch.id, "mercadolivre/order-get-mlb-boleto-catalog-2024.json");
    const before = await db.order.findFirstOrThrow({ where: { channelId: ch.id } });
    expect([before.shippingAddress, before.shipState]).toEqual([null, null]);
    const shipment = await postFixture(ch.id, "mercadolivre/shipment-get-for-order-2024.json");
    expect(shipment).toMatchObject({ status: 200, body: { status: "processed", orderIds: [before.id] } });
    const withAddress = await db.order.findUniqueOrThrow({ where: { id: before.id } });
    expect(withAddress.shippingAddress).toMatchObject({ city: "Salvador", state: "BA", country: "BR", postalCode: "42850000", name: "John Doe" });
    expect(withAddress.shipState).toBe("BA");
    expect(withAddress.shipBy?.toISOString()).toBe("2024-06-10T03:00:00.000Z");

    // A fetcher that holds both documents can also merge them before the capture: the same order.
    const parsed = mercadoLivreConnector.parse({ rawBody: raw("mercadolivre/order-get-mlb-boleto-catalog-2024.json"), headers: {}, query: {} });
    if (parsed.kind !== "order") throw new Error(`expected an order, got ${parsed.kind}`);
    const merged = mergeShipment(parsed.order, raw("mercadolivre/shipment-get-for-order-2024.json").toString("utf8"));
    const other = await makeChannel("MERCADO_LIVRE", SECRET, { name: "ML (fetcher)" });
    const captured = await captureOrder({ channelId: other.id, defaultCurrency: "BRL", input: merged, actorLabel: "channel:ML (fetcher)" });
    const fetched = await db.order.findUniqueOrThrow({ where: { id: captured?.orderId ?? "" } });
    expect([fetched.shippingAddress, fetched.shipState, fetched.shipBy]).toEqual([withAddress.shippingAddress, "BA", withAddress.shipBy]);
  });

  it("Shopify: the docs-sample refund still FAILS after the docs-sample order is in, because its order_id was rounded (…500, not …508)", async () => {
    const ch = await makeChannel("SHOPIFY", SECRET);
    await postFixture(ch.id, "shopify/orders-create-docs-sample.json", { topic: "orders/create" });
    expect(await db.order.count({ where: { externalId: "820982911946154508" } })).toBe(1);
    const refund = await postFixture(ch.id, "shopify/refunds-create-docs-sample-2026-04.json", { topic: "refunds/create" });
    expect(refund.body.error).toBe("Refund 890088186047892319 is for order 820982911946154500, which is not in Fluxo yet.");
  });

  it("WooCommerce: order 723 arrives (in the list) with its refunds 726 and 724; the refund document of 726 is then a duplicate", async () => {
    const ch = await makeChannel("WOOCOMMERCE", SECRET);
    await postFixture(ch.id, "woocommerce/orders-list-docs-v3.json");
    const res = await postFixture(ch.id, "woocommerce/order-refund-retrieve-docs-v3.json");
    expect(res).toMatchObject({ status: 200, body: { status: "duplicate" } });
    const order = await db.order.findUniqueOrThrow({ where: { channelId_externalId: { channelId: ch.id, externalId: "723" } }, include: { events: { orderBy: { id: "asc" } } } });
    expect(order.paymentStatus).toBe("PARTIALLY_REFUNDED");
    const refunds = order.events.filter((e) => e.type === "payment.refunded").map((e) => e.data);
    expect(refunds).toEqual([
      expect.objectContaining({ externalRefundId: "726", amountCents: 1000 }),
      expect.objectContaining({ externalRefundId: "724", amountCents: 900, refundedTotalCents: 1900 }),
    ]);
  });

  it("Nuvemshop: the three examples are one order at one updated_at, so after the first the others are duplicates (the cancel is not applied)", async () => {
    const ch = await makeChannel("NUVEMSHOP", SECRET);
    const statuses = [];
    for (const f of ["order-get-docs.json", "order-fulfill-response-docs.json", "order-cancel-response-docs.json"]) {
      statuses.push((await postFixture(ch.id, `nuvemshop/${f}`)).body.status);
    }
    expect(statuses).toEqual(["processed", "duplicate", "duplicate"]);
    expect((await deliveriesOf(ch.id)).map((d) => d.deliveryKey)).toEqual(["order:450789469:2008-01-10T11:00:00-05:00"]);
    expect((await db.order.findFirstOrThrow()).status).toBe("RECEIVED");
  });
});
