/**
 * What the channels last said about a customer, for the fields a person may
 * correct: read from the customer's latest order (highest number: the last
 * capture, whose upsert wrote the customer last; order/capture-order.ts).
 *
 * - name: the order keeps the name it arrived with (Order.customerName), which
 *   is exactly what the capture upsert writes.
 * - phone, CPF/CNPJ: the order does not keep the customer's own (an address's
 *   phone is another field, and not what the upsert writes), so they are read
 *   back from the order's stored delivery (Order.sourceDeliveryId) with its
 *   channel's connector, as a re-process would read it.
 *
 * A value the latest order does not carry is absent: an order typed or
 * imported from a CSV file (no delivery), a document that does not say it, a
 * delivery that no longer parses. The upsert keeps the current phone and
 * document when a channel sends none, so nothing would replace them yet.
 */
import type { DbTx } from "@/server/db";
import { connectorFor } from "@/server/channels/registry";
import type { ChannelOrderInput, ChannelPlatform, InboundDocument } from "@/server/channels/types";
import type { CustomerEditableField } from "@/server/services/customer/customer-inputs";

export interface ChannelCustomerValues {
  orderId: string;
  orderNumber: number;
  /** The channel's value of each field the latest order carries (non-empty). */
  values: Partial<Record<CustomerEditableField, string>>;
}

const present = (v: string | undefined | null): v is string => typeof v === "string" && v.trim() !== "";

function ordersOf(doc: InboundDocument): ChannelOrderInput[] {
  if (doc.kind === "order") return [doc.order];
  if (doc.kind === "orders") return doc.orders;
  return [];
}

/** The customer as the stored delivery of `order` describes it, or null when it cannot say. */
async function deliveredCustomer(
  tx: DbTx,
  order: { externalId: string; sourceDeliveryId: string | null; platform: ChannelPlatform },
): Promise<ChannelOrderInput["customer"] | null> {
  const connector = connectorFor(order.platform);
  if (!order.sourceDeliveryId || !connector) return null;
  const delivery = await tx.channelDelivery.findUnique({ where: { id: order.sourceDeliveryId }, select: { rawBody: true, headers: true } });
  if (!delivery) return null;
  try {
    const doc = connector.parse({ rawBody: Buffer.from(delivery.rawBody, "utf8"), headers: (delivery.headers ?? {}) as Record<string, string>, query: {} });
    return ordersOf(doc).find((o) => o.externalId === order.externalId)?.customer ?? null;
  } catch {
    // A delivery that no longer parses (a connector changed since) says nothing: the next order will.
    return null;
  }
}

/** The latest order's values, or null when the customer has no order. */
export async function channelCustomerValues(tx: DbTx, customerId: string): Promise<ChannelCustomerValues | null> {
  const order = await tx.order.findFirst({
    where: { customerId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, externalId: true, customerName: true, sourceDeliveryId: true, channel: { select: { platform: true } } },
  });
  if (!order) return null;
  const values: ChannelCustomerValues["values"] = {};
  if (present(order.customerName)) values.name = order.customerName;
  const customer = await deliveredCustomer(tx, { externalId: order.externalId, sourceDeliveryId: order.sourceDeliveryId, platform: order.channel.platform });
  const phone = customer?.phone;
  const document = customer?.document;
  if (present(phone)) values.phone = phone;
  if (present(document)) values.document = document;
  return { orderId: order.id, orderNumber: order.number, values };
}
