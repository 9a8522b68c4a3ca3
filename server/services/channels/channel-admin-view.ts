/** What an admin sees of a channel. The secret itself never leaves the server: only its webhook URL (which, for token platforms, must carry it) and a hint. */
import type { ChannelPlatform } from "@/server/channels/types";
import { PLATFORM_TOPICS, requiresPastedSecret, secretHint, webhookPath } from "@/server/services/channels/channel-setup";

export interface ChannelAdminView {
  id: string;
  platform: ChannelPlatform;
  name: string;
  defaultCurrency: string;
  active: boolean;
  createdAt: Date;
  /** Path (no origin) the platform posts to; null for platforms without a webhook (manual, CSV). */
  webhookPath: string | null;
  /** True when the secret comes from the platform (HMAC signing) and is pasted into Fluxo. */
  pastedSecret: boolean;
  secretHint: string;
  topics: string[];
  deliveryCount: number;
  lastDeliveryAt: Date | null;
}

export const CHANNEL_ADMIN_SELECT = {
  id: true,
  platform: true,
  name: true,
  secret: true,
  defaultCurrency: true,
  active: true,
  createdAt: true,
} as const;

export function toAdminView(
  c: { id: string; platform: ChannelPlatform; name: string; secret: string; defaultCurrency: string; active: boolean; createdAt: Date },
  stats: { deliveryCount: number; lastDeliveryAt: Date | null } = { deliveryCount: 0, lastDeliveryAt: null },
): ChannelAdminView {
  return {
    id: c.id,
    platform: c.platform,
    name: c.name,
    defaultCurrency: c.defaultCurrency,
    active: c.active,
    createdAt: c.createdAt,
    webhookPath: webhookPath(c),
    pastedSecret: requiresPastedSecret(c.platform),
    secretHint: secretHint(c.secret),
    topics: [...PLATFORM_TOPICS[c.platform]],
    ...stats,
  };
}
