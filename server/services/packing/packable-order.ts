/**
 * Which orders the pack station works on. Pure.
 *  - PICKING: a new package is opened (or the open one resumed).
 *  - PACKED: only an open package is resumed.
 *  - INVOICED and PARTIALLY_SHIPPED: a package left with part of the order
 *    (closed short by an override, or a line was backordered); a new package
 *    takes the units still reserved, and ships under the order's NF-e.
 */
import type { FulfillmentStatus, OrderStatus } from "@/server/services/order/order-dimensions";

export interface PackableOrder {
  status: OrderStatus;
  fulfillmentStatus: FulfillmentStatus;
}

/** After a partial shipment: the rest of the order is packed while it stays INVOICED. */
export function isPartiallyShipped(order: PackableOrder): boolean {
  return order.status === "INVOICED" && order.fulfillmentStatus === "PARTIALLY_SHIPPED";
}

/** Units may be scanned into an open package of this order. */
export function mayPack(order: PackableOrder): boolean {
  return order.status === "PICKING" || order.status === "PACKED" || isPartiallyShipped(order);
}

/** A new package may be opened for this order (other conditions apply after a partial shipment, see start-packing.ts). */
export function mayOpenPackage(order: PackableOrder): boolean {
  return order.status === "PICKING" || isPartiallyShipped(order);
}
