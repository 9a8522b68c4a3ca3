/**
 * How each platform is connected to Fluxo: who owns the webhook secret, where
 * it travels, and which topics to subscribe. Pure data and helpers for the
 * channel services and the channel settings page.
 */
import { randomBytes } from "node:crypto";
import type { ChannelPlatform } from "@/server/channels/types";
import { hasWebhook } from "@/server/channels/registry";

/**
 * HMAC platforms sign with a secret the PLATFORM holds (Shopify app secret,
 * Nuvemshop app secret, the WooCommerce webhook's Secret field): it is pasted
 * into Fluxo. Unsigned platforms (Mercado Livre, VTEX, Amazon relay) carry a
 * token Fluxo generates, in the webhook URL (?token=) or the x-fluxo-token header.
 */
export const PASTED_SECRET_PLATFORMS: readonly ChannelPlatform[] = ["SHOPIFY", "WOOCOMMERCE", "NUVEMSHOP"];
export const TOKEN_PLATFORMS: readonly ChannelPlatform[] = ["MERCADO_LIVRE", "VTEX", "AMAZON"];

/** The topics/events to subscribe on the platform side, as the platform names them. */
export const PLATFORM_TOPICS: Record<ChannelPlatform, readonly string[]> = {
  SHOPIFY: ["orders/create", "orders/updated", "orders/paid", "orders/cancelled", "orders/delete", "refunds/create"],
  WOOCOMMERCE: ["order.created", "order.updated", "order.deleted", "order.restored"],
  MERCADO_LIVRE: ["orders_v2"],
  VTEX: ["Orders Hook (filter: FromWorkflow, all states)"],
  NUVEMSHOP: ["order/created", "order/updated", "order/paid", "order/cancelled"],
  AMAZON: ["ORDER_CHANGE (relayed from SQS/EventBridge)"],
  MANUAL: [],
  CSV: [],
};

export function requiresPastedSecret(platform: ChannelPlatform): boolean {
  return PASTED_SECRET_PLATFORMS.includes(platform);
}

export function usesUrlToken(platform: ChannelPlatform): boolean {
  return TOKEN_PLATFORMS.includes(platform);
}

/** 32 URL-safe characters (192 random bits): safe inside ?token= without escaping. */
export function generateSecret(): string {
  return randomBytes(24).toString("base64url");
}

/** The path the platform posts to; for token platforms it carries the token (admins only). */
export function webhookPath(channel: { id: string; platform: ChannelPlatform; secret: string }): string | null {
  if (!hasWebhook(channel.platform)) return null;
  const path = `/api/channels/${channel.id}/webhook`;
  return usesUrlToken(channel.platform) ? `${path}?token=${encodeURIComponent(channel.secret)}` : path;
}

/** "••••a1b2": enough to recognise which secret is configured, never the secret. */
export function secretHint(secret: string): string {
  return secret.length <= 8 ? "••••" : `••••${secret.slice(-4)}`;
}
