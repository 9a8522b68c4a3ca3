"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "next-intl";
import { useRouter } from "next/navigation";
import { orderQueryString } from "@/server/services/order/order-filters";

export interface DailyPoint {
  /** The merchant's calendar day, YYYY-MM-DD. */
  day: string;
  orders: number;
}

/** The orders list of one day (placed on it, in the merchant's time zone): what a bar counts. */
export function dayOrdersHref(day: string): string {
  return `/orders?${orderQueryString({ from: day, to: day })}`;
}

/** `linkDays`: a bar opens that day's orders (only for users who may open the orders list). */
export function OrdersPerDayChart({ data, label, linkDays = false }: { data: DailyPoint[]; label: string; linkDays?: boolean }) {
  const locale = useLocale();
  const router = useRouter();
  const fmt = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", timeZone: "UTC" });
  const points = data.map((d) => ({ ...d, label: fmt.format(new Date(`${d.day}T00:00:00Z`)) }));
  return (
    <div className="h-64 w-full" data-testid="orders-per-day-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar
            dataKey="orders"
            name={label}
            fill="#2f6fe4"
            radius={[3, 3, 0, 0]}
            cursor={linkDays ? "pointer" : undefined}
            onClick={
              linkDays
                ? (bar) => {
                    const day = (bar.payload as DailyPoint | undefined)?.day;
                    if (day) router.push(dayOrdersHref(day));
                  }
                : undefined
            }
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
