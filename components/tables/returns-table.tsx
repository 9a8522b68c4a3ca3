/**
 * The returns desk's list (app/(app)/returns/page.tsx): one row per order waiting for its goods, with what is expected
 * back. Below `md` (a phone) each return is a card, the whole card a tap target to the return's page; the table shows
 * from `md` up.
 */
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
  const requested = (r: ReturnsTableRow) => (r.requestedAt ? format.dateTime(r.requestedAt, { dateStyle: "short", timeStyle: "short" }) : "—");
  const holds = (r: ReturnsTableRow) => r.holds.map((h) => tHold(h)).join(", ") || "—";
  return (
    <>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white md:block" data-testid="returns-table-scroll">
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
                  {requested(r)}
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
                <td className="px-3 py-2 text-xs">{holds(r)}</td>
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
      {/* On a phone: one card per return; the Receive/View link covers the card. */}
      <ul className="space-y-2 md:hidden" data-testid="returns-cards">
        {items.map((r) => (
          <li key={r.id} className="relative space-y-1 rounded-xl border border-slate-200 bg-white p-3 text-sm active:bg-slate-50" data-testid="return-card" data-order-number={r.number} data-holds={r.holds.join(",")}>
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <span className="font-medium">#{r.number}</span>
                <div className="break-words text-xs text-slate-500">{r.channelName}{r.externalNumber ? ` · ${r.externalNumber}` : ""}</div>
              </div>
              <Link
                href={`/returns/${r.id}`}
                className="shrink-0 rounded-md border border-brand-600 px-3 py-1 text-brand-700 after:absolute after:inset-0 after:rounded-xl hover:bg-brand-50"
                data-testid="return-card-open"
              >
                {canReceive ? t("open") : t("view")}
              </Link>
            </div>
            <div className="break-words">{r.customerName}</div>
            <div className="text-xs text-slate-500">
              {t("requested")}: {requested(r)}
              {r.requestReason && <div className="break-words">{r.requestReason}</div>}
            </div>
            <div className="text-xs text-slate-500">{t("warehouse")}: {r.warehouseCode ?? "—"}</div>
            <div>
              <div className="text-xs text-slate-500">{t("expected")}</div>
              <ul className="space-y-0.5">
                {r.lines.map((l) => (
                  <li key={l.id} className="break-words">
                    <span className="font-mono text-xs">{l.sku}</span> · {l.name} · {t("units", { count: l.expected })}
                  </li>
                ))}
              </ul>
            </div>
            <div className="text-xs text-slate-500">{t("holds")}: {holds(r)}</div>
          </li>
        ))}
      </ul>
    </>
  );
}
