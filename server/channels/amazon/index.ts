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
import { ChannelParseError, type ChannelConnector, type InboundDocument, type InboundRequest } from "../types";
import { combineAmazonOrder } from "./combine";

export { combineAmazonOrder } from "./combine";

const NOTIFICATION_PAYLOAD: Record<string, string> = {
  ORDER_CHANGE: "OrderChangeNotification",
  ORDER_STATUS_CHANGE: "OrderStatusChangeNotification",
};

type Classified =
  | { type: "combined"; order: unknown; items: unknown }
  | { type: "notification"; body: JsonObject };

function classify(value: unknown): Classified {
  if (!isObject(value)) throw new ChannelParseError("Amazon body is not a JSON object");
  if ("order" in value && "orderItems" in value) return { type: "combined", order: value.order, items: value.orderItems };
  if ("NotificationType" in value) return { type: "notification", body: value };
  const payload = isObject(value.payload) ? value.payload : value;
  const id = str(payload, "AmazonOrderId") ?? "(no AmazonOrderId)";
  if ("OrderItems" in payload) {
    throw new ChannelParseError(
      `Amazon getOrderItems for ${id} has no order header: send {"order": <getOrder response>, "orderItems": <this response>}`,
    );
  }
  if ("PurchaseDate" in payload || "OrderStatus" in payload) {
    throw new ChannelParseError(
      `Amazon getOrder ${id} has no items: send {"order": <this response>, "orderItems": <getOrderItems response>}`,
    );
  }
  const keys = Object.keys(value).slice(0, 8).join(", ");
  throw new ChannelParseError(
    `Amazon document not recognised (keys: ${keys || "none"}): expected {order, orderItems} or an ORDER_CHANGE notification`,
  );
}

function tryClassify(req: InboundRequest): Classified | undefined {
  try {
    return classify(parseJsonBody(req, "Amazon"));
  } catch {
    return undefined;
  }
}

function notificationParts(n: JsonObject): { type: string; change?: JsonObject; orderId?: string } {
  const type = str(n, "NotificationType") ?? "";
  const key = NOTIFICATION_PAYLOAD[type];
  const change = key ? obj(obj(n, "Payload"), key) : undefined;
  return { type, change, orderId: str(change, "AmazonOrderId") };
}

function notificationTopic(n: JsonObject): string {
  const { type, change } = notificationParts(n);
  const changeType = str(change, "OrderChangeType");
  return changeType ? `${type}:${changeType}` : type || "unknown";
}

function parseNotification(n: JsonObject): InboundDocument {
  const { type, change, orderId } = notificationParts(n);
  if (!(type in NOTIFICATION_PAYLOAD)) {
    throw new ChannelParseError(`Amazon notification type "${type}" is not an order notification; only ORDER_CHANGE is handled`);
  }
  if (!change) throw new ChannelParseError(`Amazon ${type} notification has no Payload.${NOTIFICATION_PAYLOAD[type]}`);
  if (!orderId) throw new ChannelParseError(`Amazon ${type} notification has no AmazonOrderId`);
  const what = `Amazon ${type} notification for ${orderId}`;
  const at =
    optDate(obj(change, "OrderChangeTrigger")?.TimeOfOrderChange, `${what} OrderChangeTrigger.TimeOfOrderChange`) ??
    optDate(n.EventTime, `${what} EventTime`);
  return { kind: "notification", externalId: orderId, topic: notificationTopic(n), ...(at ? { at } : {}) };
}

function keyOf(doc: Classified | undefined): string | undefined {
  if (doc?.type === "notification") {
    const id = str(obj(doc.body, "NotificationMetadata"), "NotificationId");
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
