/**
 * Brazilian people and places for the demo data: names, streets, bairros,
 * cities with their UF, area code (DDD) and a plausible CEP range, and CPFs
 * with valid check digits.
 */
import type { Rng, WeightedPairs } from "./rng";

export const FIRST_NAMES = [
  "Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia", "Fernanda", "Patrícia", "Aline",
  "Camila", "Bruna", "Larissa", "Letícia", "Beatriz", "Gabriela", "Mariana", "Amanda", "Júlia", "Luana",
  "Vitória", "Isabela", "Carolina", "Renata", "Vanessa", "Tatiane", "Sandra", "Cláudia", "Débora", "Priscila",
  "José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos",
  "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Rodrigo", "Gustavo", "Matheus",
  "Thiago", "André", "Leonardo", "Vinícius", "Diego", "Ricardo", "Fábio", "Guilherme", "Henrique", "Caio",
] as const;

export const SURNAMES = [
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
  "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
  "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
  "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Moura", "Cavalcanti", "Correia", "Pinto",
  "Monteiro", "Batista", "Campos", "Reis", "Duarte",
] as const;

export const STREETS = [
  "Rua das Flores", "Avenida Brasil", "Rua XV de Novembro", "Rua Sete de Setembro", "Avenida Getúlio Vargas",
  "Rua Tiradentes", "Rua Dom Pedro II", "Avenida Santos Dumont", "Rua Marechal Deodoro", "Rua Barão do Rio Branco",
  "Rua José Bonifácio", "Avenida Independência", "Rua São Paulo", "Rua Bahia", "Rua Goiás", "Rua Paraná",
  "Rua das Palmeiras", "Rua dos Andradas", "Avenida Presidente Vargas", "Rua Voluntários da Pátria",
  "Rua Duque de Caxias", "Rua Rui Barbosa", "Avenida Juscelino Kubitschek", "Rua Castro Alves", "Rua Santa Catarina",
  "Rua Padre Anchieta", "Rua Visconde de Mauá", "Avenida das Nações", "Rua Monteiro Lobato", "Rua Carlos Gomes",
  "Rua Princesa Isabel", "Avenida Beira-Mar", "Rua Machado de Assis", "Rua Cecília Meireles", "Travessa da Paz",
] as const;

const COMMON_BAIRROS = ["Centro", "Jardim América", "Vila Nova", "Santa Cruz", "São José", "Boa Vista", "Jardim das Flores", "Vila Operária"];

export interface City {
  name: string;
  uf: string;
  ddd: string;
  /** First and last five-digit CEP prefix used by the city (inclusive). */
  cep: readonly [number, number];
  bairros: readonly string[];
  /** Relative share of the merchant's customers. */
  weight: number;
}

const city = (name: string, uf: string, ddd: string, cep: readonly [number, number], weight: number, bairros: readonly string[] = []): City => ({
  name, uf, ddd, cep, weight, bairros: bairros.length > 0 ? bairros : COMMON_BAIRROS,
});

/** Capitals and large cities of 19 UFs; weights follow the merchant's (south-east heavy) customer base. */
export const CITIES: readonly City[] = [
  city("São Paulo", "SP", "11", [1000, 5999], 160, ["Pinheiros", "Vila Mariana", "Moema", "Tatuapé", "Santana", "Mooca", "Perdizes", "Itaim Bibi", "Lapa", "Butantã"]),
  city("Guarulhos", "SP", "11", [7010, 7399], 14, ["Centro", "Vila Galvão", "Macedo", "Bonsucesso"]),
  city("Campinas", "SP", "19", [13010, 13099], 20, ["Cambuí", "Taquaral", "Barão Geraldo", "Castelo"]),
  city("Santos", "SP", "13", [11010, 11095], 10, ["Gonzaga", "Boqueirão", "Ponta da Praia", "Embaré"]),
  city("Ribeirão Preto", "SP", "16", [14010, 14099], 9, ["Jardim Irajá", "Centro", "Ribeirânia", "Jardim Botânico"]),
  city("Sorocaba", "SP", "15", [18010, 18095], 8),
  city("São José dos Campos", "SP", "12", [12210, 12248], 8, ["Jardim Aquarius", "Vila Ema", "Centro", "Urbanova"]),
  city("Rio de Janeiro", "RJ", "21", [20000, 23799], 70, ["Copacabana", "Tijuca", "Botafogo", "Barra da Tijuca", "Méier", "Flamengo", "Laranjeiras"]),
  city("Niterói", "RJ", "21", [24000, 24399], 9, ["Icaraí", "Santa Rosa", "Ingá", "São Francisco"]),
  city("Petrópolis", "RJ", "24", [25600, 25779], 4),
  city("Belo Horizonte", "MG", "31", [30100, 31999], 40, ["Savassi", "Funcionários", "Pampulha", "Buritis", "Lourdes", "Sion"]),
  city("Uberlândia", "MG", "34", [38400, 38414], 8, ["Centro", "Santa Mônica", "Tibery", "Jardim Karaíba"]),
  city("Juiz de Fora", "MG", "32", [36010, 36099], 6),
  city("Contagem", "MG", "31", [32000, 32399], 5),
  city("Curitiba", "PR", "41", [80010, 82999], 36, ["Batel", "Água Verde", "Centro Cívico", "Portão", "Bigorrilho", "Cabral"]),
  city("Londrina", "PR", "43", [86010, 86099], 7),
  city("Maringá", "PR", "44", [87010, 87119], 6, ["Zona 7", "Zona 1", "Jardim Alvorada", "Centro"]),
  city("Ponta Grossa", "PR", "42", [84010, 84099], 4),
  city("Porto Alegre", "RS", "51", [90010, 91999], 30, ["Moinhos de Vento", "Cidade Baixa", "Menino Deus", "Petrópolis", "Bom Fim"]),
  city("Caxias do Sul", "RS", "54", [95010, 95099], 7),
  city("Pelotas", "RS", "53", [96010, 96099], 4),
  city("Florianópolis", "SC", "48", [88010, 88099], 14, ["Trindade", "Centro", "Ingleses", "Agronômica", "Campeche"]),
  city("Joinville", "SC", "47", [89200, 89239], 9),
  city("Blumenau", "SC", "47", [89010, 89099], 7, ["Victor Konder", "Garcia", "Itoupava Seca", "Velha"]),
  city("Salvador", "BA", "71", [40000, 42499], 24, ["Barra", "Pituba", "Rio Vermelho", "Itaigara", "Graça"]),
  city("Feira de Santana", "BA", "75", [44000, 44099], 5),
  city("Recife", "PE", "81", [50000, 52999], 20, ["Boa Viagem", "Casa Forte", "Espinheiro", "Graças", "Madalena"]),
  city("Olinda", "PE", "81", [53000, 53299], 4),
  city("Fortaleza", "CE", "85", [60000, 61599], 20, ["Aldeota", "Meireles", "Benfica", "Cocó", "Fátima"]),
  city("Juazeiro do Norte", "CE", "88", [63000, 63099], 3),
  city("Goiânia", "GO", "62", [74000, 74899], 14, ["Setor Bueno", "Setor Marista", "Setor Oeste", "Jardim Goiás"]),
  city("Anápolis", "GO", "62", [75000, 75159], 3),
  city("Brasília", "DF", "61", [70000, 72799], 22, ["Asa Sul", "Asa Norte", "Lago Sul", "Sudoeste", "Guará"]),
  city("Vitória", "ES", "27", [29000, 29099], 7, ["Praia do Canto", "Jardim Camburi", "Jardim da Penha", "Bento Ferreira"]),
  city("Vila Velha", "ES", "27", [29100, 29129], 5, ["Praia da Costa", "Itapuã", "Centro", "Itaparica"]),
  city("Belém", "PA", "91", [66000, 66999], 9, ["Nazaré", "Umarizal", "Batista Campos", "Marco"]),
  city("Ananindeua", "PA", "91", [67000, 67199], 2),
  city("Manaus", "AM", "92", [69000, 69099], 10, ["Adrianópolis", "Ponta Negra", "Centro", "Parque Dez de Novembro"]),
  city("Natal", "RN", "84", [59000, 59159], 5, ["Ponta Negra", "Tirol", "Petrópolis", "Lagoa Nova"]),
  city("João Pessoa", "PB", "83", [58000, 58099], 4, ["Manaíra", "Tambaú", "Cabo Branco", "Bessa"]),
  city("Campo Grande", "MS", "67", [79000, 79129], 4),
  city("Cuiabá", "MT", "65", [78000, 78099], 4),
  city("São Luís", "MA", "98", [65000, 65099], 3),
];

/** Ranges of five-digit CEP prefixes per UF (Correios), for validation of generated CEPs. */
export const UF_CEP_RANGES: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  SP: [[1000, 19999]], RJ: [[20000, 28999]], ES: [[29000, 29999]], MG: [[30000, 39999]],
  BA: [[40000, 48999]], PE: [[50000, 56999]], CE: [[60000, 63999]], PR: [[80000, 87999]],
  SC: [[88000, 89999]], RS: [[90000, 99999]], GO: [[72800, 72999], [73700, 76799]],
  DF: [[70000, 72799], [73000, 73699]], PA: [[66000, 68899]], AM: [[69000, 69299], [69400, 69899]],
  RN: [[59000, 59999]], PB: [[58000, 58999]], MS: [[79000, 79999]], MT: [[78000, 78899]], MA: [[65000, 65999]],
};

export const CITY_WEIGHTS: WeightedPairs<City> = CITIES.map((c) => [c, c.weight] as const);

const EMAIL_DOMAINS: WeightedPairs<string> = [
  ["gmail.com", 55], ["hotmail.com", 14], ["outlook.com", 8], ["uol.com.br", 7],
  ["terra.com.br", 4], ["bol.com.br", 5], ["yahoo.com.br", 5], ["icloud.com", 2],
];

/** "João Gonçalves" → "joao", "goncalves". */
export function asciiLower(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * "maria.silva42@gmail.com". Unique for distinct (first, last, block): the
 * local part is first, a separator, last and digits, where block * 100 +
 * (1..99) encodes the block; names contain only letters, so the string can be
 * split back into those parts. Block 0 may drop the digits.
 */
export function emailFor(rng: Rng, first: string, last: string, block: number): string {
  const sep = rng.chance(0.8) ? "." : "_";
  const digits = block === 0 && rng.chance(0.4) ? "" : String(block * 100 + rng.int(1, 99));
  return `${asciiLower(first)}${sep}${asciiLower(last)}${digits}@${rng.weighted(EMAIL_DOMAINS)}`;
}

/** Mobile number as Brazilians write it: "(11) 98765-4321". */
export function mobileFor(rng: Rng, ddd: string): string {
  return `(${ddd}) 9${rng.int(6, 9)}${rng.digits(3)}-${rng.digits(4)}`;
}

/** "01310-100" inside the city's range. */
export function cepFor(rng: Rng, c: City): string {
  const prefix = rng.int(c.cep[0], c.cep[1]);
  return `${String(prefix).padStart(5, "0")}-${String(rng.int(0, 89) * 10).padStart(3, "0")}`;
}

export function cepInUf(cep: string, uf: string): boolean {
  const m = /^(\d{5})-\d{3}$/.exec(cep);
  if (!m) return false;
  const prefix = Number(m[1]);
  return (UF_CEP_RANGES[uf] ?? []).some(([lo, hi]) => prefix >= lo && prefix <= hi);
}

// ───────────── CPF ─────────────

function cpfDigit(digits: readonly number[]): number {
  // Weights run from (length + 1) down to 2; the digit is 11 − (sum mod 11), or 0 when that is 10 or 11.
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits[i] as number) * (digits.length + 1 - i);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** The two check digits of a CPF from its first nine digits. */
export function cpfCheckDigits(first9: string): [number, number] {
  if (!/^\d{9}$/.test(first9)) throw new RangeError(`A CPF body is nine digits: ${JSON.stringify(first9)}`);
  const body = [...first9].map(Number);
  const d1 = cpfDigit(body);
  const d2 = cpfDigit([...body, d1]);
  return [d1, d2];
}

/** True for eleven digits (punctuation allowed) with correct check digits; repeated digits are invalid. */
export function isValidCpf(cpf: string): boolean {
  const digits = cpf.replace(/[.-]/g, "");
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const [d1, d2] = cpfCheckDigits(digits.slice(0, 9));
  return digits.endsWith(`${d1}${d2}`);
}

/** A random valid CPF, digits only (how Customer.document stores it). */
export function generateCpf(rng: Rng): string {
  let body = rng.digits(9);
  while (/^(\d)\1{8}$/.test(body)) body = rng.digits(9);
  const [d1, d2] = cpfCheckDigits(body);
  return `${body}${d1}${d2}`;
}

/** "12345678909" → "123.456.789-09". */
export function formatCpf(digits: string): string {
  return digits.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, "$1.$2.$3-$4");
}
