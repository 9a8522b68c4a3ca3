"use client";
/**
 * Records what came back of a return and completes it (returns.complete): per
 * line the sellable units, the units that cannot be sold and why (damaged,
 * quarantine, QC) and the bin they go into. Read-only when `editable` is off. On success the page
 * reloads and shows what was booked instead of the form.
 */
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorText, useErrorText, type ErrorLike } from "@/components/ui/error-message";
import { UNAVAILABLE_KINDS } from "@/server/services/stock/stock-statuses";

type Kind = (typeof UNAVAILABLE_KINDS)[number];

interface Line { id: string; sku: string; name: string; stocked: boolean; expected: number; suggestedBinId: string | null }
interface Entry { sellable: number; unavailable: number; kind: Kind; binId: string }

const toCount = (v: string) => (/^\d+$/.test(v) ? Number(v) : 0);

export function CompleteReturnForm(props: { orderId: string; number: number; version: number; lines: Line[]; bins: { id: string; code: string }[]; editable: boolean }) {
  const t = useTranslations("returns.form");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useErrorText({ scopes: ["returns.errors"] });
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(props.lines.map((l) => [l.id, { sellable: l.stocked ? l.expected : 0, unavailable: 0, kind: "DAMAGED", binId: l.suggestedBinId ?? props.bins[0]?.id ?? "" }])),
  );
  const [note, setNote] = useState("");
  const complete = useMutation(trpc.returns.complete.mutationOptions({ onSuccess: () => router.refresh() }));
  const set = (id: string, patch: Partial<Entry>) => setEntries((e) => ({ ...e, [id]: { ...(e[id] as Entry), ...patch } }));

  // The stage and holds an error names, in the reader's language.
  const error = complete.error as ErrorLike | null;
  const params = error?.data?.params;
  const shown: ErrorLike | null = error && params
    ? {
        ...error,
        data: {
          ...error.data,
          params: {
            ...params,
            ...(typeof params.current === "string" && params.current ? { current: tAll(`orderStatus.${params.current}`) } : {}),
            ...(typeof params.holds === "string" && params.holds ? { holds: params.holds.split(",").map((h) => tAll(`holdReason.${h}`)).join(", ") } : {}),
          },
        },
      }
    : error;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    complete.mutate({
      orderId: props.orderId,
      expectedVersion: props.version,
      ...(note.trim() ? { note: note.trim() } : {}),
      lines: props.lines.flatMap((l) => {
        const x = entries[l.id];
        return x && x.binId ? [{ orderLineId: l.id, sellable: x.sellable, unavailable: x.unavailable, unavailableKind: x.kind, binId: x.binId }] : [];
      }),
    });
  };
  const disabled = !props.editable || complete.isPending || complete.isSuccess;
  const input = "w-20 rounded-md border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-50";

  return (
    <form onSubmit={submit} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="complete-return-form">
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="px-2 py-1">{t("sku")}</th>
              <th className="px-2 py-1">{t("item")}</th>
              <th className="px-2 py-1">{t("expected")}</th>
              <th className="px-2 py-1">{t("sellable")}</th>
              <th className="px-2 py-1">{t("unavailable")}</th>
              <th className="px-2 py-1">{t("kind")}</th>
              <th className="px-2 py-1">{t("bin")}</th>
              <th className="px-2 py-1">{t("missing")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {props.lines.map((l) => {
              const x = entries[l.id] as Entry;
              const lineDisabled = disabled || !l.stocked;
              return (
                <tr key={l.id} data-testid="return-line" data-sku={l.sku}>
                  <td className="px-2 py-1 font-mono text-xs">{l.sku}</td>
                  <td className="px-2 py-1">{l.name}{!l.stocked && <div className="text-xs text-amber-700">{t("notStocked")}</div>}</td>
                  <td className="px-2 py-1">{l.expected}</td>
                  <td className="px-2 py-1">
                    <input type="number" min={0} max={l.expected} value={x.sellable} disabled={lineDisabled} aria-label={`${t("sellable")} ${l.sku}`}
                      onChange={(e) => set(l.id, { sellable: toCount(e.target.value) })} className={input} data-testid="return-sellable" />
                  </td>
                  <td className="px-2 py-1">
                    <input type="number" min={0} max={l.expected} value={x.unavailable} disabled={lineDisabled} aria-label={`${t("unavailable")} ${l.sku}`}
                      onChange={(e) => set(l.id, { unavailable: toCount(e.target.value) })} className={input} data-testid="return-unavailable" />
                  </td>
                  <td className="px-2 py-1">
                    <select value={x.kind} disabled={lineDisabled} aria-label={`${t("kind")} ${l.sku}`} onChange={(e) => set(l.id, { kind: e.target.value as Kind })}
                      className="rounded-md border border-slate-300 px-2 py-1 text-sm" data-testid="return-kind">
                      {UNAVAILABLE_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
                    </select>
                  </td>
                  <td className="px-2 py-1">
                    <select value={x.binId} disabled={lineDisabled} aria-label={`${t("bin")} ${l.sku}`} onChange={(e) => set(l.id, { binId: e.target.value })}
                      className="rounded-md border border-slate-300 px-2 py-1 text-sm" data-testid="return-bin">
                      {props.bins.map((b) => <option key={b.id} value={b.id}>{b.code}</option>)}
                    </select>
                  </td>
                  <td className="px-2 py-1" data-testid="return-missing">{Math.max(0, l.expected - x.sellable - x.unavailable)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.editable && (
        <>
          <label className="block text-sm">
            <span className="text-slate-600">{t("note")}</span>
            <input value={note} maxLength={200} disabled={disabled} onChange={(e) => setNote(e.target.value)}
              className="mt-1 w-full max-w-lg rounded-md border border-slate-300 px-3 py-2 text-sm" data-testid="return-note" />
          </label>
          <ErrorText text={errorText(shown)} />
          <button type="submit" disabled={disabled} className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-50" data-testid="return-submit">
            {complete.isPending ? t("saving") : t("submit")}
          </button>
        </>
      )}
    </form>
  );
}
