/** Order.shippingAddress (JSON from the channels) read defensively: missing parts become "". */
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
