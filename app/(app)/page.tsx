import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { OrdersPerDayChart } from "@/components/charts/orders-per-day-chart";
import { formatCount, formatMoney } from "@/components/ui/format";

const OPEN_EXCLUDED = new Set(["DELIVERED", "RETURNED", "CANCELLED"]);

export default async function DashboardPage() {
  const user = await requireRole(...AREAS.dashboard.roles);
  const [t, locale, caller] = await Promise.all([getTranslations(), getLocale(), serverCaller()]);
  const data = await caller.dashboard.get();
  const total = data.byStatus.reduce((a, s) => a + s.count, 0);
  const anyCapped = data.byStatus.some((s) => s.capped);
  const open = data.byStatus.filter((s) => !OPEN_EXCLUDED.has(s.status));
  const openTotal = open.reduce((a, s) => a + s.count, 0);
  const revenue = data.daily.reduce((a, d) => a + (d.revenueCents ?? 0), 0);
  const otherCurrencies = data.otherCurrencies ?? [];
  const maxStatus = Math.max(1, ...data.byStatus.map((s) => s.count));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("dashboard.title")}</h1>
        <p className="text-slate-500">{t("dashboard.greeting", { name: user.name })}</p>
      </div>
      <div className={`grid gap-4 ${data.revenueVisible ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}>
        <Stat label={t("dashboard.totalOrders")} value={formatCount(total, locale, anyCapped)} testId="stat-total" />
        <Stat label={t("dashboard.openOrders")} value={formatCount(openTotal, locale, open.some((s) => s.capped))} testId="stat-open" />
        {data.revenueVisible && (
          <Stat label={t("dashboard.last30Revenue")} value={formatMoney(revenue, data.currency, locale)} testId="stat-revenue">
            {otherCurrencies.length > 0 && (
              <p className="mt-1 text-sm text-slate-600" data-testid="stat-revenue-other">
                {t("dashboard.otherCurrencies", { amounts: otherCurrencies.map((c) => formatMoney(c.revenueCents, c.currency, locale)).join(" · ") })}
              </p>
            )}
            <p className="mt-2 text-xs text-slate-500" data-testid="stat-revenue-help">{t("dashboard.last30RevenueHelp")}</p>
          </Stat>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="mb-4 font-semibold">{t("dashboard.byStatus")}</h2>
          <ul className="space-y-2" data-testid="status-counts">
            {data.byStatus.map((s) => (
              <li key={s.status} className="grid grid-cols-[10rem_1fr_5rem] items-center gap-3 text-sm" data-status={s.status}>
                <span className="truncate">{t(`orderStatus.${s.status}`)}</span>
                <span className="h-2 rounded bg-slate-100">
                  <span className="block h-2 rounded bg-brand-500" style={{ width: `${(s.count / maxStatus) * 100}%` }} />
                </span>
                <span className="text-right tabular-nums" data-testid={`count-${s.status}`}>{formatCount(s.count, locale, s.capped)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="mb-4 font-semibold">{t("dashboard.byChannel")}</h2>
          {data.byChannel.length === 0 ? (
            <p className="text-slate-500">{t("dashboard.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="channel-counts">
              {data.byChannel.map((c) => (
                <li key={c.channelId} className="flex justify-between py-2 text-sm">
                  <span>
                    {c.name} <span className="text-slate-400">· {t(`platform.${c.platform as "SHOPIFY"}`)}</span>
                  </span>
                  <span className="tabular-nums">{formatCount(c.count, locale, c.capped)}</span>
                </li>
              ))}
            </ul>
          )}
          <h2 className="mt-6 mb-2 font-semibold">{t("dashboard.daily")}</h2>
          <OrdersPerDayChart data={data.daily} label={t("dashboard.orders")} />
        </section>
      </div>
    </div>
  );
}

function Stat({ label, value, testId, children }: { label: string; value: string; testId: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-5">
      <div className="text-sm text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>{value}</div>
      {children}
    </div>
  );
}
