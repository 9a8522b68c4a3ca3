/**
 * Shopify connector. Deliveries are HTTPS webhooks signed with
 * X-Shopify-Hmac-SHA256 (base64 HMAC-SHA256 of the raw body, app secret);
 * the body is the REST resource of the topic in the subscription's API version.
 */
import { asObject, header, idStr, isObject, parseJsonBody, sha256Hex, verifyHmacSha256, type JsonObject } from "../read";
import { ChannelParseError, type ChannelConnector, type InboundDocument, type InboundRequest } from "../types";
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

/**
 * REST responses wrap the resource ({"order": …}, {"refund": …}); webhook bodies
 * do not. Accept both so polled documents go through the same parser.
 */
function unwrap(body: JsonObject, key: string): JsonObject {
  const keys = Object.keys(body);
  const inner = body[key];
  return keys.length === 1 && keys[0] === key && isObject(inner) ? inner : body;
}

export function parseShopify(req: InboundRequest): InboundDocument {
  const topic = shopifyTopic(req);
  if (topic === undefined) throw new ChannelParseError("Shopify delivery has no x-shopify-topic header");
  const body = asObject(parseJsonBody(req, "Shopify"), `Shopify ${topic} body`);
  if ((SHOPIFY_ORDER_TOPICS as readonly string[]).includes(topic)) {
    const order = mapShopifyOrder(unwrap(body, "order"), { forceCancelled: topic === "orders/cancelled" });
    return { kind: "order", order };
  }
  if (topic === "refunds/create") return { kind: "refund", refund: mapShopifyRefund(unwrap(body, "refund")) };
  if (topic === "orders/delete") {
    const externalId = idStr(unwrap(body, "order"), "id");
    if (externalId === undefined) throw new ChannelParseError("Shopify orders/delete body has no id");
    return { kind: "deletion", externalId };
  }
  throw new ChannelParseError(`Unsupported Shopify topic "${topic}" (not an order or refund topic)`);
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

