/**
 * The demo merchant's catalogue: fashion, home and phone/electronics
 * accessories. SKU codes read FAMILY-MODEL-VARIANT-COLOUR ("CAM-BAS-P-AZU"),
 * names are what a Brazilian shop would print ("Camiseta Básica Algodão Azul P"),
 * EANs carry Brazil's GS1 prefix 789 and a correct check digit, NCMs are
 * plausible for the product type.
 */
import { ean13CheckDigit } from "@/server/lib/ean";
import type { Rng } from "./rng";

export type Category = "FASHION" | "HOME" | "ELECTRONICS";

interface Option {
  code: string;
  label: string;
  /** Added to the family's base price. */
  price?: number;
  /** Multiplies the family's weight. */
  weight?: number;
}

interface Family {
  code: string;
  name: string;
  category: Category;
  ncm: string;
  /** Cents, ending in 90 as the shop prices. */
  price: number;
  grams: number;
  /** Packaged length × width × height in mm. */
  dims: readonly [number, number, number];
  variants: readonly Option[];
  colors: readonly Option[];
}

const c = (code: string, label: string): Option => ({ code, label });
const AZU = c("AZU", "Azul"), PRE = c("PRE", "Preto"), BRA = c("BRA", "Branco"), CIN = c("CIN", "Cinza");
const VER = c("VER", "Verde"), VRM = c("VRM", "Vermelho"), BEG = c("BEG", "Bege"), ROS = c("ROS", "Rosa");
const MAR = c("MAR", "Marinho"), MOS = c("MOS", "Mostarda"), TER = c("TER", "Terracota"), TRA = c("TRA", "Transparente");

const sizes = (...labels: string[]): Option[] => labels.map((l, i) => ({ code: l, label: l, weight: 1 + i * 0.08 }));
const LETTER = sizes("P", "M", "G", "GG");
const JEANS = sizes("38", "40", "42", "44", "46");
const SHOES = sizes("37", "38", "39", "40", "41", "42", "43");
const ONE = [{ code: "U", label: "" }];

const FAMILIES: readonly Family[] = [
  { code: "CAM-BAS", name: "Camiseta Básica Algodão", category: "FASHION", ncm: "61091000", price: 4990, grams: 180, dims: [300, 250, 30], variants: LETTER, colors: [AZU, PRE, BRA, CIN, VER, VRM, BEG] },
  { code: "CAM-POL", name: "Camisa Polo Piquet", category: "FASHION", ncm: "61051000", price: 8990, grams: 230, dims: [300, 250, 35], variants: LETTER, colors: [MAR, BRA, VER] },
  { code: "LEG-FIT", name: "Legging Fitness Suplex", category: "FASHION", ncm: "61046300", price: 8990, grams: 220, dims: [280, 220, 30], variants: sizes("P", "M", "G"), colors: [PRE, MAR, VER] },
  { code: "CAM-EST", name: "Camiseta Estampada Tropical", category: "FASHION", ncm: "61091000", price: 6990, grams: 190, dims: [300, 250, 30], variants: LETTER, colors: [BRA, PRE, MOS] },
  { code: "CAL-JEA", name: "Calça Jeans Slim", category: "FASHION", ncm: "62034200", price: 15990, grams: 620, dims: [350, 300, 50], variants: JEANS, colors: [AZU, PRE] },
  { code: "VES-MID", name: "Vestido Midi Viscose", category: "FASHION", ncm: "62044300", price: 18990, grams: 320, dims: [350, 280, 40], variants: sizes("P", "M", "G"), colors: [PRE, TER, VER] },
  { code: "MOL-CAN", name: "Moletom Canguru Flanelado", category: "FASHION", ncm: "61102000", price: 17990, grams: 560, dims: [380, 300, 80], variants: LETTER, colors: [CIN, PRE, MAR, VER] },
  { code: "BER-SAR", name: "Bermuda Sarja", category: "FASHION", ncm: "62034200", price: 9990, grams: 380, dims: [320, 260, 40], variants: JEANS, colors: [BEG, MAR] },
  { code: "TEN-CAS", name: "Tênis Casual Lona", category: "FASHION", ncm: "64041900", price: 19990, grams: 820, dims: [330, 210, 120], variants: SHOES, colors: [BRA, PRE] },
  { code: "MEI-KIT", name: "Kit 3 Meias Cano Médio", category: "FASHION", ncm: "61159500", price: 3990, grams: 120, dims: [200, 120, 30], variants: [c("34", "34-38"), c("39", "39-43")], colors: [BRA, PRE, CIN] },
  { code: "BLU-TRI", name: "Blusa Tricô Gola Alta", category: "FASHION", ncm: "61103000", price: 12990, grams: 350, dims: [330, 260, 50], variants: sizes("P", "M", "G"), colors: [BEG, VRM, PRE] },
  { code: "PIJ-ALG", name: "Pijama Longo Algodão", category: "FASHION", ncm: "61083100", price: 11990, grams: 400, dims: [330, 260, 60], variants: LETTER, colors: [ROS, AZU] },
  { code: "JAQ-COR", name: "Jaqueta Corta-Vento", category: "FASHION", ncm: "62019300", price: 21990, grams: 450, dims: [350, 280, 70], variants: LETTER, colors: [PRE, VER] },
  { code: "CUE-BOX", name: "Kit 3 Cuecas Boxer", category: "FASHION", ncm: "61071100", price: 6990, grams: 200, dims: [220, 160, 40], variants: LETTER, colors: [PRE, CIN] },
  { code: "BON-ABA", name: "Boné Aba Curva", category: "FASHION", ncm: "65050090", price: 7990, grams: 110, dims: [260, 200, 130], variants: ONE, colors: [PRE, BEG, AZU] },
  { code: "TOA-BAN", name: "Toalha de Banho Fio Penteado", category: "HOME", ncm: "63026000", price: 5990, grams: 480, dims: [300, 250, 60], variants: ONE, colors: [BRA, CIN, AZU, ROS, BEG] },
  { code: "LEN-200", name: "Jogo de Lençol 200 Fios", category: "HOME", ncm: "63023100", price: 14990, grams: 900, dims: [350, 300, 70], variants: [{ code: "SOL", label: "Solteiro" }, { code: "CAS", label: "Casal", price: 3000, weight: 1.3 }, { code: "QUE", label: "Queen", price: 5000, weight: 1.5 }, { code: "KIN", label: "King", price: 7000, weight: 1.7 }], colors: [BRA, CIN, BEG] },
  { code: "ALM-DEC", name: "Capa de Almofada 45x45", category: "HOME", ncm: "63049300", price: 3990, grams: 150, dims: [460, 460, 20], variants: ONE, colors: [MOS, TER, VER, CIN, AZU, BEG] },
  { code: "CAN-CER", name: "Caneca Cerâmica", category: "HOME", ncm: "69120000", price: 3490, grams: 380, dims: [130, 130, 120], variants: [{ code: "350", label: "350 ml" }, { code: "500", label: "500 ml", price: 800, weight: 1.25 }], colors: [BRA, PRE, AZU, TER] },
  { code: "MAN-SOF", name: "Manta para Sofá Microfibra", category: "HOME", ncm: "63014000", price: 8990, grams: 700, dims: [350, 300, 100], variants: ONE, colors: [CIN, BEG, MOS, VER] },
  { code: "VEL-ARO", name: "Vela Aromática 180 g", category: "HOME", ncm: "34060000", price: 4490, grams: 260, dims: [90, 90, 100], variants: ONE, colors: [c("LAV", "Lavanda"), c("BAU", "Baunilha"), c("CAP", "Capim-Limão"), c("ALE", "Alecrim")] },
  { code: "TAP-BAN", name: "Tapete de Banheiro Antiderrapante", category: "HOME", ncm: "57050000", price: 4990, grams: 500, dims: [400, 200, 50], variants: ONE, colors: [CIN, BEG, AZU] },
  { code: "JOG-AME", name: "Jogo Americano 4 Peças", category: "HOME", ncm: "46012900", price: 6990, grams: 600, dims: [460, 340, 20], variants: ONE, colors: [BEG, TER, VER, PRE] },
  { code: "EDR-MIC", name: "Edredom Microfibra", category: "HOME", ncm: "94049000", price: 19990, grams: 1800, dims: [450, 350, 150], variants: [{ code: "CAS", label: "Casal" }, { code: "QUE", label: "Queen", price: 3000, weight: 1.2 }], colors: [CIN, BEG, AZU] },
  { code: "TRA-FIB", name: "Travesseiro Fibra Siliconada 50x70", category: "HOME", ncm: "94049000", price: 5990, grams: 700, dims: [500, 350, 120], variants: [c("MAC", "Macio"), c("FIR", "Firme")], colors: [BRA] },
  { code: "POT-HER", name: "Kit 5 Potes Herméticos", category: "HOME", ncm: "39241000", price: 7990, grams: 900, dims: [300, 220, 160], variants: ONE, colors: [TRA] },
  { code: "CAB-USC", name: "Cabo USB-C Nylon Trançado", category: "ELECTRONICS", ncm: "85444200", price: 3990, grams: 60, dims: [160, 90, 25], variants: [{ code: "1M", label: "1 m" }, { code: "2M", label: "2 m", price: 1000, weight: 1.5 }], colors: [PRE, BRA] },
  { code: "CAB-LIG", name: "Cabo USB-C para Lightning", category: "ELECTRONICS", ncm: "85444200", price: 4990, grams: 55, dims: [160, 90, 25], variants: [{ code: "1M", label: "1 m" }, { code: "2M", label: "2 m", price: 1000, weight: 1.5 }], colors: [BRA, PRE] },
  { code: "CAR-TUR", name: "Carregador Turbo USB-C", category: "ELECTRONICS", ncm: "85044010", price: 7990, grams: 110, dims: [120, 80, 40], variants: [{ code: "20W", label: "20W" }, { code: "30W", label: "30W", price: 2000 }], colors: [BRA, PRE] },
  { code: "FON-TWS", name: "Fone de Ouvido Bluetooth TWS", category: "ELECTRONICS", ncm: "85183000", price: 14990, grams: 140, dims: [110, 100, 45], variants: ONE, colors: [PRE, BRA, AZU] },
  { code: "CAP-IPH", name: "Capinha Silicone iPhone", category: "ELECTRONICS", ncm: "39269090", price: 5990, grams: 40, dims: [180, 100, 20], variants: [c("13", "13"), c("14", "14"), c("15", "15")], colors: [TRA, PRE, ROS] },
  { code: "CAP-GAL", name: "Capinha Antiimpacto Galaxy", category: "ELECTRONICS", ncm: "39269090", price: 4990, grams: 45, dims: [180, 100, 20], variants: [c("S23", "S23"), c("S24", "S24"), c("A54", "A54")], colors: [TRA, PRE] },
  { code: "PEL-VID", name: "Película de Vidro 3D", category: "ELECTRONICS", ncm: "70071900", price: 2990, grams: 30, dims: [190, 110, 10], variants: [c("I13", "iPhone 13"), c("I14", "iPhone 14"), c("I15", "iPhone 15"), c("S23", "Galaxy S23"), c("S24", "Galaxy S24"), c("A54", "Galaxy A54")], colors: [TRA] },
  { code: "POW-BNK", name: "Power Bank", category: "ELECTRONICS", ncm: "85076000", price: 11990, grams: 230, dims: [150, 80, 30], variants: [{ code: "10K", label: "10000 mAh" }, { code: "20K", label: "20000 mAh", price: 6000, weight: 1.7 }], colors: [PRE, BRA] },
  { code: "SUP-VEI", name: "Suporte Veicular Magnético", category: "ELECTRONICS", ncm: "83025000", price: 4990, grams: 90, dims: [120, 90, 60], variants: ONE, colors: [PRE, CIN] },
  { code: "CXS-BLU", name: "Caixa de Som Bluetooth à Prova d'Água", category: "ELECTRONICS", ncm: "85182200", price: 19990, grams: 420, dims: [200, 110, 110], variants: ONE, colors: [PRE, AZU, VRM] },
  { code: "MOU-SFI", name: "Mouse Sem Fio Silencioso", category: "ELECTRONICS", ncm: "84716053", price: 6990, grams: 95, dims: [150, 100, 50], variants: ONE, colors: [PRE, BRA, ROS] },
  { code: "HUB-USC", name: "Hub USB-C 7 em 1", category: "ELECTRONICS", ncm: "84718000", price: 18990, grams: 120, dims: [150, 90, 30], variants: ONE, colors: [CIN, PRE] },
  { code: "TEC-BLU", name: "Teclado Bluetooth Compacto", category: "ELECTRONICS", ncm: "84716052", price: 15990, grams: 380, dims: [320, 140, 40], variants: ONE, colors: [PRE, BRA, ROS] },
  { code: "PUL-SMW", name: "Pulseira para Smartwatch Silicone", category: "ELECTRONICS", ncm: "39269090", price: 3990, grams: 35, dims: [230, 60, 20], variants: [c("41", "41 mm"), c("45", "45 mm")], colors: [PRE, BRA, VER] },
];

export interface CatalogItem {
  code: string;
  name: string;
  /** The product this SKU is a variant of: its family's code and name ("CAM-BAS", "Camiseta Básica Algodão"). */
  productCode: string;
  productName: string;
  /** What tells it apart from the product's other SKUs ("Azul / M"); null when the family has one SKU only. */
  variant: string | null;
  ean: string;
  category: Category;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  ncm: string;
  priceCents: number;
  reorderPoint: number;
}

/** The house brand each department sells under. */
export const BRANDS: Record<Category, string> = { FASHION: "Aurora Moda", HOME: "Aurora Casa", ELECTRONICS: "Voltz" };

/** Every combination the families can make (more than the default 240). */
export const CATALOG_CAPACITY = FAMILIES.reduce((n, f) => n + f.variants.length * f.colors.length, 0);

/** Brazil (789) + the merchant's company prefix; item reference appended per SKU. */
const GS1_COMPANY = "7896543";

export function eanFor(itemNumber: number): string {
  const body = `${GS1_COMPANY}${String(itemNumber).padStart(5, "0")}`;
  return `${body}${ean13CheckDigit(body)}`;
}

/** Clothes read "colour size" ("Azul P"); everything else "variant colour" ("iPhone 15 Preto"). */
function itemName(f: Family, v: Option, col: Option): string {
  const parts = f.category === "FASHION" ? [f.name, col.label, v.label] : [f.name, v.label, col.label];
  return parts.filter((s) => s !== "").join(" ");
}

/** Clothes "Azul / M", everything else "350 ml / Branco"; a one-size family just the colour ("Preto"). */
function variantLabel(f: Family, v: Option, col: Option): string | null {
  if (f.variants.length * f.colors.length === 1) return null;
  const parts = f.category === "FASHION" ? [col.label, v.label] : [v.label, col.label];
  return parts.filter((s) => s !== "").join(" / ");
}

/**
 * `count` SKUs, taking one combination from each family in turn so a smaller
 * catalogue still covers every family.
 */
export function buildCatalog(count: number, rng: Rng): CatalogItem[] {
  if (count > CATALOG_CAPACITY) throw new RangeError(`The demo catalogue has at most ${CATALOG_CAPACITY} SKUs (asked for ${count})`);
  const queues = FAMILIES.map((f) => f.variants.flatMap((v) => f.colors.map((col) => ({ f, v, col }))));
  const items: CatalogItem[] = [];
  for (let round = 0; items.length < count; round++) {
    for (const q of queues) {
      const next = q[round];
      if (!next || items.length >= count) continue;
      const { f, v, col } = next;
      const weight = v.weight ?? 1;
      const code = v.code === "U" ? `${f.code}-${col.code}` : `${f.code}-${v.code}-${col.code}`;
      items.push({
        code,
        name: itemName(f, v, col),
        productCode: f.code,
        productName: f.name,
        variant: variantLabel(f, v, col),
        ean: eanFor(items.length + 1),
        category: f.category,
        weightGrams: Math.round(f.grams * weight),
        lengthMm: f.dims[0],
        widthMm: f.dims[1],
        heightMm: Math.round(f.dims[2] * Math.min(weight, 1.4)),
        ncm: f.ncm,
        priceCents: f.price + (v.price ?? 0),
        reorderPoint: f.category === "ELECTRONICS" ? rng.int(8, 25) : rng.int(4, 15),
      });
    }
  }
  return items;
}
