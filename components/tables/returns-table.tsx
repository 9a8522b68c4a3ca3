/** The returns desk's list (app/(app)/returns/page.tsx): one row per order waiting for its goods, with what is expected back. */
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { HoldReason } from "@/server/services/order/order-dimensions";

export interface ReturnsTableRow {
  id: string;
  number: number;
  externalNumber: string | null;
  customerName: string;
  channelName: string;
  warehouseCode: string | null;
  holds: HoldReason[];
  requestedAt: Date | null;
  requestReason: string | null;
  lines: { id: string; sku: string; name: string; expected: number }[];
}

export function ReturnsTable({ items, canReceive, emptyText }: { items: ReturnsTableRow[]; canReceive: boolean; emptyText: string }) {
  const t = useTranslations("returns.list");
  const tHold = useTranslations("holdReason");
  const format = useFormatter();
  if (items.length === 0) {
    return <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-500" data-testid="returns-empty">{emptyText}</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="returns-table">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">{t("order")}</th>
            <th className="px-3 py-2">{t("customer")}</th>
            <th className="px-3 py-2">{t("requested")}</th>
            <th className="px-3 py-2">{t("warehouse")}</th>
            <th className="px-3 py-2">{t("expected")}</th>
            <th className="px-3 py-2">{t("holds")}</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((r) => (
            <tr key={r.id} data-testid="return-row" data-order-number={r.number} data-holds={r.holds.join(",")}>
              <td className="whitespace-nowrap px-3 py-2 font-medium">
                #{r.number}
                <div className="text-xs font-normal text-slate-500">{r.channelName}{r.externalNumber ? ` · ${r.externalNumber}` : ""}</div>
              </td>
              <td className="px-3 py-2">{r.customerName}</td>
              <td className="whitespace-nowrap px-3 py-2">
                {r.requestedAt ? format.dateTime(r.requestedAt, { dateStyle: "short", timeStyle: "short" }) : "—"}
                {r.requestReason && <div className="text-xs text-slate-500">{r.requestReason}</div>}
              </td>
              <td className="px-3 py-2">{r.warehouseCode ?? "—"}</td>
              <td className="px-3 py-2">
                <ul className="space-y-0.5">
                  {r.lines.map((l) => (
                    <li key={l.id}>
                      <span className="font-mono text-xs">{l.sku}</span> · {l.name} · {t("units", { count: l.expected })}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2 text-xs">{r.holds.map((h) => tHold(h)).join(", ") || "—"}</td>
              <td className="px-3 py-2 text-right">
                <Link href={`/returns/${r.id}`} className="rounded-md border border-brand-600 px-3 py-1 text-brand-700 hover:bg-brand-50" data-testid="return-open">
                  {canReceive ? t("open") : t("view")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
