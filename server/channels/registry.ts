/** Which connector reads which platform's webhooks. Manual and CSV orders have their own services. */
import type { ChannelConnector, ChannelPlatform } from "@/server/channels/types";
import { shopifyConnector } from "@/server/channels/shopify";
import { wooCommerceConnector } from "@/server/channels/woocommerce";
import { mercadoLivreConnector } from "@/server/channels/mercado-livre";
import { vtexConnector } from "@/server/channels/vtex";
import { nuvemshopConnector } from "@/server/channels/nuvemshop";
import { amazonConnector } from "@/server/channels/amazon";

const CONNECTORS: Partial<Record<ChannelPlatform, ChannelConnector>> = {
  SHOPIFY: shopifyConnector,
  WOOCOMMERCE: wooCommerceConnector,
  MERCADO_LIVRE: mercadoLivreConnector,
  VTEX: vtexConnector,
  NUVEMSHOP: nuvemshopConnector,
  AMAZON: amazonConnector,
};

export function connectorFor(platform: ChannelPlatform): ChannelConnector | undefined {
  return CONNECTORS[platform];
}

export function hasWebhook(platform: ChannelPlatform): boolean {
  return platform in CONNECTORS;
}
