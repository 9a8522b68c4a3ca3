/** Inputs and outputs of the shipping and carrier routers. Only carrierAdminOutput has the tracking token. */
import { z } from "zod";
import { exceptionTextOutput } from "@/server/api/routers/exception/exception-schemas";
import { ORDER_STATUSES } from "@/server/services/order/order-state-machine";
import { CARRIER_KINDS } from "@/server/services/shipping/carrier-view";
import { SHIPMENT_STATUSES } from "@/server/services/shipping/shipment-status";

const shipmentStatus = z.enum(SHIPMENT_STATUSES);
const kind = z.enum(CARRIER_KINDS);

export const idInput = z.object({ id: z.uuid() });

export const shipmentListOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      createdAt: z.date(),
      status: shipmentStatus,
      trackingNumber: z.string(),
      service: z.string(),
      carrier: z.object({ id: z.string(), name: z.string() }),
      order: z.object({ id: z.string(), number: z.number().int(), externalNumber: z.string().nullable() }),
      packageNumber: z.number().int(),
      destination: z.string(),
      lastEventAt: z.date().nullable(),
      deliveredAt: z.date().nullable(),
      openExceptions: z.number().int(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const address = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string(),
  district: z.string(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
});

export const shipmentDetailOutput = z.object({
  id: z.string(),
  status: shipmentStatus,
  trackingNumber: z.string(),
  service: z.string(),
  carrier: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  createdAt: z.date(),
  createdBy: z.string().nullable(),
  shippedAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  lastEventAt: z.date().nullable(),
  order: z.object({ id: z.string(), number: z.number().int(), externalNumber: z.string().nullable(), status: z.enum(ORDER_STATUSES), shipBy: z.date().nullable() }),
  pkg: z.object({ number: z.number().int(), weightGrams: z.number().int().nullable(), items: z.array(z.object({ sku: z.string(), quantity: z.number().int() })) }),
  recipient: address,
  events: z.array(
    z.object({
      id: z.string(),
      status: shipmentStatus,
      occurredAt: z.date(),
      receivedAt: z.date(),
      description: z.string().nullable(),
      location: z.string().nullable(),
      source: z.string(),
      applied: z.boolean(),
    }),
  ),
  exceptions: z.array(
    z.object({
      id: z.string(), type: z.string(), status: z.enum(["OPEN", "RESOLVED"]), message: z.string(), text: exceptionTextOutput,
      createdAt: z.date(), resolvedAt: z.date().nullable(),
    }),
  ),
});

const readyPackage = z.object({
  id: z.string(),
  number: z.number().int(),
  closedAt: z.date().nullable(),
  weightGrams: z.number().int().nullable(),
  order: z.object({
    id: z.string(),
    number: z.number().int(),
    externalNumber: z.string().nullable(),
    status: z.enum(["INVOICED", "PACKED"]),
    shipBy: z.date().nullable(),
  }),
  destination: z.string(),
});

export const readyPackagesInput = z.object({ packageId: z.uuid().optional() });
export const readyPackagesOutput = z.object({ ready: z.array(readyPackage), awaitingInvoice: z.array(readyPackage) });

export const carrierOptionsInput = z.object({ includeInactive: z.boolean().optional() }).optional();

export const carrierOptionsOutput = z.array(
  z.object({ id: z.string(), code: z.string(), name: z.string(), kind, services: z.array(z.string()), typedTrackingNumber: z.boolean() }),
);

export const createdShipmentOutput = z.object({
  shipmentId: z.string(),
  trackingNumber: z.string(),
  orderId: z.string(),
  orderNumber: z.number().int(),
  orderStatus: z.enum(ORDER_STATUSES),
  partial: z.boolean(),
});

export const trackingResultOutput = z.object({
  result: z.enum(["stored", "duplicate"]),
  shipmentId: z.string(),
  status: shipmentStatus,
  applied: z.boolean(),
  orderDelivered: z.boolean(),
});

export const checkDelaysInput = z.object({
  stalledDays: z.number().int().min(1).max(60).optional(),
  transitDays: z.number().int().min(0).max(90).optional(),
});
export const checkDelaysOutput = z.object({ stalled: z.number().int(), late: z.number().int(), more: z.boolean() });

export const carrierAdminOutput = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind,
  services: z.array(z.string()),
  active: z.boolean(),
  trackingToken: z.string(),
  trackingPath: z.string(),
  shipmentCount: z.number().int(),
});
