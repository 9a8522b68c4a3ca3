/** Which adapter serves a carrier row. Real integrations replace the sandbox per kind here. */
import type { CarrierAdapter, CarrierKind } from "./carrier-adapter";
import { correiosSandbox } from "./correios-sandbox";
import { genericCarrier } from "./generic-carrier";
import { manualCarrier } from "./manual-carrier";

export function carrierAdapter(carrier: { code: string; kind: CarrierKind }): CarrierAdapter {
  switch (carrier.kind) {
    case "CORREIOS":
      return correiosSandbox(carrier.code);
    case "GENERIC":
      return genericCarrier(carrier.code);
    case "MANUAL":
      return manualCarrier(carrier.code);
  }
}
