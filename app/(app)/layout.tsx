import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/session";
import { areasFor } from "@/server/auth/page-access";
import { Sidebar } from "@/components/layout/sidebar";
import { UserMenu } from "@/components/layout/user-menu";
import { LanguageSwitch } from "@/components/layout/language-switch";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations("app");
  return (
    <div className="flex min-h-full">
      <aside className="no-print w-56 shrink-0 border-r border-slate-200 bg-white">
        <div className="px-6 py-4 text-xl font-bold text-brand-600">{t("name")}</div>
        <Sidebar items={areasFor(user.role)} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print flex items-center justify-end gap-6 border-b border-slate-200 bg-white px-6 py-3">
          <LanguageSwitch signedIn />
          <UserMenu name={user.name} role={user.role} />
        </header>
        <main className="flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}
