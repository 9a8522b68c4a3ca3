/** Brazilian macro-regions (IBGE) and the region of each of the 27 federative units (UF). */
import { foldText } from "@/server/lib/fold-letters";

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

/** The official name of each UF. */
export const UF_NAMES: Record<BrazilUf, string> = {
  AC: "Acre", AL: "Alagoas", AP: "Amapá", AM: "Amazonas", BA: "Bahia", CE: "Ceará", DF: "Distrito Federal",
  ES: "Espírito Santo", GO: "Goiás", MA: "Maranhão", MT: "Mato Grosso", MS: "Mato Grosso do Sul", MG: "Minas Gerais",
  PA: "Pará", PB: "Paraíba", PR: "Paraná", PE: "Pernambuco", PI: "Piauí", RJ: "Rio de Janeiro", RN: "Rio Grande do Norte",
  RS: "Rio Grande do Sul", RO: "Rondônia", RR: "Roraima", SC: "Santa Catarina", SP: "São Paulo", SE: "Sergipe", TO: "Tocantins",
};

const foldName = (s: string) => foldText(s).replace(/\s+/g, " ").trim();
const UF_BY_NAME = new Map(BRAZIL_UFS.map((uf) => [foldName(UF_NAMES[uf]), uf]));

/**
 * The UF a platform's state field means: a code ("SP", " sp ", "BR-SP") or the state's name with or without
 * accents, in any case ("São Paulo", "SAO PAULO"); undefined for anything else. Nuvemshop and some Shopify
 * stores send the name where a carrier needs the code.
 */
export function ufOf(state: string): BrazilUf | undefined {
  const code = state.trim().toUpperCase().replace(/^BR-/, "");
  if (isUf(code)) return code;
  return UF_BY_NAME.get(foldName(state));
}

/** Region of a UF ("sp", " SP " accepted); undefined for anything else. */
export function regionOfUf(uf: string): BrazilRegion | undefined {
  const key = uf.trim().toUpperCase();
  return isUf(key) ? UF_REGION[key] : undefined;
}
