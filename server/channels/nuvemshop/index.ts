/**
 * Nuvemshop / Tiendanube connector. Webhooks are signed with
 * X-Linkedstore-HMAC-SHA256 (HEX HMAC-SHA256 of the raw body, app secret) and
 * only point at the order: `{"store_id", "event", "id"}`. The order itself is
 * then fetched from the API and goes through parse() as an order document.
 */
import { parseJsonSafe } from "@/server/lib/json-safe";
import { asObject, idStr, isObject, parseJsonBody, sha256Hex, str, verifyHmacSha256, type JsonObject } from "../read";
import { ChannelParseError, type ChannelConnector, type InboundDocument, type InboundRequest } from "../types";
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
  const doc = asObject(parseJsonBody(req, "Nuvemshop"), "Nuvemshop body");
  if (isNotification(doc)) {
    const event = str(doc, "event");
    if (event === undefined) throw new ChannelParseError("Nuvemshop webhook has no event");
    if (!event.startsWith("order/")) throw new ChannelParseError(`Nuvemshop event "${event}" is not an order event`);
    const externalId = idStr(doc, "id");
    if (externalId === undefined) throw new ChannelParseError(`Nuvemshop ${event} webhook has no id`);
    return { kind: "notification", externalId, topic: event };
  }
  if (isOrder(doc)) return { kind: "order", order: mapNuvemshopOrder(doc) };
  throw new ChannelParseError("Nuvemshop body is neither a webhook ({store_id, event, id}) nor an order");
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
