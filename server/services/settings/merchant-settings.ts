/** The merchant's settings (one row), read often and changed by ADMINs. */
import { z } from "zod";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";
import { DomainError } from "@/server/lib/domain-error";
import { currencyCodeInput, ruled } from "@/server/lib/zod-issue-view";

export interface MerchantSettingsView {
  companyName: string;
  timeZone: string;
  currency: string;
  backorderPolicy: "BACKORDER" | "HOLD";
  allowSplitShipments: boolean;
  /** Unpaid orders give their reserved stock back after this many hours; null: never. */
  unpaidReservationHours: number | null;
}

export const DEFAULT_SETTINGS: MerchantSettingsView = {
  companyName: "Fluxo",
  timeZone: "America/Sao_Paulo",
  currency: "BRL",
  backorderPolicy: "BACKORDER",
  allowSplitShipments: false,
  unpaidReservationHours: null,
};

export async function getMerchantSettings(): Promise<MerchantSettingsView> {
  const row = await db.merchantSettings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_SETTINGS;
  return {
    companyName: row.companyName,
    timeZone: row.timeZone,
    currency: row.currency,
    backorderPolicy: row.backorderPolicy,
    allowSplitShipments: row.allowSplitShipments,
    unpaidReservationHours: row.unpaidReservationHours,
  };
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const settingsInput = z.object({
  companyName: z.string().trim().min(1).max(120),
  timeZone: z.string().refine(isValidTimeZone, ruled("TIME_ZONE", "Unknown time zone")),
  currency: currencyCodeInput(),
  backorderPolicy: z.enum(["BACKORDER", "HOLD"]),
  allowSplitShipments: z.boolean(),
  // Absent: unchanged (the form always sends it; null turns expiry off).
  unpaidReservationHours: z.number().int().min(1).max(720).nullable().optional(),
});

export async function updateMerchantSettings(opts: {
  actor: SessionUser;
  input: z.infer<typeof settingsInput>;
}): Promise<MerchantSettingsView> {
  const { actor, input } = opts;
  if (actor.role !== "ADMIN") throw new DomainError("FORBIDDEN", "Only an admin can change settings.");
  const before = await getMerchantSettings();
  await db.$transaction([
    db.merchantSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input }),
    db.auditLog.create({
      data: { actorId: actor.id, action: "settings.updated", entity: "MerchantSettings", entityId: "1", data: { before: { ...before }, after: { ...input } } },
    }),
  ]);
  return getMerchantSettings();
}
