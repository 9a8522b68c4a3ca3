/** VTEX addresses: ISO 3166-1 alpha-3 countries ("BRA") mapped to alpha-2. */
import { str, type JsonObject } from "../read";
import type { AddressInput } from "../types";

/** Alpha-3 → alpha-2 for the countries VTEX stores sell in (the Americas, Iberia and the usual others). */
const ISO3_TO_ISO2: Record<string, string> = {
  ARG: "AR", BOL: "BO", BRA: "BR", CAN: "CA", CHL: "CL", COL: "CO", CRI: "CR", CUB: "CU",
  DOM: "DO", ECU: "EC", GTM: "GT", HND: "HN", MEX: "MX", NIC: "NI", PAN: "PA", PER: "PE",
  PRI: "PR", PRY: "PY", SLV: "SV", URY: "UY", USA: "US", VEN: "VE",
  ESP: "ES", PRT: "PT", FRA: "FR", DEU: "DE", ITA: "IT", GBR: "GB", NLD: "NL", BEL: "BE",
  CHE: "CH", AUT: "AT", IRL: "IE", ROU: "RO", POL: "PL", SWE: "SE",
  CHN: "CN", JPN: "JP", IND: "IN", AUS: "AU", ZAF: "ZA",
};

/** "BRA" → "BR"; an alpha-2 code is kept; unknown codes → undefined (never a guess). */
export function countryIso2(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const c = code.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(c)) return c;
  return ISO3_TO_ISO2[c];
}

/** A VTEX address object → AddressInput, or undefined without a street or city. */
export function mapVtexAddress(a: JsonObject | undefined): AddressInput | undefined {
  const street = str(a, "street");
  const city = str(a, "city");
  if (!a || !street || !city) return undefined;
  const number = str(a, "number");
  return {
    name: str(a, "receiverName"),
    line1: number ? `${street}, ${number}` : street,
    line2: str(a, "complement"),
    district: str(a, "neighborhood"),
    city,
    state: str(a, "state"),
    postalCode: str(a, "postalCode"),
    country: countryIso2(str(a, "country")),
  };
}
