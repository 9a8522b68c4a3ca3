/** Channel names for filters (deliveries page): id, name and platform only, never secrets. */
import { db } from "@/server/db";

export interface ChannelOption {
  id: string;
  name: string;
  platform: string;
  active: boolean;
}

export async function listChannelOptions(): Promise<ChannelOption[]> {
  return db.channel.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, platform: true, active: true } });
}
