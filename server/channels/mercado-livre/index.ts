/**
 * Mercado Livre / Mercado Libre connector.
 *
 * Inbound documents:
 * - notification `{_id, resource:"/orders/123", topic:"orders_v2", sent, …}` →
 *   kind "notification" (only topics orders/orders_v2; others are rejected);
 *   the order must then be fetched (GET /orders/{id}) and fed back in;
 * - order resource (GET /orders/{id}) → kind "order";
 * - /orders/search page `{paging, results:[…]}` → kind "orders";
 * - shipment resource (GET /shipments/{id}) → kind "shippingAddress": the
 *   receiver address (and handling limit) of the order it names.
 *
 * ML does not sign notifications: verify checks the shared token
 * (`?token=` or `x-fluxo-token`).
 */
import { addressSource } from "../address-sources";
import { arr, isObject, parseDate, parseJsonBody, sha256Hex, str, verifySharedToken, type JsonObject } from "../read";
import type { ChannelConnector, InboundDocument, InboundRequest } from "../types";
import { Where } from "../where";
import { mapMercadoLivreOrder } from "./order";
import { isShipment, shipmentFacts } from "./shipment";

export { mapMercadoLivreOrder } from "./order";
export { mergeShipment, parseShipmentAddress, shipmentFacts } from "./shipment";

const ORDER_TOPICS = new Set(["orders", "orders_v2"]);

type Classified =
  | { type: "notification"; body: JsonObject }
  | { type: "order"; body: JsonObject }
  | { type: "orders"; body: JsonObject }
  | { type: "shipment"; body: JsonObject };

const ROOT = Where.root("Mercado Livre");

function classify(value: unknown): Classified {
  if (!isObject(value)) throw ROOT.bad("bodyNotObject", value);
  if ("topic" in value && "resource" in value) return { type: "notification", body: value };
  if (Array.isArray(value.results) && "paging" in value) return { type: "orders", body: value };
  if ("order_items" in value) return { type: "order", body: value };
  if (isShipment(value)) return { type: "shipment", body: value };
  throw ROOT.bad("notRecognisedMercadoLivre", value);
}

function tryClassify(req: InboundRequest): Classified | undefined {
  try {
    return classify(parseJsonBody(req, "Mercado Livre"));
  } catch {
    return undefined;
  }
}

/** `/orders/2195160686` → "2195160686". */
function orderIdFromResource(n: JsonObject): string {
  const m = /^\/orders\/(\d+)\/?$/.exec(str(n, "resource") ?? "");
  if (!m?.[1]) throw ROOT.at("resource").bad("notOrderResource", n.resource);
  return m[1];
}

function parseNotification(n: JsonObject): InboundDocument {
  const topic = str(n, "topic") ?? "";
  if (!ORDER_TOPICS.has(topic)) throw ROOT.error("unsupportedTopic", { topic, handled: [...ORDER_TOPICS].join(", ") });
  const at = n.sent === undefined || n.sent === null ? undefined : parseDate(n.sent, ROOT.at("sent"));
  return { kind: "notification", externalId: orderIdFromResource(n), topic, ...(at ? { at } : {}) };
}

export const mercadoLivreConnector: ChannelConnector = {
  platform: "MERCADO_LIVRE",

  verify: (req, secret) => verifySharedToken(req, secret),

  /**
   * Notifications: `_id`, else `topic:resource:sent` (SOURCES.md). Orders:
   * `order:<id>:<last_updated>`. Anything else: sha256 of the body.
   */
  deliveryKey(req) {
    const doc = tryClassify(req);
    if (doc?.type === "notification") {
      const id = str(doc.body, "_id");
      if (id) return id;
      return `${str(doc.body, "topic") ?? ""}:${str(doc.body, "resource") ?? ""}:${str(doc.body, "sent") ?? ""}`;
    }
    if (doc?.type === "order") {
      const b = doc.body;
      const changed = str(b, "last_updated") ?? str(b, "date_last_updated") ?? str(b, "date_closed") ?? str(b, "date_created");
      return `order:${str(b, "id") ?? ""}:${changed ?? ""}`;
    }
    return `sha256:${sha256Hex(req.rawBody)}`;
  },

  topic(req) {
    const doc = tryClassify(req);
    if (!doc) return "unknown";
    if (doc.type === "notification") return str(doc.body, "topic") ?? "unknown";
    return { order: "order", orders: "orders/search", shipment: "shipment" }[doc.type];
  },

  parse(req) {
    const doc = classify(parseJsonBody(req, "Mercado Livre"));
    switch (doc.type) {
      case "notification":
        return parseNotification(doc.body);
      case "order":
        return { kind: "order", order: mapMercadoLivreOrder(doc.body) };
      case "orders":
        return { kind: "orders", orders: arr(doc.body, "results", ROOT).map((r, i) => mapMercadoLivreOrder(r, ROOT.at("results").at(i))) };
      case "shipment": {
        const f = shipmentFacts(doc.body);
        return {
          kind: "shippingAddress", externalId: f.externalOrderId, address: f.address, source: addressSource("mercadoLivreShipment", { shipment: f.shipmentId }),
          ...(f.shipBy ? { shipBy: f.shipBy } : {}),
        };
      }
    }
  },
};

export default mercadoLivreConnector;
