/**
 * Amazon Selling Partner API connector.
 *
 * Inbound documents:
 * - the combined envelope `{"order": <getOrder response>, "orderItems":
 *   <getOrderItems response | [page, page, …]>}` → kind "order" (an Amazon
 *   order's lines only exist in getOrderItems, so the fetcher sends both);
 * - ORDER_CHANGE (or legacy ORDER_STATUS_CHANGE) notification from SQS /
 *   EventBridge → kind "notification", topic `ORDER_CHANGE:<OrderChangeType>`
 *   (e.g. "ORDER_CHANGE:BuyerRequestedChange" for a buyer cancel request);
 * - a bare getOrder or getOrderItems body → ChannelParseError.
 *
 * SP-API notifications are not HTTP webhooks (SQS/EventBridge); whatever
 * relays them to Fluxo authenticates with the shared token (`?token=` or
 * `x-fluxo-token`).
 */
import { isObject, obj, optDate, parseJsonBody, sha256Hex, str, verifySharedToken, type JsonObject } from "../read";
import type { ChannelConnector, InboundDocument, InboundRequest } from "../types";
import { Where } from "../where";
import { AMAZON_ENVELOPE, combineAmazonOrder } from "./combine";

export { combineAmazonOrder } from "./combine";

const NOTIFICATION_PAYLOAD: Record<string, string> = {
  ORDER_CHANGE: "OrderChangeNotification",
  ORDER_STATUS_CHANGE: "OrderStatusChangeNotification",
};

type Classified =
  | { type: "combined"; order: unknown; items: unknown }
  | { type: "notification"; body: JsonObject };

const ROOT = Where.root("Amazon");

function classify(value: unknown): Classified {
  if (!isObject(value)) throw ROOT.bad("bodyNotObject", value);
  if ("order" in value && "orderItems" in value) return { type: "combined", order: value.order, items: value.orderItems };
  if ("NotificationType" in value) return { type: "notification", body: value };
  const payload = isObject(value.payload) ? value.payload : value;
  const order = str(payload, "AmazonOrderId") ?? "(no AmazonOrderId)";
  if ("OrderItems" in payload) throw ROOT.error("amazonItemsWithoutOrder", { order, envelope: AMAZON_ENVELOPE });
  if ("PurchaseDate" in payload || "OrderStatus" in payload) throw ROOT.error("amazonOrderWithoutItems", { order, envelope: AMAZON_ENVELOPE });
  throw ROOT.bad("notRecognisedAmazon", value);
}

function tryClassify(req: InboundRequest): Classified | undefined {
  try {
    return classify(parseJsonBody(req, "Amazon"));
  } catch {
    return undefined;
  }
}

function notificationParts(n: JsonObject): { type: string; change?: JsonObject; orderId?: string; where: Where } {
  const type = str(n, "NotificationType") ?? "";
  const key = NOTIFICATION_PAYLOAD[type];
  const where = ROOT.at("Payload").at(key ?? "");
  const change = key ? obj(obj(n, "Payload", ROOT), key, ROOT.at("Payload")) : undefined;
  return { type, change, orderId: str(change, "AmazonOrderId"), where };
}

function notificationTopic(n: JsonObject): string {
  const { type, change } = notificationParts(n);
  const changeType = str(change, "OrderChangeType");
  return changeType ? `${type}:${changeType}` : type || "unknown";
}

function parseNotification(n: JsonObject): InboundDocument {
  const { type, change, orderId, where } = notificationParts(n);
  if (!(type in NOTIFICATION_PAYLOAD)) throw ROOT.error("unsupportedTopic", { topic: type, handled: Object.keys(NOTIFICATION_PAYLOAD).join(", ") });
  if (!change) throw where.error("missingField");
  if (!orderId) throw where.at("AmazonOrderId").error("missingField");
  const at =
    optDate(obj(change, "OrderChangeTrigger", where)?.TimeOfOrderChange, where.at("OrderChangeTrigger").at("TimeOfOrderChange")) ??
    optDate(n.EventTime, ROOT.at("EventTime"));
  return { kind: "notification", externalId: orderId, topic: notificationTopic(n), ...(at ? { at } : {}) };
}

function keyOf(doc: Classified | undefined): string | undefined {
  if (doc?.type === "notification") {
    const id = str(obj(doc.body, "NotificationMetadata", ROOT), "NotificationId");
    if (id) return id;
    const { type, orderId } = notificationParts(doc.body);
    return `${type}:${orderId ?? ""}:${str(doc.body, "EventTime") ?? ""}`;
  }
  if (doc?.type === "combined" && isObject(doc.order)) {
    const p = isObject(doc.order.payload) ? doc.order.payload : doc.order;
    return `order:${str(p, "AmazonOrderId") ?? ""}:${str(p, "LastUpdateDate") ?? str(p, "PurchaseDate") ?? ""}`;
  }
  return undefined;
}

export const amazonConnector: ChannelConnector = {
  platform: "AMAZON",

  verify: (req, secret) => verifySharedToken(req, secret),

  /**
   * Notification: NotificationMetadata.NotificationId (else
   * `type:AmazonOrderId:EventTime`). Combined order:
   * `order:<AmazonOrderId>:<LastUpdateDate>`. Anything else: sha256 of the body.
   */
  deliveryKey(req) {
    try {
      return keyOf(tryClassify(req)) ?? `sha256:${sha256Hex(req.rawBody)}`;
    } catch {
      return `sha256:${sha256Hex(req.rawBody)}`;
    }
  },

  topic(req) {
    try {
      const doc = tryClassify(req);
      if (!doc) return "unknown";
      return doc.type === "notification" ? notificationTopic(doc.body) : "order";
    } catch {
      return "unknown";
    }
  },

  parse(req) {
    const doc = classify(parseJsonBody(req, "Amazon"));
    if (doc.type === "notification") return parseNotification(doc.body);
    return { kind: "order", order: combineAmazonOrder(doc.order, doc.items) };
  },
};

export default amazonConnector;
