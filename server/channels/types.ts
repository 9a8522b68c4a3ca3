/**
 * The contract between channel connectors and the order pipeline. Every
 * connector (server/channels/<platform>/) turns its platform's payloads into
 * these shapes; nothing downstream knows a platform's format.
 */
import type { Cents } from "@/server/lib/money";
import type { TemplateParams } from "@/server/lib/text-templates";
import { channelParseText, parseRuleParams, type ChannelParseRule } from "./parse-errors";

export const CHANNEL_PLATFORMS = [
  "SHOPIFY",
  "WOOCOMMERCE",
  "MERCADO_LIVRE",
  "VTEX",
  "NUVEMSHOP",
  "AMAZON",
  "MANUAL",
  "CSV",
] as const;
export type ChannelPlatform = (typeof CHANNEL_PLATFORMS)[number];

export const PAYMENT_STATUSES = [
  "PENDING",
  "AUTHORIZED",
  "PARTIALLY_PAID",
  "PAID",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
  "FAILED",
  "VOIDED",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface AddressInput {
  name?: string;
  line1: string;
  line2?: string;
  /** Bairro in Brazil. */
  district?: string;
  city: string;
  /** State/province code, e.g. "SP". */
  state?: string;
  /** Postal code as the platform sent it (CEP "01310-100"). */
  postalCode?: string;
  /** ISO 3166-1 alpha-2, e.g. "BR". */
  country?: string;
  phone?: string;
}

export interface CustomerInput {
  /** The platform's customer id, when it has one. */
  externalId?: string;
  name: string;
  email?: string;
  phone?: string;
  /** CPF / CNPJ or other tax id, digits only where known. */
  document?: string;
}

export interface OrderLineInput {
  /** The platform's line id. */
  externalId?: string;
  /** Our SKU code (the merchant's SKU as the platform reports it). Never empty: fall back to the platform's product/variant id. */
  sku: string;
  name: string;
  quantity: number;
  /** Price of one unit before discounts. */
  unitPriceCents: Cents;
  /** Total discount on the line (all units). */
  discountCents: Cents;
  /** Total tax on the line (all units). */
  taxCents: Cents;
}

/**
 * A refund the order document itself lists (WooCommerce `refunds`, Shopify `refunds` on orders/updated).
 * The same refund may also arrive as its own refund document: externalRefundId is what both share.
 */
export interface ChannelOrderRefundInput {
  externalRefundId: string;
  /** Money returned, positive. */
  amountCents: Cents;
  reason?: string;
  createdAt?: Date;
}

/** The lifecycle a channel reports; the pipeline state machine decides what it means for us. */
export type ChannelOrderState = "OPEN" | "CANCELLED";

export interface ChannelOrderInput {
  /** Unique per channel; kept as a string so 64-bit ids stay exact. */
  externalId: string;
  /** The number people see (Shopify "#1001", Woo "727"). */
  externalNumber?: string;
  placedAt: Date;
  /** The platform's last-modified time: a delivery older than what we hold must not overwrite it. */
  updatedAt: Date;
  /** ISO 4217, upper case. */
  currency: string;
  state: ChannelOrderState;
  cancelReason?: string;
  paymentStatus: PaymentStatus;
  paymentMethod?: string;
  customer: CustomerInput;
  shippingAddress?: AddressInput;
  billingAddress?: AddressInput;
  lines: OrderLineInput[];
  subtotalCents: Cents;
  discountCents: Cents;
  shippingCents: Cents;
  taxCents: Cents;
  totalCents: Cents;
  /** Promised ship-by date when the platform gives one. */
  shipBy?: Date;
  note?: string;
  /** Marked as a test order by the platform. */
  test?: boolean;
  /** Refunds listed in the order document, when the platform sends them there. */
  refunds?: ChannelOrderRefundInput[];
}

export interface RefundInput {
  externalOrderId: string;
  externalRefundId: string;
  amountCents: Cents;
  currency?: string;
  createdAt: Date;
  reason?: string;
  lines: { externalLineId?: string; sku?: string; quantity: number; restock: boolean }[];
}

/** What one inbound document means, after the connector has read it. */
export type InboundDocument =
  | { kind: "order"; order: ChannelOrderInput }
  /** Several orders in one document (a list endpoint, a VTEX order group). */
  | { kind: "orders"; orders: ChannelOrderInput[] }
  | { kind: "cancellation"; externalId: string; at: Date; reason?: string }
  | { kind: "deletion"; externalId: string }
  | { kind: "refund"; refund: RefundInput }
  /**
   * An order's delivery address on a document of its own (Mercado Livre's shipment resource): applied to the order
   * once it is in Fluxo; `source` names the document in messages ("Mercado Livre shipment 4347…").
   */
  | { kind: "shippingAddress"; externalId: string; address: AddressInput; shipBy?: Date; source: string }
  /** A notification that only points at an order (ML, VTEX hook, Nuvemshop, Amazon): recorded; the order document must follow. */
  | { kind: "notification"; externalId: string; topic: string; at?: Date }
  /** The platform's handshake when a webhook is configured. */
  | { kind: "ping" };

export interface InboundRequest {
  rawBody: Buffer;
  /** Header names lower-cased. */
  headers: Record<string, string | undefined>;
  /** Query-string parameters of the webhook URL (unsigned platforms carry a token there). */
  query: Record<string, string | undefined>;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export interface ChannelConnector {
  platform: ChannelPlatform;
  /**
   * Authenticity of a delivery, checked on the raw bytes before anything is
   * parsed (timing-safe). Platforms that do not sign check a shared token header.
   */
  verify(req: InboundRequest, secret: string): VerifyResult;
  /**
   * A stable key for this delivery so repeats are recognised (the platform's
   * delivery id, or what SOURCES.md recommends where there is none).
   */
  deliveryKey(req: InboundRequest): string;
  /** The topic/event name as the platform calls it, for the deliveries page. */
  topic(req: InboundRequest): string;
  /** Read the document; throws ChannelParseError naming its rule and the platform's field when it cannot. */
  parse(req: InboundRequest): InboundDocument;
}

/** A document that cannot be read: its rule and values (parse-errors.ts); the message is the rule's English text. */
export class ChannelParseError extends Error {
  readonly params: Record<string, string>;

  constructor(
    readonly rule: ChannelParseRule,
    params: TemplateParams = {},
  ) {
    super(channelParseText(rule, params));
    this.name = "ChannelParseError";
    // Only what the text names: the same values a stored text reads back to.
    this.params = Object.fromEntries(parseRuleParams(rule).map((name) => [name, String(params[name])]));
  }
}
