"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "next-intl";

export interface DailyPoint {
  day: string;
  orders: number;
}

export function OrdersPerDayChart({ data, label }: { data: DailyPoint[]; label: string }) {
  const locale = useLocale();
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
          <Bar dataKey="orders" name={label} fill="#2f6fe4" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
