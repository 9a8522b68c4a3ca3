"use client";
/** On hand at the end of each day (merchant's time zone), computed on the server from the stock ledger. */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "next-intl";

export interface OnHandPoint {
  /** YYYY-MM-DD in the merchant's time zone. */
  date: string;
  onHand: number;
}

export function OnHandChart({ data, label }: { data: OnHandPoint[]; label: string }) {
  const locale = useLocale();
  // The day is already the merchant's calendar day: format it as a plain date (UTC), not shifted again.
  const fmt = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", timeZone: "UTC" });
  const points = data.map((d) => ({ ...d, label: fmt.format(new Date(`${d.date}T00:00:00Z`)) }));
  return (
    <div className="h-64 w-full" data-testid="on-hand-chart" data-points={data.length} data-last={data[data.length - 1]?.onHand ?? ""}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Number(v))} />
          <Line type="stepAfter" dataKey="onHand" name={label} stroke="#2f6fe4" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
