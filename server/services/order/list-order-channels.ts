/** The channels the orders filter offers (all of them, inactive included: their orders still exist). */
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import type { ChannelPlatform } from "@/server/channels/types";
import { assertMayViewOrders } from "@/server/services/order/order-access";

export async function listOrderChannels(opts: { actor: SessionUser }): Promise<{ id: string; name: string; platform: ChannelPlatform; active: boolean }[]> {
  assertMayViewOrders(opts.actor);
  return db.channel.findMany({ select: { id: true, name: true, platform: true, active: true }, orderBy: { name: "asc" } });
}
