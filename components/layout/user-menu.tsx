"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import type { Role } from "@/server/lib/roles";

export function UserMenu({ name, role }: { name: string; role: Role }) {
  const t = useTranslations();
  return (
    <div className="flex items-center gap-3" aria-label={t("auth.userMenu")}>
      <div className="text-right leading-tight">
        <div data-testid="user-name" className="text-sm font-medium">{name}</div>
        <div data-testid="user-role" className="hidden text-xs text-slate-500 sm:block">{t(`roles.${role}`)}</div>
      </div>
      <button
        type="button"
        data-testid="sign-out"
        onClick={() => signOut({ callbackUrl: "/login" })}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
      >
        {t("auth.signOut")}
      </button>
    </div>
  );
}
