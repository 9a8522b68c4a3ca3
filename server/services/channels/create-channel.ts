/**
 * An ADMIN adds a sales channel. The webhook secret is generated here
 * (crypto.randomBytes) unless one is given; platforms that sign with their own
 * secret (Shopify, WooCommerce, Nuvemshop) need it pasted. Recorded in AuditLog
 * without the secret.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { CHANNEL_PLATFORMS } from "@/server/channels/types";
import { DomainError } from "@/server/lib/domain-error";
import { currencyCodeInput } from "@/server/lib/zod-issue-view";
import { CHANNEL_ADMIN_SELECT, toAdminView, type ChannelAdminView } from "@/server/services/channels/channel-admin-view";
import { channelSecretInput } from "@/server/services/channels/channel-secret";
import { generateSecret, requiresPastedSecret } from "@/server/services/channels/channel-setup";

export const createChannelInput = z.object({
  platform: z.enum(CHANNEL_PLATFORMS),
  name: z.string().trim().min(1).max(120),
  defaultCurrency: currencyCodeInput().default("BRL"),
  secret: channelSecretInput.optional(),
});
export type CreateChannelInput = z.input<typeof createChannelInput>;

export async function createChannel(opts: { actor: SessionUser; input: CreateChannelInput }): Promise<ChannelAdminView> {
  const { actor } = opts;
  if (actor.role !== "ADMIN") throw new DomainError("FORBIDDEN", "Only an admin can manage channels.");
  const input = createChannelInput.parse(opts.input);
  if (requiresPastedSecret(input.platform) && !input.secret) {
    throw new DomainError("VALIDATION", `${input.platform} signs its webhooks with its own secret: paste it.`, {
      field: "secret",
      rule: "SECRET_REQUIRED",
    });
  }
  const secret = input.secret ?? generateSecret();
  const channel = await db.$transaction(async (tx) => {
    const created = await tx.channel.create({
      data: { platform: input.platform, name: input.name, defaultCurrency: input.defaultCurrency, secret },
      select: CHANNEL_ADMIN_SELECT,
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "channel.created",
        entity: "Channel",
        entityId: created.id,
        data: { platform: input.platform, name: input.name, defaultCurrency: input.defaultCurrency, secret: input.secret ? "pasted" : "generated" },
      },
    });
    return created;
  });
  return toAdminView(channel);
}
