/**
 * Nuvemshop / Tiendanube connector. Webhooks are signed with
 * X-Linkedstore-HMAC-SHA256 (HEX HMAC-SHA256 of the raw body, app secret) and
 * only point at the order: `{"store_id", "event", "id"}`. The order itself is
 * then fetched from the API and goes through parse() as an order document.
 */
import { parseJsonSafe } from "@/server/lib/json-safe";
import { asObject, idStr, isObject, parseJsonBody, sha256Hex, str, verifyHmacSha256, type JsonObject } from "../read";
import type { ChannelConnector, InboundDocument, InboundRequest } from "../types";
import { Where } from "../where";
import { mapNuvemshopOrder } from "./map-order";

export { mapNuvemshopOrder, NUVEMSHOP_GUEST_NAME } from "./map-order";

export const NUVEMSHOP_HMAC_HEADER = "x-linkedstore-hmac-sha256";

function isNotification(doc: JsonObject): boolean {
  return "event" in doc && "store_id" in doc;
}

function isOrder(doc: JsonObject): boolean {
  return "products" in doc || ("id" in doc && "created_at" in doc);
}

function bodyOrUndefined(req: InboundRequest): JsonObject | undefined {
  try {
    const body = parseJsonSafe(req.rawBody.toString("utf8"));
    return isObject(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

export function parseNuvemshop(req: InboundRequest): InboundDocument {
  const root = Where.root("Nuvemshop");
  const doc = asObject(parseJsonBody(req, "Nuvemshop"), root);
  if (isNotification(doc)) {
    const event = str(doc, "event");
    if (event === undefined) throw root.at("event").error("missingField");
    if (!event.startsWith("order/")) throw root.error("unsupportedTopic", { topic: event, handled: "order/*" });
    const externalId = idStr(doc, "id");
    if (externalId === undefined) throw root.at("id").error("missingField");
    return { kind: "notification", externalId, topic: event };
  }
  if (isOrder(doc)) return { kind: "order", order: mapNuvemshopOrder(doc) };
  throw root.bad("notRecognisedNuvemshop", doc);
}

export const nuvemshopConnector: ChannelConnector = {
  platform: "NUVEMSHOP",

  verify(req, secret) {
    return verifyHmacSha256(req, secret, { header: NUVEMSHOP_HMAC_HEADER, encoding: "hex" });
  },

  /**
   * No delivery id exists. Webhooks: `<store_id>:<event>:<id>`; fetched orders:
   * `order:<id>:<updated_at>`; anything else: the body hash.
   */
  deliveryKey(req) {
    const doc = bodyOrUndefined(req);
    if (doc && isNotification(doc)) return `${str(doc, "store_id") ?? ""}:${str(doc, "event") ?? ""}:${str(doc, "id") ?? ""}`;
    if (doc && isOrder(doc)) return `order:${str(doc, "id") ?? ""}:${str(doc, "updated_at") ?? ""}`;
    return `sha256:${sha256Hex(req.rawBody)}`;
  },

  topic(req) {
    const doc = bodyOrUndefined(req);
    if (doc && isNotification(doc)) return str(doc, "event") ?? "unknown";
    if (doc && isOrder(doc)) return "order";
    return "unknown";
  },

  parse: parseNuvemshop,
};
