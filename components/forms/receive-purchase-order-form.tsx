"use client";
/** Receiving: per open line, how many units arrived and the bin they go to; partial or full. */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ErrorMessage } from "@/components/ui/error-message";

interface OpenLine {
  id: string;
  skuCode: string;
  skuName: string;
  open: number;
}

const field = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function ReceivePurchaseOrderForm({ purchaseOrderId, lines, bins }: { purchaseOrderId: string; lines: OpenLine[]; bins: { id: string; code: string }[] }) {
  const t = useTranslations("purchasing.receive");
  const ts = useTranslations("purchasing.status");
  const td = useTranslations("purchasing.detail");
  const trpc = useTRPC();
  const router = useRouter();
  const [qty, setQty] = useState<Record<string, string>>({});
  const [bin, setBin] = useState<Record<string, string>>({});
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const receive = useMutation(
    trpc.stock.receivePurchaseOrder.mutationOptions({
      onSuccess: () => {
        setQty({});
        setNote("");
        router.refresh();
      },
    }),
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    receive.reset();
    const chosen = lines.map((l) => ({ l, q: Number(qty[l.id] ?? "") })).filter((x) => qty[x.l.id] && x.q > 0);
    if (chosen.length === 0) return setProblem(t("nothing"));
    const over = chosen.find((x) => !Number.isSafeInteger(x.q) || x.q > x.l.open);
    if (over) return setProblem(t("tooMany", { sku: over.l.skuCode, open: over.l.open }));
    setProblem(null);
    receive.mutate({
      purchaseOrderId,
      lines: chosen.map((x) => ({ lineId: x.l.id, quantity: x.q, binId: bin[x.l.id] ?? bins[0]?.id ?? "" })),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  const done = receive.data;
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" data-testid="receive-form">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="font-semibold">{t("title")}</h2>
          <p className="text-sm text-slate-500">{t("intro")}</p>
        </div>
        <button type="button" className="text-sm text-brand-700 hover:underline" onClick={() => setQty(Object.fromEntries(lines.map((l) => [l.id, String(l.open)])))} data-testid="receive-all">
          {t("receiveAll")}
        </button>
      </div>
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-2">{td("sku")}</th>
            <th className="w-36 py-2">{t("quantity")}</th>
            <th className="w-56 py-2">{t("bin")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => (
            <tr key={l.id} data-testid="receive-line" data-sku={l.skuCode}>
              <td className="py-2"><span className="whitespace-nowrap font-mono">{l.skuCode}</span> <span className="text-slate-500">— {l.skuName}</span> <span className="text-xs text-slate-400">(≤ {l.open})</span></td>
              <td className="py-2 pr-2">
                <input type="number" min={0} max={l.open} step={1} className={field} value={qty[l.id] ?? ""} onChange={(e) => setQty({ ...qty, [l.id]: e.target.value })} aria-label={`${t("quantity")} ${l.skuCode}`} data-testid="receive-quantity" />
              </td>
              <td className="py-2">
                <select className={field} value={bin[l.id] ?? bins[0]?.id ?? ""} onChange={(e) => setBin({ ...bin, [l.id]: e.target.value })} aria-label={`${t("bin")} ${l.skuCode}`} data-testid="receive-bin">
                  {bins.map((b) => (
                    <option key={b.id} value={b.id}>{b.code}</option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="block">
        <span className="text-sm font-medium">{t("note")}</span>
        <input className={`mt-1 ${field}`} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid="receive-note" />
      </label>
      {problem && <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{problem}</p>}
      <ErrorMessage error={receive.error} scope="stock.errors" />
      {done && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="receive-done">
          {t("done", { units: done.receivedUnits, status: ts(done.status) })}{" "}
          {done.backorderUnitsFilled > 0 && t("backorders", { units: done.backorderUnitsFilled, orders: done.ordersAllocated })}
        </p>
      )}
      <button type="submit" disabled={receive.isPending} className="rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700 disabled:opacity-50" data-testid="receive-submit">
        {receive.isPending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
