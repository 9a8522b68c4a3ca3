import type { ReactNode } from "react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/server/auth/session";
import { AREAS } from "@/server/auth/page-access";
import { serverCaller } from "@/server/api/caller";
import { OrdersPerDayChart } from "@/components/charts/orders-per-day-chart";
import { DashboardPeriodTabs } from "@/components/ui/dashboard-period-tabs";
import { formatCount, formatMoney } from "@/components/ui/format";
import { DEFAULT_DASHBOARD_PERIOD, parseDashboardPeriod } from "@/server/services/dashboard/dashboard-period";
import { orderQueryString, type OrderFilter } from "@/server/services/order/order-filters";

const OPEN_EXCLUDED = new Set(["DELIVERED", "RETURNED", "CANCELLED"]);

/** The orders list showing exactly the orders a figure counts. */
const ordersHref = (filter: OrderFilter) => {
  const qs = orderQueryString(filter);
  return qs ? `/orders?${qs}` : "/orders";
};

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole(...AREAS.dashboard.roles);
  const rawPeriod = (await searchParams).period;
  const asked = parseDashboardPeriod(rawPeriod);
  const [t, tp, locale, format, caller] = await Promise.all([getTranslations(), getTranslations("dashboardPeriod"), getLocale(), getFormatter(), serverCaller()]);
  const data = await caller.dashboard.get({ period: asked ?? DEFAULT_DASHBOARD_PERIOD });
  // Links only for those who may open the orders list (the warehouse would get a 403 page).
  const linkOrders = (AREAS.orders.roles as readonly string[]).includes(user.role);
  const link = (filter: OrderFilter) => (linkOrders ? ordersHref(filter) : undefined);
  const total = data.byStatus.reduce((a, s) => a + s.count, 0);
  const anyCapped = data.byStatus.some((s) => s.capped);
  const open = data.byStatus.filter((s) => !OPEN_EXCLUDED.has(s.status));
  const openTotal = open.reduce((a, s) => a + s.count, 0);
  const otherCurrencies = data.otherCurrencies ?? [];
  const maxStatus = Math.max(1, ...data.byStatus.map((s) => s.count));
  const backordered = data.byStatus.find((s) => s.status === "BACKORDERED");
  // Calendar days, shown as written (noon UTC: the same day in any zone).
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const range = (from: string, to: string) => (from === to ? day(from) : tp("range", { from: day(from), to: day(to) }));
  const { period } = data;
  const inPeriod = { from: period.from, to: period.to };
  const compare = (now: number, before: number, shown: string) => {
    if (before === 0) return tp("noPrevious", { previous: shown });
    const change = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" }).format((now - before) / before);
    return tp("change", { change, previous: shown });
  };
  const previousTitle = tp("previousRange", { from: day(period.previousFrom), to: day(period.previousTo) });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("dashboard.title")}</h1>
          <p className="text-slate-500">{t("dashboard.greeting", { name: user.name })}</p>
        </div>
        <div className="space-y-1 text-right">
          <DashboardPeriodTabs active={period.key} />
          <p className="text-sm text-slate-500" data-testid="period-range">{range(period.from, period.to)}</p>
        </div>
      </div>
      {asked === null && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="period-invalid">
          {tp("invalid", { value: String(Array.isArray(rawPeriod) ? rawPeriod[0] : rawPeriod) })}
        </p>
      )}
      <div className={`grid gap-4 ${data.revenueVisible ? "sm:grid-cols-2 lg:grid-cols-4" : "sm:grid-cols-3"}`}>
        <Stat label={tp("ordersPlaced")} value={formatCount(data.orders, locale)} testId="stat-period-orders" href={link(inPeriod)}>
          <p className="mt-2 text-xs text-slate-500" title={previousTitle} data-testid="stat-period-orders-compare">
            {compare(data.orders, data.previous.orders, formatCount(data.previous.orders, locale))}
          </p>
        </Stat>
        {data.revenueVisible && data.revenueCents !== undefined && (
          <Stat label={tp("revenue")} value={formatMoney(data.revenueCents, data.currency, locale)} testId="stat-revenue">
            {data.previous.revenueCents !== undefined && (
              <p className="mt-1 text-xs text-slate-500" title={previousTitle} data-testid="stat-revenue-compare">
                {compare(data.revenueCents, data.previous.revenueCents, formatMoney(data.previous.revenueCents, data.currency, locale))}
              </p>
            )}
            {otherCurrencies.length > 0 && (
              <p className="mt-1 text-sm text-slate-600" data-testid="stat-revenue-other">
                {t("dashboard.otherCurrencies", { amounts: otherCurrencies.map((c) => formatMoney(c.revenueCents, c.currency, locale)).join(" · ") })}
              </p>
            )}
            <p className="mt-2 text-xs text-slate-500" data-testid="stat-revenue-help">{tp("revenueHelp")}</p>
          </Stat>
        )}
        <Stat label={t("dashboard.totalOrders")} value={formatCount(total, locale, anyCapped)} testId="stat-total" href={link({})} />
        <Stat label={t("dashboard.openOrders")} value={formatCount(openTotal, locale, open.some((s) => s.capped))} testId="stat-open">
          <p className="mt-2 text-xs text-slate-500">{tp("current")}</p>
        </Stat>
      </div>
      {data.attention && (
        <section aria-labelledby="attention-title" data-testid="attention">
          <h2 id="attention-title" className="mb-2 text-sm font-semibold text-slate-600">{tp("attention")}</h2>
          <div className="grid gap-4 sm:grid-cols-3">
            <Stat label={tp("onHold")} value={formatCount(data.attention.onHold.count, locale, data.attention.onHold.capped)} testId="stat-on-hold" href={link({ onHold: true })} />
            <Stat label={tp("overdue")} value={formatCount(data.attention.overdue.count, locale, data.attention.overdue.capped)} testId="stat-overdue" href={link({ overdue: true })} />
            <Stat label={t("orderStatus.BACKORDERED")} value={formatCount(backordered?.count ?? 0, locale, backordered?.capped)} testId="stat-backordered" href={link({ status: "BACKORDERED" })} />
          </div>
        </section>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">{t("dashboard.byStatus")}</h2>
          <p className="mb-4 text-xs text-slate-500">{tp("current")}</p>
          <ul className="space-y-1" data-testid="status-counts">
            {data.byStatus.map((s) => (
              <li key={s.status} data-status={s.status}>
                <MaybeLink href={link({ status: s.status })} testId={`link-status-${s.status}`} className="grid grid-cols-[10rem_1fr_5rem] items-center gap-3 rounded px-1 py-0.5 text-sm">
                  <span className="truncate">{t(`orderStatus.${s.status}`)}</span>
                  <span className="h-2 rounded bg-slate-100">
                    <span className="block h-2 rounded bg-brand-500" style={{ width: `${(s.count / maxStatus) * 100}%` }} />
                  </span>
                  <span className="text-right tabular-nums" data-testid={`count-${s.status}`}>{formatCount(s.count, locale, s.capped)}</span>
                </MaybeLink>
              </li>
            ))}
          </ul>
        </section>
        <section className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">{t("dashboard.byChannel")}</h2>
          <p className="mb-2 text-xs text-slate-500">{tp("current")}</p>
          {data.byChannel.length === 0 ? (
            <p className="text-slate-500">{t("dashboard.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="channel-counts">
              {data.byChannel.map((c) => (
                <li key={c.channelId}>
                  <MaybeLink href={link({ channelId: c.channelId })} testId={`link-channel-${c.channelId}`} className="flex justify-between rounded px-1 py-2 text-sm">
                    <span>
                      {c.name} <span className="text-slate-400">· {t(`platform.${c.platform as "SHOPIFY"}`)}</span>
                    </span>
                    <span className="tabular-nums">{formatCount(c.count, locale, c.capped)}</span>
                  </MaybeLink>
                </li>
              ))}
            </ul>
          )}
          <h2 className="mt-6 font-semibold">{tp("daily")}</h2>
          <p className="mb-2 text-xs text-slate-500">
            {range(period.from, period.to)}
            {linkOrders && ` · ${tp("dailyHelp")}`}
          </p>
          <OrdersPerDayChart data={data.daily} label={t("dashboard.orders")} linkDays={linkOrders} />
        </section>
      </div>
    </div>
  );
}

function MaybeLink({ href, testId, className, children }: { href: string | undefined; testId: string; className: string; children: ReactNode }) {
  if (!href) return <div className={className}>{children}</div>;
  return (
    <Link href={href} data-testid={testId} className={`${className} hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500`}>
      {children}
    </Link>
  );
}

function Stat({ label, value, testId, href, children }: { label: string; value: string; testId: string; href?: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-5">
      <div className="text-sm text-slate-500">{label}</div>
      {href ? (
        <Link href={href} className="mt-1 block text-2xl font-semibold tabular-nums text-brand-700 hover:underline" data-testid={testId}>
          {value}
        </Link>
      ) : (
        <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>{value}</div>
      )}
      {children}
    </div>
  );
}
