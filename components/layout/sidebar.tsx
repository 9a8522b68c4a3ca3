"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

interface NavItem {
  area: string;
  href: string;
}

export function Sidebar({ items, id = "sidebar" }: { items: NavItem[]; id?: string }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("menu")} className="flex flex-col gap-1 p-3" data-testid={id}>
      {items.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.area}
            href={item.href}
            data-testid={`${id === "sidebar" ? "nav" : "mobile-nav"}-${item.area}`}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {t(item.area)}
          </Link>
        );
      })}
    </nav>
  );
}

/**
 * The menu on a narrow screen (a phone or a scanner's handheld): a button in the header opens the
 * same links in a panel over the page; following a link, Escape or the backdrop closes it.
 */
export function MobileNav({ items, appName }: { items: NavItem[]; appName: string }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  if (open && openedAt !== pathname) setOpen(false);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        data-testid="mobile-nav-toggle"
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(!open);
        }}
        className="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      >
        <span aria-hidden="true" className="text-base leading-none">☰</span>
        {t("open")}
      </button>
      {open && (
        <div className="fixed inset-0 z-40 flex">
          <div id="mobile-nav" className="w-64 max-w-[80vw] overflow-y-auto bg-white shadow-xl">
            <div className="flex items-center justify-between px-4 py-3">
              <span className="text-xl font-bold text-brand-600">{appName}</span>
              <button type="button" onClick={() => setOpen(false)} className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100" data-testid="mobile-nav-close">
                {t("close")}
              </button>
            </div>
            <Sidebar items={items} id="mobile-nav-links" />
          </div>
          <button type="button" aria-label={t("close")} className="flex-1 bg-slate-900/40" onClick={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}
