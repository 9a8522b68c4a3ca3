/** Order.shippingAddress (JSON from the channels) read defensively: missing parts become "". */
import { BRAZIL_UFS, ufOf } from "@/server/services/stock/brazil-regions";
import type { CarrierAddress } from "./carriers/carrier-adapter";

const KEYS = ["name", "line1", "line2", "district", "city", "state", "postalCode"] as const;

export function readShippingAddress(json: unknown, fallbackName: string): CarrierAddress {
  const obj = typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const text = (k: string) => (typeof obj[k] === "string" ? (obj[k] as string).trim() : "");
  const out = Object.fromEntries(KEYS.map((k) => [k, text(k)])) as unknown as CarrierAddress;
  if (!out.name) out.name = fallbackName;
  out.state = out.state.toUpperCase();
  return out;
}

/** "01310-100" for 8 digits, the input otherwise. */
export function formatCep(cep: string): string {
  const digits = cep.replace(/\D/g, "");
  return digits.length === 8 ? `${digits.slice(0, 5)}-${digits.slice(5)}` : cep;
}

/** The parts of a delivery address a carrier cannot do without. */
export const CARRIER_ADDRESS_FIELDS = ["line1", "city", "state", "postalCode"] as const;
export type CarrierAddressField = (typeof CARRIER_ADDRESS_FIELDS)[number];

const BRAZIL_NAMES = ["", "BR", "BRA", "BRASIL", "BRAZIL"];
const UFS: ReadonlySet<string> = new Set(BRAZIL_UFS);

/** Brazil unless the address names another country (channels in Brazil often leave it out). */
export function isBrazilianAddress(json: unknown): boolean {
  const obj = typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const country = typeof obj.country === "string" ? obj.country.trim().toUpperCase() : "";
  return BRAZIL_NAMES.includes(country);
}

/**
 * A Brazilian address whose state is the state's name ("São Paulo", as Nuvemshop sends it) or a code in another
 * form ("sp", "BR-SP") carries its UF ("SP") instead; anything else is returned as it came (a state that is no UF
 * stays, so the address still shows what was sent and why a carrier cannot use it).
 */
export function withBrazilianUf<T extends { state?: string; country?: string }>(address: T): T {
  if (!address.state || !isBrazilianAddress(address)) return address;
  const uf = ufOf(address.state);
  return uf && uf !== address.state ? { ...address, state: uf } : address;
}

/**
 * What a carrier would miss in Order.shippingAddress (JSON), in CARRIER_ADDRESS_FIELDS order; empty when the
 * address can be shipped to. In Brazil: street line, city, one of the 27 UFs and an 8-digit CEP. Elsewhere:
 * street line and city (state and postal code are not used everywhere). No address at all misses every part.
 */
export function missingAddressFields(json: unknown): CarrierAddressField[] {
  const a = readShippingAddress(json, "");
  const br = isBrazilianAddress(json);
  const ok: Record<CarrierAddressField, boolean> = {
    line1: a.line1 !== "",
    city: a.city !== "",
    state: br ? UFS.has(a.state.replace(/^BR-/, "")) : true,
    postalCode: br ? a.postalCode.replace(/\D/g, "").length === 8 : true,
  };
  return CARRIER_ADDRESS_FIELDS.filter((f) => !ok[f]);
}

export function isShippableAddress(json: unknown): boolean {
  return missingAddressFields(json).length === 0;
}
