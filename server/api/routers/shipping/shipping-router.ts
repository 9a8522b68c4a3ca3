/**
 * Shipments: the list and detail (WAREHOUSE, OPERATOR, MANAGER, ADMIN), the
 * packages ready to ship and shipment creation (WAREHOUSE, ADMIN), manual
 * tracking events (WAREHOUSE, OPERATOR, ADMIN) and the delay check
 * (OPERATOR, ADMIN). The label PDF and the carriers' tracking webhook are route
 * handlers (app/api/shipments/[id]/label, app/api/carriers/[carrier]/tracking).
 */
import { roleProcedure, router } from "@/server/api/trpc";
import {
  carrierOptionsInput,
  carrierOptionsOutput,
  checkDelaysInput,
  checkDelaysOutput,
  createdShipmentOutput,
  idInput,
  readyPackagesInput,
  readyPackagesOutput,
  shipmentDetailOutput,
  shipmentListOutput,
  trackingResultOutput,
} from "@/server/api/routers/shipping/shipping-schemas";
import { addTrackingEvent, addTrackingEventInput } from "@/server/services/shipping/add-tracking-event";
import { createShipment, createShipmentInput } from "@/server/services/shipping/create-shipment";
import { detectDeliveryExceptions } from "@/server/services/shipping/detect-delivery-exceptions";
import { getShipment } from "@/server/services/shipping/get-shipment";
import { listCarrierOptions } from "@/server/services/shipping/list-carrier-options";
import { listReadyPackages } from "@/server/services/shipping/list-ready-packages";
import { listShipments, listShipmentsInput } from "@/server/services/shipping/list-shipments";
import {
  DELAY_CHECK_ROLES,
  SHIPMENT_CREATE_ROLES,
  SHIPMENT_VIEW_ROLES,
  TRACKING_ENTRY_ROLES,
} from "@/server/services/shipping/shipping-roles";

const viewers = roleProcedure(...SHIPMENT_VIEW_ROLES);
const shippers = roleProcedure(...SHIPMENT_CREATE_ROLES);

export const shippingRouter = router({
  list: viewers
    .input(listShipmentsInput)
    .output(shipmentListOutput)
    .query(({ ctx, input }) => listShipments({ actor: ctx.user, input })),
  get: viewers
    .input(idInput)
    .output(shipmentDetailOutput)
    .query(({ ctx, input }) => getShipment({ actor: ctx.user, shipmentId: input.id })),
  carrierOptions: viewers
    .input(carrierOptionsInput)
    .output(carrierOptionsOutput)
    .query(({ input }) => listCarrierOptions({ includeInactive: input?.includeInactive === true })),
  readyPackages: shippers
    .input(readyPackagesInput)
    .output(readyPackagesOutput)
    .query(({ ctx, input }) => listReadyPackages({ actor: ctx.user, ...input })),
  create: shippers
    .input(createShipmentInput)
    .output(createdShipmentOutput)
    .mutation(({ ctx, input }) => createShipment({ actor: ctx.user, input })),
  addEvent: roleProcedure(...TRACKING_ENTRY_ROLES)
    .input(addTrackingEventInput)
    .output(trackingResultOutput)
    .mutation(({ ctx, input }) => addTrackingEvent({ actor: ctx.user, input })),
  checkDelays: roleProcedure(...DELAY_CHECK_ROLES)
    .input(checkDelaysInput)
    .output(checkDelaysOutput)
    .mutation(({ ctx, input }) => detectDeliveryExceptions({ actor: ctx.user, ...input })),
});
