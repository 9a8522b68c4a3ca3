/**
 * WooCommerce connector. Webhooks are signed with X-WC-Webhook-Signature
 * (base64 HMAC-SHA256 of the raw body, webhook secret); creating a webhook
 * sends an unsigned ping whose body is the form string `webhook_id=<id>`.
 */
import { parseJsonSafe } from "@/server/lib/json-safe";
import { asObject, header, idStr, isObject, parseJsonBody, sha256Hex, str, verifyHmacSha256 } from "../read";
import type { ChannelConnector, InboundDocument, InboundRequest } from "../types";
import { Where } from "../where";
import { mapWooOrder } from "./map-order";
import { looksLikeWooRefund, mapWooRefund } from "./map-refund";

export { mapWooOrder, WOO_GUEST_NAME } from "./map-order";
export { mapWooRefund } from "./map-refund";

export const WOO_SIGNATURE_HEADER = "x-wc-webhook-signature";

/** Topics whose body is the full order. */
export const WOO_ORDER_TOPICS = ["order.created", "order.updated", "order.restored"] as const;

/** The webhook id of a ping (body exactly `webhook_id=<digits>`), else undefined. */
function pingWebhookId(req: InboundRequest): string | undefined {
  return /^webhook_id=(\d+)$/.exec(req.rawBody.toString("utf8"))?.[1];
}

export function parseWoo(req: InboundRequest): InboundDocument {
  if (pingWebhookId(req) !== undefined) return { kind: "ping" };
  const root = Where.root("WooCommerce");
  const topic = header(req, "x-wc-webhook-topic");
  const body = parseJsonBody(req, "WooCommerce");
  if (Array.isArray(body)) {
    return { kind: "orders", orders: body.map((o, i) => mapWooOrder(asObject(o, root.at(i)), root.at(i))) };
  }
  const doc = asObject(body, root);
  if (topic !== undefined) {
    if ((WOO_ORDER_TOPICS as readonly string[]).includes(topic)) return { kind: "order", order: mapWooOrder(doc) };
    if (topic === "order.deleted") {
      const externalId = idStr(doc, "id");
      if (externalId === undefined) throw root.at("id").error("missingField");
      return { kind: "deletion", externalId };
    }
    throw root.error("unsupportedTopic", { topic, handled: [...WOO_ORDER_TOPICS, "order.deleted"].join(", ") });
  }
  // No topic header: a document fetched from the REST API by a poller.
  if (looksLikeWooRefund(doc)) return { kind: "refund", refund: mapWooRefund(doc) };
  if ("line_items" in doc) return { kind: "order", order: mapWooOrder(doc) };
  throw root.bad("notRecognisedWooCommerce", doc);
}

export const wooCommerceConnector: ChannelConnector = {
  platform: "WOOCOMMERCE",

  verify(req, secret) {
    // The creation ping is unsigned by design; anything else must carry the signature.
    if (header(req, WOO_SIGNATURE_HEADER) === undefined && pingWebhookId(req) !== undefined) return { ok: true };
    return verifyHmacSha256(req, secret, { header: WOO_SIGNATURE_HEADER, encoding: "base64" });
  },

  /**
   * X-WC-Webhook-Delivery-ID is new on every send, so it cannot recognise a
   * repeat. Key on what the delivery says instead (SOURCES.md):
   * `<X-WC-Webhook-Source>|<order id>|<date_modified_gmt>`; `…|<id>|deleted` for
   * order.deleted; `ping:<webhook id>` for pings; the body hash otherwise.
   */
  deliveryKey(req) {
    const ping = pingWebhookId(req);
    if (ping !== undefined) return `ping:${ping}`;
    const source = header(req, "x-wc-webhook-source") ?? "woocommerce";
    let body: unknown;
    try {
      body = parseJsonSafe(req.rawBody.toString("utf8"));
    } catch {
      body = undefined;
    }
    if (isObject(body)) {
      const id = idStr(body, "id");
      const modified = str(body, "date_modified_gmt") ?? str(body, "date_modified");
      if (id !== undefined && modified !== undefined) return `${source}|${id}|${modified}`;
      if (id !== undefined && header(req, "x-wc-webhook-topic") === "order.deleted") return `${source}|${id}|deleted`;
    }
    return `${source}|sha256:${sha256Hex(req.rawBody)}`;
  },

  topic(req) {
    return header(req, "x-wc-webhook-topic") ?? (pingWebhookId(req) !== undefined ? "ping" : "unknown");
  },

  parse: parseWoo,
};
