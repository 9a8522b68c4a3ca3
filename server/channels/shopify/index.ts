/**
 * Shopify connector. Deliveries are HTTPS webhooks signed with
 * X-Shopify-Hmac-SHA256 (base64 HMAC-SHA256 of the raw body, app secret);
 * the body is the REST resource of the topic in the subscription's API version.
 */
import { asObject, header, idStr, isObject, parseJsonBody, sha256Hex, verifyHmacSha256, type JsonObject } from "../read";
import type { ChannelConnector, InboundDocument, InboundRequest } from "../types";
import { Where } from "../where";
import { mapShopifyOrder } from "./map-order";
import { mapShopifyRefund } from "./map-refund";

export { mapShopifyOrder, SHOPIFY_GUEST_NAME } from "./map-order";
export { mapShopifyRefund } from "./map-refund";

export const SHOPIFY_HMAC_HEADER = "x-shopify-hmac-sha256";

/** Topics whose body is the full order. */
export const SHOPIFY_ORDER_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/paid",
  "orders/fulfilled",
  "orders/partially_fulfilled",
  "orders/cancelled",
] as const;

function shopifyTopic(req: InboundRequest): string | undefined {
  return header(req, "x-shopify-topic");
}

/** Every topic Fluxo reads. */
const SHOPIFY_TOPICS = [...SHOPIFY_ORDER_TOPICS, "orders/delete", "refunds/create"];

/**
 * REST responses wrap the resource ({"order": …}, {"refund": …}); webhook bodies
 * do not. Accept both so polled documents go through the same parser.
 */
function unwrap(body: JsonObject, key: string, root: Where): { doc: JsonObject; where: Where } {
  const keys = Object.keys(body);
  const inner = body[key];
  return keys.length === 1 && keys[0] === key && isObject(inner) ? { doc: inner, where: root.at(key) } : { doc: body, where: root };
}

export function parseShopify(req: InboundRequest): InboundDocument {
  const root = Where.root("Shopify");
  const topic = shopifyTopic(req);
  if (topic === undefined) throw root.error("missingHeader", { header: "x-shopify-topic" });
  const body = asObject(parseJsonBody(req, "Shopify"), root);
  if ((SHOPIFY_ORDER_TOPICS as readonly string[]).includes(topic)) {
    const { doc, where } = unwrap(body, "order", root);
    return { kind: "order", order: mapShopifyOrder(doc, { forceCancelled: topic === "orders/cancelled", where }) };
  }
  if (topic === "refunds/create") {
    const { doc, where } = unwrap(body, "refund", root);
    return { kind: "refund", refund: mapShopifyRefund(doc, where) };
  }
  if (topic === "orders/delete") {
    const { doc, where } = unwrap(body, "order", root);
    const externalId = idStr(doc, "id");
    if (externalId === undefined) throw where.at("id").error("missingField");
    return { kind: "deletion", externalId };
  }
  throw root.error("unsupportedTopic", { topic, handled: SHOPIFY_TOPICS.join(", ") });
}

export const shopifyConnector: ChannelConnector = {
  platform: "SHOPIFY",

  verify(req, secret) {
    return verifyHmacSha256(req, secret, { header: SHOPIFY_HMAC_HEADER, encoding: "base64" });
  },

  /**
   * X-Shopify-Webhook-Id: the same on every retry of one delivery. Without it
   * (hand-made requests), the topic plus the body hash.
   */
  deliveryKey(req) {
    return header(req, "x-shopify-webhook-id") ?? `${shopifyTopic(req) ?? "unknown"}:sha256:${sha256Hex(req.rawBody)}`;
  },

  topic(req) {
    return shopifyTopic(req) ?? "unknown";
  },

  parse: parseShopify,
};

