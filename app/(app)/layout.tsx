import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/server/auth/session";
import { areasFor } from "@/server/auth/page-access";
import { MobileNav, Sidebar } from "@/components/layout/sidebar";
import { UserMenu } from "@/components/layout/user-menu";
import { LanguageSwitch } from "@/components/layout/language-switch";

export const dynamic = "force-dynamic";

/** The signed-in shell: the menu on the left from md up; below that (phones, handhelds) a Menu button in the header. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations("app");
  const items = areasFor(user.role);
  return (
    <div className="flex min-h-full">
      <aside className="no-print hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block">
        <div className="px-6 py-4 text-xl font-bold text-brand-600">{t("name")}</div>
        <Sidebar items={items} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print flex flex-wrap items-center justify-end gap-x-6 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 md:px-6">
          <div className="mr-auto flex items-center gap-3 md:hidden">
            <MobileNav items={items} appName={t("name")} />
            <span className="text-lg font-bold text-brand-600">{t("name")}</span>
          </div>
          <LanguageSwitch signedIn />
          <UserMenu name={user.name} role={user.role} />
        </header>
        <main className="min-w-0 flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
