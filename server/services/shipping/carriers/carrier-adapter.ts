/**
 * What a carrier integration implements. create-shipment.ts calls
 * createShipment() once per package, before it writes anything; when writing
 * then fails (the package was shipped by someone else meanwhile, the tracking
 * number is taken…) it calls voidShipment() so the carrier can cancel the label.
 * A real integration (Correios Pré-Postagem API, a transportadora's REST API)
 * does its network calls here and maps its errors to DomainError.
 */
export type CarrierKind = "CORREIOS" | "GENERIC" | "MANUAL";

/** The box as the carrier needs it (weights/dimensions may be unknown for packages closed without them). */
export interface CarrierPackage {
  id: string;
  number: number;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
}

export interface CarrierAddress {
  name: string;
  line1: string;
  line2: string;
  district: string;
  city: string;
  state: string;
  postalCode: string;
}

export interface CarrierShipmentRequest {
  pkg: CarrierPackage;
  address: CarrierAddress;
  /** One of the carrier's services, e.g. "SEDEX". */
  service: string;
  /** Typed by a person (MANUAL carriers only). */
  trackingNumber?: string;
}

export interface CarrierShipmentResult {
  trackingNumber: string;
  /** The carrier's own label (e.g. a PDF or ZPL), when it provides one; we print ours otherwise. */
  labelData?: Uint8Array;
}

export interface CarrierAdapter {
  /** Carrier.code this adapter was built for. */
  readonly code: string;
  readonly kind: CarrierKind;
  /** Whether a person types the tracking number (MANUAL) or the carrier assigns it. */
  readonly typedTrackingNumber: boolean;
  createShipment(request: CarrierShipmentRequest): Promise<CarrierShipmentResult>;
  /** Best effort: undo createShipment() when our side could not record the shipment. */
  voidShipment?(trackingNumber: string): Promise<void>;
}
