/**
 * Why a channel delivery could not be read: one rule per kind of failure, with
 * its values (the platform, the field's path in the platform's own names, the
 * value it sent, shortened, what was expected). Stored as English text built
 * from the rule's template (ChannelDelivery.error, logs, the platform's 202
 * answer) and read back into rule and values with the same template, so that
 * Channel deliveries shows it in the reader's language (channelErrors.<rule>).
 * Field paths and topics are quoted and written JSON-escaped, so they read back
 * exactly; a value the platform sent always ends the text. Pure and client-safe.
 */
import { templateTable, type ReadText, type TemplateParams } from "@/server/lib/text-templates";

/** Templates: `{name}` is a value; `"{field}"`, `"{header}"`, `"{topic}"`, `"{found}"` are quoted values. */
export const CHANNEL_PARSE_ERRORS = {
  // The delivery as a whole.
  emptyBody: "{platform} sent an empty body: a JSON document was expected.",
  truncatedJson: "{platform} sent a body whose JSON is cut off: it ends at line {line}, column {column}, before the document is complete.",
  invalidJson: "{platform} sent a body that is not valid JSON: it breaks at line {line}, column {column}, at \"{found}\".",
  bodyNotObject: "{platform} sent a body that is not a JSON object: {value}",
  missingHeader: "{platform} sent no \"{header}\" header: it names the topic of the delivery.",
  unsupportedTopic: "{platform} topic \"{topic}\" is not one Fluxo reads; send only {handled}.",
  notRecognisedWooCommerce:
    "{platform} sent a document without an x-wc-webhook-topic header that is neither an order (line_items), an order list nor a refund (amount, refunded_by): {value}",
  notRecognisedMercadoLivre:
    "{platform} sent a document Fluxo does not read: expected a notification (topic, resource), an order (order_items), an /orders/search page (paging, results) or a shipment (order_id, receiver_address); got {value}",
  notRecognisedVtex:
    "{platform} sent a document Fluxo does not read: expected a hook notification (OrderId, State), a ping (hookConfig), an order (orderId, items) or an order group (an array of orders); got {value}",
  notRecognisedNuvemshop: "{platform} sent a document Fluxo does not read: expected a webhook (store_id, event, id) or an order (id, created_at, products); got {value}",
  notRecognisedAmazon:
    "{platform} sent a document Fluxo does not read: expected an envelope (order, orderItems) or an ORDER_CHANGE notification (NotificationType); got {value}",
  feedPage:
    "{platform} feed events ({count} in this page) are notifications; the feed is pulled and each event committed by its handle, then the order is fetched ({fetch}): do not post a feed page to the webhook",
  amazonOrderWithoutItems: "{platform} getOrder {order} has no items: send it together with getOrderItems as {envelope}",
  amazonItemsWithoutOrder: "{platform} getOrderItems for {order} has no order header: send it together with getOrder as {envelope}",
  amazonItemsOtherOrder: "{platform} getOrderItems page {page} is for order {other}, not for order {order}",
  amazonIncompletePages:
    "{platform} getOrderItems for {order} is incomplete (NextToken on the last page): fetch every page and send orderItems as an array of pages",
  amazonUnknownCurrency: "{platform} order {order} has no OrderTotal and no item with an ItemPrice: its currency is unknown",
  shipmentOtherOrder: "{platform} shipment {shipment} belongs to order {other}, not to order {order}",
  // One field of the document.
  missingField: "Field \"{field}\" is required, but {platform} did not send it.",
  missingOneOf: "{platform} sent none of {fields}: one of them is required.",
  noLines: "Field \"{field}\" is empty or missing: {platform} must send at least one line per order.",
  notObject: "Field \"{field}\" should be a JSON object; {platform} sent {value}",
  notArray: "Field \"{field}\" should be a JSON array; {platform} sent {value}",
  notInteger: "Field \"{field}\" should be a whole number ≥ {min}; {platform} sent {value}",
  notAmount: "Field \"{field}\" should be a decimal amount such as 19.90; {platform} sent {value}",
  notMinorUnits: "Field \"{field}\" should be a whole number of cents (1990 for 19.90); {platform} sent {value}",
  amountTooLarge: "Field \"{field}\" is a larger amount than Fluxo can hold; {platform} sent {value}",
  notDate: "Field \"{field}\" should be an ISO 8601 date-time such as 2025-03-01T10:00:00-03:00; {platform} sent {value}",
  notMoney: "Field \"{field}\" should be a Money object (CurrencyCode and Amount); {platform} sent {value}",
  notListed: "Field \"{field}\" should be one of {allowed}; {platform} sent {value}",
  notOrderResource: "Field \"{field}\" should name an order, such as /orders/2195160686; {platform} sent {value}",
  otherCurrency:
    "Field \"{field}\" is in {currency}, but the order is in {orderCurrency}: Fluxo never converts amounts, so {platform} must send them in the order's currency.",
  // Fluxo's own checks of the order a connector read.
  noConnector: "{platform} channels have no webhook connector.",
  orderWithoutId: "The order has no id.",
  orderWithoutLines: "Order {order} has no lines.",
  lineQuantity: "Order {order}: line {sku} has quantity {quantity}.",
  beyondStorage: "Order {order}: {input} is {value}, beyond what Fluxo can store (±{max} cents or units).",
} as const;

export type ChannelParseRule = keyof typeof CHANNEL_PARSE_ERRORS;

const TABLE = templateTable<ChannelParseRule>(
  "channel parse error",
  CHANNEL_PARSE_ERRORS,
  ["line", "column", "min", "count", "page", "max"],
  ["field", "header", "topic", "found"],
);
export const CHANNEL_PARSE_RULES = TABLE.keys;

/** The values a rule's text names, in order. */
export function parseRuleParams(rule: ChannelParseRule): string[] {
  return [...CHANNEL_PARSE_ERRORS[rule].matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
}

/** The English text of a rule, as stored. */
export function channelParseText(rule: ChannelParseRule, params: TemplateParams = {}): string {
  return TABLE.write(rule, params);
}

/** The rule a stored text was written by, with its values; null for any other text (one stored before rules existed). */
export function readChannelParseError(text: string | null | undefined): ReadText<ChannelParseRule> | null {
  return TABLE.read(text);
}
