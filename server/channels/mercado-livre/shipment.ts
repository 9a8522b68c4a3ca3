/**
 * Mercado Livre addresses. Current orders carry only `shipping: {id}`; the
 * address lives on the shipment resource (GET /shipments/{id}), which points
 * back with `order_id`. Older orders embed the whole shipment, including
 * `receiver_address`, in `shipping`. A shipment delivered on its own (to the
 * webhook, after its order) sets the order's address (kind "shippingAddress");
 * a fetcher that holds both can merge them before the capture (mergeShipment).
 */
import { asObject, idStr, joinName, obj, optDate, parseJsonText, str, type JsonObject } from "../read";
import type { AddressInput, ChannelOrderInput } from "../types";
import { Where } from "../where";

const ROOT = Where.root("Mercado Livre");

/** "BR-SP" → "SP"; a bare code is kept; otherwise the state's name. */
function stateCode(state: JsonObject | undefined): string | undefined {
  const id = str(state, "id");
  if (id) {
    const m = /^[A-Z]{2}-([A-Z0-9]{1,3})$/i.exec(id);
    if (m?.[1]) return m[1].toUpperCase();
    if (/^[A-Z0-9]{1,3}$/i.test(id)) return id.toUpperCase();
  }
  return str(state, "name");
}

/** A `receiver_address` object (at `where`) → AddressInput. */
export function mapReceiverAddress(a: JsonObject, where: Where): AddressInput {
  const street = str(a, "street_name");
  const number = str(a, "street_number");
  const line1 = street ? joinName(street + (number ? "," : ""), number) : str(a, "address_line");
  if (!line1) throw where.noneOf("street_name", "address_line");
  const city = str(obj(a, "city", where), "name");
  if (!city) throw where.at("city").at("name").error("missingField");
  const country = str(obj(a, "country", where), "id");
  return {
    name: str(a, "receiver_name"),
    line1,
    line2: str(a, "comment"),
    district: str(obj(a, "neighborhood", where), "name"),
    city,
    state: stateCode(obj(a, "state", where)),
    postalCode: str(a, "zip_code"),
    country: country && /^[A-Z]{2}$/i.test(country) ? country.toUpperCase() : undefined,
    phone: str(a, "receiver_phone"),
  };
}

/** True for a body that is a shipment resource rather than an order. */
export function isShipment(o: JsonObject): boolean {
  return !("order_items" in o) && "order_id" in o && ("receiver_address" in o || "shipping_option" in o || "logistic_type" in o);
}

function toJson(shipment: unknown): JsonObject {
  let value = shipment;
  if (typeof shipment === "string") value = parseJsonText(shipment, "Mercado Livre");
  else if (Buffer.isBuffer(shipment)) value = parseJsonText(shipment.toString("utf8"), "Mercado Livre");
  return asObject(value, ROOT);
}

/**
 * The receiver address of a shipment (GET /shipments/{id}) and the order it
 * belongs to. Accepts parsed JSON or the raw text (ids then stay exact).
 */
export function parseShipmentAddress(shipmentJson: unknown): { externalOrderId: string; address: AddressInput } {
  const s = toJson(shipmentJson);
  const externalOrderId = idStr(s, "order_id");
  if (!externalOrderId) throw ROOT.at("order_id").error("missingField");
  const receiver = obj(s, "receiver_address", ROOT);
  if (!receiver) throw ROOT.at("receiver_address").error("missingField");
  return { externalOrderId, address: mapReceiverAddress(receiver, ROOT.at("receiver_address")) };
}

/** What a shipment tells about its order: the address, and shipBy from shipping_option.estimated_handling_limit.date. */
export function shipmentFacts(shipmentJson: unknown): { shipmentId: string; externalOrderId: string; address: AddressInput; shipBy?: Date } {
  const s = toJson(shipmentJson);
  const { externalOrderId, address } = parseShipmentAddress(s);
  const shipmentId = str(s, "id") ?? "(no id)";
  const option = ROOT.at("shipping_option");
  const handlingLimit = obj(obj(s, "shipping_option", ROOT), "estimated_handling_limit", option)?.date;
  const shipBy = optDate(handlingLimit, option.at("estimated_handling_limit").at("date"));
  return { shipmentId, externalOrderId, address, ...(shipBy ? { shipBy } : {}) };
}

/**
 * The order with its shipping address filled from the shipment (and shipBy
 * from shipping_option.estimated_handling_limit.date when the order has none).
 * The shipment must belong to the order.
 */
export function mergeShipment(order: ChannelOrderInput, shipmentJson: unknown): ChannelOrderInput {
  const facts = shipmentFacts(shipmentJson);
  if (facts.externalOrderId !== order.externalId) {
    throw ROOT.error("shipmentOtherOrder", { shipment: facts.shipmentId, other: facts.externalOrderId, order: order.externalId });
  }
  const shipBy = order.shipBy ?? facts.shipBy;
  return { ...order, shippingAddress: facts.address, ...(shipBy ? { shipBy } : {}) };
}
