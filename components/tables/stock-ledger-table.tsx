"use client";
/**
 * One SKU's stock ledger, newest first. The first page comes from the server
 * (the SKU page); older pages load by keyset (`before` = last movement id).
 * The parent keys this component by the newest movement id, so a refresh
 * after a stock change starts again from the new first page.
 */
import { useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useLedgerReason } from "@/components/ui/ledger-reason";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import type { AppRouter } from "@/server/api/root";
import { useActorLabel } from "@/components/ui/actor-label";

type LedgerPage = inferRouterOutputs<AppRouter>["stock"]["ledger"];

interface Props {
  skuId: string;
  initialPage: LedgerPage;
  /** Whether order links are shown (the orders area is not open to every stock role). */
  linkOrders: boolean;
}

const PAGE = 50;

export function StockLedgerTable({ skuId, initialPage, linkOrders }: Props) {
  const t = useTranslations("stock.ledger");
  const tKind = useTranslations("stock.unavailableKind");
  const reasonText = useLedgerReason();
  const actor = useActorLabel();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(initialPage.rows);
  const [next, setNext] = useState(initialPage.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);

  async function loadMore() {
    if (!next) return;
    setLoading(true);
    setError(null);
    try {
      const page = await queryClient.fetchQuery(trpc.stock.ledger.queryOptions({ skuId, before: next, limit: PAGE }));
      setRows((prev) => [...prev, ...page.rows]);
      setNext(page.nextCursor);
    } catch (e) {
      setError(e instanceof Error ? e : { message: String(e) });
    } finally {
      setLoading(false);
    }
  }

  const signed = (v: number) => (v === 0 ? "" : `${v > 0 ? "+" : "−"}${format.number(Math.abs(v), { maximumFractionDigits: 0 })}`);
  const delta = (v: number) => <span className={v > 0 ? "text-green-700" : v < 0 ? "text-red-700" : ""}>{signed(v)}</span>;

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto" data-testid="stock-ledger-scroll">
        <table className="w-full text-sm" data-testid="stock-ledger">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-2 py-2 align-bottom">{t("when")}</th>
              <th className="px-2 py-2 align-bottom">{t("type")}</th>
              <th className="px-2 py-2 align-bottom">{t("bin")}</th>
              <th className="px-2 py-2 align-bottom text-right">{t("onHand")}</th>
              <th className="px-2 py-2 align-bottom text-right">{t("reserved")}</th>
              <th className="px-2 py-2 align-bottom text-right">{t("unavailable")}</th>
              <th className="px-2 py-2 align-bottom">{t("reason")}</th>
              <th className="px-2 py-2 align-bottom">{t("actor")}</th>
              <th className="px-2 py-2 align-bottom">{t("reference")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} data-testid="ledger-row" data-type={r.type} data-id={r.id}>
                <td className="whitespace-nowrap px-2 py-1.5">
                  <time dateTime={r.createdAt.toISOString()}>
                    <span className="block">{format.dateTime(r.createdAt, { dateStyle: "short" })}</span>
                    <span className="block text-xs text-slate-500">{format.dateTime(r.createdAt, { timeStyle: "short" })}</span>
                  </time>
                </td>
                <td className="min-w-24 px-2 py-1.5">{t(`movement.${r.type}`)}</td>
                <td className="px-2 py-1.5 font-mono text-xs">
                  <span className="whitespace-nowrap">{r.warehouseCode}</span>
                  {r.binCode && <span className="block whitespace-nowrap">{r.binCode}</span>}
                </td>
                <td className="px-2 py-1.5 text-right tabular-nums" data-testid="ledger-on-hand-delta">{delta(r.onHandDelta)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{delta(r.reservedDelta)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums" data-testid="ledger-unavailable-delta">
                  {delta(r.unavailableDelta)}
                  {r.unavailableKind && <span className="block text-xs text-slate-500">{tKind(r.unavailableKind)}</span>}
                </td>
                <td className="min-w-40 max-w-sm px-2 py-1.5 text-slate-700" data-testid="ledger-reason">{reasonText(r.reason)}</td>
                <td className="px-2 py-1.5 text-slate-600" data-testid="ledger-actor">{actor(r.actorLabel)}</td>
                <td className="whitespace-nowrap px-2 py-1.5" data-testid="ledger-reference">
                  {r.orderId && r.orderNumber !== null && (linkOrders ? (
                    <Link href={`/orders/${r.orderId}`} className="text-brand-600 hover:underline">{t("order", { number: r.orderNumber })}</Link>
                  ) : (
                    t("order", { number: r.orderNumber })
                  ))}
                  {r.purchaseOrderId && r.purchaseOrderNumber !== null && (
                    <Link href={`/stock/purchase-orders/${r.purchaseOrderId}`} className="text-brand-600 hover:underline">{t("purchaseOrder", { number: r.purchaseOrderNumber })}</Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-center text-slate-500">{t("empty")}</p>}
      </div>
      <ErrorMessage error={error} />
      <div className="flex justify-center">
        {next ? (
          <button type="button" onClick={() => void loadMore()} disabled={loading} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100 disabled:opacity-60" data-testid="ledger-load-more">
            {loading ? t("loading") : t("loadMore")}
          </button>
        ) : (
          rows.length > 0 && <span className="text-sm text-slate-400">{t("end")}</span>
        )}
      </div>
    </div>
  );
}

