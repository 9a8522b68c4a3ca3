/**
 * Correios in sandbox mode: no network, S10 tracking numbers generated here
 * with the real check digit, a service indicator per service and "BR". A real
 * integration (the Correios Pré-Postagem API) implements the same interface and
 * gets its numbers from the carrier.
 */
import { randomInt } from "node:crypto";
import type { CarrierAdapter, CarrierShipmentRequest, CarrierShipmentResult } from "./carrier-adapter";
import { formatS10 } from "./s10";

/** Service indicators used on Correios labels (first two letters of the object code). */
export const CORREIOS_SERVICE_PREFIX: Readonly<Record<string, string>> = {
  SEDEX: "SS",
  "SEDEX 10": "SF",
  "SEDEX 12": "SF",
  PAC: "PN",
  "PAC MINI": "QB",
  "CARTA REGISTRADA": "RA",
};
const DEFAULT_PREFIX = "SS";

export function correiosPrefix(service: string): string {
  return CORREIOS_SERVICE_PREFIX[service.trim().toUpperCase()] ?? DEFAULT_PREFIX;
}

export function correiosSandbox(code: string, serial: () => number = () => randomInt(0, 100_000_000)): CarrierAdapter {
  return {
    code,
    kind: "CORREIOS",
    typedTrackingNumber: false,
    async createShipment(request: CarrierShipmentRequest): Promise<CarrierShipmentResult> {
      return { trackingNumber: formatS10(correiosPrefix(request.service), serial()) };
    },
  };
}
