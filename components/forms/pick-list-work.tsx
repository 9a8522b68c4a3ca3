"use client";
/**
 * Working a pick list on screen: every line along the walking path with
 * "Picked" / "Short" (units found + reason), then "Complete list". The server
 * checks everything again (open list, quantities, roles).
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import type { PickListLineView } from "@/server/services/picking/get-pick-list";

interface Props {
  pickListId: string;
  open: boolean;
  lines: PickListLineView[];
  pendingLines: number;
}

const STATUS_STYLE: Record<PickListLineView["status"], string> = {
  PENDING: "bg-slate-100 text-slate-700",
  PICKED: "bg-emerald-100 text-emerald-800",
  SHORT: "bg-red-100 text-red-800",
};
const field = "rounded-md border border-slate-300 px-2 py-1 text-sm";

export function PickListWork({ pickListId, open, lines, pendingLines }: Props) {
  const t = useTranslations("picking");
  const ts = useTranslations("orderStatus");
  const trpc = useTRPC();
  const router = useRouter();
  const [shortFor, setShortFor] = useState<string | null>(null);
  const [found, setFound] = useState("0");
  const [reason, setReason] = useState("");
  const confirm = useMutation(
    trpc.picking.confirmLine.mutationOptions({
      onSuccess: () => {
        setShortFor(null);
        router.refresh();
      },
    }),
  );
  const complete = useMutation(trpc.picking.complete.mutationOptions({ onSuccess: () => router.refresh() }));

  function submitShort(e: FormEvent, line: PickListLineView) {
    e.preventDefault();
    confirm.mutate({ lineId: line.id, result: "SHORT", pickedQty: Number(found) || 0, reason });
  }

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="pick-lines">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">{t("detail.bin")}</th>
              <th className="px-3 py-2">{t("detail.sku")}</th>
              <th className="px-3 py-2">{t("detail.product")}</th>
              <th className="px-3 py-2 text-right">{t("detail.quantity")}</th>
              <th className="px-3 py-2">{t("detail.tote")}</th>
              <th className="px-3 py-2">{t("detail.order")}</th>
              <th className="px-3 py-2">{t("detail.status")}</th>
              {open && <th className="px-3 py-2">{t("detail.actions")}</th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((l) => (
              <tr key={l.id} data-testid="pick-line" data-status={l.status} data-bin={l.binCode} className="align-top">
                <td className="whitespace-nowrap px-3 py-2 font-mono font-semibold">{l.binCode}</td>
                <td className="whitespace-nowrap px-3 py-2 font-mono">{l.sku}</td>
                <td className="px-3 py-2">{l.productName}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {l.status === "SHORT" ? `${l.pickedQty} / ${l.quantity}` : l.quantity}
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums" data-testid="pick-line-tote">{t("detail.toteShort", { tote: l.tote })}</td>
                <td className="px-3 py-2">#{l.orderNumber}</td>
                <td className="px-3 py-2">
                  <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[l.status]}`}>{t(`lineStatus.${l.status}`)}</span>
                  {l.shortReason && <div className="mt-1 text-xs text-slate-500">{l.shortReason}</div>}
                </td>
                {open && (
                  <td className="px-3 py-2">
                    {shortFor === l.id ? (
                      <form onSubmit={(e) => submitShort(e, l)} className="flex flex-wrap items-center gap-2" data-testid="short-form">
                        <label className="text-xs text-slate-600">
                          {t("detail.shortQty")}{" "}
                          <input type="number" min={0} max={l.quantity - 1} value={found} onChange={(e) => setFound(e.target.value)} className={`${field} w-16`} name="pickedQty" />
                        </label>
                        <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("detail.shortReasonPlaceholder")} aria-label={t("detail.shortReason")} className={field} name="reason" required minLength={3} />
                        <button type="submit" disabled={confirm.isPending} className="rounded-md bg-red-600 px-3 py-1 text-xs text-white hover:bg-red-700 disabled:opacity-60">{t("detail.confirmShort")}</button>
                        <button type="button" onClick={() => setShortFor(null)} className="px-2 py-1 text-xs text-slate-600 hover:underline">{t("detail.cancel")}</button>
                      </form>
                    ) : (
                      <div className="flex gap-2">
                        {l.status !== "PICKED" && (
                          <button
                            type="button"
                            disabled={confirm.isPending}
                            onClick={() => confirm.mutate({ lineId: l.id, result: "PICKED" })}
                            className="rounded-md bg-emerald-600 px-3 py-1 text-xs text-white hover:bg-emerald-700 disabled:opacity-60"
                            data-testid="pick-line-picked"
                          >
                            {t("detail.pick")}
                          </button>
                        )}
                        <button
                          type="button"
                          onClick={() => {
                            confirm.reset();
                            setFound("0");
                            setReason("");
                            setShortFor(l.id);
                          }}
                          className="rounded-md border border-red-300 px-3 py-1 text-xs text-red-700 hover:bg-red-50"
                          data-testid="pick-line-short"
                        >
                          {t("detail.short")}
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={confirm.error} scope="picking.errors" />
      {open && (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            disabled={pendingLines > 0 || complete.isPending}
            onClick={() => complete.mutate({ id: pickListId })}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-60"
            data-testid="pick-list-complete"
          >
            {complete.isPending ? t("detail.completing") : t("detail.complete")}
          </button>
          <span className="text-sm text-slate-600" data-testid="pick-list-pending">
            {pendingLines > 0 ? t("detail.pending", { count: pendingLines }) : t("detail.ready")}
          </span>
        </div>
      )}
      {complete.data && (
        <div className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="pick-list-completed">
          <p>{t("detail.completed", { units: complete.data.pickedUnits })}</p>
          {complete.data.shortOrders.length > 0 && (
            <p>
              {t("detail.shortOrders")}{" "}
              {complete.data.shortOrders.map((s) => t("detail.shortOrder", { number: s.number, missing: s.missingUnits, to: ts(s.to as "PICKING") })).join("; ")}
            </p>
          )}
        </div>
      )}
      <ErrorMessage error={complete.error} scope="picking.errors" />
    </div>
  );
}
