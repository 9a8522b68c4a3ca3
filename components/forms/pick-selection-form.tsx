"use client";
/** "Create for selected orders": the orders waiting in one warehouse with checkboxes, sent to picking.create. */
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { PickSkipSummary } from "@/components/ui/pick-skip-summary";

interface Props {
  orders: { id: string; number: number; channelName: string; placedAt: Date; shipBy: Date | null; units: number }[];
}

export function PickSelectionForm({ orders }: Props) {
  const t = useTranslations("picking.selection");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const create = useMutation(
    trpc.picking.create.mutationOptions({
      onSuccess: (r) => {
        setSelected(new Set());
        router.push(`/picking/${r.pickListId}`);
      },
    }),
  );
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const all = orders.length > 0 && selected.size === orders.length;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });

  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="selection-form">
      <div>
        <h2 className="font-semibold">{t("title")}</h2>
        <p className="text-sm text-slate-500">{t("intro")}</p>
      </div>
      {orders.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="selection-empty">{t("empty")}</p>
      ) : (
        <div className="max-h-80 overflow-auto">
          <table className="min-w-full text-sm">
            <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-2 py-1">
                  <input type="checkbox" aria-label={t("selectAll")} checked={all} onChange={() => setSelected(all ? new Set() : new Set(orders.map((o) => o.id)))} />
                </th>
                <th className="px-2 py-1">{t("order")}</th>
                <th className="px-2 py-1">{t("channel")}</th>
                <th className="px-2 py-1">{t("placedAt")}</th>
                <th className="px-2 py-1">{t("shipBy")}</th>
                <th className="px-2 py-1 text-right">{t("units")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {orders.map((o) => (
                <tr key={o.id} data-testid="selection-row">
                  <td className="px-2 py-1">
                    <input type="checkbox" aria-label={t("select", { number: o.number })} checked={selected.has(o.id)} onChange={() => toggle(o.id)} />
                  </td>
                  <td className="px-2 py-1 font-medium">#{o.number}</td>
                  <td className="px-2 py-1">{o.channelName}</td>
                  <td className="whitespace-nowrap px-2 py-1">{when(o.placedAt)}</td>
                  <td className="whitespace-nowrap px-2 py-1">{o.shipBy ? when(o.shipBy) : t("none")}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{o.units}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button
        type="button"
        disabled={selected.size === 0 || create.isPending}
        onClick={() => create.mutate({ mode: "orders", orderIds: [...selected] })}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60"
        data-testid="selection-create"
      >
        {t("create", { count: selected.size })}
      </button>
      {create.data && <PickSkipSummary skipped={create.data.skipped} count={create.data.skippedCount} />}
      <ErrorMessage error={create.error} scope="picking.errors" />
    </section>
  );
}
