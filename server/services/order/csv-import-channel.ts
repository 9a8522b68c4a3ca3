/**
 * The channel CSV-imported orders belong to: the one the person chose (an
 * active CSV-platform channel), or the merchant's default CSV channel, created
 * on the first import. An advisory lock keeps two first imports at the same
 * moment from creating two default channels.
 */
import { randomBytes } from "node:crypto";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";

export interface ImportChannel {
  id: string;
  name: string;
  defaultCurrency: string;
}

export const DEFAULT_CSV_CHANNEL_NAME = "Importação CSV";

const SELECT = { id: true, name: true, defaultCurrency: true } as const;

/** The chosen channel when it is an active CSV channel, else null. */
export async function chosenImportChannel(channelId: string): Promise<ImportChannel | null> {
  if (!/^[0-9a-f-]{36}$/i.test(channelId)) return null;
  return db.channel.findFirst({ where: { id: channelId, platform: "CSV", active: true }, select: SELECT });
}

export async function defaultImportChannel(opts: { actor: SessionUser; currency: string }): Promise<ImportChannel> {
  const existing = await db.channel.findFirst({ where: { platform: "CSV", active: true }, select: SELECT, orderBy: { createdAt: "asc" } });
  if (existing) return existing;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('fluxo:default-csv-channel'))`;
    const again = await tx.channel.findFirst({ where: { platform: "CSV", active: true }, select: SELECT, orderBy: { createdAt: "asc" } });
    if (again) return again;
    const channel = await tx.channel.create({
      // CSV channels receive no webhooks; the secret only satisfies the column.
      data: { platform: "CSV", name: DEFAULT_CSV_CHANNEL_NAME, secret: randomBytes(24).toString("hex"), defaultCurrency: opts.currency },
      select: SELECT,
    });
    await tx.auditLog.create({
      data: { actorId: opts.actor.id, action: "channel.created", entity: "Channel", entityId: channel.id, data: { platform: "CSV", name: channel.name, reason: "first CSV import" } },
    });
    return channel;
  });
}
