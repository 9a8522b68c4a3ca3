/** The dashboard's period choice: one link per period (`/?period=7d`), so the choice lives in the URL. */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DASHBOARD_PERIODS, DEFAULT_DASHBOARD_PERIOD, type DashboardPeriod } from "@/server/services/dashboard/dashboard-period";

export function dashboardHref(period: DashboardPeriod): string {
  return period === DEFAULT_DASHBOARD_PERIOD ? "/" : `/?period=${period}`;
}

export function DashboardPeriodTabs({ active }: { active: DashboardPeriod }) {
  const t = useTranslations("dashboardPeriod");
  return (
    <nav aria-label={t("label")} className="overflow-x-auto">
      <ul className="flex flex-wrap gap-1 rounded-lg border border-slate-200 bg-white p-1" data-testid="period-tabs">
        {DASHBOARD_PERIODS.map((p) => (
          <li key={p}>
            <Link
              href={dashboardHref(p)}
              data-testid={`period-${p}`}
              aria-current={p === active ? "page" : undefined}
              className={`block whitespace-nowrap rounded-md px-3 py-1.5 text-sm ${p === active ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {t(`periods.${p}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
