import { db } from "@/server/db";
import type { SessionUser } from "@/server/auth/options";

/** Remembers the user's language so it follows them to another browser. */
export async function setUserLocale(opts: { actor: SessionUser; locale: "en" | "pt-BR" }): Promise<{ locale: string }> {
  await db.user.update({ where: { id: opts.actor.id }, data: { locale: opts.locale } });
  return { locale: opts.locale };
}
