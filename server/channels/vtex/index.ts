/**
 * VTEX connector.
 *
 * Inbound documents:
 * - Orders Hook notification `{Domain, OrderId, State, LastState, LastChange,
 *   CurrentChange, Origin}` → kind "notification", topic `${Domain}:${State}`
 *   (cancel/canceled states included); fetch the order, then feed it in;
 * - hook ping `{"hookConfig":"ping"}` → kind "ping";
 * - order (GET /api/oms/pvt/orders/{id}) → kind "order";
 * - JSON array of orders (GET …/orders/order-group/{group}) → kind "orders";
 * - Feed v3 page (array of {eventId, handle, …}) → ChannelParseError: feed
 *   events are pulled and committed by a poller, not posted to the webhook.
 *
 * VTEX does not sign hook calls. verify() checks the shared token for every
 * delivery, the ping included: configure the hook with
 * `hook.headers: {"x-fluxo-token": "<secret>"}` (or put `?token=` in the URL)
 * so that VTEX's configuration ping passes too.
 */
import { isObject, optDate, parseJsonBody, sha256Hex, str, verifySharedToken, type JsonObject } from "../read";
import type { ChannelConnector, InboundDocument, InboundRequest } from "../types";
import { Where } from "../where";
import { mapVtexOrder } from "./order";

export { mapVtexOrder, vtexPaymentStatus } from "./order";
export { countryIso2 } from "./address";

type Classified =
  | { type: "ping" }
  | { type: "notification"; body: JsonObject }
  | { type: "order"; body: JsonObject }
  | { type: "orders"; body: unknown[] };

const isFeedEvent = (v: unknown): boolean => isObject(v) && "eventId" in v && "handle" in v;

const ROOT = Where.root("VTEX");

function classify(value: unknown): Classified {
  if (Array.isArray(value) && value.length > 0) {
    if (value.some(isFeedEvent)) {
      throw ROOT.error("feedPage", { count: value.length, fetch: "GET /api/oms/pvt/orders/{orderId}" });
    }
    return { type: "orders", body: value };
  }
  if (isObject(value)) {
    if (str(value, "hookConfig")?.toLowerCase() === "ping") return { type: "ping" };
    if ("OrderId" in value && "State" in value) return { type: "notification", body: value };
    if ("orderId" in value && "items" in value) return { type: "order", body: value };
  }
  // An empty array, a scalar, an object of another shape.
  throw ROOT.bad("notRecognisedVtex", value);
}

function tryClassify(req: InboundRequest): Classified | undefined {
  try {
    return classify(parseJsonBody(req, "VTEX"));
  } catch {
    return undefined;
  }
}

function parseNotification(n: JsonObject): InboundDocument {
  const orderId = str(n, "OrderId");
  const state = str(n, "State");
  if (!orderId || !state) throw ROOT.at(orderId ? "State" : "OrderId").error("missingField");
  const domain = str(n, "Domain") ?? "Unknown";
  const at = optDate(n.CurrentChange, ROOT.at("CurrentChange")) ?? optDate(n.LastChange, ROOT.at("LastChange"));
  return { kind: "notification", externalId: orderId, topic: `${domain}:${state}`, ...(at ? { at } : {}) };
}

export const vtexConnector: ChannelConnector = {
  platform: "VTEX",

  verify: (req, secret) => verifySharedToken(req, secret),

  /**
   * Hook: `OrderId:State:(CurrentChange ?? LastChange)` as sent (all 7
   * fractional digits). Order: `order:<orderId>:<lastChange>`. Ping: "ping".
   * Anything else (order groups, unreadable bodies): sha256 of the body.
   */
  deliveryKey(req) {
    const doc = tryClassify(req);
    if (doc?.type === "ping") return "ping";
    if (doc?.type === "notification") {
      const b = doc.body;
      return `${str(b, "OrderId") ?? ""}:${str(b, "State") ?? ""}:${str(b, "CurrentChange") ?? str(b, "LastChange") ?? ""}`;
    }
    if (doc?.type === "order") return `order:${str(doc.body, "orderId") ?? ""}:${str(doc.body, "lastChange") ?? ""}`;
    return `sha256:${sha256Hex(req.rawBody)}`;
  },

  topic(req) {
    const doc = tryClassify(req);
    if (!doc) return "unknown";
    if (doc.type === "notification") return `${str(doc.body, "Domain") ?? "Unknown"}:${str(doc.body, "State") ?? ""}`;
    return { ping: "ping", order: "order", orders: "order-group" }[doc.type];
  },

  parse(req) {
    const doc = classify(parseJsonBody(req, "VTEX"));
    switch (doc.type) {
      case "ping":
        return { kind: "ping" };
      case "notification":
        return parseNotification(doc.body);
      case "order":
        return { kind: "order", order: mapVtexOrder(doc.body) };
      case "orders":
        return { kind: "orders", orders: doc.body.map((o, i) => mapVtexOrder(o, ROOT.at(i))) };
    }
  },
};

export default vtexConnector;
