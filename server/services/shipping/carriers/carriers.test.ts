import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/lib/domain-error";
import type { CarrierShipmentRequest } from "./carrier-adapter";
import { correiosPrefix, correiosSandbox } from "./correios-sandbox";
import { genericCarrier, genericPrefix } from "./generic-carrier";
import { manualCarrier } from "./manual-carrier";
import { carrierAdapter } from "./registry";
import { isValidS10 } from "./s10";

const request = (service: string, trackingNumber?: string): CarrierShipmentRequest => ({
  pkg: { id: "p", number: 1, weightGrams: 500, lengthMm: null, widthMm: null, heightMm: null },
  address: { name: "Maria", line1: "Rua A, 1", line2: "", district: "Centro", city: "Natal", state: "RN", postalCode: "59010-000" },
  service,
  ...(trackingNumber === undefined ? {} : { trackingNumber }),
});

describe("carrier adapters", () => {
  it("Correios sandbox gives valid S10 numbers with the service's prefix", async () => {
    const adapter = correiosSandbox("correios");
    for (const service of ["SEDEX", "PAC", "sedex 10", "UNKNOWN"]) {
      const { trackingNumber } = await adapter.createShipment(request(service));
      expect(isValidS10(trackingNumber), trackingNumber).toBe(true);
      expect(trackingNumber.slice(0, 2)).toBe(correiosPrefix(service));
      expect(trackingNumber.endsWith("BR")).toBe(true);
    }
    expect(correiosPrefix("PAC")).toBe("PN");
    expect(correiosPrefix("SEDEX")).toBe("SS");
  });

  it("Correios sandbox uses the serial it is given", async () => {
    const { trackingNumber } = await correiosSandbox("correios", () => 12_345_678).createShipment(request("SEDEX"));
    expect(trackingNumber).toBe("SS123456785BR");
  });

  it("the generic carrier prefixes its code", async () => {
    const { trackingNumber } = await genericCarrier("transportadora-generica", () => "0000000042").createShipment(request("Expresso"));
    expect(trackingNumber).toBe("TRA0000000042");
    expect(genericPrefix("tg")).toBe("TGX");
  });

  it("a manual carrier takes the typed number, normalised, and refuses junk", async () => {
    const adapter = manualCarrier("motoboy");
    expect((await adapter.createShipment(request("Entrega", " ab 12-34 "))).trackingNumber).toBe("AB12-34");
    await expect(adapter.createShipment(request("Entrega"))).rejects.toBeInstanceOf(DomainError);
    await expect(adapter.createShipment(request("Entrega", "x!"))).rejects.toMatchObject({ code: "VALIDATION", params: { field: "trackingNumber" } });
  });

  it("the registry picks the adapter by kind", () => {
    expect(carrierAdapter({ code: "c", kind: "CORREIOS" }).kind).toBe("CORREIOS");
    expect(carrierAdapter({ code: "g", kind: "GENERIC" }).typedTrackingNumber).toBe(false);
    expect(carrierAdapter({ code: "m", kind: "MANUAL" }).typedTrackingNumber).toBe(true);
  });
});
