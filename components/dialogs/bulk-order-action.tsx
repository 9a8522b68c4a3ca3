"use client";
/** Bulk actions on the selected orders, with the outcome per order (which worked, which failed and why). */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";
import { useOrderErrorText } from "@/components/ui/order-error-text";
import { HOLD_REASONS, type HoldReason } from "@/server/services/order/order-dimensions";

const BULK = ["HOLD", "RELEASE", "CANCEL", "APPROVE"] as const;
type BulkType = (typeof BULK)[number];
export const BULK_LIMIT = 200;

interface Props {
  /** id → order number, in selection order. */
  selected: Map<string, number>;
  onDone: () => void;
  onClear: () => void;
}

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function BulkOrderAction({ selected, onDone, onClear }: Props) {
  const t = useTranslations();
  const trpc = useTRPC();
  const errorText = useOrderErrorText();
  const [type, setType] = useState<BulkType | "">("");
  const [holdReason, setHoldReason] = useState<HoldReason>("OTHER");
  const [note, setNote] = useState("");
  const [cancelReason, setCancelReason] = useState("");
  const [numbers, setNumbers] = useState<Map<string, number>>(new Map());
  const bulk = useMutation(trpc.order.bulk.mutationOptions({ onSuccess: () => onDone() }));

  const count = selected.size;
  const tooMany = count > BULK_LIMIT;
  const missing = type === "" || (type === "CANCEL" && cancelReason.trim() === "");

  function submit(e: FormEvent) {
    e.preventDefault();
    if (type === "" || missing || tooMany) return;
    const action =
      type === "HOLD"
        ? { type, reason: holdReason, ...(note.trim() ? { note: note.trim() } : {}) }
        : type === "RELEASE"
          ? { type, reason: holdReason }
          : type === "CANCEL"
            ? { type, reason: cancelReason.trim() }
            : { type };
    setNumbers(new Map(selected));
    bulk.mutate({ orderIds: [...selected.keys()], action });
  }

  const results = bulk.data;
  const okCount = results?.filter((r) => r.ok).length ?? 0;

  return (
    <div className="space-y-3">
      {count > 0 && (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-xl border border-brand-100 bg-brand-50 p-3" data-testid="bulk-bar">
          <span className="self-center text-sm font-medium" data-testid="bulk-count">{t("orders.bulk.selected", { count })}</span>
          <select data-testid="bulk-action" aria-label={t("orders.bulk.choose")} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" value={type} onChange={(e) => setType(e.target.value as BulkType | "")}>
            <option value="">{t("orders.bulk.choose")}</option>
            {BULK.map((b) => (
              <option key={b} value={b}>{t(`orders.bulk.${b}`)}</option>
            ))}
          </select>
          {(type === "HOLD" || type === "RELEASE") && (
            <label className="text-xs font-medium text-slate-600">
              {t(type === "HOLD" ? "orders.bulk.holdReason" : "orders.bulk.releaseReason")}
              <select data-testid="bulk-hold-reason" className={field} value={holdReason} onChange={(e) => setHoldReason(e.target.value as HoldReason)}>
                {HOLD_REASONS.map((r) => (
                  <option key={r} value={r}>{t(`holdReason.${r}`)}</option>
                ))}
              </select>
            </label>
          )}
          {type === "HOLD" && (
            <label className="text-xs font-medium text-slate-600">
              {t("orders.bulk.note")}
              <input data-testid="bulk-note" className={field} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
            </label>
          )}
          {type === "CANCEL" && (
            <label className="min-w-64 text-xs font-medium text-slate-600">
              {t("orders.bulk.cancelReason")}
              <input data-testid="bulk-cancel-reason" required className={field} value={cancelReason} maxLength={500} onChange={(e) => setCancelReason(e.target.value)} />
            </label>
          )}
          <button
            type="submit"
            data-testid="bulk-apply"
            disabled={missing || tooMany || bulk.isPending}
            className="rounded-md bg-brand-600 px-4 py-1.5 text-sm text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {bulk.isPending ? t("orders.bulk.applying") : t("orders.bulk.apply", { count })}
          </button>
          <button type="button" onClick={onClear} className="text-sm text-slate-600 hover:underline" data-testid="bulk-clear">
            {t("orders.bulk.clear")}
          </button>
          {tooMany && <p className="w-full text-sm text-red-700">{t("orders.bulk.max", { max: BULK_LIMIT })}</p>}
        </form>
      )}
      <ErrorMessage error={bulk.error} />
      {results && (
        <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="bulk-results">
          <div className="mb-2 flex items-center justify-between">
            <h2 className="font-semibold">{t("orders.bulk.results")}</h2>
            <span className="text-sm text-slate-600" data-testid="bulk-summary">
              {t("orders.bulk.summary", { ok: okCount, failed: results.length - okCount })}
            </span>
          </div>
          <ul className="divide-y divide-slate-100 text-sm">
            {results.map((r) => (
              <li key={r.orderId} className="flex gap-3 py-1.5" data-testid="bulk-result" data-number={numbers.get(r.orderId)} data-ok={String(r.ok)}>
                <span className="w-20 font-medium tabular-nums">#{numbers.get(r.orderId)}</span>
                {r.ok ? (
                  <span className="text-green-700">✓ {t("orders.bulk.ok", { status: r.to ? t(`orderStatus.${r.to}`) : "" })}</span>
                ) : (
                  <span className="text-red-700">✗ {t("orders.bulk.failed", { error: r.error ? (errorText(r.error) ?? r.error.message) : "" })}</span>
                )}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => bulk.reset()} className="mt-2 text-sm text-slate-600 hover:underline">
            {t("orders.bulk.close")}
          </button>
        </section>
      )}
    </div>
  );
}
