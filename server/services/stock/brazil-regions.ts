/** Brazilian macro-regions (IBGE) and the region of each of the 27 federative units (UF). */

export const BRAZIL_REGIONS = ["Norte", "Nordeste", "Centro-Oeste", "Sudeste", "Sul"] as const;
export type BrazilRegion = (typeof BRAZIL_REGIONS)[number];

export const UF_REGION = {
  AC: "Norte", AM: "Norte", AP: "Norte", PA: "Norte", RO: "Norte", RR: "Norte", TO: "Norte",
  AL: "Nordeste", BA: "Nordeste", CE: "Nordeste", MA: "Nordeste", PB: "Nordeste",
  PE: "Nordeste", PI: "Nordeste", RN: "Nordeste", SE: "Nordeste",
  DF: "Centro-Oeste", GO: "Centro-Oeste", MS: "Centro-Oeste", MT: "Centro-Oeste",
  ES: "Sudeste", MG: "Sudeste", RJ: "Sudeste", SP: "Sudeste",
  PR: "Sul", RS: "Sul", SC: "Sul",
} as const satisfies Record<string, BrazilRegion>;

export type BrazilUf = keyof typeof UF_REGION;
export const BRAZIL_UFS = Object.keys(UF_REGION) as BrazilUf[];

function isUf(value: string): value is BrazilUf {
  return Object.prototype.hasOwnProperty.call(UF_REGION, value);
}

/** Region of a UF ("sp", " SP " accepted); undefined for anything else. */
export function regionOfUf(uf: string): BrazilRegion | undefined {
  const key = uf.trim().toUpperCase();
  return isUf(key) ? UF_REGION[key] : undefined;
}
