/**
 * A carrier we do not talk to (a motoboy, the customer's own courier, a
 * carrier's counter): the person shipping types the tracking number from the
 * carrier's receipt. Normalised to upper case without spaces.
 */
import { DomainError } from "@/server/lib/domain-error";
import type { CarrierAdapter, CarrierShipmentRequest, CarrierShipmentResult } from "./carrier-adapter";

const TRACKING = /^[A-Z0-9][A-Z0-9./-]{3,39}$/;

export function normalizeTypedTrackingNumber(raw: string | undefined): string | null {
  const value = (raw ?? "").replace(/\s+/g, "").toUpperCase();
  return TRACKING.test(value) ? value : null;
}

export function manualCarrier(code: string): CarrierAdapter {
  return {
    code,
    kind: "MANUAL",
    typedTrackingNumber: true,
    async createShipment(request: CarrierShipmentRequest): Promise<CarrierShipmentResult> {
      const trackingNumber = normalizeTypedTrackingNumber(request.trackingNumber);
      if (!trackingNumber) {
        throw new DomainError("VALIDATION", "Type the tracking number from the carrier's receipt (4–40 letters, digits, '.', '/' or '-').", {
          field: "trackingNumber",
          detail: "trackingNumber: 4–40 letters, digits, '.', '/' or '-'",
        });
      }
      return { trackingNumber };
    },
  };
}
