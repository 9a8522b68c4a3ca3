/**
 * An ADMIN renames, (de)activates or changes the currency of a channel, or
 * rotates its secret: a token platform gets a new generated token (its webhook
 * URL changes), a signing platform needs the new secret pasted. Recorded in
 * AuditLog without the secret.
 */
import { z } from "zod";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import { currencyCodeInput } from "@/server/lib/zod-issue-view";
import { CHANNEL_ADMIN_SELECT, toAdminView, type ChannelAdminView } from "@/server/services/channels/channel-admin-view";
import { channelSecretInput } from "@/server/services/channels/channel-secret";
import { generateSecret, requiresPastedSecret } from "@/server/services/channels/channel-setup";

export const updateChannelInput = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1).max(120).optional(),
  active: z.boolean().optional(),
  defaultCurrency: currencyCodeInput().optional(),
  /** Replace the secret: generated when `secret` is not given (token platforms only). */
  rotateSecret: z.boolean().optional(),
  secret: channelSecretInput.optional(),
});
export type UpdateChannelInput = z.input<typeof updateChannelInput>;

export async function updateChannel(opts: { actor: SessionUser; input: UpdateChannelInput }): Promise<ChannelAdminView> {
  const { actor } = opts;
  if (actor.role !== "ADMIN") throw new DomainError("FORBIDDEN", "Only an admin can manage channels.");
  const input = updateChannelInput.parse(opts.input);
  const before = await db.channel.findUnique({ where: { id: input.id }, select: CHANNEL_ADMIN_SELECT });
  if (!before) throw new DomainError("NOT_FOUND", `Channel ${input.id} not found.`);
  const rotating = input.rotateSecret === true || input.secret !== undefined;
  if (rotating && requiresPastedSecret(before.platform) && !input.secret) {
    throw new DomainError("VALIDATION", `${before.platform} signs its webhooks with its own secret: paste the new one.`, {
      field: "secret",
      rule: "SECRET_REQUIRED",
    });
  }
  const data = {
    ...(input.name !== undefined && input.name !== before.name ? { name: input.name } : {}),
    ...(input.active !== undefined && input.active !== before.active ? { active: input.active } : {}),
    ...(input.defaultCurrency !== undefined && input.defaultCurrency !== before.defaultCurrency ? { defaultCurrency: input.defaultCurrency } : {}),
  };
  const secret = rotating ? (input.secret ?? generateSecret()) : undefined;
  if (Object.keys(data).length === 0 && secret === undefined) return toAdminView(before);
  const changes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) changes[k] = { from: before[k as keyof typeof data], to: v };
  if (secret !== undefined) changes.secret = input.secret ? "pasted" : "rotated";
  const after = await db.$transaction(async (tx) => {
    const updated = await tx.channel.update({ where: { id: input.id }, data: { ...data, ...(secret !== undefined ? { secret } : {}) }, select: CHANNEL_ADMIN_SELECT });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "channel.updated", entity: "Channel", entityId: input.id, data: changes as Record<string, string | object> },
    });
    return updated;
  });
  return toAdminView(after);
}
