/** Channels for the channel settings page (ADMIN): webhook URL, setup topics and delivery counts. */
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import { CHANNEL_ADMIN_SELECT, toAdminView, type ChannelAdminView } from "@/server/services/channels/channel-admin-view";

export async function listChannels(opts: { actor: SessionUser }): Promise<ChannelAdminView[]> {
  if (opts.actor.role !== "ADMIN") throw new DomainError("FORBIDDEN", "Only an admin can manage channels.");
  const [channels, stats] = await Promise.all([
    db.channel.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: CHANNEL_ADMIN_SELECT }),
    db.channelDelivery.groupBy({ by: ["channelId"], _count: { _all: true }, _max: { receivedAt: true } }),
  ]);
  const byChannel = new Map(stats.map((s) => [s.channelId, { deliveryCount: s._count._all, lastDeliveryAt: s._max.receivedAt }]));
  return channels.map((c) => toAdminView(c, byChannel.get(c.id)));
}
