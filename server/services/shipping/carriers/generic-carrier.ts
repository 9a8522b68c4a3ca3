/**
 * A transportadora without an integration yet: tracking numbers are made here
 * ("<3 letters of the carrier code><10 digits>"), events arrive on the tracking
 * webhook or are typed on the shipment page.
 */
import { randomInt } from "node:crypto";
import type { CarrierAdapter, CarrierShipmentRequest, CarrierShipmentResult } from "./carrier-adapter";

export function genericPrefix(code: string): string {
  const letters = code.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return (letters + "XXX").slice(0, 3);
}

export function genericCarrier(code: string, digits: () => string = () => String(randomInt(0, 10_000_000_000)).padStart(10, "0")): CarrierAdapter {
  return {
    code,
    kind: "GENERIC",
    typedTrackingNumber: false,
    async createShipment(_request: CarrierShipmentRequest): Promise<CarrierShipmentResult> {
      return { trackingNumber: `${genericPrefix(code)}${digits()}` };
    },
  };
}
