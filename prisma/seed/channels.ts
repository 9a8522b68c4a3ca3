/**
 * The merchant's four sales channels and how each one numbers its orders and
 * names its payment methods (as their connectors in server/channels/ report them).
 */
import type { PaymentKind } from "./pipeline";
import type { Rng, WeightedPairs } from "./rng";
import type { ChannelPlatform } from "./types";

export interface ChannelSpec {
  name: string;
  platform: ChannelPlatform;
  /** Share of the merchant's orders. */
  weight: number;
  kinds: WeightedPairs<PaymentKind>;
  methodLabel: Record<PaymentKind, string>;
  /** The platform's order id for the k-th order (0-based) on this channel; rising and unique. */
  externalId(k: number, rng: Rng): string;
  externalNumber(k: number, externalId: string): string | null;
  /** Marketplace prices carry the platform's fee. */
  priceFactor: number;
}

export const CHANNEL_SPECS: readonly ChannelSpec[] = [
  {
    name: "Loja Aurora (Shopify)", platform: "SHOPIFY", weight: 32, priceFactor: 1,
    kinds: [["card", 55], ["pix", 35], ["boleto", 10]],
    methodLabel: { card: "shopify_payments", pix: "Pix", boleto: "Boleto", cash: "manual" },
    externalId: (k, rng) => String(5_812_000_000_000 + k * 10_000 + rng.int(0, 9_999)),
    externalNumber: (k) => `#${1001 + k}`,
  },
  {
    name: "Mercado Livre", platform: "MERCADO_LIVRE", weight: 40, priceFactor: 1.12,
    kinds: [["card", 50], ["pix", 40], ["boleto", 10]],
    methodLabel: { card: "credit_card", pix: "pix", boleto: "bolbradesco", cash: "account_money" },
    externalId: (k, rng) => String(2_000_009_000_000_000 + k * 10_000 + rng.int(0, 9_999)),
    externalNumber: () => null,
  },
  {
    name: "Loja WooCommerce", platform: "WOOCOMMERCE", weight: 16, priceFactor: 1,
    kinds: [["card", 45], ["pix", 45], ["boleto", 10]],
    methodLabel: { card: "Cartão de crédito", pix: "Pix", boleto: "Boleto bancário", cash: "Dinheiro" },
    externalId: (k) => String(4210 + k),
    externalNumber: (_k, id) => id,
  },
  {
    name: "Telefone / Loja física", platform: "MANUAL", weight: 12, priceFactor: 1,
    kinds: [["card", 55], ["pix", 35], ["cash", 10]],
    methodLabel: { card: "Cartão (maquininha)", pix: "Pix", boleto: "Boleto", cash: "Dinheiro" },
    externalId: (k) => `POS-${String(k + 1).padStart(6, "0")}`,
    externalNumber: (_k, id) => id,
  },
];

/** Marketplace price: the shop price plus the fee, still ending in ,90. */
export function channelPrice(priceCents: number, factor: number): number {
  return factor === 1 ? priceCents : Math.round((priceCents * factor) / 100) * 100 - 10;
}
